// evaluate(): criterion statuses and outcomes, inclusion vs exclusion, "when_fails":
// "review", the verdict rules, safety alerts, and answers to questions that no longer apply.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evaluation.h"
#include "navigation.h"
#include "report_json.h"
#include "trial.h"

#include "test_support.h"

namespace unit_evaluation {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;

namespace {

const char* const kQuestions = R"json(
    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "min": 0, "max": 120, "unknown": ["prefer_not_to_say"]},
    {"id": "diagnosed", "type": "yes_no", "text": {"en": "Were you diagnosed?"}, "unknown": ["not_sure"]},
    {"id": "self_harm", "type": "yes_no", "text": {"en": "Thoughts of self-harm?"}, "unknown": ["prefer_not_to_say"],
     "safety": {"when": "self_harm = \"yes\"", "action": "crisis_support"}},
    {"id": "hopeless", "type": "yes_no", "ask_if": "diagnosed = \"yes\"", "text": {"en": "Do you feel hopeless?"},
     "safety": {"when": "hopeless = \"yes\"", "action": "crisis_support"}},
    {"id": "smoker", "type": "yes_no", "text": {"en": "Do you smoke?"}, "unknown": ["not_sure"]},
    {"id": "can_preg", "type": "yes_no", "text": {"en": "Could you become pregnant?"}, "unknown": ["not_sure"]},
    {"id": "pregnant", "type": "yes_no", "ask_if": "can_preg != \"no\"", "text": {"en": "Are you pregnant?"}, "unknown": ["not_sure"]}
)json";

const char* const kCriteria = R"json(
    {"id": "adult", "type": "inclusion", "rule": "age >= 18 and age <= 65", "text": {"en": "Adults 18 to 65."}, "source": "I1"},
    {"id": "diagnosed", "type": "inclusion", "rule": "diagnosed = \"yes\"", "when_fails": "review", "text": {"en": "Diagnosed."}, "source": "I2"},
    {"id": "no_self_harm", "type": "exclusion", "rule": "self_harm = \"yes\"", "when_fails": "review", "text": {"en": "Safety first."}, "source": "E1"},
    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "text": {"en": "No smokers."}, "source": "E2"},
    {"id": "not_pregnant", "type": "exclusion", "rule": "can_preg != \"no\" and pregnant = \"yes\"", "text": {"en": "Not pregnant."}, "source": "E3"},
    {"id": "consent", "type": "inclusion", "checked_by": "study_team", "text": {"en": "Consent."}, "source": "I3"}
)json";

enum Q { kAge, kDiagnosed, kSelfHarm, kHopeless, kSmoker, kCanPreg, kPregnant };
enum C { cAdult, cDiagnosed, cNoSelfHarm, cNoSmoking, cNotPregnant, cConsent };

class EvaluationTest : public ::testing::Test {
 protected:
  Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(kQuestions, kCriteria));
  AnswerSet answers = AnswerSet(trial.questions.size());

  void set(int q, Answer a) { answers[static_cast<size_t>(q)] = std::move(a); }
  void yes(int q) { set(q, Answer::of_choice("yes")); }
  void no(int q) { set(q, Answer::of_choice("no")); }

  // Answers that pass every answerable criterion.
  void answer_eligible() {
    set(kAge, Answer::of_number(40));
    yes(kDiagnosed);
    no(kSelfHarm);
    no(kHopeless);
    no(kSmoker);
    no(kCanPreg);
  }

  Evaluation run() const { return evaluate(trial, answers); }
};

void expect_criterion(const Evaluation& e, int c, CriterionStatus status, CriterionOutcome outcome) {
  ASSERT_LT(static_cast<size_t>(c), e.criteria.size());
  EXPECT_EQ(e.criteria[static_cast<size_t>(c)].criterion_index, c);
  EXPECT_EQ(status_id(e.criteria[static_cast<size_t>(c)].status), std::string(status_id(status))) << "criterion " << c;
  EXPECT_EQ(outcome_id(e.criteria[static_cast<size_t>(c)].outcome), std::string(outcome_id(outcome)))
      << "criterion " << c;
}

TEST_F(EvaluationTest, NothingAnsweredEverythingIsOpenAndTheStudyTeamChecksTheRest) {
  Evaluation e = run();
  ASSERT_EQ(e.criteria.size(), trial.criteria.size());
  for (int c : {cAdult, cDiagnosed, cNoSelfHarm, cNoSmoking, cNotPregnant})
    expect_criterion(e, c, CriterionStatus::Unknown, CriterionOutcome::Open);
  expect_criterion(e, cConsent, CriterionStatus::StudyTeam, CriterionOutcome::StudyTeam);
  EXPECT_EQ(e.verdict, Verdict::NeedsReview);
  EXPECT_TRUE(e.safety.empty());
}

TEST_F(EvaluationTest, EligibleAnswersAreLikelyEligibleWithOnlyStudyTeamChecksLeft) {
  answer_eligible();
  Evaluation e = run();
  EXPECT_EQ(e.verdict, Verdict::LikelyEligible);
  expect_criterion(e, cAdult, CriterionStatus::Met, CriterionOutcome::Passes);
  expect_criterion(e, cDiagnosed, CriterionStatus::Met, CriterionOutcome::Passes);
  expect_criterion(e, cNoSelfHarm, CriterionStatus::NotMet, CriterionOutcome::Passes);
  expect_criterion(e, cNoSmoking, CriterionStatus::NotMet, CriterionOutcome::Passes);
  expect_criterion(e, cNotPregnant, CriterionStatus::NotMet, CriterionOutcome::Passes);
  expect_criterion(e, cConsent, CriterionStatus::StudyTeam, CriterionOutcome::StudyTeam);
  EXPECT_TRUE(e.safety.empty());
}

TEST_F(EvaluationTest, InclusionNotMetRulesOut) {
  answer_eligible();
  set(kAge, Answer::of_number(70));
  Evaluation e = run();
  expect_criterion(e, cAdult, CriterionStatus::NotMet, CriterionOutcome::RulesOut);
  EXPECT_EQ(e.verdict, Verdict::NotEligible);
}

TEST_F(EvaluationTest, AgeBoundariesAreInclusive) {
  answer_eligible();
  for (double age : {18.0, 65.0}) {
    set(kAge, Answer::of_number(age));
    EXPECT_EQ(run().verdict, Verdict::LikelyEligible) << age;
  }
  for (double age : {17.0, 66.0, 0.0, 120.0}) {
    set(kAge, Answer::of_number(age));
    EXPECT_EQ(run().verdict, Verdict::NotEligible) << age;
  }
}

TEST_F(EvaluationTest, ExclusionMetRulesOutAndNotMetPasses) {
  answer_eligible();
  yes(kSmoker);
  Evaluation e = run();
  expect_criterion(e, cNoSmoking, CriterionStatus::Met, CriterionOutcome::RulesOut);
  EXPECT_EQ(e.verdict, Verdict::NotEligible);
  no(kSmoker);
  expect_criterion(run(), cNoSmoking, CriterionStatus::NotMet, CriterionOutcome::Passes);
}

TEST_F(EvaluationTest, UnknownAnswerLeavesTheCriterionOpenAndNeedsAConversation) {
  answer_eligible();
  set(kSmoker, Answer::unknown(UnknownKind::NotSure));
  Evaluation e = run();
  expect_criterion(e, cNoSmoking, CriterionStatus::Unknown, CriterionOutcome::Open);
  EXPECT_EQ(e.verdict, Verdict::NeedsReview);

  answer_eligible();
  set(kAge, Answer::unknown(UnknownKind::PreferNotToSay));
  e = run();
  expect_criterion(e, cAdult, CriterionStatus::Unknown, CriterionOutcome::Open);
  EXPECT_EQ(e.verdict, Verdict::NeedsReview);
}

TEST_F(EvaluationTest, ReviewInclusionThatFailsNeedsReviewNeverNotEligible) {
  answer_eligible();
  no(kDiagnosed);
  Evaluation e = run();
  expect_criterion(e, cDiagnosed, CriterionStatus::NotMet, CriterionOutcome::NeedsReview);
  EXPECT_EQ(e.verdict, Verdict::NeedsReview);
}

TEST_F(EvaluationTest, ReviewExclusionThatAppliesNeedsReviewNeverNotEligible) {
  answer_eligible();
  yes(kSelfHarm);
  Evaluation e = run();
  expect_criterion(e, cNoSelfHarm, CriterionStatus::Met, CriterionOutcome::NeedsReview);
  EXPECT_EQ(e.verdict, Verdict::NeedsReview);
  for (const CriterionResult& r : e.criteria) EXPECT_NE(r.outcome, CriterionOutcome::RulesOut);
}

TEST_F(EvaluationTest, RulingOutWinsOverReviewAndOpen) {
  answer_eligible();
  no(kDiagnosed);                                     // needs review
  set(kAge, Answer::unknown(UnknownKind::PreferNotToSay));  // open
  EXPECT_EQ(run().verdict, Verdict::NeedsReview);
  yes(kSmoker);  // rules out
  EXPECT_EQ(run().verdict, Verdict::NotEligible);
}

TEST_F(EvaluationTest, TheReasonsShownAreTheCriteriaBehindTheVerdict) {
  answer_eligible();
  EXPECT_TRUE(criteria_behind_verdict(run()).empty());
  no(kDiagnosed);                                           // needs review
  set(kAge, Answer::unknown(UnknownKind::PreferNotToSay));  // open
  EXPECT_EQ(criteria_behind_verdict(run()), (std::vector<int>{cAdult, cDiagnosed}));
  yes(kSmoker);  // rules out: only that is the reason now
  EXPECT_EQ(criteria_behind_verdict(run()), (std::vector<int>{cNoSmoking}));
}

TEST(VerdictFor, OrdersOutcomesByHowMuchTheyStandInTheWay) {
  EXPECT_EQ(verdict_for(CriterionOutcome::Passes), Verdict::LikelyEligible);
  EXPECT_EQ(verdict_for(CriterionOutcome::StudyTeam), Verdict::LikelyEligible);
  EXPECT_EQ(verdict_for(CriterionOutcome::Open), Verdict::NeedsReview);
  EXPECT_EQ(verdict_for(CriterionOutcome::NeedsReview), Verdict::NeedsReview);
  EXPECT_EQ(verdict_for(CriterionOutcome::RulesOut), Verdict::NotEligible);
  EXPECT_LT(Verdict::LikelyEligible, Verdict::NeedsReview);
  EXPECT_LT(Verdict::NeedsReview, Verdict::NotEligible);
}

TEST_F(EvaluationTest, KleeneFalseAndUnknownDecidesAnExclusion) {
  // can_preg = "no" makes the rule false whatever "pregnant" is.
  answer_eligible();
  no(kCanPreg);
  expect_criterion(run(), cNotPregnant, CriterionStatus::NotMet, CriterionOutcome::Passes);
  // can_preg unknown and pregnant = "no": "unknown and false" is false too.
  set(kCanPreg, Answer::unknown(UnknownKind::NotSure));
  no(kPregnant);
  expect_criterion(run(), cNotPregnant, CriterionStatus::NotMet, CriterionOutcome::Passes);
  // can_preg unknown and pregnant = "yes": unknown, not a rule-out.
  yes(kPregnant);
  expect_criterion(run(), cNotPregnant, CriterionStatus::Unknown, CriterionOutcome::Open);
  EXPECT_EQ(run().verdict, Verdict::NeedsReview);
  // Both definite: ruled out.
  yes(kCanPreg);
  expect_criterion(run(), cNotPregnant, CriterionStatus::Met, CriterionOutcome::RulesOut);
}

TEST_F(EvaluationTest, SafetyAlertOnlyWhenTheTriggerIsDefinitelyTrue) {
  yes(kSelfHarm);
  Evaluation e = run();
  ASSERT_EQ(e.safety.size(), 1u);
  EXPECT_EQ(e.safety[0].question_index, kSelfHarm);
  EXPECT_EQ(e.safety[0].action, "crisis_support");
  no(kSelfHarm);
  EXPECT_TRUE(run().safety.empty());
  set(kSelfHarm, Answer::unknown(UnknownKind::PreferNotToSay));
  EXPECT_TRUE(run().safety.empty());
}

TEST_F(EvaluationTest, SafetyAlertEvenWhenThePersonIsNotEligible) {
  yes(kSelfHarm);
  yes(kSmoker);
  Evaluation e = run();
  EXPECT_EQ(e.verdict, Verdict::NotEligible);
  ASSERT_EQ(e.safety.size(), 1u);
  EXPECT_EQ(e.safety[0].action, "crisis_support");
}

TEST_F(EvaluationTest, AnswersToQuestionsWhoseAskIfBecameFalseAreIgnored) {
  answer_eligible();
  yes(kCanPreg);
  yes(kPregnant);
  EXPECT_EQ(run().verdict, Verdict::NotEligible);
  // The person goes back: they cannot become pregnant. The earlier "pregnant: yes" stays in
  // the answer set but no longer counts.
  no(kCanPreg);
  Evaluation e = run();
  EXPECT_FALSE(e.applies[kPregnant]);
  EXPECT_TRUE(e.applies[kCanPreg]);
  expect_criterion(e, cNotPregnant, CriterionStatus::NotMet, CriterionOutcome::Passes);
  EXPECT_EQ(e.verdict, Verdict::LikelyEligible);

  EffectiveAnswers effective(trial, answers);
  EXPECT_EQ(effective.answer_at(kPregnant), nullptr);
  ASSERT_NE(effective.answer_at(kCanPreg), nullptr);

  // The JSON report lists the ignored answer.
  Navigator navigator(trial);
  auto report = evaluation_to_json(trial, answers, e, navigator.progress(answers, e), "en");
  ASSERT_TRUE(report.contains("ignored_answers"));
  EXPECT_EQ(report["ignored_answers"], nlohmann::json::array({"pregnant"}));
}

TEST_F(EvaluationTest, AskIfOnAnUnknownAnswerStillApplies) {
  set(kCanPreg, Answer::unknown(UnknownKind::NotSure));
  Evaluation e = run();
  EXPECT_TRUE(e.applies[kPregnant]);
}

TEST_F(EvaluationTest, SafetyAnswerToAQuestionThatNoLongerAppliesRaisesNoAlert) {
  yes(kDiagnosed);
  yes(kHopeless);
  Evaluation e = run();
  ASSERT_EQ(e.safety.size(), 1u);
  EXPECT_EQ(e.safety[0].question_index, kHopeless);
  no(kDiagnosed);  // "hopeless" is no longer asked: its answer is ignored
  e = run();
  EXPECT_FALSE(e.applies[kHopeless]);
  EXPECT_TRUE(e.safety.empty());
}

TEST_F(EvaluationTest, ReportNamesVerdictStatusesAndOutcomes) {
  answer_eligible();
  yes(kSmoker);
  Evaluation e = run();
  Navigator navigator(trial);
  auto report = evaluation_to_json(trial, answers, e, navigator.progress(answers, e), "en");
  EXPECT_EQ(report["verdict"], "not_eligible");
  EXPECT_EQ(report["next_question"], nullptr);
  ASSERT_EQ(report["criteria"].size(), trial.criteria.size());
  EXPECT_EQ(report["criteria"][static_cast<size_t>(cNoSmoking)]["id"], "no_smoking");
  EXPECT_EQ(report["criteria"][static_cast<size_t>(cNoSmoking)]["type"], "exclusion");
  EXPECT_EQ(report["criteria"][static_cast<size_t>(cNoSmoking)]["status"], "met");
  EXPECT_EQ(report["criteria"][static_cast<size_t>(cNoSmoking)]["outcome"], "rules_out");
  EXPECT_EQ(report["criteria"][static_cast<size_t>(cNoSmoking)]["reason"], "No smokers.");
  EXPECT_EQ(report["criteria"][static_cast<size_t>(cConsent)]["status"], "study_team");
  EXPECT_FALSE(report.contains("ignored_answers"));
}

TEST(EvaluationIds, VerdictStatusAndOutcomeIds) {
  EXPECT_STREQ(verdict_id(Verdict::LikelyEligible), "likely_eligible");
  EXPECT_STREQ(verdict_id(Verdict::NeedsReview), "needs_review");
  EXPECT_STREQ(verdict_id(Verdict::NotEligible), "not_eligible");
  EXPECT_STREQ(status_id(CriterionStatus::Met), "met");
  EXPECT_STREQ(status_id(CriterionStatus::NotMet), "not_met");
  EXPECT_STREQ(status_id(CriterionStatus::Unknown), "unknown");
  EXPECT_STREQ(status_id(CriterionStatus::StudyTeam), "study_team");
  EXPECT_STREQ(outcome_id(CriterionOutcome::Passes), "passes");
  EXPECT_STREQ(outcome_id(CriterionOutcome::RulesOut), "rules_out");
  EXPECT_STREQ(outcome_id(CriterionOutcome::NeedsReview), "needs_review");
  EXPECT_STREQ(outcome_id(CriterionOutcome::Open), "open");
  EXPECT_STREQ(outcome_id(CriterionOutcome::StudyTeam), "study_team");
}

}  // namespace

// Review finding: a question behind a gate that is itself closed must not apply, even when
// its own ask_if would read "unknown" (its gate question was never asked).
TEST(Evaluation, AQuestionBehindAClosedGateDoesNotApply) {
  const std::string questions = R"json(
    {"id": "can_preg", "type": "yes_no", "text": {"en": "Could you become pregnant?"}},
    {"id": "partner", "type": "yes_no", "ask_if": "can_preg != \"yes\"", "text": {"en": "Partner could?"}},
    {"id": "condoms", "type": "yes_no", "ask_if": "partner != \"no\"", "text": {"en": "Condoms?"}}
  )json";
  const std::string criteria = R"json(
    {"id": "c", "type": "inclusion", "rule": "can_preg = \"yes\" or partner = \"no\" or condoms = \"yes\"", "text": {"en": "C."}, "source": "S"}
  )json";
  const trialmatch::Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(questions, criteria));
  AnswerSet answers(3);
  answers[0] = Answer::of_choice("yes");
  answers[2] = Answer::of_choice("no");  // left over from before the person changed can_preg
  const Evaluation e = evaluate(trial, answers);
  EXPECT_FALSE(e.applies[1]);
  EXPECT_FALSE(e.applies[2]) << "condoms sits behind the closed 'partner' gate";
  EXPECT_EQ(e.verdict, Verdict::LikelyEligible);
}

}  // namespace unit_evaluation
