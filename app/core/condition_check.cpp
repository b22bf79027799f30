// Checking a parsed condition against a trial's questions (condition.h): each name resolved
// to a question asked before it, each value of the question's type (options, numbers,
// month/year); and the month/year and operator texts the checker and its messages use.
#include "condition.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "trial.h"

namespace trialmatch {

std::optional<int> parse_month_year(const std::string& text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  int year = std::atoi(text.substr(0, 4).c_str());
  int month = std::atoi(text.substr(5, 2).c_str());
  if (month < 1 || month > 12 || year < 1900) return std::nullopt;
  return year * 12 + month - 1;
}

std::string format_month_year(int month_number) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", month_number / 12, month_number % 12 + 1);
  return buffer;
}

const char* compare_op_text(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "=";
    case CompareOp::Ne: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
  }
  return "?";
}

namespace {

class Checker {
 public:
  Checker(const std::vector<Question>& questions, int limit, const ProblemArg& context)
      : questions_(questions), limit_(limit), context_(context) {}

  std::vector<ConditionError> errors;

  ConditionPtr check(const ConditionPtr& node) {
    if (!node) return node;
    ConditionNode copy = *node;
    for (auto& child : copy.children) child = check(child);
    if (copy.kind == ConditionNode::Kind::Compare || copy.kind == ConditionNode::Kind::In ||
        copy.kind == ConditionNode::Kind::Has)
      check_test(copy);
    return std::make_shared<const ConditionNode>(std::move(copy));
  }

 private:
  const std::vector<Question>& questions_;
  int limit_;
  const ProblemArg& context_;

  void error(int column, Problem problem, std::initializer_list<ProblemArg> args) {
    errors.push_back(condition_error(column, problem, args));
  }

  void check_test(ConditionNode& node) {
    const Question* q = nullptr;
    for (const Question& candidate : questions_)
      if (candidate.id == node.question_id) q = &candidate;
    if (!q) {
      error(node.column, Problem::NoSuchQuestion, {node.question_id});
      return;
    }
    if (q->index >= limit_) {
      error(node.column, Problem::QuestionComesLater, {q->id, context_});
      return;
    }
    node.question_index = q->index;
    switch (q->type) {
      case QuestionType::YesNo:
      case QuestionType::SingleChoice: check_choice(node, *q); break;
      case QuestionType::MultipleChoice: check_multiple(node, *q); break;
      case QuestionType::Number: check_number(node, *q); break;
      case QuestionType::MonthYear: check_month_year(node, *q); break;
    }
  }

  void check_option_values(ConditionNode& node, const Question& q) {
    for (const Literal& lit : node.values) {
      if (lit.is_number) {
        error(lit.column, Problem::CompareWithOption, {q.id, q.option_ids(), lit.text});
      } else if (!q.find_option(lit.text)) {
        error(lit.column, Problem::NoSuchOption, {q.id, lit.text, q.option_ids()});
      }
    }
  }

  void check_choice(ConditionNode& node, const Question& q) {
    if (node.kind == ConditionNode::Kind::Has) {
      error(node.column, Problem::HasNeedsMultiple, {q.id});
      return;
    }
    if (node.kind == ConditionNode::Kind::Compare && node.op != CompareOp::Eq &&
        node.op != CompareOp::Ne) {
      error(node.column, Problem::OptionsNotOrdered, {q.id, compare_op_text(node.op)});
      return;
    }
    check_option_values(node, q);
  }

  void check_multiple(ConditionNode& node, const Question& q) {
    if (node.kind != ConditionNode::Kind::Has) {
      error(node.column, Problem::UseHas, {q.id});
      return;
    }
    check_option_values(node, q);
  }

  void check_number(ConditionNode& node, const Question& q) {
    if (node.kind != ConditionNode::Kind::Compare) {
      error(node.column, Problem::NumberOperators, {q.id});
      return;
    }
    const Literal& lit = node.values.front();
    if (!lit.is_number) {
      error(lit.column, Problem::CompareWithNumber, {q.id, lit.text});
      return;
    }
    node.numeric_values = {lit.number};
  }

  void check_month_year(ConditionNode& node, const Question& q) {
    if (node.kind != ConditionNode::Kind::Compare) {
      error(node.column, Problem::MonthOperators, {q.id});
      return;
    }
    const Literal& lit = node.values.front();
    std::optional<int> month = lit.is_number ? std::nullopt : parse_month_year(lit.text);
    if (!month) {
      error(lit.column, Problem::CompareWithMonth, {q.id, lit.is_number ? lit.text : "\"" + lit.text + "\""});
      return;
    }
    node.numeric_values = {static_cast<double>(*month)};
  }
};

void collect_refs(const ConditionNode& node, std::vector<int>& out) {
  if (node.question_index >= 0) out.push_back(node.question_index);
  for (const auto& child : node.children) collect_refs(*child, out);
}

}  // namespace

std::vector<ConditionError> check_condition(Condition& condition,
                                            const std::vector<Question>& questions,
                                            int visible_limit, const ProblemArg& context) {
  Checker checker(questions, visible_limit, context);
  condition.root = checker.check(condition.root);
  condition.questions.clear();
  if (condition.root) collect_refs(*condition.root, condition.questions);
  std::sort(condition.questions.begin(), condition.questions.end());
  condition.questions.erase(std::unique(condition.questions.begin(), condition.questions.end()), condition.questions.end());
  return checker.errors;
}

}  // namespace trialmatch
