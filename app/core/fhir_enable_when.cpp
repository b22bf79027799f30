#include "fhir_enable_when.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "fhir_codes.h"

namespace trialmatch {

namespace {

using Json = nlohmann::json;
using Kind = ConditionNode::Kind;

CompareOp negated_op(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return CompareOp::Ne;
    case CompareOp::Ne: return CompareOp::Eq;
    case CompareOp::Lt: return CompareOp::Ge;
    case CompareOp::Le: return CompareOp::Gt;
    case CompareOp::Gt: return CompareOp::Le;
    case CompareOp::Ge: return CompareOp::Lt;
  }
  return op;
}

bool is_choice(const Question& q) { return q.type != QuestionType::Number && q.type != QuestionType::MonthYear; }

// `and` under an odd number of `not`s is an `or` (De Morgan holds in three-valued logic).
bool acts_as_or(const ConditionNode& node, bool negated) { return (node.kind == Kind::Or) != negated; }

// Builds enableWhen entries for the parts of a condition, each part with `not` pushed in.
class EnableWhenBuilder {
 public:
  explicit EnableWhenBuilder(const Trial& trial) : trial_(trial) {}

  // Appends entries that are true together (enableBehavior "all") exactly when the part is
  // not false; false when the part cannot be said that way.
  bool all_of(const ConditionNode& node, bool negated, Json& out) const {
    switch (node.kind) {
      case Kind::Not: return all_of(*node.children.front(), !negated, out);
      case Kind::And:
      case Kind::Or:
        if (acts_as_or(node, negated) && node.children.size() > 1) return false;
        for (const ConditionPtr& child : node.children)
          if (!all_of(*child, negated, out)) return false;
        return true;
      case Kind::Compare: {
        const CompareOp op = negated ? negated_op(node.op) : node.op;
        return op == CompareOp::Ne && add_test(node, op, 0, out);
      }
      case Kind::In:
      case Kind::Has:
        // not (q in (a, b)) is q != a and q != b; not (q has a) is "no answer equals a",
        // which is FHIR's != on a repeating item.
        if (!negated) return false;
        for (size_t i = 0; i < node.values.size(); ++i)
          if (!add_test(node, CompareOp::Ne, i, out)) return false;
        return true;
      case Kind::True:
      case Kind::False: return false;
    }
    return false;
  }

  // Appends entries of which any one true (enableBehavior "any") means the part is not
  // false; false when the part cannot be said that way.
  bool any_of(const ConditionNode& node, bool negated, Json& out) const {
    switch (node.kind) {
      case Kind::Not: return any_of(*node.children.front(), !negated, out);
      case Kind::And:
      case Kind::Or:
        if (!acts_as_or(node, negated) && node.children.size() > 1) return false;
        for (const ConditionPtr& child : node.children)
          if (!any_of(*child, negated, out)) return false;
        return true;
      case Kind::Compare: {
        const CompareOp op = negated ? negated_op(node.op) : node.op;
        if (op == CompareOp::Ne) return add_test(node, op, 0, out);
        return add_test(node, op, 0, out) && add_unknown_tests(node, out);
      }
      case Kind::In:
      case Kind::Has:
        if (negated) return node.values.size() == 1 && add_test(node, CompareOp::Ne, 0, out);
        for (size_t i = 0; i < node.values.size(); ++i)
          if (!add_test(node, CompareOp::Eq, i, out)) return false;
        return add_unknown_tests(node, out);
      case Kind::True:
      case Kind::False: return false;
    }
    return false;
  }

 private:
  const Question& question(const ConditionNode& node) const {
    return trial_.questions[static_cast<size_t>(node.question_index)];
  }

  // One enableWhen: the node's question compared with its value number `i`. False when
  // FHIR cannot hold the value (a fraction against a whole-number question).
  bool add_test(const ConditionNode& node, CompareOp op, size_t i, Json& out) const {
    const Question& q = question(node);
    Json entry = {{"question", q.id}, {"operator", compare_op_text(op)}};
    if (is_choice(q)) {
      entry["answerCoding"] = fhir_option_coding(trial_, q, node.values[i].text);
    } else if (q.type == QuestionType::MonthYear) {
      entry["answerDate"] = format_month_year(static_cast<int>(node.numeric_values[i]));
    } else if (!q.integer) {
      entry["answerDecimal"] = node.numeric_values[i];
    } else {
      const double value = node.numeric_values[i];
      if (std::floor(value) != value) return false;
      entry["answerInteger"] = static_cast<long long>(value);
    }
    out.push_back(entry);
    return true;
  }

  // The answers that leave a test unknown, so the question is still asked: none at all
  // (which is also how FHIR sees a question that is not enabled), and each unknown answer
  // the question offers as an option.
  bool add_unknown_tests(const ConditionNode& node, Json& out) const {
    const Question& q = question(node);
    out.push_back({{"question", q.id}, {"operator", "exists"}, {"answerBoolean", false}});
    if (is_choice(q))
      for (UnknownKind kind : q.unknown_answers)
        out.push_back({{"question", q.id}, {"operator", "="}, {"answerCoding", fhir_unknown_coding(kind)}});
    return true;
  }

  const Trial& trial_;
};

std::string fhirpath_string(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The question's known answer(s) in FHIRPath: empty when it has no answer or an unknown one.
std::string fhirpath_answer(const Trial& trial, const Question& q) {
  std::string path = "%resource.item.where(linkId=" + fhirpath_string(q.id) + ").answer.value";
  if (is_choice(q)) path += ".where(system=" + fhirpath_string(fhir_option_system(trial, q)) + ").code";
  return path;
}

std::string fhirpath_literal(const Question& q, const ConditionNode& node, size_t i) {
  if (is_choice(q)) return fhirpath_string(node.values[i].text);
  if (q.type == QuestionType::MonthYear) return "@" + format_month_year(static_cast<int>(node.numeric_values[i]));
  return format_number(node.numeric_values[i]);
}

// The condition in FHIRPath, where an empty result plays the part of "unknown": FHIRPath's
// and, or, not() and comparisons treat empty exactly as three-valued logic does.
std::string fhirpath_condition(const Trial& trial, const ConditionNode& node) {
  switch (node.kind) {
    case Kind::True: return "true";
    case Kind::False: return "false";
    case Kind::Not: return "(" + fhirpath_condition(trial, *node.children.front()) + ").not()";
    case Kind::And:
    case Kind::Or: {
      std::string out;
      for (const ConditionPtr& child : node.children)
        out += (out.empty() ? "(" : node.kind == Kind::And ? " and " : " or ") + fhirpath_condition(trial, *child);
      return out + ")";
    }
    default: break;
  }
  const Question& q = trial.questions[static_cast<size_t>(node.question_index)];
  const std::string answer = fhirpath_answer(trial, q);
  if (node.kind == Kind::Compare)
    return "(" + answer + " " + compare_op_text(node.op) + " " + fhirpath_literal(q, node, 0) + ")";
  if (node.kind == Kind::Has)  // `contains` is false, not empty, for no answer: keep it unknown
    return "iif(" + answer + ".exists(), " + answer + " contains " + fhirpath_literal(q, node, 0) + ", {})";
  std::string out;
  for (size_t i = 0; i < node.values.size(); ++i)
    out += (out.empty() ? "(" : " or ") + answer + " = " + fhirpath_literal(q, node, i);
  return out + ")";
}

// The questions whose ask_if decides whether `question` is asked, in questionnaire order:
// its own, and, since a question behind a closed gate is closed too (EffectiveAnswers), those
// of every question its ask_if names, and of theirs.
std::vector<const Question*> gate_chain(const Trial& trial, const Question& question) {
  std::vector<bool> in_chain(trial.questions.size(), false);
  in_chain[static_cast<size_t>(question.index)] = true;
  for (int i = question.index; i >= 0; --i) {  // ask_if names only earlier questions
    const Question& q = trial.questions[static_cast<size_t>(i)];
    if (!in_chain[static_cast<size_t>(i)] || !q.ask_if) continue;
    for (int ref : referenced_questions(*q.ask_if)) in_chain[static_cast<size_t>(ref)] = true;
  }
  std::vector<const Question*> chain;
  for (const Question& q : trial.questions)
    if (in_chain[static_cast<size_t>(q.index)] && q.ask_if) chain.push_back(&q);
  return chain;
}

void push_new(Json& entries, const Json& more) {
  for (const Json& entry : more)
    if (std::find(entries.begin(), entries.end(), entry) == entries.end()) entries.push_back(entry);
}

// enableWhen entries for the whole chain and their enableBehavior; false when FHIR's
// enableWhen cannot say it. Every ask_if of the chain must be not false: "all" when each
// needs only entries that hold together; "any" only for a chain of one ask_if.
bool chain_entries(const Trial& trial, const std::vector<const Question*>& chain, Json& entries, const char*& behavior) {
  const EnableWhenBuilder builder(trial);
  bool fits = true;
  for (const Question* q : chain) {
    Json part = Json::array();
    fits = fits && builder.all_of(*q->ask_if->root, false, part);
    push_new(entries, part);
  }
  behavior = "all";
  if (fits) return !entries.empty();
  entries = Json::array();
  behavior = "any";
  return chain.size() == 1 && builder.any_of(*chain.front()->ask_if->root, false, entries) && !entries.empty();
}

}  // namespace

std::string fhirpath_not_false(const Trial& trial, const Condition& condition) {
  // fhirpath_condition is always in parentheses or a single call: no more are needed.
  return "iif(" + fhirpath_condition(trial, *condition.root) + " = false, false, true)";
}

std::string fhirpath_enabled(const Trial& trial, const Question& question) {
  std::string out;
  for (const Question* q : gate_chain(trial, question))
    out += (out.empty() ? "" : " and ") + fhirpath_not_false(trial, *q->ask_if);
  return out;
}

void add_fhir_enable_when(const Trial& trial, const Question& question, nlohmann::json& item) {
  if (!question.ask_if) return;
  const std::vector<const Question*> chain = gate_chain(trial, question);
  Json entries = Json::array();
  const char* behavior = "all";
  if (chain_entries(trial, chain, entries, behavior)) {
    if (entries.size() > 1) item["enableBehavior"] = behavior;
    item["enableWhen"] = entries;
    return;
  }
  if (!item.contains("extension")) item["extension"] = Json::array();
  item["extension"].push_back({{"url", kEnableWhenExpressionExtension},
                               {"valueExpression",
                                {{"language", "text/fhirpath"},
                                 {"description", "ask_if: " + question.ask_if->source},
                                 {"expression", fhirpath_enabled(trial, question)}}}});
}

}  // namespace trialmatch
