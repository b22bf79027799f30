// Evaluating a checked condition over the answers given so far, in Kleene's three-valued
// logic (condition.h): an unknown answer makes a test unknown, and "and"/"or" decide what
// they can without it. Also the parts of a condition that name one question only, which the
// path explorer groups answers by.
#include "condition.h"

#include "answer.h"

namespace trialmatch {

namespace {

Tri evaluate_test(const ConditionNode& node, const Answer* answer) {
  if (!answer || answer->is_unknown()) return Tri::Unknown;
  switch (node.kind) {
    case ConditionNode::Kind::Compare:
      if (answer->kind == Answer::Kind::Choice) {
        bool equal = answer->choice == node.values.front().text;
        return tri_from_bool(node.op == CompareOp::Ne ? !equal : equal);
      }
      if (node.numeric_values.empty()) return Tri::Unknown;
      return compare_numbers(answer->number, node.op, node.numeric_values.front());
    case ConditionNode::Kind::In:
      for (const Literal& lit : node.values)
        if (answer->choice == lit.text) return Tri::True;
      return Tri::False;
    case ConditionNode::Kind::Has:
      return tri_from_bool(answer->has_choice(node.values.front().text));
    default:
      return Tri::Unknown;
  }
}

}  // namespace

Tri evaluate_node(const ConditionNode& node, const AnswerLookup& answers) {
  switch (node.kind) {
    case ConditionNode::Kind::True: return Tri::True;
    case ConditionNode::Kind::False: return Tri::False;
    case ConditionNode::Kind::Not: return tri_not(evaluate_node(*node.children[0], answers));
    case ConditionNode::Kind::And: {
      Tri left = evaluate_node(*node.children[0], answers);
      if (left == Tri::False) return Tri::False;
      return tri_and(left, evaluate_node(*node.children[1], answers));
    }
    case ConditionNode::Kind::Or: {
      Tri left = evaluate_node(*node.children[0], answers);
      if (left == Tri::True) return Tri::True;
      return tri_or(left, evaluate_node(*node.children[1], answers));
    }
    default:
      if (node.question_index < 0) return Tri::Unknown;
      return evaluate_test(node, answers.answer_at(node.question_index));
  }
}

Tri evaluate_condition(const Condition& condition, const AnswerLookup& answers) {
  return condition.root ? evaluate_node(*condition.root, answers) : Tri::Unknown;
}

namespace {
// True when the node names no question other than `question_index` (and names it at least once
// or is a constant).
bool only_names(const ConditionNode& node, int question_index) {
  if (node.kind == ConditionNode::Kind::Compare || node.kind == ConditionNode::Kind::In ||
      node.kind == ConditionNode::Kind::Has)
    return node.question_index == question_index;
  for (const auto& child : node.children)
    if (!only_names(*child, question_index)) return false;
  return true;
}

bool names(const ConditionNode& node, int question_index) {
  if (node.question_index == question_index) return true;
  for (const auto& child : node.children)
    if (names(*child, question_index)) return true;
  return false;
}
}  // namespace

const std::vector<int>& referenced_questions(const Condition& condition) { return condition.questions; }

void collect_single_question_parts(const ConditionNode& node, int question_index,
                                   std::vector<const ConditionNode*>& out) {
  if (!names(node, question_index)) return;
  if (only_names(node, question_index)) {
    out.push_back(&node);
    return;
  }
  for (const auto& child : node.children) collect_single_question_parts(*child, question_index, out);
}

}  // namespace trialmatch
