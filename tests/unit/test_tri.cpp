// Kleene three-valued logic: the truth tables every rule and ask_if relies on, both for the
// tri_* functions and for "and", "or" and "not" inside parsed conditions.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "answer.h"
#include "condition.h"
#include "tri.h"
#include "trial.h"

namespace unit_tri {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;

namespace {

constexpr Tri F = Tri::False;
constexpr Tri U = Tri::Unknown;
constexpr Tri T = Tri::True;
const Tri kAll[] = {F, U, T};

std::string name(Tri t) { return tri_name(t); }

TEST(Tri, NotTable) {
  EXPECT_EQ(tri_not(T), F);
  EXPECT_EQ(tri_not(F), T);
  EXPECT_EQ(tri_not(U), U);
}

TEST(Tri, AndTable) {
  // Rows: left operand F, U, T; columns: right operand F, U, T.
  const Tri expected[3][3] = {
      {F, F, F},
      {F, U, U},
      {F, U, T},
  };
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 3; ++b)
      EXPECT_EQ(tri_and(kAll[a], kAll[b]), expected[a][b]) << name(kAll[a]) << " and " << name(kAll[b]);
}

TEST(Tri, OrTable) {
  const Tri expected[3][3] = {
      {F, U, T},
      {U, U, T},
      {T, T, T},
  };
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 3; ++b)
      EXPECT_EQ(tri_or(kAll[a], kAll[b]), expected[a][b]) << name(kAll[a]) << " or " << name(kAll[b]);
}

TEST(Tri, DeMorganHoldsForEveryPair) {
  for (Tri a : kAll)
    for (Tri b : kAll) {
      EXPECT_EQ(tri_not(tri_and(a, b)), tri_or(tri_not(a), tri_not(b))) << name(a) << ", " << name(b);
      EXPECT_EQ(tri_not(tri_or(a, b)), tri_and(tri_not(a), tri_not(b))) << name(a) << ", " << name(b);
    }
}

TEST(Tri, FromBoolAndNames) {
  EXPECT_EQ(tri_from_bool(true), T);
  EXPECT_EQ(tri_from_bool(false), F);
  EXPECT_EQ(name(T), "true");
  EXPECT_EQ(name(F), "false");
  EXPECT_EQ(name(U), "unknown");
}

// --- the same tables through the condition language -------------------------------------

Question yes_no(const std::string& id, int index) {
  Question q;
  q.id = id;
  q.index = index;
  q.type = QuestionType::YesNo;
  q.options = {Option{"yes", {}, false}, Option{"no", {}, false}};
  q.unknown_answers = {UnknownKind::NotSure};
  return q;
}

// Answers by question index; a missing entry is "not answered".
class MapLookup : public AnswerLookup {
 public:
  std::map<int, Answer> answers;
  const Answer* answer_at(int question_index) const override {
    auto it = answers.find(question_index);
    return it == answers.end() ? nullptr : &it->second;
  }
};

// An answer to `a = "yes"` that makes the test evaluate to `value`.
void set_for(MapLookup& lookup, int index, Tri value, bool unknown_as_not_sure) {
  if (value == T) lookup.answers[index] = Answer::of_choice("yes");
  else if (value == F) lookup.answers[index] = Answer::of_choice("no");
  else if (unknown_as_not_sure) lookup.answers[index] = Answer::unknown(UnknownKind::NotSure);
  else lookup.answers.erase(index);  // not answered at all
}

Condition checked(const std::string& source) {
  ParseResult parsed = parse_condition(source);
  EXPECT_TRUE(parsed.condition.has_value()) << source;
  if (!parsed.condition) return Condition{};
  Condition c = *parsed.condition;
  std::vector<Question> questions = {yes_no("a", 0), yes_no("b", 1)};
  auto errors = check_condition(c, questions, 2, "the criteria");
  EXPECT_TRUE(errors.empty()) << source;
  return c;
}

TEST(Tri, ConditionAndOrNotFollowKleeneForNotSureAndUnanswered) {
  const Condition both = checked("a = \"yes\" and b = \"yes\"");
  const Condition either = checked("a = \"yes\" or b = \"yes\"");
  const Condition negated = checked("not a = \"yes\"");
  for (bool not_sure : {true, false})
    for (Tri a : kAll)
      for (Tri b : kAll) {
        MapLookup lookup;
        set_for(lookup, 0, a, not_sure);
        set_for(lookup, 1, b, not_sure);
        SCOPED_TRACE(std::string("a=") + name(a) + " b=" + name(b) + (not_sure ? " (not sure)" : " (unanswered)"));
        EXPECT_EQ(evaluate_condition(both, lookup), tri_and(a, b));
        EXPECT_EQ(evaluate_condition(either, lookup), tri_or(a, b));
        EXPECT_EQ(evaluate_condition(negated, lookup), tri_not(a));
      }
}

TEST(Tri, FalseAndUnknownIsFalseEvenWhenTheUnknownComesFirst) {
  const Condition c = checked("b = \"yes\" and a = \"yes\"");
  MapLookup lookup;
  lookup.answers[0] = Answer::of_choice("no");  // a is false, b unanswered
  EXPECT_EQ(evaluate_condition(c, lookup), F);
  const Condition o = checked("b = \"yes\" or a = \"yes\"");
  lookup.answers[0] = Answer::of_choice("yes");
  EXPECT_EQ(evaluate_condition(o, lookup), T);
}

TEST(Tri, NotEqualsOnAnUnknownAnswerIsUnknown) {
  // `a != "no"` must not become true just because the answer is "not sure".
  const Condition c = checked("a != \"no\"");
  MapLookup lookup;
  lookup.answers[0] = Answer::unknown(UnknownKind::PreferNotToSay);
  EXPECT_EQ(evaluate_condition(c, lookup), U);
  lookup.answers[0] = Answer::of_choice("no");
  EXPECT_EQ(evaluate_condition(c, lookup), F);
  lookup.answers[0] = Answer::of_choice("yes");
  EXPECT_EQ(evaluate_condition(c, lookup), T);
}

TEST(Tri, ConstantsTrueAndFalse) {
  MapLookup lookup;
  EXPECT_EQ(evaluate_condition(checked("true"), lookup), T);
  EXPECT_EQ(evaluate_condition(checked("false"), lookup), F);
  EXPECT_EQ(evaluate_condition(checked("false or a = \"yes\""), lookup), U);
  EXPECT_EQ(evaluate_condition(checked("true and a = \"yes\""), lookup), U);
  EXPECT_EQ(evaluate_condition(checked("true or a = \"yes\""), lookup), T);
}

}  // namespace

}  // namespace unit_tri
