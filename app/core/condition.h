// The condition language used by `ask_if`, criterion rules and safety triggers.
//
//   age >= 18 and age <= 65
//   sex = "female" and pregnant = "yes"
//   sex in ("male", "intersex") or not (mri has "pacemaker")
//
// The grammar is in docs/trial-format.md. Parsing is separate from checking: a parsed
// condition names questions by id; `check_condition` resolves those ids against a trial's
// questions and reports unknown ids, questions that come too late, and type mismatches.
// Each step has its file: condition_parser.cpp, condition_check.cpp, condition_evaluation.cpp.
#pragma once

#include "problem.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tri.h"

namespace trialmatch {

struct Question;
struct Answer;

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

// A literal in a condition: a number or a quoted string.
struct Literal {
  bool is_number = false;
  double number = 0;
  std::string text;
  int column = 0;  // 1-based column in the condition source
};

struct ConditionNode {
  enum class Kind { True, False, And, Or, Not, Compare, In, Has };
  Kind kind = Kind::True;
  int column = 0;  // 1-based column of the node's first character

  // And / Or / Not
  std::vector<std::shared_ptr<const ConditionNode>> children;

  // Compare / In / Has: the question and the value(s) it is tested against.
  std::string question_id;
  int question_index = -1;  // filled in by check_condition
  CompareOp op = CompareOp::Eq;
  std::vector<Literal> values;
  // Month/year literals are turned into a month number by check_condition.
  std::vector<double> numeric_values;
};

using ConditionPtr = std::shared_ptr<const ConditionNode>;

// A parsed (and, once checked, resolved) condition with the text it came from.
struct Condition {
  std::string source;
  ConditionPtr root;
  std::vector<int> questions;  // the question indexes it names, sorted: set by check_condition
};

struct ConditionError {
  int column = 0;  // 1-based column in the condition source
  std::string message;  // in English
  Said said;            // the message as a sentence of problem_words.def
};

// A problem at `column`, its message said in English.
ConditionError condition_error(int column, Problem problem, std::initializer_list<ProblemArg> args = {});

struct ParseResult {
  std::optional<Condition> condition;
  std::optional<ConditionError> error;
};

ParseResult parse_condition(const std::string& source);

// Resolves question ids and checks types. `questions` is the trial's question list;
// only questions with an index below `visible_limit` may be named (use the question
// count for rules that may name any question). Returns every problem found; on success
// the condition's nodes carry question indexes.
std::vector<ConditionError> check_condition(Condition& condition,
                                            const std::vector<Question>& questions,
                                            int visible_limit, const ProblemArg& context);

// Looks up the effective answer for a question index; nullptr means unknown.
class AnswerLookup {
 public:
  virtual ~AnswerLookup() = default;
  virtual const Answer* answer_at(int question_index) const = 0;
};

Tri evaluate_condition(const Condition& condition, const AnswerLookup& answers);
// A number answer compared with a condition's number.
inline Tri compare_numbers(double a, CompareOp op, double b) {
  switch (op) {
    case CompareOp::Eq: return tri_from_bool(a == b);
    case CompareOp::Ne: return tri_from_bool(a != b);
    case CompareOp::Lt: return tri_from_bool(a < b);
    case CompareOp::Le: return tri_from_bool(a <= b);
    case CompareOp::Gt: return tri_from_bool(a > b);
    case CompareOp::Ge: return tri_from_bool(a >= b);
  }
  return Tri::Unknown;
}
Tri evaluate_node(const ConditionNode& node, const AnswerLookup& answers);

// Every question index the checked condition names (sorted, without repeats), worked out
// once by check_condition: evaluation asks for it on every answer.
const std::vector<int>& referenced_questions(const Condition& condition);

// Visits the largest sub-expressions that name only `question_index` (and constants).
// Two answers to that question that give the same value to each of these sub-expressions
// behave the same everywhere in the condition: the path explorer groups answers this way.
void collect_single_question_parts(const ConditionNode& node, int question_index,
                                   std::vector<const ConditionNode*>& out);

// Parses "YYYY-MM" into a month number (year * 12 + month - 1); nullopt if malformed.
std::optional<int> parse_month_year(const std::string& text);
std::string format_month_year(int month_number);

const char* compare_op_text(CompareOp op);

// The words of the condition language ("and", "or", "not", "in", "has", "true", "false"):
// they cannot be question ids.
bool is_condition_keyword(const std::string& word);

}  // namespace trialmatch
