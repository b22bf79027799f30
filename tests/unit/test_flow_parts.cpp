// The flow's parts alone (app/flow): what is typed before it is an answer (answer_entry.h),
// the kiosk's clock (kiosk_clock.h), studies near me (near_me.h), opening a study or catalog
// (study_opening.h), links (links.h) and the effect queue (effects.h). test_flow.cpp and
// test_flow_catalog.cpp test them again through the whole flow.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "answer_entry.h"
#include "effects.h"
#include "kiosk_clock.h"
#include "links.h"
#include "near_me.h"
#include "study_files.h"
#include "study_opening.h"

namespace unit_flow_parts {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

using trialmatch::Answer;
using trialmatch::Option;
using trialmatch::Question;
using trialmatch::QuestionType;
using namespace trialmatch::flow;

Question number_question(double min, double max) {
  Question q;
  q.id = "age";
  q.type = QuestionType::Number;
  q.min = min;
  q.max = max;
  return q;
}

Question ticks_question() {
  Question q;
  q.id = "conditions";
  q.type = QuestionType::MultipleChoice;
  q.options = {Option{"a", {}, false}, Option{"b", {}, false}, Option{"none", {}, true}};
  return q;
}

Question month_question(int min_month, int max_month) {
  Question q;
  q.id = "last_episode";
  q.type = QuestionType::MonthYear;
  q.min = min_month;
  q.max = max_month;
  return q;
}

// ---- AnswerEntry --------------------------------------------------------------------------

TEST(AnswerEntry, AnEarlierNumberIsShownAndTheFirstDigitReplacesIt) {
  AnswerEntry entry;
  const Question q = number_question(18, 99);
  entry.begin(q, Answer::of_number(34), 2026);
  EXPECT_EQ(entry.number(), "34");
  entry.type_digit(5);
  EXPECT_EQ(entry.number(), "5") << "like selected text";
  entry.type_digit(2);
  EXPECT_EQ(entry.number(), "52");
  const AnswerEntry::Outcome outcome = entry.submit(q);
  ASSERT_TRUE(outcome.answer);
  EXPECT_EQ(outcome.answer->number, 52);
}

TEST(AnswerEntry, NumbersOutsideTheRangeAreNotAnswers) {
  AnswerEntry entry;
  const Question q = number_question(18, 99);
  entry.begin(q, std::nullopt, 2026);
  EXPECT_EQ(entry.submit(q).problem, EntryProblem::NumberOutOfRange) << "nothing typed";
  entry.type_digit(0);
  entry.type_digit(1);
  entry.type_digit(7);
  EXPECT_EQ(entry.number(), "17") << "a leading 0 is replaced";
  EXPECT_EQ(entry.submit(q).problem, EntryProblem::NumberOutOfRange);
  EXPECT_FALSE(entry.submit(q).answer);
  for (int i = 0; i < 8; ++i) entry.type_digit(9);
  EXPECT_EQ(entry.number(), "179999") << "six digits at most";
  entry.delete_digit();
  EXPECT_EQ(entry.number(), "17999");
  entry.clear_number();
  EXPECT_EQ(entry.number(), "");
}

TEST(AnswerEntry, NoneOfTheseClearsTheOtherTicksAndAnyOtherClearsIt) {
  AnswerEntry entry;
  const Question q = ticks_question();
  entry.begin(q, std::nullopt, 2026);
  EXPECT_EQ(entry.submit(q).problem, EntryProblem::ChooseAtLeastOne);
  entry.toggle(q, q.options[0]);
  entry.toggle(q, q.options[1]);
  EXPECT_TRUE(entry.ticked("a") && entry.ticked("b"));
  entry.toggle(q, q.options[2]);
  EXPECT_FALSE(entry.ticked("a") || entry.ticked("b"));
  EXPECT_TRUE(entry.ticked("none"));
  entry.toggle(q, q.options[1]);
  EXPECT_FALSE(entry.ticked("none"));
  const AnswerEntry::Outcome outcome = entry.submit(q);
  ASSERT_TRUE(outcome.answer);
  EXPECT_EQ(outcome.answer->choices, std::vector<std::string>{"b"});
}

TEST(AnswerEntry, TheMonthStepperStaysWithinTheQuestionsYears) {
  AnswerEntry entry;
  const Question q = month_question(2020 * 12, 2026 * 12 + 11);
  entry.begin(q, std::nullopt, 2031);
  EXPECT_EQ(entry.year_shown(), 2026) << "this year, kept within the range";
  entry.step_year(q, 1);
  EXPECT_EQ(entry.year_shown(), 2026);
  entry.begin(q, Answer::of_month_year(2021 * 12 + 4), 2026);
  EXPECT_EQ(entry.year_shown(), 2021) << "the earlier answer's year";
  for (int i = 0; i < 5; ++i) entry.step_year(q, -1);
  EXPECT_EQ(entry.year_shown(), 2020);
  EXPECT_EQ(entry.pick_month(q, 2).answer->number, 2020 * 12 + 2);
  const Question later = month_question(2020 * 12 + 6, 2026 * 12);
  entry.begin(later, std::nullopt, 2020);
  EXPECT_EQ(entry.pick_month(later, 1).problem, EntryProblem::MonthOutOfRange) << "February 2020 is before July 2020";
  EXPECT_FALSE(entry.pick_month(later, 12).answer) << "no thirteenth month";
}

// ---- KioskClock ---------------------------------------------------------------------------

TEST(KioskClock, OffItNeverCountsDown) {
  KioskClock clock;
  clock.note_activity(0);
  const KioskClock::Tick tick = clock.tick(10000, true, false);
  EXPECT_EQ(tick.event, KioskClock::Event::None);
  EXPECT_LT(tick.wake_in, 0);
}

TEST(KioskClock, IdleThenACountdownThenAWipe) {
  KioskClock clock;
  clock.set_idle(60);
  clock.note_activity(100);
  KioskClock::Tick tick = clock.tick(130, true, false);
  EXPECT_EQ(tick.event, KioskClock::Event::None);
  EXPECT_DOUBLE_EQ(tick.wake_in, 30);
  tick = clock.tick(160, true, false);
  EXPECT_EQ(tick.event, KioskClock::Event::CountdownShown);
  EXPECT_TRUE(clock.countdown_shown());
  EXPECT_EQ(clock.countdown_seconds(), 15);
  tick = clock.tick(170.5, true, false);
  EXPECT_EQ(tick.event, KioskClock::Event::None);
  EXPECT_EQ(clock.countdown_seconds(), 5);
  EXPECT_DOUBLE_EQ(tick.wake_in, 1) << "the countdown is redrawn every second";
  clock.note_activity(171);
  EXPECT_TRUE(clock.countdown_shown()) << "only its own button takes it away";
  EXPECT_EQ(clock.tick(175, true, false).event, KioskClock::Event::Wipe);
  EXPECT_FALSE(clock.countdown_shown());
  EXPECT_EQ(clock.tick(500, true, false).event, KioskClock::Event::None) << "one wipe";
}

TEST(KioskClock, APageAsleepThroughItAllIsWipedAtOnce) {
  KioskClock clock;
  clock.set_idle(60);
  clock.note_activity(0);
  EXPECT_EQ(clock.tick(3600, true, false).event, KioskClock::Event::Wipe);
}

TEST(KioskClock, StillHereStartsTheIdleTimeAgain) {
  KioskClock clock;
  clock.set_idle(30);
  clock.note_activity(0);
  ASSERT_EQ(clock.tick(31, true, false).event, KioskClock::Event::CountdownShown);
  clock.stop_countdown();
  EXPECT_FALSE(clock.countdown_shown());
  EXPECT_EQ(clock.tick(50, true, false).event, KioskClock::Event::None);
  EXPECT_EQ(clock.tick(62, true, false).event, KioskClock::Event::CountdownShown);
}

TEST(KioskClock, NothingToWipeNothingCounted_AndGivingWayIsNoCountdown) {
  KioskClock clock;
  clock.set_idle(30);
  clock.note_activity(0);
  EXPECT_EQ(clock.tick(100, false, false).event, KioskClock::Event::None) << "an empty welcome screen";
  EXPECT_EQ(clock.tick(100, true, true).event, KioskClock::Event::IdleAgain);
  EXPECT_FALSE(clock.countdown_shown());
}

// ---- NearMe ---------------------------------------------------------------------------

const char* const kZips =
    "# trialmatch-zips/1 test\n"
    "02114 4236 -7107\n"
    "10001 4075 -7400\n";

TEST(NearMe, TheTableIsFetchedOnceAndTheCodeLookedUpWhenItArrives) {
  NearMe near;
  EffectQueue effects;
  near.open(true);
  for (int d : {1, 0, 0, 0}) EXPECT_TRUE(near.type_digit(d));
  EXPECT_EQ(near.submit(effects), NearMe::Lookup::NeedsFiveDigits);
  EXPECT_TRUE(near.type_digit(1));
  EXPECT_FALSE(near.type_digit(2)) << "five digits at most";
  EXPECT_EQ(near.submit(effects), NearMe::Lookup::Waiting);
  EXPECT_TRUE(near.table_loading());
  EXPECT_FALSE(near.delete_digit()) << "the code being looked up stays as it was";
  EXPECT_EQ(near.submit(effects), NearMe::Lookup::Waiting);
  const std::vector<effect::FetchFile> fetches = effects.take<effect::FetchFile>();
  ASSERT_EQ(fetches.size(), 1u) << "fetched once";
  EXPECT_EQ(fetches[0].path, NearMe::kZipTableFile);
  const std::string table = kZips;
  EXPECT_EQ(near.on_table(&table, ""), NearMe::TableArrival::Ready);
  EXPECT_EQ(near.submit(effects), NearMe::Lookup::Found);
  EXPECT_EQ(near.zip(), "10001");
  EXPECT_TRUE(effects.empty());
}

TEST(NearMe, AFailedTableCanBeAskedForAgain_AndAnUnknownCodeIsSaidSo) {
  NearMe near;
  EffectQueue effects;
  near.open(false);
  for (int d : {9, 9, 9, 9, 9}) near.type_digit(d);
  ASSERT_EQ(near.submit(effects), NearMe::Lookup::Waiting);
  EXPECT_EQ(near.on_table(nullptr, "offline"), NearMe::TableArrival::Failed);
  EXPECT_FALSE(near.table_loading());
  ASSERT_EQ(near.submit(effects), NearMe::Lookup::Waiting);
  EXPECT_EQ(effects.take<effect::FetchFile>().size(), 2u) << "asked for again";
  const std::string table = kZips;
  EXPECT_EQ(near.on_table(&table, ""), NearMe::TableArrival::Ready);
  EXPECT_EQ(near.submit(effects), NearMe::Lookup::NotFound);
  EXPECT_EQ(near.zip(), "");
}

TEST(NearMe, AStudyWhoseDistanceIsNotKnownIsWithinAnyLimit) {
  NearMe near;
  near.set_distance_limit(10);
  const trialmatch::Trial no_sites;
  EXPECT_FALSE(near.miles_to(no_sites));
  EXPECT_TRUE(near.within_limit(no_sites));
  near.forget_person();
  EXPECT_EQ(near.distance_limit(), 0);
  EXPECT_FALSE(near.at_start());
}

// ---- StudyOpening ---------------------------------------------------------------------

TEST(StudyOpening, TheSeedStudyOpensInItsLanguages) {
  StudyOpening opening;
  EffectQueue effects;
  opening.opening("trials/NCT04979910.json");
  EXPECT_FALSE(opening.catalog_asked());
  ASSERT_EQ(opening.on_file_text("trials/NCT04979910.json",
                                 trialmatch_test::read_source_file("assets/trials/NCT04979910.json"), effects),
            StudyOpening::Step::Opened);
  EXPECT_EQ(opening.languages(), (std::vector<Lang>{Lang::En, Lang::Es}));
  EXPECT_NE(opening.study(), nullptr);
  EXPECT_EQ(opening.catalog(), nullptr);
  EXPECT_NE(opening.take_questionnaire(), nullptr);
  EXPECT_TRUE(effects.empty());
}

TEST(StudyOpening, ACatalogAsksForItsStudyFilesThenOpensWithThemAll) {
  StudyOpening opening;
  EffectQueue effects;
  ASSERT_EQ(opening.on_file_text("catalogs/depression.json",
                                 trialmatch_test::read_source_file("assets/catalogs/depression.json"), effects),
            StudyOpening::Step::Waiting);
  EXPECT_TRUE(opening.catalog_asked());
  const std::vector<effect::FetchFile> fetches = effects.take<effect::FetchFile>();
  ASSERT_GE(fetches.size(), 2u);
  StudyOpening::Step step = StudyOpening::Step::Waiting;
  for (const effect::FetchFile& f : fetches) {
    EXPECT_EQ(f.path.rfind("trials/", 0), 0u) << f.path << ": from the site's root";
    EXPECT_EQ(step, StudyOpening::Step::Waiting) << "not before the last file";
    step = opening.on_file_text(f.path, trialmatch_test::read_source_file("assets/" + f.path), effects);
  }
  EXPECT_EQ(step, StudyOpening::Step::Opened);
  EXPECT_NE(opening.catalog(), nullptr);
}

TEST(StudyOpening, AStudyFileOutsideTheSiteFailsAndNothingMoreIsFetched) {
  StudyOpening opening;
  EffectQueue effects;
  std::string text = trialmatch_test::read_source_file("assets/catalogs/depression.json");
  const size_t last = text.rfind("../trials/");
  ASSERT_NE(last, std::string::npos);
  text.replace(last, 10, "../../../");
  ASSERT_EQ(opening.on_file_text("catalogs/depression.json", text, effects), StudyOpening::Step::Failed);
  EXPECT_TRUE(effects.take<effect::FetchFile>().empty()) << "the files asked for before are dropped";
  ASSERT_EQ(opening.errors().size(), 1u);
  EXPECT_NE(opening.errors()[0].find("is outside this site"), std::string::npos) << opening.errors()[0];
  EXPECT_EQ(opening.file_name(), "catalogs/depression.json");
}

TEST(StudyOpening, ABrokenFileSaysWhereItIsBroken) {
  StudyOpening opening;
  EffectQueue effects;
  ASSERT_EQ(opening.on_file_text("trials/x.json", "{\"format\": ", effects), StudyOpening::Step::Failed);
  ASSERT_FALSE(opening.errors().empty());
  EXPECT_EQ(opening.errors()[0].rfind("trials/x.json:", 0), 0u) << opening.errors()[0];
  EXPECT_EQ(opening.on_fetch_failed("trials/y.json", "could not load the file: offline", effects), StudyOpening::Step::Failed);
  EXPECT_EQ(opening.errors(), std::vector<std::string>{"could not load the file: offline"});
}

// ---- Links ----------------------------------------------------------------------------

TEST(Links, APhoneNumberWithoutItsExtension_AndOnlyPlainAddresses) {
  trialmatch::Contact c;
  c.phone = "+1 (212) 555-0100 ext. 12";
  c.email = "study@example.org";
  c.url = "http://example.org/study";
  EXPECT_EQ(contact_link(c, ContactKind::Phone), "tel:+12125550100");
  EXPECT_EQ(contact_link(c, ContactKind::Email), "mailto:study@example.org");
  EXPECT_EQ(contact_link(c, ContactKind::WebPage), "") << "https only";
  c.phone = "555-01";
  EXPECT_EQ(contact_link(c, ContactKind::Phone), "") << "too short to dial";
}

TEST(Links, TheCrisisLinesInThePersonsLanguage) {
  EXPECT_EQ(crisis_link(CrisisLine::Call988, Lang::Es), "tel:988");
  EXPECT_EQ(crisis_link(CrisisLine::Text988, Lang::En), "sms:988");
  EXPECT_EQ(crisis_link(CrisisLine::Text988, Lang::Es), "sms:988?&body=AYUDA");
  EXPECT_EQ(crisis_link(CrisisLine::TextCrisisLine, Lang::En), "sms:741741?&body=HOME");
  EXPECT_EQ(crisis_link(CrisisLine::Call911, Lang::En), "tel:911");
}

// ---- EffectQueue ----------------------------------------------------------------------

TEST(EffectQueue, TakesAllInOrderOrOneKindLeavingTheRest) {
  EffectQueue effects;
  effects.push(effect::OpenLink{"tel:988"});
  effects.push(effect::FetchFile{"a"});
  effects.push(effect::CloseShareWindow{});
  effects.push(effect::FetchFile{"b"});
  const std::vector<effect::FetchFile> fetches = effects.take<effect::FetchFile>();
  ASSERT_EQ(fetches.size(), 2u);
  EXPECT_EQ(fetches[0].path, "a");
  EXPECT_EQ(fetches[1].path, "b");
  const std::vector<Effect> rest = effects.take();
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<effect::OpenLink>(rest[0]));
  EXPECT_TRUE(std::holds_alternative<effect::CloseShareWindow>(rest[1]));
  EXPECT_TRUE(effects.empty());
}

}  // namespace

}  // namespace unit_flow_parts
