// The flow with a catalog (assets/catalogs/depression.json): loading it and its study
// files, asking each shared question once, the ranked results and each study's own result,
// and the crisis help after a disclosure. Natively, through the person's intents.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "flow.h"
#include "flow_test_support.h"
#include "result_code.h"
#include "screen_model.h"
#include "study_files.h"

namespace unit_flow_catalog {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

using namespace trialmatch_test;
using Answers = std::map<std::string, Answer>;

trialmatch::flow::ScreenModel model(const Flow& flow) { return trialmatch::flow::screen_model(flow, {}); }

// Answers what the flow asks, from `answers` by question id, through the person's intents;
// a question not in `answers` gets "no", or "I'm not sure" where "no" is not an option.
// Returns the ids asked, in order; stops at the review screen or the support screen.
std::vector<std::string> answer_all(Flow& flow, const Answers& answers) {
  std::vector<std::string> asked;
  for (int guard = 0; guard < 100 && flow.screen() == Screen::Question; ++guard) {
    const trialmatch::Question& q = flow.question();
    asked.push_back(q.id);
    auto it = answers.find(q.id);
    Answer a = it != answers.end() ? it->second : Answer::of_choice("no");
    if (it == answers.end() && !q.find_option("no")) a = Answer::unknown(UnknownKind::NotSure);
    switch (a.kind) {
      case Answer::Kind::Choice: flow.apply(Intent::choose(a.choice)); break;
      case Answer::Kind::Choices:
        for (const std::string& c : a.choices) flow.apply(Intent::choose(c));
        flow.apply(Intent::of(K::Continue));
        break;
      case Answer::Kind::Number:
        for (char c : std::to_string(static_cast<int>(a.number))) flow.apply(Intent::with_number(K::Digit, c - '0'));
        flow.apply(Intent::of(K::Continue));
        break;
      case Answer::Kind::Unknown: flow.apply(Intent::choose_unknown(a.unknown_kind)); break;
      case Answer::Kind::MonthYear: ADD_FAILURE() << "no month questions expected"; return asked;
    }
  }
  return asked;
}

// Start, then past the ZIP code screen without one, as a person who skips it.
void start(Flow& flow) {
  flow.apply(Intent::of(K::Start));
  ASSERT_EQ(flow.screen(), Screen::Zip) << "the catalog asks for a ZIP code first";
  ASSERT_TRUE(flow.zip_at_start());
  flow.apply(Intent::of(K::SkipZip));
}

const Answer kYes = Answer::of_choice("yes");
const Answer kNo = Answer::of_choice("no");

TEST(FlowCatalog, LoadsTheCatalogThenEveryRecruitingStudyFileThenWelcomes) {
  Flow flow(Lang::En);
  flow.opening(kCatalog);
  EXPECT_EQ(flow.heading(), "Loading the studies...");
  flow.on_file_text(kCatalog, trialmatch_test::read_source_file("assets/catalogs/depression.json"));
  EXPECT_EQ(flow.screen(), Screen::Loading);
  const std::vector<std::string> files = taken_fetches(flow);
  EXPECT_EQ(files, (std::vector<std::string>{"trials/NCT04979910.json", "trials/NCT06136546.json", "trials/NCT07493317.json"}));
  EXPECT_TRUE(taken_fetches(flow).empty());  // taken once
  for (size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(flow.screen(), Screen::Loading) << "before " << files[i];
    flow.on_file_text(files[i], trialmatch_test::read_source_file("assets/" + files[i]));
  }
  ASSERT_EQ(flow.screen(), Screen::Welcome);
  ASSERT_NE(flow.catalog(), nullptr);
  EXPECT_EQ(flow.title(), "Depression studies that test medicines for inflammation");
  EXPECT_TRUE(flow.mental_health());
  EXPECT_EQ(flow.languages(), (std::vector<Lang>{Lang::En, Lang::Es}));
}

TEST(FlowCatalog, ABrokenStudyFileShowsTheErrorNamingThatFile) {
  Flow flow(Lang::En);
  flow.on_file_text(kCatalog, trialmatch_test::read_source_file("assets/catalogs/depression.json"));
  const std::vector<std::string> files = taken_fetches(flow);
  flow.on_file_text(files[0], trialmatch_test::read_source_file("assets/" + files[0]));
  flow.on_file_text(files[1], "{\"format\": ");
  ASSERT_EQ(flow.screen(), Screen::Error);
  EXPECT_EQ(flow.heading(), "We could not open these studies");
  EXPECT_EQ(flow.file_name(), files[1]);
  ASSERT_FALSE(flow.errors().empty());
  EXPECT_NE(flow.errors()[0].find(files[1]), std::string::npos) << flow.errors()[0];
  // A late file changes nothing.
  flow.on_file_text(files[2], trialmatch_test::read_source_file("assets/" + files[2]));
  EXPECT_EQ(flow.screen(), Screen::Error);
}

TEST(FlowCatalog, AStudyFileThatCannotBeFetchedShowsTheError) {
  Flow flow(Lang::En);
  flow.on_file_text(kCatalog, trialmatch_test::read_source_file("assets/catalogs/depression.json"));
  const std::vector<std::string> files = taken_fetches(flow);
  flow.on_file_fetch_failed(files[2], "could not load the file: the server answered 404 Not Found");
  ASSERT_EQ(flow.screen(), Screen::Error);
  EXPECT_EQ(flow.file_name(), files[2]);
}

TEST(FlowCatalog, AStudyFileOutsideTheSiteIsRefusedBeforeAnythingIsFetched) {
  std::string text = trialmatch_test::read_source_file("assets/catalogs/depression.json");
  const std::string from = "\"../trials/NCT06136546.json\"", to = "\"../../../etc/NCT06136546.json\"";
  text.replace(text.find(from), from.size(), to);
  Flow flow(Lang::En);
  flow.on_file_text(kCatalog, text);
  EXPECT_EQ(flow.screen(), Screen::Error);
  EXPECT_TRUE(taken_fetches(flow).empty());
}

TEST(FlowCatalog, AStudyFileThatDoesNotFitTheCatalogIsAnError) {
  // The tocilizumab study's file, delivered where the catalog expects the infliximab one.
  Flow flow(Lang::En);
  flow.on_file_text(kCatalog, trialmatch_test::read_source_file("assets/catalogs/depression.json"));
  const std::vector<std::string> files = taken_fetches(flow);
  flow.on_file_text(files[0], trialmatch_test::read_source_file("assets/" + files[0]));
  flow.on_file_text(files[1], trialmatch_test::read_source_file("assets/" + files[2]));
  flow.on_file_text(files[2], trialmatch_test::read_source_file("assets/" + files[2]));
  EXPECT_EQ(flow.screen(), Screen::Error);
}

TEST(FlowCatalog, SomeoneUnder18IsAskedOneQuestionAndNoStudyFits) {
  Flow flow = catalog_flow();
  start(flow);
  const std::vector<std::string> asked = answer_all(flow, {{"age", Answer::of_number(17)}});
  EXPECT_EQ(asked, (std::vector<std::string>{"age"}));
  ASSERT_EQ(flow.screen(), Screen::Review);
  flow.apply(Intent::of(K::SeeResult));
  ASSERT_EQ(flow.screen(), Screen::Results);
  const auto m = model(flow);
  ASSERT_EQ(m.results.size(), 7u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(m.results[i].verdict, "not_eligible") << m.results[i].id;
  for (size_t i = 3; i < 7; ++i) EXPECT_EQ(m.results[i].verdict, "closed") << m.results[i].id;
  // Each study opens its own result; Back returns to the list.
  flow.apply(Intent::with_number(K::OpenStudy, 1));
  ASSERT_EQ(flow.screen(), Screen::Result);
  EXPECT_EQ(model(flow).study, "NCT06136546");
  EXPECT_EQ(flow.result_title(), "Infliximab for memory and focus problems and inflammation in depression (Boston)")
      << "named as in the list";
  EXPECT_EQ(model(flow).verdict, "not_eligible");
  flow.apply(Intent::of(K::Back));
  EXPECT_EQ(flow.screen(), Screen::Results);
  // A closed study has no result to open.
  flow.apply(Intent::with_number(K::OpenStudy, 4));
  EXPECT_EQ(flow.screen(), Screen::Results);
  flow.apply(Intent::of(K::Back));
  EXPECT_EQ(flow.screen(), Screen::Review);
}

TEST(FlowCatalog, SharedQuestionsAreAskedOnceAndSeveralStudiesCanFit) {
  Flow flow = catalog_flow();
  start(flow);
  const Answers fit = {{"age", Answer::of_number(40)},  {"diagnosed_depression", kYes}, {"depressed_now", kYes},
                       {"self_harm_thoughts", kNo},     {"recent_suicide_attempt", kNo}, {"on_antidepressant", kYes},
                       {"dose_stable", kYes},           {"treatments_tried", Answer::of_choice("two_or_more")},
                       {"can_become_pregnant", kNo},    {"breastfeeding", kNo},          {"mri_concerns", Answer::of_choices({"none"})},
                       {"mgh_reads_english", kYes},     {"mgh_keep_treatment_same", kYes}, {"mgh_iv_and_blood_draws_ok", kYes},
                       {"mgh_can_attend_visits", kYes}, {"il6_can_attend_visits", kYes}, {"can_attend_visits", kYes}};
  const std::vector<std::string> asked = answer_all(flow, fit);
  ASSERT_EQ(flow.screen(), Screen::Review);
  const std::set<std::string> distinct(asked.begin(), asked.end());
  EXPECT_EQ(distinct.size(), asked.size()) << "a question was asked twice";
  // Every answer is listed once on the review screen, study questions with their study.
  const auto m = model(flow);
  EXPECT_EQ(m.answers.size(), asked.size());
  flow.apply(Intent::of(K::SeeResult));
  ASSERT_EQ(flow.screen(), Screen::Results);
  const auto results = model(flow).results;
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results.front().verdict, "likely_eligible");
  // Ranked: likely fits, then talks, then not a fit, then closed.
  auto rank = [](const std::string& v) {
    return v == "likely_eligible" ? 0 : v == "needs_review" ? 1 : v == "not_eligible" ? 2 : 3;
  };
  for (size_t i = 1; i < results.size(); ++i) EXPECT_LE(rank(results[i - 1].verdict), rank(results[i].verdict));
}

TEST(FlowCatalog, ADisclosureOpensTheSupportScreenOnceAndEveryResultKeepsTheHelp) {
  Flow flow = catalog_flow();
  start(flow);
  answer_all(flow, {{"age", Answer::of_number(30)}, {"diagnosed_depression", kYes}, {"depressed_now", kYes},
                    {"self_harm_thoughts", kYes}});
  ASSERT_EQ(flow.screen(), Screen::Support);
  EXPECT_TRUE(flow.support_after_disclosure());
  flow.apply(Intent::of(K::LeaveSupport));
  ASSERT_EQ(flow.screen(), Screen::Question);
  const std::vector<std::string> rest = answer_all(flow, {{"recent_suicide_attempt", kNo}});
  EXPECT_EQ(std::count(rest.begin(), rest.end(), "self_harm_thoughts"), 0);
  ASSERT_EQ(flow.screen(), Screen::Review);
  flow.apply(Intent::of(K::SeeResult));
  ASSERT_EQ(flow.screen(), Screen::Results);
  EXPECT_TRUE(flow.questionnaire().calls_for_crisis_support());
  // Changing the answer to "no" takes the crisis help away again.
  const auto path = flow.questionnaire().path();
  const auto at = std::find_if(path.begin(), path.end(),
                               [&](int q) { return flow.questionnaire().id(q) == "self_harm_thoughts"; });
  ASSERT_NE(at, path.end());
  flow.apply(Intent::of(K::ReviewAnswers));
  flow.apply(Intent::with_number(K::Change, *at));
  ASSERT_EQ(flow.screen(), Screen::Question);
  flow.apply(Intent::choose("no"));
  EXPECT_FALSE(flow.questionnaire().calls_for_crisis_support());
}

TEST(FlowCatalog, AQuestionOnlyOneStudyAsksIsNamedForThatStudy) {
  Flow flow = catalog_flow();
  const auto& q = flow.questionnaire();
  int study_questions = 0;
  for (int i = 0; i < q.count(); ++i) {
    if (q.only_study(i) < 0) {
      EXPECT_EQ(q.id(i).find('/'), std::string::npos) << q.id(i);
      continue;
    }
    ++study_questions;
    EXPECT_EQ(q.id(i).substr(0, 12), flow.catalog()->catalog().studies[static_cast<size_t>(q.only_study(i))].id + "/")
        << q.id(i);
  }
  EXPECT_GT(study_questions, 0);
}

TEST(FlowCatalog, StartOverForgetsEveryAnswer) {
  Flow flow = catalog_flow();
  start(flow);
  answer_all(flow, {{"age", Answer::of_number(17)}});
  flow.apply(Intent::of(K::SeeResult));
  flow.apply(Intent::of(K::StartOver));
  EXPECT_EQ(flow.screen(), Screen::Welcome);
  EXPECT_TRUE(flow.questionnaire().path().empty());
  for (int i = 0; i < flow.questionnaire().count(); ++i) EXPECT_FALSE(flow.questionnaire().answer_to(i)) << i;
}

}  // namespace

namespace {

const char* const kZips =
    "# trialmatch-zips/1 test\n"
    "02114 4236 -7107\n"
    "10001 4075 -7400\n"
    "10025 4080 -7397\n";

// Someone under 18, on the results screen.
Flow at_results() {
  Flow flow = catalog_flow();
  start(flow);
  answer_all(flow, {{"age", Answer::of_number(17)}});
  flow.apply(Intent::of(K::SeeResult));
  return flow;
}

void type_zip(Flow& flow, const std::string& digits) {
  for (char c : digits) flow.apply(Intent::with_number(K::Digit, c - '0'));
  flow.apply(Intent::of(K::Continue));
}

}  // namespace

TEST(FlowCatalog, AZipCodeGivesEachStudyItsDistanceAndTheTableIsFetchedOnlyWhenAsked) {
  Flow flow = at_results();
  EXPECT_TRUE(taken_fetches(flow).empty());
  flow.apply(Intent::of(K::OpenZip));
  ASSERT_EQ(flow.screen(), Screen::Zip);
  type_zip(flow, "1000");
  EXPECT_EQ(flow.input_message(), "Please enter all 5 numbers of your ZIP code.");
  type_zip(flow, "19");  // a sixth digit is not taken
  EXPECT_EQ(flow.zip_entry(), "10001");
  EXPECT_EQ(taken_fetches(flow), std::vector<std::string>{NearMe::kZipTableFile});
  EXPECT_TRUE(flow.zip_table_loading());
  EXPECT_EQ(flow.screen(), Screen::Zip);
  flow.apply(Intent::of(K::DeleteDigit));  // while it is looked up, the code stays as it was
  flow.apply(Intent::with_number(K::Digit, 7));
  EXPECT_EQ(flow.zip_entry(), "10001");
  flow.on_file_text(NearMe::kZipTableFile, kZips);
  ASSERT_EQ(flow.screen(), Screen::Results);
  EXPECT_EQ(flow.zip(), "10001");
  ASSERT_TRUE(flow.miles_to(0));
  EXPECT_LT(*flow.miles_to(0), 5);  // Mount Sinai, 10025
  ASSERT_TRUE(flow.miles_to(1));
  EXPECT_NEAR(*flow.miles_to(1), 190, 10);  // Boston, 02114
  EXPECT_FALSE(flow.miles_to(2));           // no ZIP code known for its site
  // Within 25 miles: Boston is left out; a study whose distance is unknown stays.
  flow.apply(Intent::with_number(K::LimitDistance, 25));
  EXPECT_TRUE(flow.within_limit(0));
  EXPECT_FALSE(flow.within_limit(1));
  EXPECT_TRUE(flow.within_limit(2));
  const auto m = model(flow);
  EXPECT_EQ(m.zip, "10001");
  EXPECT_EQ(m.distance_limit, 25);
  EXPECT_FALSE(m.results[1].shown);
  flow.apply(Intent::of(K::ForgetZip));
  EXPECT_EQ(flow.zip(), "");
  EXPECT_EQ(flow.zip_entry(), "");
  EXPECT_EQ(flow.distance_limit(), 0);
  EXPECT_TRUE(flow.within_limit(1));
  // Asked again, the table is not fetched again.
  flow.apply(Intent::of(K::OpenZip));
  type_zip(flow, "02114");
  EXPECT_TRUE(taken_fetches(flow).empty());
  EXPECT_EQ(flow.screen(), Screen::Results);
  EXPECT_EQ(flow.zip(), "02114");
}

TEST(FlowCatalog, AZipCodeNotInTheTableOrATableThatCannotBeFetchedSaysSo) {
  Flow flow = at_results();
  flow.apply(Intent::of(K::OpenZip));
  type_zip(flow, "99999");
  EXPECT_EQ(taken_fetches(flow), std::vector<std::string>{NearMe::kZipTableFile});
  flow.on_file_fetch_failed(NearMe::kZipTableFile, "could not load the file: offline");
  EXPECT_EQ(flow.screen(), Screen::Zip);
  EXPECT_EQ(flow.input_message(), "We could not load the list of ZIP codes. Please try again.");
  flow.apply(Intent::of(K::Continue));  // try again: asked for again
  EXPECT_EQ(taken_fetches(flow), std::vector<std::string>{NearMe::kZipTableFile});
  flow.on_file_text(NearMe::kZipTableFile, kZips);
  EXPECT_EQ(flow.screen(), Screen::Zip);
  EXPECT_EQ(flow.input_message(), "We could not find this ZIP code. Please check it.");
  flow.apply(Intent::of(K::Back));
  EXPECT_EQ(flow.screen(), Screen::Results);
  EXPECT_EQ(flow.zip(), "");
}

TEST(FlowCatalog, LeavingTheZipScreenWhileTheTableLoadsLeavesThePersonWhereTheyWent) {
  Flow flow = at_results();
  flow.apply(Intent::of(K::OpenZip));
  type_zip(flow, "10001");
  ASSERT_TRUE(flow.zip_table_loading());
  flow.apply(Intent::of(K::Back));
  flow.apply(Intent::with_number(K::OpenStudy, 0));
  ASSERT_EQ(flow.screen(), Screen::Result);
  flow.on_file_text(NearMe::kZipTableFile, kZips);
  EXPECT_EQ(flow.screen(), Screen::Result) << "the table arriving does not move the person";
  EXPECT_EQ(flow.zip(), "");
  EXPECT_FALSE(flow.zip_table_loading());
}

TEST(FlowCatalog, AStudyNumberOutOfRangeOpensNothing) {
  Flow flow = at_results();
  for (int n : {-1, 7, 1000}) {
    flow.apply(Intent::with_number(K::OpenStudy, n));
    EXPECT_EQ(flow.screen(), Screen::Results) << n;
  }
}

TEST(FlowCatalog, StartOverForgetsTheZipCode) {
  Flow flow = at_results();
  flow.apply(Intent::of(K::OpenZip));
  flow.on_file_text(NearMe::kZipTableFile, kZips);  // already here from an earlier person
  type_zip(flow, "10001");
  ASSERT_EQ(flow.zip(), "10001");
  flow.apply(Intent::with_number(K::LimitDistance, 50));
  flow.apply(Intent::of(K::StartOver));
  EXPECT_EQ(flow.zip(), "");
  EXPECT_EQ(flow.zip_entry(), "");
  EXPECT_EQ(flow.distance_limit(), 0);
}

TEST(FlowCatalog, EachStudysLineOnTheResultsIsItsFirstReasonOrWhatWouldChangeIt) {
  Flow young = at_results();
  EXPECT_EQ(young.study_line(0), "The study is for adults. Its listing says ages 18 to 65, and a newer registry record says 18 to 70.") << "not 'the only reason': nothing more was asked";
  EXPECT_EQ(young.study_line(4), "") << "a closed study has none";
  Flow flow = catalog_flow();
  start(flow);
  answer_all(flow, {{"age", Answer::of_number(40)}, {"diagnosed_depression", kYes}, {"depressed_now", kYes},
                    {"self_harm_thoughts", kNo}, {"recent_suicide_attempt", kNo}, {"on_antidepressant", kYes},
                    {"dose_stable", kNo}, {"treatments_tried", Answer::of_choice("two_or_more")},
                    {"can_become_pregnant", kNo}, {"breastfeeding", kNo}, {"mri_concerns", Answer::of_choices({"none"})},
                    {"mgh_reads_english", kYes}, {"mgh_keep_treatment_same", kYes}, {"mgh_iv_and_blood_draws_ok", kYes},
                    {"mgh_can_attend_visits", kYes}, {"il6_can_attend_visits", kYes}, {"can_attend_visits", kYes}});
  flow.apply(Intent::of(K::SeeResult));
  EXPECT_EQ(flow.study_line(0).rfind("One thing to talk over with the study team: Your antidepressant dose", 0), 0u)
      << flow.study_line(0);
}

// Continue later in a catalog: the file names every open study's edition and the answers by
// the catalog's ids; a fresh page brings back the same path and results.
TEST(FlowCatalog, SavedAnswersComeBackOnAFreshPageWithTheSameResults) {
  Flow before = catalog_flow();
  start(before);
  answer_all(before, {{"age", Answer::of_number(40)}, {"diagnosed_depression", kYes}, {"depressed_now", kYes}});
  ASSERT_EQ(before.screen(), Screen::Review);
  before.apply(Intent::of(K::SeeResult));
  ASSERT_EQ(before.screen(), Screen::Results);
  before.apply(Intent::of(K::SaveAnswers));
  const effect::SaveFile saved = taken_save(before);
  EXPECT_EQ(saved.file_name, "study-answers-depression.json");
  const nlohmann::json doc = nlohmann::json::parse(saved.text);
  EXPECT_EQ(doc["file"], kCatalog);
  EXPECT_GE(doc["studies"].size(), 2u);

  Flow after = catalog_flow();
  after.apply(Intent::of(K::OpenSaved));
  ASSERT_TRUE(taken_pick(after));
  after.on_saved_answers(saved.text, false);
  EXPECT_EQ(after.screen(), Screen::Review);
  EXPECT_EQ(after.saved_notice(), Flow::SavedNotice::Restored);
  EXPECT_EQ(after.questionnaire().path(), before.questionnaire().path());
  after.apply(Intent::of(K::SeeResult));
  const auto a = model(after).results, b = model(before).results;
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].verdict, b[i].verdict);
  }
  // A study's file saved on the catalog's page is another file.
  Flow seed_page(Lang::En);
  seed_page.on_file_text("trials/NCT04979910.json", trialmatch_test::read_source_file("assets/trials/NCT04979910.json"));
  seed_page.apply(Intent::of(K::OpenSaved));
  seed_page.on_saved_answers(saved.text, false);
  EXPECT_EQ(seed_page.saved_notice(), Flow::SavedNotice::OtherFile);
}

// A catalog study's QR code is that study's own result code: its id, its file, its answers
// (shared ones included), read back with the catalog by `trialmatch decode`.
TEST(FlowCatalog, AStudysQrCodeIsItsOwnResult) {
  Flow flow = at_results();
  flow.apply(Intent::with_number(K::OpenStudy, 1));
  ASSERT_EQ(flow.screen(), Screen::Result);
  const std::string code = trialmatch::result_code(flow.session());
  EXPECT_EQ(code.rfind("TM1 NCT06136546 ", 0), 0u) << code;
  EXPECT_NE(code.find(" N "), std::string::npos) << "not a fit at 17: " << code;
  flow.apply(Intent::of(K::ShowCode));
  ASSERT_EQ(flow.screen(), Screen::ResultCode);
  EXPECT_EQ(flow.code_image().dark, trialmatch::flow::qr_image(code).dark);
  flow.apply(Intent::of(K::Back));
  EXPECT_EQ(flow.screen(), Screen::Result);
  EXPECT_EQ(model(flow).study, "NCT06136546");
}

namespace {

// Each study is shown with its status in words and the date it was read: a recruiting study
// is "looking for people (as of ...)", and a closed one says which kind of closed it is.
TEST(FlowCatalog, EachStudySaysItsStatusWithTheDateItWasRead) {
  Flow en = catalog_flow(Lang::En);
  EXPECT_EQ(en.status_words(0), "Looking for people (as of November 16, 2023)");
  EXPECT_EQ(en.status_words(3), "Not looking for people yet (as of July 4, 2025)");
  EXPECT_EQ(en.status_words(4), "Finished (as of January 9, 2025)");
  EXPECT_EQ(en.status_words(6), "Stopped early (as of November 29, 2026)");
  Flow es = catalog_flow(Lang::Es);
  EXPECT_EQ(es.status_words(1), "Busca personas (según el registro del 7 de mayo de 2025)");
  EXPECT_EQ(es.status_words(3), "Todavía no busca personas (según el registro del 4 de julio de 2025)");
  EXPECT_EQ(trialmatch::flow::date_words("2026-03", Lang::En), "March 2026");
  EXPECT_EQ(trialmatch::flow::date_words("2026-03", Lang::Es), "marzo de 2026");
  EXPECT_EQ(trialmatch::flow::date_words("not a date", Lang::En), "not a date");
}

// A question several studies share has one reason, the same in each: the catalog never
// swaps it for general words (the self-harm questions keep "a yes does not keep you out").
TEST(FlowCatalog, ASharedSafetyQuestionKeepsItsAgreedReason) {
  const Flow flow = catalog_flow();
  int asked = -1;
  for (int q = 0; q < flow.questionnaire().count(); ++q)
    if (flow.questionnaire().id(q) == "self_harm_thoughts") asked = q;
  ASSERT_GE(asked, 0);
  const std::string why = flow.words(flow.questionnaire().why(asked));
  EXPECT_NE(why.find("A yes does not keep you out of a study by itself"), std::string::npos) << why;
}

}  // namespace

namespace {

// A person several studies may fit, by question id (a study's own question by its own id).
Answers fits_several() {
  Answers a;
  for (const char* yes : {"diagnosed_depression", "depressed_now", "on_antidepressant", "dose_stable", "can_attend_visits",
                          "mgh_reads_english", "mgh_keep_treatment_same", "mgh_iv_and_blood_draws_ok",
                          "mgh_can_attend_visits", "il6_can_attend_visits"})
    a[yes] = kYes;
  a["age"] = Answer::of_number(40);
  a["treatments_tried"] = Answer::of_choice("two_or_more");
  a["mri_concerns"] = Answer::of_choices({"none"});
  return a;
}

// Gives the question on screen this answer (a number, choices or one choice), by intents.
void answer_with(Flow& flow, const Answer& a) {
  if (a.kind == Answer::Kind::Number) {
    for (char c : std::to_string(static_cast<int>(a.number))) flow.apply(Intent::with_number(K::Digit, c - '0'));
    flow.apply(Intent::of(K::Continue));
  } else if (a.kind == Answer::Kind::Choices) {
    for (const std::string& c : a.choices) flow.apply(Intent::choose(c));
    flow.apply(Intent::of(K::Continue));
  } else {
    flow.apply(Intent::choose(a.choice));
  }
}

// Answers what the flow asks from `answers` by question id ("no" to the rest); returns the
// keys asked, a study's own question as "STUDY/id".
std::vector<std::string> answer_by_key(Flow& flow, const Answers& answers) {
  std::vector<std::string> asked;
  for (int guard = 0; guard < 60 && flow.screen() == Screen::Question; ++guard) {
    asked.push_back(flow.questionnaire().id(flow.question_index()));
    const auto it = answers.find(flow.question().id);
    answer_with(flow, it != answers.end() ? it->second : kNo);
  }
  return asked;
}

// "About N questions" is a promise: once answers come in it never grows by more than one or
// two, and the person is not asked more than it first said.
TEST(FlowCatalog, TheEstimateOfHowManyQuestionsHoldsFromTheStart) {
  for (const bool can_become_pregnant : {false, true}) {
    Flow flow = catalog_flow();
    const int promised = flow.questionnaire().estimated_total();
    start(flow);
    Answers answers = fits_several();
    answers["can_become_pregnant"] = can_become_pregnant ? kYes : kNo;
    answers["birth_control"] = kYes;
    int shown = flow.path_step().total, asked = 0;
    for (int guard = 0; guard < 60 && flow.screen() == Screen::Question; ++guard) {
      const int now = flow.path_step().total;
      EXPECT_LE(now, shown + 2) << "at " << flow.question().id;
      shown = now;
      ++asked;
      const auto it = answers.find(flow.question().id);
      answer_with(flow, it != answers.end() ? it->second : kNo);
    }
    EXPECT_EQ(flow.screen(), Screen::Review);
    EXPECT_LE(asked, promised) << "the welcome screen said about " << promised;
  }
}

// Once an answer puts a study out of reach (cannot come to its site), none of its other own
// questions are asked; the others go on.
TEST(FlowCatalog, AStudyOutOfReachAsksNoneOfItsOwnQuestions) {
  Flow flow = catalog_flow();
  start(flow);
  Answers answers = fits_several();
  answers["can_become_pregnant"] = kNo;
  answers["mgh_can_attend_visits"] = kNo;
  const std::vector<std::string> asked = answer_by_key(flow, answers);
  const auto at = std::find(asked.begin(), asked.end(), "NCT06136546/mgh_can_attend_visits");
  ASSERT_NE(at, asked.end());
  for (auto later = at + 1; later != asked.end(); ++later)
    EXPECT_EQ(later->rfind("NCT06136546/", 0), std::string::npos) << *later << " asked after the study was out of reach";
  flow.apply(Intent::of(K::SeeResult));
  ASSERT_EQ(flow.screen(), Screen::Results);
  const std::vector<trialmatch::CatalogSession::Match> ranking = flow.catalog()->session().ranking();
  EXPECT_EQ(ranking.back().study, 1) << "out of reach comes after every other study";
  EXPECT_TRUE(ranking.back().out_of_reach);
  EXPECT_NE(flow.study_line(1).find("could not come to visits in Boston"), std::string::npos) << flow.study_line(1);
}

}  // namespace

namespace {

// Issue 23: a person may give a ZIP code and a distance before the questions, so studies too
// far away are set aside before theirs; a larger distance later brings them back, with their
// questions still to answer.
TEST(FlowCatalog, AZipCodeAtTheStartSetsFarStudiesAsideBeforeTheirQuestions) {
  Flow flow = catalog_flow();
  const int promised = flow.questionnaire().estimated_total();
  flow.apply(Intent::of(K::Start));
  ASSERT_EQ(flow.screen(), Screen::Zip);
  EXPECT_EQ(flow.heading(), "Where do you live?");
  flow.apply(Intent::with_number(K::LimitDistance, 25));
  type_zip(flow, "10001");
  EXPECT_EQ(taken_fetches(flow), std::vector<std::string>{NearMe::kZipTableFile});
  flow.on_file_text(NearMe::kZipTableFile, kZips);
  ASSERT_EQ(flow.screen(), Screen::Question) << "the questions begin once the code is found";
  EXPECT_TRUE(flow.catalog()->session().is_set_aside(1)) << "Boston is about 190 miles away";
  EXPECT_FALSE(flow.catalog()->session().is_set_aside(0));
  EXPECT_FALSE(flow.catalog()->session().is_set_aside(2)) << "a study whose place is not known stays";
  EXPECT_LT(flow.questionnaire().estimated_total(), promised) << "fewer questions to expect";
  Answers answers = fits_several();
  answers["can_become_pregnant"] = kNo;
  for (const std::string& key : answer_by_key(flow, answers))
    EXPECT_EQ(key.rfind("NCT06136546/", 0), std::string::npos) << key << " belongs to the study set aside";
  flow.apply(Intent::of(K::SeeResult));
  ASSERT_EQ(flow.screen(), Screen::Results);
  auto m = model(flow);
  const auto boston = [&] {
    return *std::find_if(m.results.begin(), m.results.end(), [](const auto& r) { return r.id == "NCT06136546"; });
  };
  EXPECT_FALSE(boston().shown);
  // Any distance: the Boston study is back, with its own questions to answer and no verdict yet.
  flow.apply(Intent::with_number(K::LimitDistance, 0));
  m = model(flow);
  EXPECT_TRUE(boston().shown);
  EXPECT_FALSE(boston().settled);
  flow.apply(Intent::of(K::AnswerMore));
  ASSERT_EQ(flow.screen(), Screen::Question);
  const std::vector<std::string> more = answer_by_key(flow, answers);
  ASSERT_FALSE(more.empty());
  for (const std::string& key : more) EXPECT_EQ(key.rfind("NCT06136546/", 0), 0u) << key << ": only what it still needs";
  flow.apply(Intent::of(K::SeeResult));
  ASSERT_EQ(flow.screen(), Screen::Results);
  m = model(flow);
  EXPECT_TRUE(boston().settled);
  EXPECT_EQ(boston().verdict, "likely_eligible");
}

TEST(FlowCatalog, TheZipCodeBeforeTheQuestionsCanBeSkippedAndIsComeBackTo) {
  Flow flow = catalog_flow();
  flow.apply(Intent::of(K::Start));
  ASSERT_EQ(flow.screen(), Screen::Zip);
  flow.apply(Intent::of(K::Back));
  EXPECT_EQ(flow.screen(), Screen::Welcome);
  flow.apply(Intent::of(K::Start));
  flow.apply(Intent::of(K::Continue));  // nothing typed: the same as skipping
  ASSERT_EQ(flow.screen(), Screen::Question);
  EXPECT_EQ(flow.question().id, "age");
  EXPECT_TRUE(taken_fetches(flow).empty()) << "no ZIP code, no table";
  flow.apply(Intent::of(K::Back));
  ASSERT_EQ(flow.screen(), Screen::Zip) << "Back from the first question";
  EXPECT_TRUE(flow.zip_at_start());
  flow.apply(Intent::of(K::SkipZip));
  EXPECT_EQ(flow.screen(), Screen::Question);
  for (int s = 0; s < 3; ++s) EXPECT_FALSE(flow.catalog()->session().is_set_aside(s));
  // Skipping while the table still loads: nobody waits on it, and its arrival changes nothing.
  flow.apply(Intent::of(K::Back));
  ASSERT_EQ(flow.screen(), Screen::Zip);
  flow.apply(Intent::with_number(K::LimitDistance, 25));
  type_zip(flow, "10001");
  ASSERT_TRUE(flow.zip_table_loading());
  flow.apply(Intent::of(K::SkipZip));
  ASSERT_EQ(flow.screen(), Screen::Question);
  flow.on_file_text(NearMe::kZipTableFile, kZips);
  EXPECT_EQ(flow.screen(), Screen::Question);
  EXPECT_EQ(flow.zip(), "");
  EXPECT_EQ(flow.distance_limit(), 0);
  for (int s = 0; s < 3; ++s) EXPECT_FALSE(flow.catalog()->session().is_set_aside(s));
}

}  // namespace

namespace {

// The next question of a catalog is worked out once per answer and kept: drawing a question
// screen again and again (each frame reads the screen model and "Question N of about M")
// does not work it out again.
TEST(FlowCatalog, TheNextQuestionIsWorkedOutOncePerAnswer) {
  Flow flow = catalog_flow();
  flow.apply(Intent::of(K::Start));
  if (flow.screen() == Screen::Zip) flow.apply(Intent::of(K::SkipZip));
  ASSERT_EQ(flow.screen(), Screen::Question);
  const trialmatch::CatalogSession& session = flow.catalog()->session();
  for (int answer = 0; answer < 3 && flow.screen() == Screen::Question; ++answer) {
    const size_t before = session.choices_worked_out();
    const trialmatch::Question& q = flow.question();
    if (q.type == trialmatch::QuestionType::Number) {
      for (char c : std::string("40")) flow.apply(Intent::with_number(K::Digit, c - '0'));
      flow.apply(Intent::of(K::Continue));
    } else {
      flow.apply(Intent::choose(q.options.front().id));
    }
    for (int frame = 0; frame < 20; ++frame) {
      (void)model(flow);
      (void)flow.path_step();
      (void)flow.heading();
    }
    EXPECT_EQ(session.choices_worked_out(), before + 1) << "answer " << answer;
  }
}

}  // namespace

}  // namespace unit_flow_catalog
