// answer_classes: every possible answer to a question, grouped into the classes the
// trial's conditions can tell apart. These labels are what `trialmatch paths` shows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "answer_classes.h"
#include "evaluation.h"
#include "session.h"
#include "trial.h"

#include "test_support.h"

namespace unit_answer_classes {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;

namespace {

Trial load(const std::string& questions, const std::string& criteria) {
  return trialmatch_test::load_valid(trialmatch_test::trial_document(questions, criteria));
}

std::vector<std::string> labels(const std::vector<AnswerClass>& classes) {
  std::vector<std::string> out;
  for (const AnswerClass& c : classes) out.push_back(c.label);
  return out;
}

// Status of criterion `c` when question 0 has answer `a` (and nothing else is answered).
CriterionStatus status_with(const Trial& trial, int c, const Answer& a) {
  AnswerSet answers(trial.questions.size());
  answers[0] = a;
  return evaluate(trial, answers).criteria[static_cast<size_t>(c)].status;
}

const char* const kAgeRule =
    R"json({"id": "adult", "type": "inclusion", "rule": "age >= 18 and age <= 65", "text": {"en": "Adults."}, "source": "I1"})json";

TEST(AnswerClasses, NumberRangesAroundTheRuleBounds) {
  const Trial trial = load(
      R"json({"id": "age", "type": "number", "text": {"en": "Age?"}, "min": 0, "max": 120})json", kAgeRule);
  const auto classes = answer_classes(trial, trial.questions[0]);
  EXPECT_EQ(labels(classes), (std::vector<std::string>{"0 to 17", "18 to 65", "66 to 120"}));
  ASSERT_EQ(classes.size(), 3u);
  // Each representative is a valid answer and behaves like its class.
  for (const AnswerClass& c : classes) {
    EXPECT_EQ(c.representative.kind, Answer::Kind::Number) << c.label;
    EXPECT_FALSE(check_answer(trial.questions[0], c.representative).has_value()) << c.label;
  }
  EXPECT_EQ(status_with(trial, 0, classes[0].representative), CriterionStatus::NotMet);
  EXPECT_EQ(status_with(trial, 0, classes[1].representative), CriterionStatus::Met);
  EXPECT_EQ(status_with(trial, 0, classes[2].representative), CriterionStatus::NotMet);
}

TEST(AnswerClasses, EveryWholeNumberFallsInTheClassThatBehavesLikeIt) {
  const Trial trial = load(
      R"json({"id": "age", "type": "number", "text": {"en": "Age?"}, "min": 0, "max": 120})json", kAgeRule);
  const auto classes = answer_classes(trial, trial.questions[0]);
  ASSERT_EQ(classes.size(), 3u);
  for (int age = 0; age <= 120; ++age) {
    const size_t expected = age < 18 ? 0 : age <= 65 ? 1 : 2;
    EXPECT_EQ(status_with(trial, 0, Answer::of_number(age)), status_with(trial, 0, classes[expected].representative))
        << age;
  }
}

TEST(AnswerClasses, FractionalNumbersUseIntervals) {
  const Trial trial = load(
      R"json({"id": "age", "type": "number", "text": {"en": "Age?"}, "min": 0, "max": 120, "integer": false})json",
      kAgeRule);
  EXPECT_EQ(labels(answer_classes(trial, trial.questions[0])),
            (std::vector<std::string>{"[0, 18)", "[18, 65]", "(65, 120]"}));
}

TEST(AnswerClasses, FractionalThresholdOnAWholeNumberQuestion) {
  // Whole-number answers: "> 17.5" and ">= 17.5" both split them into 0..17 and 18..120,
  // and each class must be represented by an answer a person can give (a whole number).
  for (const char* rule : {"age > 17.5", "age >= 17.5"}) {
    SCOPED_TRACE(rule);
    const Trial trial = load(
        R"json({"id": "age", "type": "number", "text": {"en": "Age?"}, "min": 0, "max": 120})json",
        std::string(R"json({"id": "adult", "type": "inclusion", "rule": ")json") + rule +
            R"json(", "text": {"en": "Adults."}, "source": "I1"})json");
    const auto classes = answer_classes(trial, trial.questions[0]);
    EXPECT_EQ(labels(classes), (std::vector<std::string>{"0 to 17", "18 to 120"}));
    for (const AnswerClass& c : classes)
      EXPECT_FALSE(check_answer(trial.questions[0], c.representative).has_value())
          << c.label << ": representative " << c.representative.number;
  }
}

TEST(AnswerClasses, MonthYearRanges) {
  const Trial trial = load(
      R"json({"id": "diagnosed", "type": "month_year", "text": {"en": "When?"}, "min": "2000-01", "max": "2030-12"})json",
      R"json({"id": "recent", "type": "inclusion", "rule": "diagnosed >= \"2020-01\"", "text": {"en": "Recent."}, "source": "I1"})json");
  const auto classes = answer_classes(trial, trial.questions[0]);
  EXPECT_EQ(labels(classes), (std::vector<std::string>{"2000-01 to 2019-12", "2020-01 to 2030-12"}));
  ASSERT_EQ(classes.size(), 2u);
  EXPECT_EQ(classes[0].representative.kind, Answer::Kind::MonthYear);
  EXPECT_EQ(status_with(trial, 0, classes[0].representative), CriterionStatus::NotMet);
  EXPECT_EQ(status_with(trial, 0, classes[1].representative), CriterionStatus::Met);
}

TEST(AnswerClasses, OptionsThatLeadTheSameWayAreGrouped) {
  const Trial trial = load(
      R"json({"id": "colour", "type": "single", "text": {"en": "Colour?"}, "options": [
        {"id": "red", "text": {"en": "Red"}}, {"id": "green", "text": {"en": "Green"}},
        {"id": "blue", "text": {"en": "Blue"}}, {"id": "amber", "text": {"en": "Amber"}}]})json",
      R"json({"id": "warm", "type": "inclusion", "rule": "colour in (\"red\", \"amber\")", "text": {"en": "Warm."}, "source": "I1"})json");
  const auto classes = answer_classes(trial, trial.questions[0]);
  EXPECT_EQ(labels(classes), (std::vector<std::string>{"red | amber", "green | blue"}));
  ASSERT_EQ(classes.size(), 2u);
  EXPECT_EQ(classes[0].representative.choice, "red");
  EXPECT_EQ(classes[1].representative.choice, "green");
}

TEST(AnswerClasses, OptionsTellApartByDifferentConditionsStaySeparate) {
  const Trial trial = load(
      R"json({"id": "colour", "type": "single", "text": {"en": "Colour?"}, "options": [
        {"id": "red", "text": {"en": "Red"}}, {"id": "green", "text": {"en": "Green"}},
        {"id": "blue", "text": {"en": "Blue"}}]})json",
      R"json({"id": "not_red", "type": "exclusion", "rule": "colour = \"red\"", "text": {"en": "Not red."}, "source": "E1"},
    {"id": "not_blue", "type": "exclusion", "rule": "colour = \"blue\"", "text": {"en": "Not blue."}, "source": "E2"})json");
  EXPECT_EQ(labels(answer_classes(trial, trial.questions[0])), (std::vector<std::string>{"red", "green", "blue"}));
}

TEST(AnswerClasses, YesNoWithNotEqualsKeepsBothAnswers) {
  const Trial trial = load(
      R"json({"id": "smoker", "type": "yes_no", "text": {"en": "Smoke?"}})json",
      R"json({"id": "no_smoking", "type": "exclusion", "rule": "smoker != \"no\"", "text": {"en": "No smokers."}, "source": "E1"})json");
  EXPECT_EQ(labels(answer_classes(trial, trial.questions[0])), (std::vector<std::string>{"yes", "no"}));
}

const char* const kMri =
    R"json({"id": "mri", "type": "multiple", "text": {"en": "Any of these?"}, "options": [
        {"id": "pacemaker", "text": {"en": "Pacemaker"}}, {"id": "allergy", "text": {"en": "Allergy"}},
        {"id": "metal", "text": {"en": "Metal"}}, {"id": "none", "text": {"en": "None"}, "exclusive": true}]})json";

TEST(AnswerClasses, MultipleChoiceSelectionsAreGroupedByWhatTheRulesSee) {
  const Trial trial = load(
      kMri,
      R"json({"id": "mri_safe", "type": "exclusion", "rule": "mri has \"pacemaker\" or mri has \"allergy\"", "text": {"en": "MRI."}, "source": "E1"})json");
  const auto classes = answer_classes(trial, trial.questions[0]);
  ASSERT_EQ(classes.size(), 2u) << ::testing::PrintToString(labels(classes));
  // Named by the simplest selection of each group: "none" (with "metal" alike), and
  // "pacemaker" (with the 5 other selections holding pacemaker or allergy).
  EXPECT_EQ(classes[0].representative.choices, std::vector<std::string>{"none"});
  EXPECT_EQ(classes[0].label.rfind("none", 0), 0u) << classes[0].label;
  EXPECT_NE(classes[0].label.find('1'), std::string::npos) << classes[0].label;
  EXPECT_EQ(classes[1].representative.choices, std::vector<std::string>{"pacemaker"});
  EXPECT_EQ(classes[1].label.rfind("pacemaker", 0), 0u) << classes[1].label;
  EXPECT_NE(classes[1].label.find('5'), std::string::npos) << classes[1].label;
  EXPECT_EQ(status_with(trial, 0, classes[0].representative), CriterionStatus::NotMet);
  EXPECT_EQ(status_with(trial, 0, classes[1].representative), CriterionStatus::Met);
  // Representatives never combine the exclusive option with others.
  for (const AnswerClass& c : classes)
    EXPECT_FALSE(check_answer(trial.questions[0], c.representative).has_value()) << c.label;
}

TEST(AnswerClasses, MultipleChoiceWithTwoSeparateTests) {
  const Trial trial = load(
      kMri,
      R"json({"id": "mri_safe", "type": "exclusion", "rule": "mri has \"pacemaker\"", "text": {"en": "MRI."}, "source": "E1"},
    {"id": "mri_check", "type": "exclusion", "rule": "mri has \"metal\"", "when_fails": "review", "text": {"en": "Metal."}, "source": "E2"})json");
  const auto classes = answer_classes(trial, trial.questions[0]);
  // Neither, pacemaker only, metal only, both.
  ASSERT_EQ(classes.size(), 4u) << ::testing::PrintToString(labels(classes));
  EXPECT_EQ(classes[0].representative.choices, std::vector<std::string>{"none"});
  EXPECT_EQ(classes[1].representative.choices, std::vector<std::string>{"pacemaker"});
  EXPECT_EQ(classes[2].representative.choices, std::vector<std::string>{"metal"});
  EXPECT_EQ(classes[3].representative.choices, (std::vector<std::string>{"metal", "pacemaker"}));
  EXPECT_EQ(classes[3].label.rfind("pacemaker + metal", 0), 0u) << classes[3].label;
}

TEST(AnswerClasses, UnknownClassOnlyWhenOffered) {
  const char* const rule =
      R"json({"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "text": {"en": "No."}, "source": "E1"})json";
  {
    const Trial trial = load(R"json({"id": "smoker", "type": "yes_no", "text": {"en": "Smoke?"}})json", rule);
    EXPECT_EQ(labels(answer_classes(trial, trial.questions[0])), (std::vector<std::string>{"yes", "no"}));
  }
  {
    const Trial trial = load(
        R"json({"id": "smoker", "type": "yes_no", "text": {"en": "Smoke?"}, "unknown": ["not_sure"]})json", rule);
    const auto classes = answer_classes(trial, trial.questions[0]);
    EXPECT_EQ(labels(classes), (std::vector<std::string>{"yes", "no", "unknown"}));
    EXPECT_TRUE(classes.back().representative.is_unknown());
    EXPECT_EQ(classes.back().representative.unknown_kind, UnknownKind::NotSure);
  }
  {
    const Trial trial = load(
        R"json({"id": "smoker", "type": "yes_no", "text": {"en": "Smoke?"}, "unknown": ["prefer_not_to_say"]})json", rule);
    const auto classes = answer_classes(trial, trial.questions[0]);
    EXPECT_EQ(labels(classes), (std::vector<std::string>{"yes", "no", "unknown"}));
    EXPECT_EQ(classes.back().representative.unknown_kind, UnknownKind::PreferNotToSay);
  }
  {
    const Trial trial = load(
        R"json({"id": "age", "type": "number", "text": {"en": "Age?"}, "min": 0, "max": 120, "unknown": ["prefer_not_to_say"]})json",
        kAgeRule);
    EXPECT_EQ(labels(answer_classes(trial, trial.questions[0])),
              (std::vector<std::string>{"0 to 17", "18 to 65", "66 to 120", "unknown"}));
  }
}

}  // namespace

}  // namespace unit_answer_classes
