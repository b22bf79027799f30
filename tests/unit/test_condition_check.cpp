// check_condition: resolving question ids against a trial's questions and catching the
// mistakes a trial author makes (unknown ids, questions asked later, wrong types, missing
// options), with the column of each problem.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "answer.h"
#include "condition.h"
#include "trial.h"

namespace unit_condition_check {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;

namespace {

Question question(const std::string& id, int index, QuestionType type, std::vector<std::string> options = {},
                  std::string exclusive = "") {
  Question q;
  q.id = id;
  q.index = index;
  q.type = type;
  if (type == QuestionType::YesNo) options = {"yes", "no"};
  for (const std::string& o : options) q.options.push_back(Option{o, {{"en", o}}, o == exclusive});
  if (type == QuestionType::Number) {
    q.min = 0;
    q.max = 120;
  }
  if (type == QuestionType::MonthYear) {
    q.min = 1900 * 12;
    q.max = 2200 * 12 - 1;
  }
  return q;
}

const std::vector<Question>& questions() {
  static const std::vector<Question> list = {
      question("sex", 0, QuestionType::SingleChoice, {"female", "male", "intersex"}),
      question("age", 1, QuestionType::Number),
      question("mri", 2, QuestionType::MultipleChoice, {"pacemaker", "metal", "none"}, "none"),
      question("smoker", 3, QuestionType::YesNo),
      question("diagnosed", 4, QuestionType::MonthYear),
  };
  return list;
}

struct Checked {
  Condition condition;
  std::vector<ConditionError> errors;
};

Checked check(const std::string& source, int limit = 5, const std::string& context = "the criteria") {
  Checked out;
  ParseResult parsed = parse_condition(source);
  EXPECT_TRUE(parsed.condition.has_value()) << "does not parse: " << source;
  if (!parsed.condition) return out;
  out.condition = *parsed.condition;
  out.errors = check_condition(out.condition, questions(), limit, context);
  return out;
}

void expect_one_error(const std::string& source, int column, const std::string& fragment, int limit = 5,
                      const std::string& context = "the criteria") {
  SCOPED_TRACE("condition: [" + source + "]");
  Checked c = check(source, limit, context);
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0].column, column) << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find(fragment), std::string::npos)
      << "message: " << c.errors[0].message << "\nexpected to contain: " << fragment;
}

class MapLookup : public AnswerLookup {
 public:
  std::map<int, Answer> answers;
  const Answer* answer_at(int question_index) const override {
    auto it = answers.find(question_index);
    return it == answers.end() ? nullptr : &it->second;
  }
};

TEST(ConditionCheck, ValidConditionGetsQuestionIndexes) {
  Checked c = check("age >= 18 and sex in (\"female\", \"intersex\") and mri has \"pacemaker\"");
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(referenced_questions(c.condition), (std::vector<int>{0, 1, 2}));
  const ConditionNode& root = *c.condition.root;
  EXPECT_EQ(root.children[0]->children[0]->question_index, 1);
  EXPECT_EQ(root.children[0]->children[1]->question_index, 0);
  EXPECT_EQ(root.children[1]->question_index, 2);
}

TEST(ConditionCheck, UnknownQuestionId) {
  expect_one_error("weight > 100", 1, "there is no question with id \"weight\"");
  expect_one_error("age > 1 and weight > 100", 13, "there is no question with id \"weight\"");
}

TEST(ConditionCheck, QuestionThatComesLater) {
  // An ask_if of question 1 ("age") may only use question 0.
  expect_one_error("smoker = \"yes\"", 1,
                   "question \"smoker\" comes later than this question; a condition may only use questions asked before it",
                   1, "this question");
  // ... and not itself either.
  expect_one_error("age > 18", 1, "question \"age\" comes later than this question", 1, "this question");
  EXPECT_TRUE(check("sex = \"female\"", 1, "this question").errors.empty());
}

TEST(ConditionCheck, NumberQuestionComparedWithText) {
  expect_one_error("age = \"old\"", 7, "question \"age\" is a number, so compare it with a number, not \"old\"");
}

TEST(ConditionCheck, ChoiceQuestionComparedWithNumber) {
  expect_one_error("sex = 1", 7, "compare it with a quoted option, not the number 1");
  expect_one_error("smoker != 0", 11, "compare it with a quoted option, not the number 0");
}

TEST(ConditionCheck, OptionNotPresent) {
  expect_one_error("sex = \"other\"", 7,
                   "question \"sex\" has no option \"other\"; its options are \"female\", \"male\", \"intersex\"");
  expect_one_error("sex in (\"female\", \"other\")", 19, "has no option \"other\"");
  expect_one_error("mri has \"wings\"", 9, "question \"mri\" has no option \"wings\"");
  expect_one_error("smoker = \"maybe\"", 10, "its options are \"yes\", \"no\"");
}

TEST(ConditionCheck, HasOnSingleChoice) {
  expect_one_error("sex has \"female\"", 1, "\"has\" is for multiple-choice questions; question \"sex\" takes one answer");
  expect_one_error("smoker has \"yes\"", 1, "\"has\" is for multiple-choice questions");
}

TEST(ConditionCheck, OrderingOperatorOnChoice) {
  expect_one_error("sex < \"male\"", 1, "cannot be compared with <; use = or !=");
  expect_one_error("smoker >= \"yes\"", 1, "cannot be compared with >=");
}

TEST(ConditionCheck, MultipleChoiceNeedsHas) {
  expect_one_error("mri = \"none\"", 1, "takes several answers; test one option with: mri has \"option\"");
  expect_one_error("mri in (\"none\")", 1, "takes several answers");
}

TEST(ConditionCheck, NumberQuestionNeedsAComparison) {
  expect_one_error("age in (18, 19)", 1, "question \"age\" is a number; compare it with");
  expect_one_error("age has 18", 1, "is a number");
}

TEST(ConditionCheck, MonthYearLiterals) {
  Checked ok = check("diagnosed >= \"2020-03\"");
  ASSERT_TRUE(ok.errors.empty());
  ASSERT_EQ(ok.condition.root->numeric_values.size(), 1u);
  EXPECT_EQ(ok.condition.root->numeric_values[0], 2020 * 12 + 2);

  expect_one_error("diagnosed < \"2020-13\"", 13, "compare it with a value like \"2024-05\", not \"2020-13\"");
  expect_one_error("diagnosed < \"2020-3\"", 13, "not \"2020-3\"");
  expect_one_error("diagnosed < \"March 2020\"", 13, "not \"March 2020\"");
  expect_one_error("diagnosed > 2020", 13, "not 2020");
  expect_one_error("diagnosed in (\"2020-01\")", 1, "is a month and year; compare it with");
}

TEST(ConditionCheck, MonthYearComparisonsEvaluateByMonth) {
  Checked c = check("diagnosed >= \"2020-03\"");
  ASSERT_TRUE(c.errors.empty());
  MapLookup lookup;
  lookup.answers[4] = Answer::of_month_year(*parse_month_year("2020-02"));
  EXPECT_EQ(evaluate_condition(c.condition, lookup), Tri::False);
  lookup.answers[4] = Answer::of_month_year(*parse_month_year("2020-03"));
  EXPECT_EQ(evaluate_condition(c.condition, lookup), Tri::True);
  lookup.answers[4] = Answer::of_month_year(*parse_month_year("2019-12"));
  EXPECT_EQ(evaluate_condition(c.condition, lookup), Tri::False);
  lookup.answers[4] = Answer::unknown(UnknownKind::NotSure);
  EXPECT_EQ(evaluate_condition(c.condition, lookup), Tri::Unknown);
}

TEST(ConditionCheck, InAndHasEvaluateAgainstTheAnswer) {
  Checked in = check("sex in (\"female\", \"intersex\")");
  Checked has = check("mri has \"metal\"");
  ASSERT_TRUE(in.errors.empty());
  ASSERT_TRUE(has.errors.empty());
  MapLookup lookup;
  lookup.answers[0] = Answer::of_choice("male");
  EXPECT_EQ(evaluate_condition(in.condition, lookup), Tri::False);
  lookup.answers[0] = Answer::of_choice("intersex");
  EXPECT_EQ(evaluate_condition(in.condition, lookup), Tri::True);
  lookup.answers[2] = Answer::of_choices({"pacemaker"});
  EXPECT_EQ(evaluate_condition(has.condition, lookup), Tri::False);
  lookup.answers[2] = Answer::of_choices({"pacemaker", "metal"});
  EXPECT_EQ(evaluate_condition(has.condition, lookup), Tri::True);
  lookup.answers[2] = Answer::unknown(UnknownKind::NotSure);
  EXPECT_EQ(evaluate_condition(has.condition, lookup), Tri::Unknown);
}

TEST(ConditionCheck, MonthYearParsingAndFormatting) {
  EXPECT_EQ(parse_month_year("2024-05"), 2024 * 12 + 4);
  EXPECT_EQ(parse_month_year("2024-01"), 2024 * 12);
  EXPECT_EQ(parse_month_year("2024-12"), 2024 * 12 + 11);
  EXPECT_FALSE(parse_month_year("2024-00"));
  EXPECT_FALSE(parse_month_year("2024-13"));
  EXPECT_FALSE(parse_month_year("1899-12"));
  EXPECT_FALSE(parse_month_year("2024/05"));
  EXPECT_FALSE(parse_month_year("24-05"));
  EXPECT_FALSE(parse_month_year("2024-5"));
  EXPECT_EQ(format_month_year(2024 * 12 + 4), "2024-05");
  EXPECT_EQ(format_month_year(*parse_month_year("1999-12")), "1999-12");
}

TEST(ConditionCheck, EveryProblemIsReportedInOrder) {
  Checked c = check("weight > 1 or sex = \"other\" or mri = \"none\"");
  ASSERT_EQ(c.errors.size(), 3u);
  EXPECT_EQ(c.errors[0].column, 1);
  EXPECT_NE(c.errors[0].message.find("weight"), std::string::npos);
  EXPECT_EQ(c.errors[1].column, 21);
  EXPECT_NE(c.errors[1].message.find("no option \"other\""), std::string::npos);
  EXPECT_EQ(c.errors[2].column, 32);
  EXPECT_NE(c.errors[2].message.find("several answers"), std::string::npos);
}

}  // namespace

}  // namespace unit_condition_check
