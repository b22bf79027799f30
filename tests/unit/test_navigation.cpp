// Navigation through a Session: which question comes next, which are skipped, when the
// questionnaire stops, going back and changing answers, progress, Back and Start over.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "navigation.h"
#include "session.h"
#include "trial.h"

#include "test_support.h"

namespace unit_navigation {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;

namespace {

const char* const kQuestions = R"json(
    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "min": 0, "max": 120, "unknown": ["prefer_not_to_say"]},
    {"id": "med_a", "type": "yes_no", "text": {"en": "Do you take medicine A?"}, "unknown": ["not_sure"]},
    {"id": "med_b", "type": "yes_no", "text": {"en": "Do you take medicine B?"}, "unknown": ["not_sure"]},
    {"id": "can_preg", "type": "yes_no", "text": {"en": "Could you become pregnant?"}, "unknown": ["not_sure"]},
    {"id": "pregnant", "type": "yes_no", "ask_if": "can_preg != \"no\"", "text": {"en": "Are you pregnant?"}, "unknown": ["not_sure"]},
    {"id": "visits", "type": "yes_no", "text": {"en": "Can you come to the visits?"}, "unknown": ["not_sure"]}
)json";

const char* const kCriteria = R"json(
    {"id": "adult", "type": "inclusion", "rule": "age >= 18 and age <= 65", "text": {"en": "Adults 18 to 65."}, "source": "I1"},
    {"id": "on_treatment", "type": "inclusion", "rule": "med_a = \"yes\" or med_b = \"yes\"", "text": {"en": "On treatment."}, "source": "I2"},
    {"id": "not_pregnant", "type": "exclusion", "rule": "can_preg != \"no\" and pregnant = \"yes\"", "text": {"en": "Not pregnant."}, "source": "E1"},
    {"id": "visits", "type": "inclusion", "rule": "visits = \"yes\"", "text": {"en": "Visits."}, "source": "I3"},
    {"id": "consent", "type": "inclusion", "checked_by": "study_team", "text": {"en": "Consent."}, "source": "I4"}
)json";

enum Q { kAge, kMedA, kMedB, kCanPreg, kPregnant, kVisits };

const Answer kYes = Answer::of_choice("yes");
const Answer kNo = Answer::of_choice("no");

class NavigationTest : public ::testing::Test {
 protected:
  Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(kQuestions, kCriteria));
  Session session{trial};

  void answer(int q, const Answer& a) {
    auto problem = session.answer(q, a);
    ASSERT_FALSE(problem.has_value()) << *problem;
  }
  int next() const { return session.progress().next_question; }
  Verdict verdict() const { return session.evaluation().verdict; }
  const std::vector<int>& history() const { return session.progress().history; }

  // age 30, med_a yes, can_preg no, visits yes: likely eligible in four questions.
  void answer_eligible_path() {
    answer(kAge, Answer::of_number(30));
    answer(kMedA, kYes);
    answer(kCanPreg, kNo);
    answer(kVisits, kYes);
  }
};

TEST_F(NavigationTest, StartsWithTheFirstQuestion) {
  EXPECT_EQ(next(), kAge);
  EXPECT_FALSE(session.finished());
  EXPECT_EQ(session.progress().step, 1);
  EXPECT_EQ(session.progress().estimated_total, 6);
  EXPECT_TRUE(history().empty());
  Navigator navigator(trial);
  EXPECT_EQ(navigator.relevant_questions(session.answers(), session.evaluation()),
            (std::vector<int>{kAge, kMedA, kMedB, kCanPreg, kPregnant, kVisits}));
}

TEST_F(NavigationTest, AsksInOrderAndSkipsAQuestionWhoseCriterionIsDecided) {
  answer(kAge, Answer::of_number(30));
  EXPECT_EQ(next(), kMedA);
  answer(kMedA, kYes);  // on_treatment is met: medicine B cannot change anything
  EXPECT_EQ(next(), kCanPreg);
}

TEST_F(NavigationTest, AsksTheSecondQuestionWhenTheFirstDoesNotDecide) {
  answer(kAge, Answer::of_number(30));
  answer(kMedA, kNo);
  EXPECT_EQ(next(), kMedB);
  answer(kMedA, Answer::unknown(UnknownKind::NotSure));
  EXPECT_EQ(next(), kMedB);  // "not sure or yes" is still decided by a yes
}

TEST_F(NavigationTest, SkipsAQuestionWhoseAskIfIsFalse) {
  answer(kAge, Answer::of_number(30));
  answer(kMedA, kYes);
  answer(kCanPreg, kNo);
  EXPECT_FALSE(session.evaluation().applies[kPregnant]);
  EXPECT_EQ(next(), kVisits);
}

TEST_F(NavigationTest, AsksAQuestionWhoseAskIfIsUnknown) {
  answer(kAge, Answer::of_number(30));
  answer(kMedA, kYes);
  answer(kCanPreg, Answer::unknown(UnknownKind::NotSure));
  EXPECT_EQ(next(), kPregnant);
}

TEST_F(NavigationTest, StopsAsSoonAsThePersonIsNotEligible) {
  answer(kAge, Answer::of_number(10));
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(next(), -1);
  EXPECT_EQ(verdict(), Verdict::NotEligible);
  EXPECT_EQ(history(), std::vector<int>{kAge});
  EXPECT_EQ(session.progress().step, 1);
  EXPECT_EQ(session.progress().estimated_total, 1);
}

TEST_F(NavigationTest, StopsInTheMiddleWhenALaterAnswerRulesOut) {
  answer(kAge, Answer::of_number(30));
  answer(kMedA, kYes);
  answer(kCanPreg, kYes);
  answer(kPregnant, kYes);
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(verdict(), Verdict::NotEligible);
  EXPECT_FALSE(session.answer_to(kVisits).has_value());
}

TEST_F(NavigationTest, FinishesLikelyEligibleWhenEverythingIsAnswered) {
  answer_eligible_path();
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(verdict(), Verdict::LikelyEligible);
  EXPECT_EQ(history(), (std::vector<int>{kAge, kMedA, kCanPreg, kVisits}));
}

TEST_F(NavigationTest, UnknownAnswersDoNotStopTheQuestionnaire) {
  answer(kAge, Answer::unknown(UnknownKind::PreferNotToSay));
  EXPECT_EQ(next(), kMedA);
  answer(kMedA, kYes);
  answer(kCanPreg, kNo);
  answer(kVisits, kYes);
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(verdict(), Verdict::NeedsReview);
}

TEST_F(NavigationTest, GoingBackAndChangingAnAnswerResumes) {
  answer(kAge, Answer::of_number(10));
  ASSERT_TRUE(session.finished());
  answer(kAge, Answer::of_number(30));  // the person goes back and corrects their age
  EXPECT_FALSE(session.finished());
  EXPECT_EQ(next(), kMedA);
  EXPECT_EQ(verdict(), Verdict::NeedsReview);
  EXPECT_EQ(session.progress().step, 2);
}

TEST_F(NavigationTest, ChangingAnEarlierAnswerThatOpensAnAskIfAsksTheNewQuestion) {
  answer_eligible_path();
  ASSERT_TRUE(session.finished());
  answer(kCanPreg, kYes);  // back to "could you become pregnant?"
  EXPECT_FALSE(session.finished());
  EXPECT_EQ(next(), kPregnant);
  // Three answered questions come before it.
  EXPECT_EQ(session.progress().step, 4);
  EXPECT_EQ(session.progress().estimated_total, 5);
  answer(kPregnant, kNo);
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(verdict(), Verdict::LikelyEligible);
}

TEST_F(NavigationTest, ChangingAnAnswerSoAnAskIfBecomesFalseDropsTheLaterAnswer) {
  answer(kAge, Answer::of_number(30));
  answer(kMedA, kYes);
  answer(kCanPreg, kYes);
  answer(kPregnant, kYes);
  ASSERT_EQ(verdict(), Verdict::NotEligible);
  answer(kCanPreg, kNo);  // back: the pregnancy answer no longer counts
  EXPECT_FALSE(session.finished());
  EXPECT_EQ(next(), kVisits);
  EXPECT_EQ(history(), (std::vector<int>{kAge, kMedA, kCanPreg}));
  answer(kVisits, kYes);
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(verdict(), Verdict::LikelyEligible);
}

TEST_F(NavigationTest, ChangingTheLastAnswerChangesTheVerdict) {
  answer_eligible_path();
  answer(kVisits, kNo);
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(verdict(), Verdict::NotEligible);
  answer(kVisits, Answer::unknown(UnknownKind::NotSure));
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(verdict(), Verdict::NeedsReview);
}

TEST_F(NavigationTest, ProgressStepAndEstimatedTotal) {
  EXPECT_EQ(session.progress().step, 1);
  EXPECT_EQ(session.progress().estimated_total, 6);
  answer(kAge, Answer::of_number(30));
  EXPECT_EQ(next(), kMedA);
  EXPECT_EQ(session.progress().step, 2);
  EXPECT_EQ(session.progress().estimated_total, 6);
  answer(kMedA, kYes);  // medicine B drops out
  EXPECT_EQ(session.progress().step, 3);
  EXPECT_EQ(session.progress().estimated_total, 5);
  answer(kCanPreg, kNo);  // the pregnancy question drops out
  EXPECT_EQ(session.progress().step, 4);
  EXPECT_EQ(session.progress().estimated_total, 4);
  answer(kVisits, kYes);
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(session.progress().step, 4);
  EXPECT_EQ(session.progress().estimated_total, 4);
}

TEST_F(NavigationTest, ClearingAnAnswerAsksItAgainAtTheRightStep) {
  answer_eligible_path();
  session.clear_answer(kMedA);
  EXPECT_EQ(next(), kMedA);
  EXPECT_EQ(session.progress().step, 2);
  // age, can_preg, visits answered; medicine A and B both open again.
  EXPECT_EQ(session.progress().estimated_total, 5);
}

TEST_F(NavigationTest, PreviousQuestionFollowsThePersonsPath) {
  answer(kAge, Answer::of_number(30));
  answer(kMedA, kYes);
  answer(kCanPreg, kNo);
  ASSERT_EQ(next(), kVisits);
  EXPECT_EQ(session.previous_question(kVisits), kCanPreg);
  EXPECT_EQ(session.previous_question(kCanPreg), kMedA);  // medicine B was never asked
  EXPECT_EQ(session.previous_question(kMedA), kAge);
  EXPECT_EQ(session.previous_question(kAge), -1);
  answer(kVisits, kYes);
  ASSERT_TRUE(session.finished());
  EXPECT_EQ(session.previous_question(-1), kVisits);  // from the result screen
}

TEST_F(NavigationTest, PreviousQuestionSkipsAnswersThatNoLongerCount) {
  answer(kAge, Answer::of_number(30));
  answer(kMedA, kYes);
  answer(kCanPreg, kYes);
  answer(kPregnant, kNo);
  answer(kCanPreg, kNo);
  ASSERT_EQ(next(), kVisits);
  EXPECT_EQ(session.previous_question(kVisits), kCanPreg);
}

TEST_F(NavigationTest, ResetWipesEverything) {
  answer(kAge, Answer::of_number(30));
  answer(kMedA, kNo);
  answer(kMedB, kNo);
  ASSERT_EQ(verdict(), Verdict::NotEligible);
  session.reset();
  for (size_t i = 0; i < trial.questions.size(); ++i)
    EXPECT_FALSE(session.answer_to(static_cast<int>(i)).has_value()) << trial.questions[i].id;
  EXPECT_EQ(session.answers().size(), trial.questions.size());
  const Session fresh(trial);
  EXPECT_EQ(next(), kAge);
  EXPECT_FALSE(session.finished());
  EXPECT_TRUE(history().empty());
  EXPECT_EQ(session.progress().step, fresh.progress().step);
  EXPECT_EQ(session.progress().estimated_total, fresh.progress().estimated_total);
  EXPECT_EQ(verdict(), fresh.evaluation().verdict);
  ASSERT_EQ(session.evaluation().criteria.size(), fresh.evaluation().criteria.size());
  for (size_t c = 0; c < fresh.evaluation().criteria.size(); ++c) {
    EXPECT_EQ(session.evaluation().criteria[c].status, fresh.evaluation().criteria[c].status);
    EXPECT_EQ(session.evaluation().criteria[c].outcome, fresh.evaluation().criteria[c].outcome);
  }
  EXPECT_TRUE(session.evaluation().safety.empty());
  EXPECT_EQ(session.previous_question(-1), -1);
  // And the questionnaire works again from the start.
  answer(kAge, Answer::of_number(40));
  EXPECT_EQ(next(), kMedA);
}

TEST_F(NavigationTest, AnswersThatDoNotFitAreRejectedAndChangeNothing) {
  answer(kAge, Answer::of_number(30));
  auto problem = session.answer(kMedA, Answer::of_choice("maybe"));
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->fault, AnswerProblem::Fault::NoSuchOption);
  EXPECT_NE(problem->message.find("has no option \"maybe\""), std::string::npos) << *problem;
  EXPECT_FALSE(session.answer_to(kMedA).has_value());
  EXPECT_EQ(next(), kMedA);

  problem = session.answer(kAge, Answer::of_number(130));
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->fault, AnswerProblem::Fault::OutOfRange);
  EXPECT_NE(problem->message.find("must be between 0 and 120"), std::string::npos) << *problem;
  EXPECT_EQ(session.answer_to(kAge)->number, 30);

  problem = session.answer(kAge, Answer::of_number(30.5));
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->fault, AnswerProblem::Fault::NotWhole);
  EXPECT_NE(problem->message.find("whole number"), std::string::npos) << *problem;

  problem = session.answer("weight", Answer::of_number(70));
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->fault, AnswerProblem::Fault::NoSuchQuestion);
  EXPECT_NE(problem->message.find("no question with id \"weight\""), std::string::npos) << *problem;

  EXPECT_TRUE(session.answer(99, kYes).has_value());
  EXPECT_TRUE(session.answer(-1, kYes).has_value());
}

TEST_F(NavigationTest, AnswerByQuestionId) {
  ASSERT_FALSE(session.answer("age", Answer::of_number(30)).has_value());
  EXPECT_EQ(session.answer_to(kAge)->number, 30);
  EXPECT_EQ(next(), kMedA);
}

// A question that only carries a safety trigger (no criterion names it) is still asked.
TEST(NavigationSafety, SafetyOnlyQuestionIsAskedWhileThePersonIsNotRuledOut) {
  const Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(
      R"json({"id": "age", "type": "number", "text": {"en": "Age?"}, "min": 0, "max": 120, "unknown": ["prefer_not_to_say"]},
    {"id": "hopeless", "type": "yes_no", "text": {"en": "Do you feel hopeless?"}, "unknown": ["prefer_not_to_say"],
     "safety": {"when": "hopeless = \"yes\"", "action": "crisis_support"}})json",
      R"json({"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults."}, "source": "I1"})json"));
  const int hopeless = trial.question_index("hopeless");
  {
    Session session(trial);
    ASSERT_FALSE(session.answer("age", Answer::of_number(30)).has_value());
    EXPECT_EQ(session.progress().next_question, hopeless);
    ASSERT_FALSE(session.answer("hopeless", kYes).has_value());
    EXPECT_TRUE(session.finished());
    EXPECT_EQ(session.evaluation().verdict, Verdict::LikelyEligible);
    ASSERT_EQ(session.evaluation().safety.size(), 1u);
  }
  {
    Session session(trial);
    ASSERT_FALSE(session.answer("age", Answer::unknown(UnknownKind::PreferNotToSay)).has_value());
    EXPECT_EQ(session.progress().next_question, hopeless);
  }
  {
    // Once the verdict is settled as not eligible, nothing more is asked.
    Session session(trial);
    ASSERT_FALSE(session.answer("age", Answer::of_number(12)).has_value());
    EXPECT_TRUE(session.finished());
  }
}

// When an earlier "not sure" means no answer to a later question can settle a criterion,
// the later question is not asked.
TEST(NavigationMinimal, QuestionThatCanNoLongerDecideAnythingIsSkipped) {
  const Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(
      R"json({"id": "a", "type": "yes_no", "text": {"en": "A?"}, "unknown": ["not_sure"]},
    {"id": "b", "type": "yes_no", "text": {"en": "B?"}})json",
      R"json({"id": "same", "type": "inclusion", "rule": "(a = \"yes\" and b = \"yes\") or (a = \"no\" and b = \"no\")", "text": {"en": "Same."}, "source": "I1"})json"));
  Session session(trial);
  ASSERT_FALSE(session.answer("a", Answer::unknown(UnknownKind::NotSure)).has_value());
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(session.evaluation().verdict, Verdict::NeedsReview);
  // With a definite first answer, the second question matters.
  ASSERT_FALSE(session.answer("a", kYes).has_value());
  EXPECT_EQ(session.progress().next_question, trial.question_index("b"));
}

// The same when the blocking question is one that does not apply (its ask_if is false).
TEST(NavigationMinimal, QuestionBlockedByAnInapplicableQuestionIsSkipped) {
  const Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(
      R"json({"id": "gate", "type": "yes_no", "text": {"en": "Gate?"}},
    {"id": "a", "type": "yes_no", "ask_if": "gate = \"yes\"", "text": {"en": "A?"}},
    {"id": "b", "type": "yes_no", "text": {"en": "B?"}})json",
      R"json({"id": "same", "type": "inclusion", "rule": "(a = \"yes\" and b = \"yes\") or (a = \"no\" and b = \"no\")", "text": {"en": "Same."}, "source": "I1"})json"));
  Session session(trial);
  EXPECT_EQ(session.progress().next_question, trial.question_index("gate"));
  ASSERT_FALSE(session.answer("gate", kNo).has_value());
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(session.evaluation().verdict, Verdict::NeedsReview);
  ASSERT_FALSE(session.answer("gate", kYes).has_value());
  EXPECT_EQ(session.progress().next_question, trial.question_index("a"));
}

}  // namespace

}  // namespace unit_navigation
