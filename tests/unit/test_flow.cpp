// The app's flow (app/flow/flow.h), natively: every screen transition, from the person's
// intents and from time, with the seed study and small inline trials. No ImGui, no browser.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "flow.h"
#include "flow_test_support.h"
#include "host_messages.h"
#include "result_code.h"
#include "ui_text.h"
#include "screen_model.h"
#include "test_support.h"

namespace unit_flow {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

using namespace trialmatch_test;

void act(Flow& flow, K kind) { flow.apply(Intent::of(kind)); }
void choose(Flow& flow, const std::string& option) { flow.apply(Intent::choose(option)); }
void type_number(Flow& flow, const std::string& digits) {
  for (char c : digits) flow.apply(Intent::with_number(K::Digit, c - '0'));
  act(flow, K::Continue);
}
std::string question_id(const Flow& flow) {
  return flow.screen() == Screen::Question ? flow.question().id : "(not a question: " + std::string(screen_id(flow.screen())) + ")";
}

// Answers the seed study's questions in order, each as `answer_for` says, until `stop_at`
// is the question shown (or the review screen comes).
template <typename AnswerFor>
void answer_until(Flow& flow, const std::string& stop_at, AnswerFor answer_for) {
  for (int guard = 0; guard < 40 && flow.screen() == Screen::Question && flow.question().id != stop_at; ++guard)
    answer_for(flow, flow.question().id);
}

// A path through the seed study that ends "likely eligible": the shared answers of
// tests/data/answers/seed-likely-eligible.json, entered through the screens.
void likely_eligible_answer(Flow& flow, const std::string& id) {
  if (id == "age") type_number(flow, "34");
  else if (id == "treatments_tried") choose(flow, "two_or_more");
  else if (id == "mri_concerns") {
    choose(flow, "none");
    act(flow, K::Continue);
  } else if (id == "diagnosed_depression" || id == "depressed_now" || id == "on_antidepressant" ||
             id == "dose_stable" || id == "birth_control" || id == "can_attend_visits" || id == "can_become_pregnant" ||
             id == "condoms" || id == "partner_birth_control")
    choose(flow, "yes");
  else choose(flow, "no");
}

// The seed study's review screen, for a person who is likely a fit (likely_eligible_answer),
// on a kiosk when `kiosk_idle_seconds` is given.
Flow likely_fit_at_review(Lang lang = Lang::En, double kiosk_idle_seconds = 0) {
  Flow flow = seed_flow(lang);
  if (kiosk_idle_seconds > 0) flow.set_kiosk(kiosk_idle_seconds);
  act(flow, K::Start);
  answer_until(flow, "", likely_eligible_answer);
  return flow;
}

TEST(Flow, LoadingEndsOnTheWelcomeScreenInTheAskedLanguage) {
  Flow flow(Lang::Es);
  EXPECT_EQ(flow.screen(), Screen::Loading);
  flow.on_file_text("trials/NCT04979910.json", seed_text());
  EXPECT_EQ(flow.screen(), Screen::Welcome);
  EXPECT_EQ(flow.lang(), Lang::Es);
  EXPECT_EQ(flow.next_language(), Lang::En);
}

TEST(Flow, ABadTrialFileEndsOnTheErrorScreenWithItsPlace) {
  Flow flow(Lang::En);
  flow.on_file_text("trials/broken.json", "{\"format\": ");
  EXPECT_EQ(flow.screen(), Screen::Error);
  ASSERT_FALSE(flow.errors().empty());
  EXPECT_NE(flow.errors()[0].find("trials/broken.json"), std::string::npos);
  act(flow, K::Start);  // nothing to start
  EXPECT_EQ(flow.screen(), Screen::Error);
}

TEST(Flow, AFileThatCouldNotBeFetchedEndsOnTheErrorScreen) {
  Flow flow(Lang::En);
  flow.on_file_fetch_failed("trials/x.json", "could not load the file");
  EXPECT_EQ(flow.screen(), Screen::Error);
  EXPECT_EQ(flow.errors(), std::vector<std::string>{"could not load the file"});
}

TEST(Flow, AnEnglishOnlyTrialOffersNoOtherLanguageAndOpensInEnglish) {
  Flow flow(Lang::Es);
  flow.on_file_text("t.json", trialmatch_test::trial_document(
                                   R"({"id": "q", "type": "yes_no", "text": {"en": "Q?"}})",
                                   R"({"id": "c", "type": "inclusion", "rule": "q = \"yes\"", "text": {"en": "Q."}, "source": "I1"})"));
  ASSERT_EQ(flow.screen(), Screen::Welcome);
  EXPECT_EQ(flow.lang(), Lang::En);
  EXPECT_EQ(flow.languages().size(), 1u);
  act(flow, K::SwitchLanguage);
  EXPECT_EQ(flow.lang(), Lang::En);
}

TEST(Flow, StartShowsTheFirstQuestionAndBackReturnsToWelcome) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  EXPECT_EQ(question_id(flow), "age");
  EXPECT_EQ(flow.path_step().step, 1);
  act(flow, K::Back);
  EXPECT_EQ(flow.screen(), Screen::Welcome);
}

TEST(Flow, AChoiceAnswersAndMovesOnAndBackShowsTheAnswerGiven) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  type_number(flow, "34");
  EXPECT_EQ(question_id(flow), "can_attend_visits");
  EXPECT_EQ(flow.path_step().step, 2);
  choose(flow, "yes");
  EXPECT_EQ(question_id(flow), "diagnosed_depression");
  act(flow, K::Back);
  EXPECT_EQ(question_id(flow), "can_attend_visits");
  EXPECT_EQ(*flow.session().answer_to(flow.question_index()), Answer::of_choice("yes"));
  act(flow, K::Back);
  EXPECT_EQ(question_id(flow), "age");
  EXPECT_EQ(flow.number_entry(), "34") << "the earlier answer is shown";
  flow.apply(Intent::with_number(K::Digit, 5));
  EXPECT_EQ(flow.number_entry(), "5") << "the first digit typed replaces the earlier answer";
}

TEST(Flow, TheKeypadTypesDeletesClearsAndChecksTheRange) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  for (int d : {1, 2, 3}) flow.apply(Intent::with_number(K::Digit, d));
  EXPECT_EQ(flow.number_entry(), "123");
  act(flow, K::DeleteDigit);
  EXPECT_EQ(flow.number_entry(), "12");
  act(flow, K::ClearNumber);
  EXPECT_EQ(flow.number_entry(), "");
  act(flow, K::Continue);
  EXPECT_EQ(question_id(flow), "age") << "nothing typed: no answer";
  EXPECT_EQ(flow.input_message(), "Please enter a number from 0 to 120.");
  type_number(flow, "130");
  EXPECT_EQ(question_id(flow), "age");
  EXPECT_NE(flow.input_message(), "");
  act(flow, K::ClearNumber);
  EXPECT_EQ(flow.input_message(), "") << "typing again clears the message";
  for (int d = 0; d < 9; ++d) flow.apply(Intent::with_number(K::Digit, 9));
  EXPECT_EQ(flow.number_entry(), "999999") << "at most six digits";
}

TEST(Flow, AKeyboardDigitPicksTheOptionWithThatNumber) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  type_number(flow, "34");
  flow.apply(Intent::with_number(K::Digit, 2));  // 1 Yes, 2 No
  EXPECT_EQ(*flow.session().answer_to(1), Answer::of_choice("no"));
  flow.apply(Intent::with_number(K::Digit, 9));  // no ninth option: nothing
  EXPECT_EQ(flow.path_step().step, 3);
}

TEST(Flow, MultipleChoiceTicksAndNoneOfTheseClearsTheOthers) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  answer_until(flow, "mri_concerns", likely_eligible_answer);
  ASSERT_EQ(question_id(flow), "mri_concerns");
  act(flow, K::Continue);
  EXPECT_EQ(flow.input_message(), "Please choose at least one answer.");
  choose(flow, "metal_in_body");
  choose(flow, "closed_spaces");
  EXPECT_TRUE(flow.ticked("metal_in_body"));
  EXPECT_EQ(flow.input_message(), "") << "a tick clears the message";
  choose(flow, "closed_spaces");
  EXPECT_FALSE(flow.ticked("closed_spaces")) << "a second tap unticks";
  choose(flow, "none");
  EXPECT_TRUE(flow.ticked("none"));
  EXPECT_FALSE(flow.ticked("metal_in_body"));
  choose(flow, "pacemaker");
  EXPECT_FALSE(flow.ticked("none"));
  act(flow, K::Continue);
  EXPECT_EQ(*flow.session().answer_to(flow.trial().question_index("mri_concerns")),
            Answer::of_choices({"pacemaker"}));
}

TEST(Flow, ASelfHarmDisclosureShowsSupportFirstThenContinuesWhereThePersonWas) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  answer_until(flow, "self_harm_thoughts", likely_eligible_answer);
  choose(flow, "yes");
  EXPECT_EQ(flow.screen(), Screen::Support);
  EXPECT_TRUE(flow.support_after_disclosure());
  EXPECT_TRUE(flow.support_returns_to_study());
  act(flow, K::OpenSupport);  // already there: nothing changes
  EXPECT_TRUE(flow.support_after_disclosure());
  act(flow, K::LeaveSupport);
  EXPECT_EQ(question_id(flow), "recent_suicide_attempt");
}

TEST(Flow, PreferNotToSayOnSelfHarmShowsNoSupportScreen) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  answer_until(flow, "self_harm_thoughts", likely_eligible_answer);
  flow.apply(Intent::choose_unknown(UnknownKind::PreferNotToSay));
  EXPECT_EQ(question_id(flow), "recent_suicide_attempt");
}

TEST(Flow, AnUnknownAnswerTheQuestionDoesNotOfferIsIgnored) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  answer_until(flow, "self_harm_thoughts", likely_eligible_answer);
  flow.apply(Intent::choose_unknown(UnknownKind::NotSure));  // this question offers "prefer not to say" only
  EXPECT_EQ(question_id(flow), "self_harm_thoughts");
}

TEST(Flow, NeedHelpNowOpensSupportWithoutThanksAndReturnsToTheSameScreen) {
  Flow flow = seed_flow();
  act(flow, K::OpenSupport);
  EXPECT_EQ(flow.screen(), Screen::Support);
  EXPECT_FALSE(flow.support_after_disclosure());
  EXPECT_FALSE(flow.support_returns_to_study());
  act(flow, K::Back);
  EXPECT_EQ(flow.screen(), Screen::Welcome);
}

TEST(Flow, TheWholePathEndsOnReviewThenResultAndChangeReturnsToReview) {
  Flow flow = seed_flow();
  act(flow, K::SeeResult);  // not on the review screen: nothing
  EXPECT_EQ(flow.screen(), Screen::Welcome);
  act(flow, K::Start);
  answer_until(flow, "", likely_eligible_answer);
  ASSERT_EQ(flow.screen(), Screen::Review);
  act(flow, K::SeeResult);
  ASSERT_EQ(flow.screen(), Screen::Result);
  EXPECT_EQ(flow.session().evaluation().verdict, trialmatch::Verdict::LikelyEligible);
  act(flow, K::ReviewAnswers);
  EXPECT_EQ(flow.screen(), Screen::Review);
  const int diagnosed = flow.trial().question_index("diagnosed_depression");
  flow.apply(Intent::with_number(K::Change, diagnosed));
  EXPECT_EQ(question_id(flow), "diagnosed_depression");
  EXPECT_EQ(flow.path_step().step, 3) << "the step shows where the question sits on the path";
  choose(flow, "yes");
  EXPECT_EQ(flow.screen(), Screen::Review) << "a finished path goes back to the review";
  act(flow, K::Back);
  EXPECT_EQ(flow.screen(), Screen::Question) << "Back from the review shows the last question";
}

TEST(Flow, ChangingAnAnswerThatOpensNewQuestionsAsksThemBeforeTheReview) {
  Flow flow = likely_fit_at_review();
  ASSERT_EQ(flow.screen(), Screen::Review);
  flow.apply(Intent::with_number(K::Change, flow.trial().question_index("on_antidepressant")));
  choose(flow, "no");  // dose_stable no longer applies
  EXPECT_EQ(flow.screen(), Screen::Review);
  flow.apply(Intent::with_number(K::Change, flow.trial().question_index("on_antidepressant")));
  choose(flow, "yes");  // dose_stable applies again and was answered before
  EXPECT_EQ(flow.screen(), Screen::Review);
}

TEST(Flow, ChangeOnlyOpensQuestionsOnThePersonsPath) {
  Flow flow = likely_fit_at_review();
  flow.apply(Intent::with_number(K::Change, flow.trial().question_index("penis_in_vagina_sex")));  // not asked
  EXPECT_EQ(flow.screen(), Screen::Review);
  flow.apply(Intent::with_number(K::Change, 999));
  EXPECT_EQ(flow.screen(), Screen::Review);
}

TEST(Flow, StartOverForgetsEveryAnswer) {
  Flow flow = likely_fit_at_review();
  act(flow, K::SeeResult);
  act(flow, K::StartOver);
  EXPECT_EQ(flow.screen(), Screen::Welcome);
  EXPECT_TRUE(flow.session().progress().history.empty());
  act(flow, K::Start);
  EXPECT_EQ(flow.number_entry(), "") << "no earlier age shown";
}

TEST(Flow, IntentsThatDoNotFitTheScreenChangeNothing) {
  Flow flow = seed_flow();
  const unsigned view = flow.view_number();
  for (K kind : {K::Continue, K::DeleteDigit, K::CancelShare, K::Share, K::LeaveSupport, K::StartOver, K::SeeResult,
                 K::PreviousYear, K::ToggleWhy})
    act(flow, kind);
  choose(flow, "yes");
  flow.apply(Intent::with_number(K::Digit, 1));
  EXPECT_EQ(flow.screen(), Screen::Welcome);
  EXPECT_EQ(flow.view_number(), view);
  EXPECT_TRUE(taken_host_messages(flow).empty());
}

TEST(Flow, TheViewNumberChangesWithEachScreenAndQuestionOnly) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  const unsigned age = flow.view_number();
  flow.apply(Intent::with_number(K::Digit, 3));
  act(flow, K::ToggleWhy);
  act(flow, K::CycleTextSize);
  act(flow, K::SwitchLanguage);
  EXPECT_EQ(flow.view_number(), age);
  flow.apply(Intent::with_number(K::Digit, 4));
  act(flow, K::Continue);
  EXPECT_NE(flow.view_number(), age);
}

TEST(Flow, WhyWeAskOpensAndClosesAndANewQuestionStartsClosed) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  act(flow, K::ToggleWhy);
  EXPECT_TRUE(flow.why_open());
  act(flow, K::ToggleWhy);
  EXPECT_FALSE(flow.why_open());
  act(flow, K::ToggleWhy);
  type_number(flow, "34");
  EXPECT_FALSE(flow.why_open());
}

TEST(Flow, LanguageAndTextSizeChangeOnEveryScreen) {
  Flow flow = seed_flow();
  act(flow, K::SwitchLanguage);
  EXPECT_EQ(flow.lang(), Lang::Es);
  act(flow, K::SwitchLanguage);
  EXPECT_EQ(flow.lang(), Lang::En);
  for (int expected : {125, 150, 175, 200, 100}) {
    act(flow, K::CycleTextSize);
    EXPECT_EQ(flow.text_size_percent(), expected);
  }
}

TEST(Flow, CrisisButtonsAskThePlatformToOpenTheDialerOrMessages) {
  Flow flow = seed_flow(Lang::Es);
  act(flow, K::Call988);
  EXPECT_EQ(taken_link(flow), "tel:988");
  EXPECT_EQ(taken_link(flow), "") << "taken once";
  act(flow, K::Text988);
  EXPECT_EQ(taken_link(flow), "sms:988?&body=AYUDA");
  // The Crisis Text Line and 911 are a tap away too, in the person's language.
  act(flow, K::TextCrisisLine);
  EXPECT_EQ(taken_link(flow), "sms:741741?&body=AYUDA");
  act(flow, K::Call911);
  EXPECT_EQ(taken_link(flow), "tel:911");
  act(flow, K::SwitchLanguage);
  act(flow, K::TextCrisisLine);
  EXPECT_EQ(taken_link(flow), "sms:741741?&body=HOME");
  EXPECT_NE(std::string(phrase(trialmatch::flow::Phrase::Call988, Lang::Es)).find("marque 2"), std::string::npos)
      << "the Spanish call button says how to reach Spanish help";
}

TEST(Flow, MonthAndYearQuestionsStepTheYearWithinRangeAndCheckTheMonth) {
  Flow flow(Lang::En);
  flow.on_file_text("t.json", trialmatch_test::trial_document(
                                   R"({"id": "when", "type": "month_year", "text": {"en": "When?"}, "min": "2020-03", "max": "2021-10"})",
                                   R"({"id": "c", "type": "inclusion", "rule": "when >= \"2020-06\"", "text": {"en": "After."}, "source": "I1"})"));
  act(flow, K::Start);
  ASSERT_EQ(question_id(flow), "when");
  EXPECT_EQ(flow.year_shown(), 2021) << "this year, kept within the range";
  act(flow, K::NextYear);
  EXPECT_EQ(flow.year_shown(), 2021);
  act(flow, K::PreviousYear);
  act(flow, K::PreviousYear);
  EXPECT_EQ(flow.year_shown(), 2020);
  flow.apply(Intent::with_number(K::PickMonth, 0));  // January 2020: before March 2020
  EXPECT_EQ(flow.input_message(), "Please choose a month from March 2020 to October 2021.");
  flow.apply(Intent::with_number(K::PickMonth, 6));
  EXPECT_EQ(flow.screen(), Screen::Review);
  EXPECT_EQ(flow.answer_words(flow.trial().questions[0], *flow.session().answer_to(0)), "July 2020");
}

// ---------------------------------------------------------------------------------------
// Embedded: sharing
// ---------------------------------------------------------------------------------------
Flow at_result_embedded(const std::string& host) {
  Flow flow = seed_flow();
  flow.set_embedded(true, host);
  act(flow, K::Start);
  answer_until(flow, "", likely_eligible_answer);
  act(flow, K::SeeResult);
  return flow;
}

TEST(FlowShare, NoShareWithoutAHostSiteTheDeploymentAllows) {
  Flow flow = at_result_embedded("");
  act(flow, K::Share);
  EXPECT_EQ(flow.screen(), Screen::Result);
}

// The frame never takes a confirm: "Send to the study team" asks for the app's own window,
// with the words it shows, and only that window's "Yes", while the frame still shows the
// screen that sent the person there, sends the summary.
TEST(FlowShare, OnlyTheAppsOwnWindowConfirmsAShare) {
  Flow flow = at_result_embedded("https://sponsor.example");
  EXPECT_EQ(taken_share_window(flow), "");
  act(flow, K::Share);
  ASSERT_EQ(flow.screen(), Screen::ShareConfirm);
  const nlohmann::json texts = nlohmann::json::parse(taken_share_window(flow));
  EXPECT_EQ(texts["heading"], "Send your answers to the study team?");
  EXPECT_EQ(texts["receiver"], "They will go to this website: https://sponsor.example");
  EXPECT_EQ(texts["yes"], "Yes, send them");
  EXPECT_EQ(texts["lang"], "en");
  EXPECT_NE(texts["study"].get<std::string>().find(flow.result_title()), std::string::npos);
  EXPECT_EQ(taken_share_window(flow), "") << "taken once";
  EXPECT_TRUE(taken_host_messages(flow).empty());
  // "No" in the window (or closing it): back to the result, nothing sent, and it can be asked again.
  flow.share_window_answered(false);
  EXPECT_EQ(flow.screen(), Screen::Result);
  EXPECT_TRUE(taken_host_messages(flow).empty());
  EXPECT_TRUE(taken_share_window_close(flow));
  act(flow, K::Share);
  EXPECT_NE(taken_share_window(flow), "");
  flow.share_window_answered(true);
  EXPECT_EQ(flow.screen(), Screen::Result);
  EXPECT_TRUE(flow.shared());
  const std::vector<std::string> messages = taken_host_messages(flow);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0], trialmatch::flow::share_message(flow.session(), Lang::En));
  EXPECT_NE(messages[0].find("\"verdict\":\"likely_eligible\""), std::string::npos);
  act(flow, K::Share);
  EXPECT_EQ(flow.screen(), Screen::Result) << "shared once";
  EXPECT_EQ(taken_share_window(flow), "");
  flow.share_window_answered(true);
  EXPECT_TRUE(taken_host_messages(flow).empty()) << "a second yes sends nothing";
}

TEST(FlowShare, AYesFromAWindowOfAScreenThePersonLeftSendsNothing) {
  Flow flow = at_result_embedded("https://sponsor.example");
  act(flow, K::Share);
  act(flow, K::CancelShare);
  EXPECT_TRUE(taken_share_window_close(flow)) << "the window closes with its screen";
  flow.share_window_answered(true);
  EXPECT_FALSE(flow.shared());
  act(flow, K::Share);
  act(flow, K::Back);
  flow.share_window_answered(true);
  EXPECT_FALSE(flow.shared());
  EXPECT_TRUE(taken_host_messages(flow).empty());
}

TEST(FlowShare, AWindowThatCouldNotOpenIsSaidAndCanBeTriedAgain) {
  Flow flow = at_result_embedded("https://sponsor.example");
  act(flow, K::Share);
  flow.share_window_opened(false);
  EXPECT_TRUE(flow.share_window_blocked());
  act(flow, K::Share);  // "Show the window again"
  EXPECT_FALSE(flow.share_window_blocked());
  EXPECT_NE(taken_share_window(flow), "");
  EXPECT_EQ(flow.screen(), Screen::ShareConfirm);
}

TEST(FlowShare, CancelReturnsToTheResultAndSendsNothing) {
  Flow flow = at_result_embedded("https://sponsor.example");
  act(flow, K::Share);
  act(flow, K::CancelShare);
  EXPECT_EQ(flow.screen(), Screen::Result);
  EXPECT_TRUE(taken_host_messages(flow).empty());
}

TEST(FlowShare, TheReadyAndHeightMessagesSayNothingMore) {
  EXPECT_EQ(trialmatch::flow::height_message(640), R"({"height":640,"type":"height"})");
  EXPECT_EQ(trialmatch::flow::ready_message(), R"({"type":"ready"})");
}

// ---------------------------------------------------------------------------------------
// Kiosk: idle, the countdown, the wipe
// ---------------------------------------------------------------------------------------
Flow kiosk_flow(double idle) {
  Flow flow = seed_flow();
  flow.set_kiosk(idle);
  flow.note_activity(0);
  return flow;
}

TEST(FlowKiosk, AnUntouchedWelcomeScreenIsNeverWiped) {
  Flow flow = kiosk_flow(90);
  EXPECT_LT(flow.tick(1000), 0);
  EXPECT_EQ(taken_wipe(flow), Wipe::None);
}

TEST(FlowKiosk, IdleShowsTheCountdownThenWipesToWelcome) {
  Flow flow = kiosk_flow(90);
  act(flow, K::Start);
  EXPECT_DOUBLE_EQ(flow.tick(10), 80);
  const unsigned question_view = flow.view_number();
  EXPECT_EQ(flow.tick(90), 0);
  EXPECT_TRUE(flow.still_there_shown());
  EXPECT_NE(flow.view_number(), question_view) << "presses aimed at the covered question are dropped";
  EXPECT_EQ(flow.still_there_seconds(), 15);
  choose(flow, "yes");  // covered by the countdown: nothing
  EXPECT_EQ(question_id(flow), "age");
  flow.tick(105);
  EXPECT_EQ(taken_wipe(flow), Wipe::ToWelcome);
}

TEST(FlowKiosk, StillHereStopsTheCountdown) {
  Flow flow = kiosk_flow(90);
  act(flow, K::Start);
  flow.tick(95);
  ASSERT_TRUE(flow.still_there_shown());
  act(flow, K::StillHere);
  EXPECT_FALSE(flow.still_there_shown());
  EXPECT_DOUBLE_EQ(flow.tick(100), 85);
}

TEST(FlowKiosk, NeedHelpNowDuringTheCountdownOpensSupportAndStopsIt) {
  Flow flow = kiosk_flow(90);
  act(flow, K::Start);
  flow.tick(95);
  act(flow, K::OpenSupport);
  EXPECT_FALSE(flow.still_there_shown());
  EXPECT_EQ(flow.screen(), Screen::Support);
}

TEST(FlowKiosk, APageHiddenThroughIdleAndCountdownIsWipedAtOnce) {
  Flow flow = kiosk_flow(90);
  act(flow, K::Start);
  flow.tick(500);
  EXPECT_EQ(taken_wipe(flow), Wipe::ToWelcome);
}

// The same countdown and the same one wipe, at the same moment, on the support screen as on
// any other (the server and an embedding page see the page loads); the countdown leaves the
// crisis numbers up, and so does the fresh page, until a further idle period returns it to the
// welcome screen in the kiosk's own language, without another load.
TEST(FlowKiosk, SupportCountsDownAndWipesAtTheSameMomentAsAnyScreen) {
  for (const bool on_support : {false, true}) {
    Flow flow = kiosk_flow(90);
    act(flow, on_support ? K::OpenSupport : K::Start);
    EXPECT_DOUBLE_EQ(flow.tick(10), 80) << on_support;
    EXPECT_EQ(flow.tick(90), 0) << on_support;
    EXPECT_TRUE(flow.still_there_shown()) << on_support;
    EXPECT_EQ(taken_wipe(flow), Wipe::None) << on_support;
    EXPECT_DOUBLE_EQ(flow.tick(104.5), 0.5) << on_support;
    flow.tick(105);
    EXPECT_EQ(taken_wipe(flow), on_support ? Wipe::ToSupport : Wipe::ToWelcome) << on_support;
  }
}

TEST(FlowKiosk, ACrisisButtonUnderTheCountdownWorksAndStopsIt) {
  Flow flow = kiosk_flow(90);
  act(flow, K::OpenSupport);
  flow.tick(95);
  ASSERT_TRUE(flow.still_there_shown());
  act(flow, K::Call988);
  EXPECT_FALSE(flow.still_there_shown());
  EXPECT_EQ(flow.screen(), Screen::Support);
  EXPECT_EQ(taken_link(flow), "tel:988");
  // Not on another screen: there the countdown covers everything but its own button.
  Flow question = kiosk_flow(90);
  act(question, K::Start);
  question.tick(95);
  act(question, K::Call988);
  EXPECT_TRUE(question.still_there_shown());
}

TEST(FlowKiosk, TheFreshSupportPageGivesWayToWelcomeWithoutAnotherLoad) {
  Flow after(Lang::En);  // the fresh page after a wipe on the support screen
  after.set_kiosk(90);
  after.note_activity(200);
  after.start_on_support(Lang::Es);
  after.on_file_text("trials/NCT04979910.json", seed_text());
  EXPECT_EQ(after.screen(), Screen::Support);
  EXPECT_EQ(after.lang(), Lang::Es);
  EXPECT_FALSE(after.support_after_disclosure()) << "the fresh page knows of no disclosure";
  EXPECT_DOUBLE_EQ(after.tick(250), 40);
  EXPECT_LT(after.tick(291), 0);
  EXPECT_EQ(taken_wipe(after), Wipe::None) << "nothing to erase: no second load";
  EXPECT_FALSE(after.still_there_shown());
  EXPECT_EQ(after.screen(), Screen::Welcome);
  EXPECT_EQ(after.lang(), Lang::En) << "the kiosk's own language";
  EXPECT_LT(after.tick(1000), 0);
}

TEST(FlowKiosk, StartOverAsksForAFreshPage) {
  Flow flow = kiosk_flow(90);
  act(flow, K::Start);
  answer_until(flow, "", likely_eligible_answer);
  act(flow, K::StartOver);
  act(flow, K::StartOver);  // pressed twice before the page goes
  EXPECT_EQ(taken_wipe(flow), Wipe::ToWelcome) << "one fresh page";
  EXPECT_LT(flow.tick(1e6), 0) << "and no countdown after it";
}

// ---------------------------------------------------------------------------------------
// The screen model
// ---------------------------------------------------------------------------------------
TEST(ScreenModel, SaysTheScreenQuestionProgressAndRolesAsJson) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  flow.apply(Intent::with_number(K::Digit, 3));
  trialmatch::flow::DrawnFrame frame;
  frame.view = flow.view_number();
  frame.texts = {{trialmatch::flow::TextRole::Progress, "Question 1 of about 17", {}, true}};
  frame.buttons = {{"option:prefer_not_to_say", "Prefer not to say", trialmatch::flow::ButtonRole::Option, true,
                    {1, 2, 3, 4}, true},
                   {"continue", "Continue", trialmatch::flow::ButtonRole::Action, false, {5, 6, 7, 8}, false}};
  const std::string json = screen_model_json(screen_model(flow, frame));
  for (const char* expected :
       {R"("screen":"question")", R"("heading":"How old are you?")", R"("entry":"3")",
        R"("progress":{"step":1,"text":"Question 1 of about 17","total":)", R"({"h":0.0,"role":"progress","text":"Question 1 of about 17","visible":true)",
        R"("pressed":true)", R"("role":"option")", R"("pressed":null)", R"("role":"action")"})
    EXPECT_NE(json.find(expected), std::string::npos) << expected << " in " << json;
}

}  // namespace

namespace {

// The seed study with other contact details, on its result screen (age 75: not eligible).
Flow result_with_contact(const std::string& phone, const std::string& email, const std::string& url, bool kiosk = false) {
  std::string text = seed_text();
  const std::string from = R"("url": "https://clinicaltrials.gov/study/NCT04979910",)";
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos);
  std::string fields;
  for (const auto& [name, value] : {std::pair<const char*, std::string>{"phone", phone}, {"email", email}, {"url", url}})
    if (!value.empty()) fields += "\"" + std::string(name) + "\": \"" + value + "\", ";
  text.replace(at, from.size(), fields);
  Flow flow(Lang::En);
  if (kiosk) flow.set_kiosk(90);
  flow.on_file_text("trials/NCT04979910.json", text);
  act(flow, K::Start);
  type_number(flow, "75");
  act(flow, K::Continue);
  act(flow, K::SeeResult);
  EXPECT_EQ(flow.screen(), Screen::Result) << (flow.errors().empty() ? "" : flow.errors().front());
  return flow;
}

}  // namespace

TEST(Flow, TheStudysPhoneEmailAndWebPageActWhenTapped) {
  Flow flow = result_with_contact("(212) 555-0100", "study.team@example.org", "https://example.org/study");
  flow.apply(Intent::with_number(K::OpenContact, 0));
  EXPECT_EQ(taken_link(flow), "tel:2125550100");
  flow.apply(Intent::with_number(K::OpenContact, 1));
  EXPECT_EQ(taken_link(flow), "mailto:study.team@example.org");
  flow.apply(Intent::with_number(K::OpenContact, 2));
  EXPECT_EQ(taken_link(flow), "https://example.org/study");
  EXPECT_EQ(taken_link(flow), "");  // taken once
}

TEST(Flow, AContactThatIsNotPlainIsNotALink) {
  Flow flow = result_with_contact("call us", "team@example.org?body=hello", "javascript:alert(1)");
  for (int kind : {0, 1, 2}) EXPECT_EQ(flow.contact_link(kind), "") << kind;
  flow.apply(Intent::with_number(K::OpenContact, 2));
  EXPECT_EQ(taken_link(flow), "");
  EXPECT_EQ(result_with_contact("+1 212 555 0100", "", "http://example.org").contact_link(0), "tel:+12125550100");
  EXPECT_EQ(result_with_contact("+1 212 555 0100", "", "http://example.org").contact_link(2), "") << "https only";
  EXPECT_EQ(result_with_contact("212-555-0100 ext. 5", "", "").contact_link(0), "tel:2125550100") << "not the extension";
}

TEST(Flow, AKioskOffersNoContactLinks) {
  Flow flow = result_with_contact("(212) 555-0100", "study.team@example.org", "https://example.org/study", true);
  for (int kind : {0, 1, 2}) EXPECT_EQ(flow.contact_link(kind), "") << kind;
}

// ---- "Print or save as PDF" (printable_summary.h) --------------------------------------

namespace {

nlohmann::json printed(Flow& flow) {
  act(flow, K::Print);
  const std::string text = taken_print(flow);
  EXPECT_EQ(taken_print(flow), "") << "taken once";
  return text.empty() ? nlohmann::json() : nlohmann::json::parse(text);
}

std::string all_text(const nlohmann::json& summary) {
  std::string out;
  for (const auto& study : summary["studies"])
    for (const auto& line : study["lines"]) out += line["text"].get<std::string>() + "\n";
  return out;
}

}  // namespace

TEST(FlowPrint, ALikelyFitPrintsTheVerdictAnswersContactAndWhichFile) {
  for (Lang lang : {Lang::En, Lang::Es}) {
    Flow flow = seed_flow(lang);
    act(flow, K::Print);
    EXPECT_EQ(taken_print(flow), "") << "nothing to print before a result";
    act(flow, K::Start);
    answer_until(flow, "", likely_eligible_answer);
    act(flow, K::SeeResult);
    ASSERT_TRUE(flow.can_print());
    const nlohmann::json s = printed(flow);
    ASSERT_TRUE(s.is_object());
    EXPECT_EQ(s["lang"], lang == Lang::Es ? "es" : "en");
    ASSERT_EQ(s["studies"].size(), 1u);
    const nlohmann::json& study = s["studies"][0];
    EXPECT_EQ(study["id"], "NCT04979910");
    EXPECT_EQ(study["lines"][0]["kind"], "title");
    EXPECT_EQ(study["lines"][0]["text"], phrase(trialmatch::flow::Phrase::LikelyHeadline, lang));
    const std::string text = all_text(s);
    // The study team's checks: first the two a person could look into before calling (a past
    // CRP result, a list of past medicines), then how many others.
    EXPECT_NE(text.find(phrase(trialmatch::flow::Phrase::FindOutHeading, lang)), std::string::npos);
    EXPECT_NE(text.find(trialmatch::flow::fill(phrase(trialmatch::flow::Phrase::TeamChecksElseHeading, lang), {{"n", "5"}})),
              std::string::npos);
    EXPECT_LT(text.find(phrase(trialmatch::flow::Phrase::FindOutHeading, lang)),
              text.find(trialmatch::flow::fill(phrase(trialmatch::flow::Phrase::TeamChecksElseHeading, lang), {{"n", "5"}})));
    EXPECT_NE(text.find("https://clinicaltrials.gov/study/NCT04979910"), std::string::npos) << "the contact";
    EXPECT_EQ(text.find(phrase(trialmatch::flow::Phrase::NextStepReviewAnswers, lang)), std::string::npos);
    const std::string file = study["file"];
    EXPECT_NE(file.find("2026-11-29"), std::string::npos) << file;
    EXPECT_NE(file.find(flow.trial().sha256), std::string::npos) << file;
    EXPECT_EQ(s["answers"].size(), flow.questionnaire().path().size());
    EXPECT_EQ(s["answers"][0]["answer"], lang == Lang::Es ? "34 años" : "34 years");
    EXPECT_TRUE(s["crisis"].empty()) << "no disclosure: no crisis lines";
  }
}

TEST(FlowPrint, NotAFitPrintsItsReasonsButNoButtonsToTap) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  type_number(flow, "75");
  act(flow, K::Continue);
  act(flow, K::SeeResult);
  ASSERT_EQ(flow.screen(), Screen::Result);
  const nlohmann::json s = printed(flow);
  const std::string text = all_text(s);
  EXPECT_EQ(s["studies"][0]["lines"][0]["text"], phrase(trialmatch::flow::Phrase::NotEligibleHeadline, Lang::En));
  EXPECT_NE(text.find(phrase(trialmatch::flow::Phrase::WhyHeading, Lang::En)), std::string::npos);
  EXPECT_EQ(text.find("tap"), std::string::npos) << text;
}

namespace {

// The review screen of a likely fit who said yes to thoughts of self-harm (and went on
// from the support screen).
Flow review_after_a_disclosure() {
  Flow flow = seed_flow();
  act(flow, K::Start);
  answer_until(flow, "self_harm_thoughts", likely_eligible_answer);
  choose(flow, "yes");
  act(flow, K::LeaveSupport);
  answer_until(flow, "", likely_eligible_answer);
  return flow;
}

}  // namespace

TEST(FlowPrint, AfterADisclosureTheCrisisHelpIsPrinted) {
  Flow flow = review_after_a_disclosure();
  act(flow, K::SeeResult);
  ASSERT_EQ(flow.screen(), Screen::Result);
  const nlohmann::json s = printed(flow);
  ASSERT_FALSE(s["crisis"].empty());
  EXPECT_EQ(s["crisis"][0], phrase(trialmatch::flow::Phrase::CrisisBlockHeading, Lang::En));
}

// Once the crisis help has been shown, it stays on every later result (on screen and on
// paper), even after the person changes the answer to no; Start over forgets it.
TEST(FlowCrisis, TheCrisisHelpStaysOnEveryResultAfterTheAnswerIsChangedToNo) {
  Flow flow = review_after_a_disclosure();
  flow.apply(Intent::with_number(K::Change, flow.trial().question_index("self_harm_thoughts")));
  choose(flow, "no");
  ASSERT_EQ(flow.screen(), Screen::Review);
  EXPECT_FALSE(flow.questionnaire().calls_for_crisis_support()) << "the answer is now no";
  act(flow, K::SeeResult);
  ASSERT_EQ(flow.screen(), Screen::Result);
  EXPECT_TRUE(flow.crisis_help_on_results());
  EXPECT_FALSE(flow.gentle_crisis_line_on_results());
  const nlohmann::json s = printed(flow);
  ASSERT_FALSE(s["crisis"].empty());
  EXPECT_EQ(s["crisis"][0], phrase(trialmatch::flow::Phrase::CrisisBlockHeading, Lang::En));
  act(flow, K::StartOver);
  EXPECT_FALSE(flow.crisis_help_on_results()) << "the next person starts afresh";
}

// "Prefer not to say" to a self-harm question is not a disclosure: no crisis block, but one
// gentle line with 988 on every result, and on paper.
TEST(FlowCrisis, PreferNotToSayToASelfHarmQuestionBringsOneGentleLineWith988) {
  Flow flow = seed_flow();
  act(flow, K::Start);
  answer_until(flow, "self_harm_thoughts", likely_eligible_answer);
  flow.apply(Intent::choose_unknown(trialmatch::UnknownKind::PreferNotToSay));
  EXPECT_EQ(flow.screen(), Screen::Question) << "no support screen for an unknown answer";
  answer_until(flow, "", likely_eligible_answer);
  act(flow, K::SeeResult);
  ASSERT_EQ(flow.screen(), Screen::Result);
  EXPECT_FALSE(flow.crisis_help_on_results());
  EXPECT_TRUE(flow.gentle_crisis_line_on_results());
  const std::string line = phrase(trialmatch::flow::Phrase::CrisisGentleLine, Lang::En);
  EXPECT_NE(line.find("call or text 988"), std::string::npos);
  EXPECT_NE(line.find("AYUDA"), std::string::npos);
  const nlohmann::json s = printed(flow);
  EXPECT_TRUE(s["crisis"].empty());
  EXPECT_EQ(s["crisis_line"], line);
  // Answered after all: the line goes, as the person has told us.
  act(flow, K::ReviewAnswers);
  flow.apply(Intent::with_number(K::Change, flow.trial().question_index("self_harm_thoughts")));
  choose(flow, "no");
  EXPECT_FALSE(flow.gentle_crisis_line_on_results());
}

TEST(FlowCrisis, TheEmergencyLineCoversSomeoneWhoHasAlreadyHurtThemselves) {
  EXPECT_NE(std::string(phrase(trialmatch::flow::Phrase::Emergency911, Lang::En)).find("already hurt yourself"),
            std::string::npos);
  EXPECT_NE(std::string(phrase(trialmatch::flow::Phrase::Emergency911, Lang::Es)).find("ya se hizo daño"),
            std::string::npos);
}

// The printed summary says nothing was sent only when nothing was: after "Send to the study
// team", it says what the person chose to send.
TEST(FlowPrint, AfterAShareThePrintedSummaryDoesNotSayNothingWasSent) {
  Flow flow = at_result_embedded("https://sponsor.example");
  flow.tick(100);
  EXPECT_EQ(printed(flow)["made"], phrase(trialmatch::flow::Phrase::PrintMade, Lang::En));
  act(flow, K::Share);
  flow.share_window_answered(true);
  ASSERT_TRUE(flow.shared());
  const std::string made = printed(flow)["made"];
  EXPECT_EQ(made, phrase(trialmatch::flow::Phrase::PrintMadeShared, Lang::En));
  EXPECT_EQ(made.find("Nothing you answered was sent"), std::string::npos) << made;
}

TEST(FlowPrint, AKioskNeverPrints) {
  Flow flow = result_with_contact("(212) 555-0100", "", "", true);
  EXPECT_FALSE(flow.can_print());
  act(flow, K::Print);
  EXPECT_EQ(taken_print(flow), "");
}

// "Show a QR code": only from a result, at a kiosk too; the code is the result's (its
// modules are those of result_code for the session shown), and it is forgotten as soon as
// the person leaves its screen.
TEST(FlowCode, AResultShowsItsCodeOnlyWhenAskedAndForgetsItOnLeaving) {
  for (const bool kiosk : {false, true}) {
    Flow flow = seed_flow();
    if (kiosk) flow.set_kiosk(120);
    act(flow, K::ShowCode);
    EXPECT_EQ(flow.screen(), Screen::Welcome) << "no result yet";
    act(flow, K::Start);
    answer_until(flow, "", likely_eligible_answer);
    act(flow, K::ShowCode);
    EXPECT_EQ(flow.screen(), Screen::Review) << "not from the review screen";
    act(flow, K::SeeResult);
    ASSERT_EQ(flow.screen(), Screen::Result);
    EXPECT_EQ(flow.code_image().size, 0) << "nothing drawn before the tap";
    act(flow, K::ShowCode);
    ASSERT_EQ(flow.screen(), Screen::ResultCode);
    EXPECT_EQ(flow.heading(), phrase(trialmatch::flow::Phrase::CodeHeading, Lang::En));
    const trialmatch::flow::QrImage expected = trialmatch::flow::qr_image(trialmatch::result_code(flow.session()));
    ASSERT_GT(expected.size, 20);
    EXPECT_EQ(flow.code_image().size, expected.size);
    EXPECT_EQ(flow.code_image().dark, expected.dark);
    act(flow, K::Back);
    EXPECT_EQ(flow.screen(), Screen::Result);
    EXPECT_EQ(flow.code_image().size, 0) << "forgotten";
    EXPECT_TRUE(flow.code_image().dark.empty());
  }
}

TEST(FlowCode, StartOverFromTheCodeForgetsEverything) {
  Flow flow = likely_fit_at_review();
  act(flow, K::SeeResult);
  act(flow, K::ShowCode);
  ASSERT_EQ(flow.screen(), Screen::ResultCode);
  act(flow, K::StartOver);
  EXPECT_EQ(flow.screen(), Screen::Welcome);
  EXPECT_EQ(flow.code_image().size, 0);
  EXPECT_TRUE(flow.questionnaire().path().empty());
}

TEST(FlowCode, TooLongATextMakesNoCode) {
  EXPECT_EQ(trialmatch::flow::qr_image(std::string(trialmatch::flow::kQrMaxChars + 1, 'A')).size, 0);
  EXPECT_EQ(trialmatch::flow::qr_image("").size, 0);
  EXPECT_GT(trialmatch::flow::qr_image(std::string(trialmatch::flow::kQrMaxChars, 'A')).size, 0);
  EXPECT_GT(trialmatch::flow::qr_image(std::string(trialmatch::flow::kQrMaxChars, '\xC3')).size, 0) << "bytes, not letters";
}

// ---- Continue later: a file of the answers, saved by choice, opened on the welcome screen.

namespace {

// A likely fit's answers, saved from the review screen.
effect::SaveFile saved_likely_fit() {
  Flow flow = likely_fit_at_review();
  EXPECT_EQ(flow.screen(), Screen::Review);
  act(flow, K::SaveAnswers);
  return taken_save(flow);
}

// A fresh page (another device) that opens `text` from its welcome screen.
Flow opened(const std::string& text, bool too_big = false) {
  Flow flow = seed_flow();
  act(flow, K::OpenSaved);
  EXPECT_TRUE(taken_pick(flow));
  EXPECT_FALSE(taken_pick(flow)) << "taken once";
  flow.on_saved_answers(text, too_big);
  return flow;
}

std::string with(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace

TEST(FlowSaved, TheFileNamesTheStudyItsEditionAndTheAnswersInTheirOrder) {
  const effect::SaveFile saved = saved_likely_fit();
  EXPECT_EQ(saved.file_name, "study-answers-NCT04979910.json");
  const nlohmann::json doc = nlohmann::json::parse(saved.text);
  EXPECT_EQ(doc["format"], "trialmatch-saved-answers/1");
  EXPECT_EQ(doc["file"], "trials/NCT04979910.json");
  ASSERT_EQ(doc["studies"].size(), 1u);
  EXPECT_EQ(doc["studies"][0]["id"], "NCT04979910");
  EXPECT_EQ(doc["studies"][0]["version"], "2026-11-29");
  EXPECT_EQ(doc["studies"][0]["sha256"], seed_flow().trial().sha256);
  ASSERT_GT(doc["answers"].size(), 10u);
  EXPECT_EQ(doc["answers"][0]["question"], "age");
  EXPECT_EQ(doc["answers"][0]["answer"], 34);
  EXPECT_EQ(doc["answers"].back()["question"], "mri_concerns");
}

TEST(FlowSaved, SavingIsOnlyByChoiceFromReviewOrAResultAndNeverAtAKiosk) {
  for (const bool kiosk : {false, true}) {
    Flow flow = seed_flow();
    if (kiosk) flow.set_kiosk(120);
    EXPECT_EQ(flow.can_open_saved(), !kiosk);
    act(flow, K::SaveAnswers);
    EXPECT_TRUE(taken_save(flow).text.empty()) << "nothing on the welcome screen";
    act(flow, K::Start);
    type_number(flow, "34");
    act(flow, K::SaveAnswers);
    EXPECT_TRUE(taken_save(flow).text.empty()) << "not from a question";
    answer_until(flow, "", likely_eligible_answer);
    EXPECT_EQ(flow.can_save_answers(), !kiosk);
    act(flow, K::SaveAnswers);
    EXPECT_EQ(taken_save(flow).text.empty(), kiosk) << "review";
    EXPECT_TRUE(taken_save(flow).text.empty()) << "taken once";
    act(flow, K::SeeResult);
    act(flow, K::SaveAnswers);
    EXPECT_EQ(taken_save(flow).text.empty(), kiosk) << "result";
    act(flow, K::StartOver);
    if (kiosk) continue;
    ASSERT_EQ(flow.screen(), Screen::Welcome);
    act(flow, K::OpenSaved);
    EXPECT_TRUE(taken_pick(flow));
  }
  Flow kiosk = seed_flow();
  kiosk.set_kiosk(120);
  EXPECT_FALSE(kiosk.can_open_saved());
  act(kiosk, K::OpenSaved);
  EXPECT_FALSE(taken_pick(kiosk)) << "a kiosk never opens a file";
}

TEST(FlowSaved, OpeningTheFileOnAnotherDeviceBringsBackEveryAnswerAndTheResult) {
  Flow before = likely_fit_at_review();
  act(before, K::SaveAnswers);
  const std::string text = taken_save(before).text;
  Flow after = opened(text);
  ASSERT_EQ(after.screen(), Screen::Review);
  EXPECT_EQ(after.saved_notice(), Flow::SavedNotice::Restored);
  EXPECT_EQ(after.questionnaire().path(), before.questionnaire().path());
  for (int q : before.questionnaire().path()) EXPECT_EQ(*after.answer_to(q), *before.answer_to(q));
  act(after, K::SeeResult);
  EXPECT_EQ(after.session().evaluation().verdict, trialmatch::Verdict::LikelyEligible);
  EXPECT_EQ(after.saved_notice(), Flow::SavedNotice::None) << "said once";
}

TEST(FlowSaved, AChangedStudyKeepsTheAnswersThatStillFitAndAsksTheRest) {
  const std::string text = saved_likely_fit().text;
  // Another edition of the file.
  Flow edited = opened(with(text, seed_flow().trial().sha256, std::string(64, '0')));
  EXPECT_EQ(edited.screen(), Screen::Review);
  EXPECT_EQ(edited.saved_notice(), Flow::SavedNotice::Changed);
  // An answer that no longer fits (the age question's range) is left out and asked again.
  Flow refitted = opened(with(text, "\"answer\": 34", "\"answer\": 300"));
  ASSERT_EQ(refitted.screen(), Screen::Question);
  EXPECT_EQ(refitted.question().id, "age");
  EXPECT_EQ(refitted.saved_notice(), Flow::SavedNotice::Changed);
  EXPECT_FALSE(refitted.answer_to(0));
  // A question the study no longer has.
  Flow dropped = opened(with(text, "\"question\": \"can_attend_visits\"", "\"question\": \"gone\""));
  EXPECT_EQ(dropped.saved_notice(), Flow::SavedNotice::Changed);
  EXPECT_EQ(question_id(dropped), "can_attend_visits");
}

TEST(FlowSaved, AFileThatIsNotOneOrIsForAnotherStudyIsRefusedOnTheWelcomeScreen) {
  const std::string text = saved_likely_fit().text;
  for (const std::string& bad : {std::string(""), std::string("not json"), std::string("{}"), std::string("[1, 2]"),
                                 with(text, "trialmatch-saved-answers/1", "trialmatch-saved-answers/9"),
                                 with(text, "\"answers\": [", "\"answers\": 3, \"x\": [")}) {
    Flow flow = opened(bad);
    EXPECT_EQ(flow.screen(), Screen::Welcome) << bad;
    EXPECT_EQ(flow.saved_notice(), Flow::SavedNotice::Unreadable) << bad;
    EXPECT_TRUE(flow.questionnaire().path().empty());
  }
  Flow big = opened(text, true);
  EXPECT_EQ(big.saved_notice(), Flow::SavedNotice::Unreadable);
  Flow other = opened(with(text, "trials/NCT04979910.json", "trials/NCT06136546.json"));
  EXPECT_EQ(other.screen(), Screen::Welcome);
  EXPECT_EQ(other.saved_notice(), Flow::SavedNotice::OtherFile);
  EXPECT_TRUE(other.questionnaire().path().empty());
  act(other, K::Start);
  EXPECT_EQ(other.saved_notice(), Flow::SavedNotice::None) << "the notice goes with the screen";
}

TEST(FlowSaved, ASavedDisclosureShowsTheCrisisHelpFirstAsItDidWhenGiven) {
  Flow before = review_after_a_disclosure();
  act(before, K::SaveAnswers);
  Flow after = opened(taken_save(before).text);
  ASSERT_EQ(after.screen(), Screen::Support);
  EXPECT_TRUE(after.support_after_disclosure());
  act(after, K::LeaveSupport);
  EXPECT_EQ(after.screen(), Screen::Review);
  EXPECT_EQ(after.saved_notice(), Flow::SavedNotice::Restored) << "still said after the help";
  EXPECT_TRUE(after.questionnaire().calls_for_crisis_support());
}

TEST(FlowSaved, AResultSavesAFhirQuestionnaireResponseOnlyByChoiceAndNeverAtAKiosk) {
  for (const bool kiosk : {false, true}) {
    Flow flow = likely_fit_at_review(Lang::Es, kiosk ? 120 : 0);
    act(flow, K::SaveFhir);
    EXPECT_TRUE(taken_save(flow).text.empty()) << "not from the review screen";
    act(flow, K::SeeResult);
    EXPECT_EQ(flow.can_save_fhir(), !kiosk);
    act(flow, K::SaveFhir);
    const effect::SaveFile saved = taken_save(flow);
    if (kiosk) {
      EXPECT_TRUE(saved.text.empty());
      continue;
    }
    EXPECT_EQ(saved.file_name, "questionnaire-response-NCT04979910.json");
    const nlohmann::json r = nlohmann::json::parse(saved.text);
    EXPECT_EQ(r["resourceType"], "QuestionnaireResponse");
    EXPECT_EQ(r["language"], "es");
    EXPECT_EQ(r["item"].size(), flow.questionnaire().path().size()) << "every answer that counts";
  }
}

TEST(FlowCode, TheCodeIsStillThereAfterAVisitToTheHelpScreen) {
  Flow flow = likely_fit_at_review();
  act(flow, K::SeeResult);
  act(flow, K::ShowCode);
  const int size = flow.code_image().size;
  ASSERT_GT(size, 0);
  act(flow, K::OpenSupport);  // "Need help now?"
  ASSERT_EQ(flow.screen(), Screen::Support);
  EXPECT_EQ(flow.code_image().size, 0) << "not kept behind the help screen";
  act(flow, K::LeaveSupport);
  ASSERT_EQ(flow.screen(), Screen::ResultCode);
  EXPECT_EQ(flow.code_image().size, size) << "drawn again, never \"too long\"";
}

TEST(FlowSaved, AnAnswerTheQuestionDoesNotOfferIsNotRestored) {
  // "breastfeeding" offers no "I'm not sure": a file that says so (an older edition, or
  // edited by hand) does not leave it answered that way; it is asked again.
  Flow before = likely_fit_at_review();
  act(before, K::SaveAnswers);
  const std::string text = taken_save(before).text;
  nlohmann::json doc = nlohmann::json::parse(text);
  bool found = false;
  for (auto& a : doc["answers"])
    if (a["question"] == "breastfeeding") {
      a["answer"] = "not_sure";
      found = true;
    }
  ASSERT_TRUE(found) << text;
  Flow after = opened(doc.dump());
  EXPECT_EQ(after.saved_notice(), Flow::SavedNotice::Changed);
  EXPECT_EQ(question_id(after), "breastfeeding");
}

TEST(FlowSaved, AnEmbeddedPageDoesNotOpenFiles) {
  Flow flow = seed_flow();
  flow.set_embedded(true, "https://sponsor.example");
  EXPECT_FALSE(flow.can_open_saved()) << "the file picker's focus change would tell the host page";
  act(flow, K::OpenSaved);
  EXPECT_FALSE(taken_pick(flow));
}

}  // namespace unit_flow
