// answers_from_json: reading an answers file ({"question_id": answer, ...}) as the CLI does,
// with one plain error per entry that does not fit.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "answers_file.h"
#include "report_json.h"
#include "trial.h"
#include "trial_loader.h"

#include "test_support.h"

namespace unit_answers_file {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;
using nlohmann::json;

namespace {

const char* const kQuestions = R"json(
    {"id": "smoker", "type": "yes_no", "text": {"en": "Do you smoke?"}, "unknown": ["not_sure"]},
    {"id": "colour", "type": "single", "text": {"en": "Colour?"}, "options": [
      {"id": "red", "text": {"en": "Red"}}, {"id": "green", "text": {"en": "Green"}}]},
    {"id": "mri", "type": "multiple", "text": {"en": "Any of these?"}, "options": [
      {"id": "pacemaker", "text": {"en": "Pacemaker"}}, {"id": "metal", "text": {"en": "Metal"}},
      {"id": "none", "text": {"en": "None of these"}, "exclusive": true}]},
    {"id": "age", "type": "number", "text": {"en": "Age?"}, "min": 0, "max": 120, "unknown": ["prefer_not_to_say"]},
    {"id": "diagnosed", "type": "month_year", "text": {"en": "When?"}, "min": "2000-01", "max": "2030-12"}
)json";

const char* const kCriteria = R"json(
    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "text": {"en": "No smokers."}, "source": "E1"},
    {"id": "red", "type": "inclusion", "rule": "colour = \"red\"", "text": {"en": "Red."}, "source": "I1"},
    {"id": "mri_safe", "type": "exclusion", "rule": "mri has \"pacemaker\"", "text": {"en": "MRI."}, "source": "E2"},
    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults."}, "source": "I2"},
    {"id": "recent", "type": "inclusion", "rule": "diagnosed >= \"2020-01\"", "text": {"en": "Recent."}, "source": "I3"}
)json";

enum Q { kSmoker, kColour, kMri, kAge, kDiagnosed };

class AnswersFileTest : public ::testing::Test {
 protected:
  Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(kQuestions, kCriteria));

  AnswersFileResult read(const std::string& text) { return answers_from_json(trial, json::parse(text)); }

  // Expects exactly one error, containing every fragment.
  void expect_one_error(const std::string& text, const std::vector<std::string>& fragments) {
    SCOPED_TRACE("answers: " + text);
    AnswersFileResult r = read(text);
    ASSERT_EQ(r.errors.size(), 1u) << ::testing::PrintToString(r.errors);
    for (const std::string& f : fragments)
      EXPECT_NE(r.errors[0].find(f), std::string::npos) << "error: " << r.errors[0] << "\nexpected: " << f;
    for (const auto& a : r.answers) EXPECT_FALSE(a.has_value()) << "a bad entry must not be recorded";
  }
};

TEST_F(AnswersFileTest, EveryKindOfAnswer) {
  AnswersFileResult r = read(R"({"smoker": "no", "colour": "green", "mri": ["metal", "pacemaker"],
                                 "age": 42, "diagnosed": "2021-06"})");
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  ASSERT_EQ(r.answers.size(), trial.questions.size());
  EXPECT_EQ(*r.answers[kSmoker], Answer::of_choice("no"));
  EXPECT_EQ(*r.answers[kColour], Answer::of_choice("green"));
  EXPECT_EQ(*r.answers[kMri], Answer::of_choices({"pacemaker", "metal"}));
  EXPECT_EQ(*r.answers[kAge], Answer::of_number(42));
  EXPECT_EQ(*r.answers[kDiagnosed], Answer::of_month_year(2021 * 12 + 5));
}

TEST_F(AnswersFileTest, UnansweredQuestionsStayUnanswered) {
  AnswersFileResult r = read(R"({"age": 42})");
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.answers[kAge].has_value());
  EXPECT_FALSE(r.answers[kSmoker].has_value());
  EXPECT_FALSE(r.answers[kMri].has_value());
}

TEST_F(AnswersFileTest, UnknownIsAcceptedForEveryQuestionType) {
  AnswersFileResult r = read(R"({"smoker": "unknown", "colour": "unknown", "mri": "unknown",
                                 "age": "prefer_not_to_say", "diagnosed": "not_sure"})");
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  for (int q : {kSmoker, kColour, kMri, kAge, kDiagnosed}) {
    ASSERT_TRUE(r.answers[static_cast<size_t>(q)].has_value()) << q;
    EXPECT_TRUE(r.answers[static_cast<size_t>(q)]->is_unknown()) << q;
  }
  EXPECT_EQ(r.answers[kSmoker]->unknown_kind, UnknownKind::NotSure);
  EXPECT_EQ(r.answers[kAge]->unknown_kind, UnknownKind::PreferNotToSay);
  EXPECT_EQ(r.answers[kDiagnosed]->unknown_kind, UnknownKind::NotSure);
}

TEST_F(AnswersFileTest, WrongTypes) {
  expect_one_error(R"({"smoker": true})", {"\"smoker\"", "this yes_no question expects one option as a string (\"yes\" or \"no\")"});
  expect_one_error(R"({"colour": 3})", {"\"colour\"", "this single question expects one option as a string"});
  expect_one_error(R"({"mri": "pacemaker"})", {"\"mri\"", "expects a list of option ids"});
  expect_one_error(R"({"mri": [1]})", {"\"mri\"", "the list holds a number"});
  expect_one_error(R"({"age": "42"})", {"\"age\"", "this number question expects a number"});
  expect_one_error(R"({"diagnosed": "June 2021"})", {"\"diagnosed\"", "expects a month and year like \"2024-05\""});
  expect_one_error(R"({"diagnosed": 2021})", {"\"diagnosed\"", "expects a month and year"});
}

TEST_F(AnswersFileTest, UnknownQuestionId) {
  expect_one_error(R"({"weight": 70})", {"\"weight\": there is no question with this id in trial NCT00000000"});
}

TEST_F(AnswersFileTest, NumberOutOfRange) {
  expect_one_error(R"({"age": 121})", {"\"age\"", "must be between 0 and 120"});
  expect_one_error(R"({"age": -1})", {"must be between 0 and 120"});
  expect_one_error(R"({"age": 30.5})", {"must be a whole number"});
  // The bounds themselves are fine.
  EXPECT_TRUE(read(R"({"age": 0})").errors.empty());
  EXPECT_TRUE(read(R"({"age": 120})").errors.empty());
}

TEST_F(AnswersFileTest, MonthOutOfRange) {
  expect_one_error(R"({"diagnosed": "1999-12"})", {"must be between 2000-01 and 2030-12"});
  expect_one_error(R"({"diagnosed": "2031-01"})", {"must be between 2000-01 and 2030-12"});
}

TEST_F(AnswersFileTest, OptionNotInTheList) {
  expect_one_error(R"({"smoker": "sometimes"})", {"\"smoker\"", "has no option \"sometimes\""});
  expect_one_error(R"({"colour": "blue"})", {"has no option \"blue\"", "\"red\", \"green\""});
  expect_one_error(R"({"mri": ["pacemaker", "wings"]})", {"has no option \"wings\""});
}

TEST_F(AnswersFileTest, ExclusiveOptionCombinedWithOthers) {
  expect_one_error(R"({"mri": ["none", "metal"]})", {"option \"none\"", "cannot be chosen together with others"});
  AnswersFileResult alone = read(R"({"mri": ["none"]})");
  EXPECT_TRUE(alone.errors.empty());
  EXPECT_EQ(*alone.answers[kMri], Answer::of_choices({"none"}));
}

TEST_F(AnswersFileTest, EmptySelection) {
  expect_one_error(R"({"mri": []})", {"needs at least one option chosen"});
}

TEST_F(AnswersFileTest, OneErrorPerBadEntryAndGoodEntriesAreKept) {
  AnswersFileResult r = read(R"({"age": 200, "colour": "red", "smoker": 1, "weight": 3})");
  EXPECT_EQ(r.errors.size(), 3u) << ::testing::PrintToString(r.errors);
  ASSERT_TRUE(r.answers[kColour].has_value());
  EXPECT_EQ(r.answers[kColour]->choice, "red");
  EXPECT_FALSE(r.answers[kAge].has_value());
  EXPECT_FALSE(r.answers[kSmoker].has_value());
}

TEST_F(AnswersFileTest, DocumentMustBeAnObject) {
  AnswersFileResult r = answers_from_json(trial, json::parse(R"(["age", 42])"));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("must be a JSON object"), std::string::npos) << r.errors[0];
  EXPECT_NE(r.errors[0].find("not a list"), std::string::npos) << r.errors[0];
}

TEST_F(AnswersFileTest, AnswersRoundTripThroughJson) {
  for (const Answer& a : {Answer::of_choice("yes"), Answer::of_choices({"metal", "pacemaker"}), Answer::of_number(42),
                          Answer::of_month_year(2021 * 12 + 5), Answer::unknown(UnknownKind::PreferNotToSay)}) {
    json v = answer_to_json(a);
    const char* id = a.kind == Answer::Kind::Choice   ? "smoker"
                     : a.kind == Answer::Kind::Choices ? "mri"
                     : a.kind == Answer::Kind::Number  ? "age"
                                                       : "diagnosed";
    if (a.kind == Answer::Kind::Unknown) id = "age";
    AnswersFileResult r = answers_from_json(trial, json{{id, v}});
    ASSERT_TRUE(r.errors.empty()) << v.dump() << ": " << ::testing::PrintToString(r.errors);
    const int q = trial.question_index(id);
    ASSERT_TRUE(r.answers[static_cast<size_t>(q)].has_value());
    EXPECT_EQ(*r.answers[static_cast<size_t>(q)], a) << v.dump();
  }
}

// An option whose id is "unknown" collides with the answers file's word for "not sure".
// Either the loader must refuse that id (as it refuses "not_sure"), or the answers file
// must select the option: silently turning it into "not sure" changes the person's answer.
TEST(AnswersFileOptionIds, OptionNamedUnknownIsReservedOrSelectable) {
  const std::string text = trialmatch_test::trial_document(
      R"json({"id": "blood_type", "type": "single", "text": {"en": "Do you know your blood type?"}, "options": [
        {"id": "known", "text": {"en": "I know it"}}, {"id": "unknown", "text": {"en": "I do not know it"}}]})json",
      R"json({"id": "typed", "type": "inclusion", "rule": "blood_type = \"known\"", "text": {"en": "Typed."}, "source": "I1"})json");
  TrialLoadResult loaded = load_trial(text);
  if (!loaded.trial) {
    ASSERT_FALSE(loaded.errors.empty());
    EXPECT_EQ(loaded.errors[0].pointer, "/questions/0/options/1/id");
    return;  // refused: fine
  }
  AnswersFileResult r = answers_from_json(*loaded.trial, json::parse(R"({"blood_type": "unknown"})"));
  ASSERT_TRUE(r.errors.empty()) << ::testing::PrintToString(r.errors);
  ASSERT_TRUE(r.answers[0].has_value());
  EXPECT_FALSE(r.answers[0]->is_unknown()) << "the option \"unknown\" was read as \"not sure\"";
  EXPECT_EQ(r.answers[0]->choice, "unknown");
}

}  // namespace

}  // namespace unit_answers_file
