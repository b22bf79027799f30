// The condition language parser: what it accepts (and the tree it builds), and the exact
// column and wording of each syntax error a trial author can make.
#include <gtest/gtest.h>

#include <string>

#include "condition.h"

namespace unit_condition_parser {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;
using Kind = ConditionNode::Kind;

namespace {

const ConditionNode& parse_ok(const std::string& source, ParseResult& keep) {
  keep = parse_condition(source);
  EXPECT_FALSE(keep.error.has_value()) << source << ": column " << (keep.error ? keep.error->column : 0) << ": "
                                       << (keep.error ? keep.error->message : "");
  if (!keep.condition || !keep.condition->root) {
    static const ConditionNode empty;
    ADD_FAILURE() << "no condition for " << source;
    return empty;
  }
  return *keep.condition->root;
}

// Expects a syntax error at `column` whose message contains `fragment`.
void expect_error(const std::string& source, int column, const std::string& fragment) {
  SCOPED_TRACE("condition: [" + source + "]");
  ParseResult r = parse_condition(source);
  ASSERT_TRUE(r.error.has_value()) << "parsed without error";
  EXPECT_FALSE(r.condition.has_value());
  EXPECT_EQ(r.error->column, column) << r.error->message;
  EXPECT_NE(r.error->message.find(fragment), std::string::npos)
      << "message: " << r.error->message << "\nexpected to contain: " << fragment;
}

// --- accepted conditions ----------------------------------------------------------------

TEST(ConditionParser, RangeIsAnAndOfTwoComparisonsWithColumns) {
  ParseResult keep;
  const ConditionNode& root = parse_ok("age >= 18 and age <= 65", keep);
  EXPECT_EQ(keep.condition->source, "age >= 18 and age <= 65");
  ASSERT_EQ(root.kind, Kind::And);
  EXPECT_EQ(root.column, 1);
  ASSERT_EQ(root.children.size(), 2u);
  const ConditionNode& lo = *root.children[0];
  const ConditionNode& hi = *root.children[1];
  EXPECT_EQ(lo.kind, Kind::Compare);
  EXPECT_EQ(lo.question_id, "age");
  EXPECT_EQ(lo.op, CompareOp::Ge);
  EXPECT_EQ(lo.column, 1);
  ASSERT_EQ(lo.values.size(), 1u);
  EXPECT_TRUE(lo.values[0].is_number);
  EXPECT_EQ(lo.values[0].number, 18);
  EXPECT_EQ(lo.values[0].column, 8);
  EXPECT_EQ(hi.op, CompareOp::Le);
  EXPECT_EQ(hi.column, 15);
  EXPECT_EQ(hi.values[0].number, 65);
  EXPECT_EQ(hi.values[0].column, 22);
  // Not resolved yet: check_condition fills in question indexes.
  EXPECT_EQ(lo.question_index, -1);
}

TEST(ConditionParser, AndBindsTighterThanOr) {
  ParseResult keep;
  const ConditionNode& root = parse_ok("a = \"x\" or b = \"y\" and c = \"z\"", keep);
  ASSERT_EQ(root.kind, Kind::Or);
  EXPECT_EQ(root.children[0]->question_id, "a");
  ASSERT_EQ(root.children[1]->kind, Kind::And);
  EXPECT_EQ(root.children[1]->children[0]->question_id, "b");
  EXPECT_EQ(root.children[1]->children[1]->question_id, "c");
}

TEST(ConditionParser, ParenthesesOverridePrecedence) {
  ParseResult keep;
  const ConditionNode& root = parse_ok("(a = \"x\" or b = \"y\") and c = \"z\"", keep);
  ASSERT_EQ(root.kind, Kind::And);
  EXPECT_EQ(root.children[0]->kind, Kind::Or);
  EXPECT_EQ(root.children[1]->question_id, "c");
}

TEST(ConditionParser, NotAppliesToTheNextTestOnly) {
  ParseResult keep;
  const ConditionNode& root = parse_ok("not a = \"x\" and b = \"y\"", keep);
  ASSERT_EQ(root.kind, Kind::And);
  ASSERT_EQ(root.children[0]->kind, Kind::Not);
  EXPECT_EQ(root.children[0]->column, 1);
  EXPECT_EQ(root.children[0]->children[0]->question_id, "a");
  EXPECT_EQ(root.children[0]->children[0]->column, 5);
  EXPECT_EQ(root.children[1]->kind, Kind::Compare);
}

TEST(ConditionParser, InListKeepsEveryValueWithItsColumn) {
  ParseResult keep;
  const ConditionNode& root = parse_ok("sex in (\"male\", \"intersex\")", keep);
  ASSERT_EQ(root.kind, Kind::In);
  EXPECT_EQ(root.question_id, "sex");
  ASSERT_EQ(root.values.size(), 2u);
  EXPECT_EQ(root.values[0].text, "male");
  EXPECT_FALSE(root.values[0].is_number);
  EXPECT_EQ(root.values[0].column, 9);
  EXPECT_EQ(root.values[1].text, "intersex");
  EXPECT_EQ(root.values[1].column, 17);
}

TEST(ConditionParser, HasForMultipleChoice) {
  ParseResult keep;
  const ConditionNode& root = parse_ok("sex in (\"male\") or not (mri has \"pacemaker\")", keep);
  ASSERT_EQ(root.kind, Kind::Or);
  const ConditionNode& negated = *root.children[1];
  ASSERT_EQ(negated.kind, Kind::Not);
  const ConditionNode& has = *negated.children[0];
  EXPECT_EQ(has.kind, Kind::Has);
  EXPECT_EQ(has.question_id, "mri");
  EXPECT_EQ(has.values[0].text, "pacemaker");
}

TEST(ConditionParser, EveryComparisonOperator) {
  const std::pair<const char*, CompareOp> cases[] = {
      {"n = 1", CompareOp::Eq},  {"n == 1", CompareOp::Eq}, {"n != 1", CompareOp::Ne}, {"n < 1", CompareOp::Lt},
      {"n <= 1", CompareOp::Le}, {"n > 1", CompareOp::Gt},  {"n >= 1", CompareOp::Ge},
  };
  for (const auto& [source, op] : cases) {
    ParseResult keep;
    const ConditionNode& root = parse_ok(source, keep);
    EXPECT_EQ(root.kind, Kind::Compare) << source;
    EXPECT_EQ(root.op, op) << source;
  }
}

TEST(ConditionParser, DoubleEqualsIsAcceptedAsEquals) {
  ParseResult a, b;
  const ConditionNode& single = parse_ok("sex = \"female\"", a);
  const ConditionNode& twice = parse_ok("sex == \"female\"", b);
  EXPECT_EQ(twice.kind, Kind::Compare);
  EXPECT_EQ(twice.op, CompareOp::Eq);
  EXPECT_EQ(twice.values[0].text, single.values[0].text);
  EXPECT_EQ(twice.values[0].column, 8);  // after the two '=' characters
}

TEST(ConditionParser, NegativeAndDecimalNumbers) {
  ParseResult keep;
  const ConditionNode& root = parse_ok("t > -5 and t < 37.5", keep);
  EXPECT_EQ(root.children[0]->values[0].number, -5);
  EXPECT_DOUBLE_EQ(root.children[1]->values[0].number, 37.5);
}

TEST(ConditionParser, TrueFalseConstantsAndWhitespace) {
  ParseResult keep;
  const ConditionNode& root = parse_ok("  true\tor\n false", keep);
  ASSERT_EQ(root.kind, Kind::Or);
  EXPECT_EQ(root.children[0]->kind, Kind::True);
  EXPECT_EQ(root.children[0]->column, 3);
  EXPECT_EQ(root.children[1]->kind, Kind::False);
}

TEST(ConditionParser, EscapedQuoteInsideAValue) {
  ParseResult keep;
  const ConditionNode& root = parse_ok(R"(a = "say \"hi\"")", keep);
  EXPECT_EQ(root.values[0].text, "say \"hi\"");
}

// --- syntax errors: exact columns and messages -----------------------------------------

TEST(ConditionParser, MissingClosingQuotePointsAtTheOpeningQuote) {
  expect_error("sex = \"female", 7, "no closing quote");
  expect_error("a = \"x\" and b = \"y", 17, "no closing quote");
}

TEST(ConditionParser, LoneExclamationMarkIsNotAnOperator) {
  expect_error("a ! \"x\"", 3, "\"!\" must be followed by \"=\"");
  expect_error("!a = \"x\"", 1, "write \"not\" to negate");
}

TEST(ConditionParser, SingleQuotesAreRejected) {
  expect_error("sex = 'female'", 7, "use double quotes");
}

TEST(ConditionParser, UnquotedTextValueSuggestsQuotes) {
  expect_error("sex = female", 7, "text values need double quotes: write \"female\"");
  expect_error("sex in (\"male\", female)", 17, "write \"female\"");
  expect_error("mri has pacemaker", 9, "write \"pacemaker\"");
}

TEST(ConditionParser, TrailingTokensAreAnError) {
  expect_error("age >= 18 age", 11, "expected \"and\", \"or\" or the end of the condition, found 'age'");
  expect_error("a = \"x\")", 8, "found ')'");
}

TEST(ConditionParser, EmptyOrBlankCondition) {
  expect_error("", 1, "the condition is empty");
  expect_error("   \t ", 1, "the condition is empty");
}

TEST(ConditionParser, NestingDepthLimitWithParentheses) {
  auto nested = [](int depth) { return std::string(depth, '(') + "a = 1" + std::string(depth, ')'); };
  ParseResult keep;
  const ConditionNode& root = parse_ok(nested(63), keep);
  EXPECT_EQ(root.kind, Kind::Compare);
  EXPECT_EQ(root.column, 64);
  // One more level is too deep; the error points at the first token past the limit.
  expect_error(nested(64), 65, "nested too deeply");
  // Absurd input is an error too, not a crash: the condition is refused as too long.
  expect_error(nested(100000), 1, "too long");
}

TEST(ConditionParser, NestingDepthLimitWithNot) {
  auto nots = [](int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += "not ";
    return s + "a = 1";
  };
  ParseResult keep;
  parse_ok(nots(63), keep);
  expect_error(nots(64), 64 * 4 + 1, "nested too deeply");
}

TEST(ConditionParser, OtherSyntaxErrors) {
  expect_error("age >=", 7, "expected a number or a \"quoted\" value, found the end of the condition");
  expect_error("age", 4, "expected =, !=, <, <=, >, >=, \"in\" or \"has\" after \"age\"");
  expect_error("(a = \"x\"", 9, "expected ')', found the end of the condition");
  expect_error("a in \"x\"", 6, "expected '(' after \"in\"");
  expect_error("a in (\"x\" \"y\")", 11, "expected ',' or ')' in the list, found \"y\"");
  expect_error("and = \"x\"", 1, "expected a question id, found 'and'");
  expect_error("a = \"x\" and", 12, "expected a question id, found the end of the condition");
  expect_error("a = \"x\" @", 9, "unexpected character '@'");
}

TEST(ConditionParser, NumberWithoutDigitsAfterThePoint) {
  ParseResult r = parse_condition("a = 1.");
  ASSERT_TRUE(r.error.has_value());
  EXPECT_NE(r.error->message.find("digits after the decimal point"), std::string::npos);
  EXPECT_GE(r.error->column, 5);
}

}  // namespace

TEST(ConditionParser, LongChainsOfAndOrAreRefusedNotACrash) {
  std::string chain = "a = 1";
  for (int i = 0; i < 200; ++i) chain += " and a = 1";
  ParseResult keep;
  parse_ok(chain, keep);  // 200 operators: fine
  chain += " or a = 2";
  ParseResult too_many = parse_condition(chain);
  ASSERT_TRUE(too_many.error.has_value());
  EXPECT_NE(too_many.error->message.find("too many"), std::string::npos);
}

TEST(ConditionParser, AnUnexpectedNonAsciiCharacterIsQuotedWhole) {
  ParseResult r = parse_condition("age \u2265 18");
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->column, 5);
  EXPECT_NE(r.error->message.find("'\u2265'"), std::string::npos) << r.error->message;
}

}  // namespace unit_condition_parser
