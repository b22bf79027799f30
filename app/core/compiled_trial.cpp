#include "compiled_trial.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "answer_classes.h"

namespace trialmatch {

// Builds every array in a vector of its own, then copies them into one block.
class CompiledTrial::Builder {
 public:
  Builder(const Trial& trial, const std::vector<std::vector<AnswerClass>>& classes) : trial_(trial) {
    const size_t n = trial.questions.size();
    std::vector<std::vector<int>> criteria_naming(n), later_asking(n);
    for (size_t c = 0; c < trial.criteria.size(); ++c)
      if (trial.criteria[c].rule)
        for (int ref : referenced_questions(*trial.criteria[c].rule)) criteria_naming[static_cast<size_t>(ref)].push_back(static_cast<int>(c));
    for (const Question& q : trial.questions)
      if (q.ask_if)
        for (int ref : referenced_questions(*q.ask_if)) later_asking[static_cast<size_t>(ref)].push_back(q.index);

    questions.resize(n);
    std::vector<int> gated;
    for (const Question& q : trial.questions) {
      QuestionFacts& f = questions[static_cast<size_t>(q.index)];
      if (q.ask_if) {
        f.flags |= kHasAskIf;
        gated.push_back(q.index);
        f.ask_if = compile(*q.ask_if);
        f.ask_if_questions = add_list(referenced_questions(*q.ask_if));
        for (int ref : referenced_questions(*q.ask_if)) questions[static_cast<size_t>(ref)].flags |= kOpensLater;
      }
      if (q.safety) {
        f.flags |= kHasSafety | kNamesInSafety;
        for (int ref : referenced_questions(q.safety->when)) questions[static_cast<size_t>(ref)].flags |= kNamesInSafety;
      }
      f.criteria_naming = add_list(criteria_naming[static_cast<size_t>(q.index)]);
      f.later_asking = add_list(later_asking[static_cast<size_t>(q.index)]);
      f.classes.begin = static_cast<std::int32_t>(class_answers.size());
      for (const AnswerClass& k : classes[static_cast<size_t>(q.index)]) class_answers.push_back(code_answer(q, k.representative));
      f.classes.end = static_cast<std::int32_t>(class_answers.size());
    }
    gated_list = add_list(gated);
    for (const Criterion& c : trial.criteria) {
      CriterionFacts f;
      f.kind = c.kind;
      f.when_fails = c.when_fails;
      if (c.rule) {
        f.rule = compile(*c.rule);
        f.rule_questions = add_list(referenced_questions(*c.rule));
      }
      criteria.push_back(f);
    }
    for (const Question& q : trial.questions)
      questions[static_cast<size_t>(q.index)].settle_reach = settle_reach(q.index, gated, criteria_naming);
  }

  std::vector<QuestionFacts> questions;
  std::vector<CriterionFacts> criteria;
  std::vector<Step> steps;
  std::vector<CodedAnswer> class_answers;
  std::vector<std::int32_t> lists;
  Span gated_list;

 private:
  const Trial& trial_;

  Span add_list(const std::vector<int>& items) {
    Span s;
    s.begin = static_cast<std::int32_t>(lists.size());
    lists.insert(lists.end(), items.begin(), items.end());
    s.end = static_cast<std::int32_t>(lists.size());
    return s;
  }

  std::int32_t compile(const Condition& condition) {
    const auto start = static_cast<std::int32_t>(steps.size());
    if (condition.root) add(*condition.root);
    else steps.push_back(Step{});
    return start;
  }

  void add(const ConditionNode& node) {
    const size_t at = steps.size();
    steps.emplace_back();
    Step s;
    using Kind = ConditionNode::Kind;
    switch (node.kind) {
      case Kind::True: s.op = Step::True; break;
      case Kind::False: s.op = Step::False; break;
      case Kind::Not: s.op = Step::Not; break;
      case Kind::And: s.op = Step::And; break;
      case Kind::Or: s.op = Step::Or; break;
      case Kind::Compare:
      case Kind::In:
      case Kind::Has: s = test(node); break;
    }
    for (const auto& child : node.children) add(*child);
    s.size = static_cast<std::int32_t>(steps.size() - at);
    steps[at] = s;
  }

  // A test of one question's answer (a checked condition tests options the question has,
  // with the operators its type allows).
  Step test(const ConditionNode& node) const {
    Step s;
    if (node.question_index < 0) return s;  // not resolved: unknown, as evaluate_node
    const Question& q = trial_.questions[static_cast<size_t>(node.question_index)];
    s.question = node.question_index;
    s.answer_kind = answer_kind_of(q);
    if (s.answer_kind == CodedAnswer::Number || s.answer_kind == CodedAnswer::MonthYear) {
      if (node.kind != ConditionNode::Kind::Compare || node.numeric_values.empty()) return s;
      s.op = Step::Compare;
      s.compare = node.op;
      s.value = node.numeric_values.front();
      return s;
    }
    for (const Literal& lit : node.values) s.options |= code_answer(q, Answer::of_choice(lit.text)).options;
    if (node.kind == ConditionNode::Kind::Compare) s.op = node.op == CompareOp::Ne ? Step::NotEquals : Step::Equals;
    else s.op = Step::AnyOf;  // "in" for one choice, "has" for several
    return s;
  }

  // See settle_reach(): itself, the questions whose "applies" it can change, the questions
  // named by the criteria those feed, and the questions that gate any of these.
  int settle_reach(int question, const std::vector<int>& gated, const std::vector<std::vector<int>>& criteria_naming) const {
    std::vector<char> reached(trial_.questions.size(), 0);
    reached[static_cast<size_t>(question)] = 1;
    for (int j : gated)
      for (int ref : referenced_questions(*trial_.questions[static_cast<size_t>(j)].ask_if))
        if (reached[static_cast<size_t>(ref)]) reached[static_cast<size_t>(j)] = 1;
    const std::vector<char> changed = reached;
    for (size_t x = 0; x < changed.size(); ++x) {
      if (!changed[x]) continue;
      for (int c : criteria_naming[x]) {
        const Criterion& criterion = trial_.criteria[static_cast<size_t>(c)];
        if (criterion.when_fails == WhenFails::Exclude) return kCanRuleOut;
        for (int ref : referenced_questions(*criterion.rule)) reached[static_cast<size_t>(ref)] = 1;
      }
    }
    // A question is relevant while a later one its ask_if opens is: the gates, from the last.
    for (size_t x = reached.size(); x-- > 0;) {
      const Question& q = trial_.questions[x];
      if (reached[x] && q.ask_if)
        for (int ref : referenced_questions(*q.ask_if)) reached[static_cast<size_t>(ref)] = 1;
    }
    return static_cast<int>(std::count(reached.begin(), reached.end(), 1));
  }
};

namespace {

// Room for `v` in a block of 8-byte words, from `words` on; returns where it starts.
template <class T>
size_t make_room(size_t& words, const std::vector<T>& v) {
  static_assert(std::is_trivially_copyable<T>::value && alignof(T) <= 8, "copied into the block as bytes");
  const size_t at = words;
  words += (v.size() * sizeof(T) + 7) / 8;
  return at;
}

template <class T>
T* copy_into(std::uint64_t* block, size_t at, const std::vector<T>& v) {
  if (!v.empty()) std::memcpy(block + at, v.data(), v.size() * sizeof(T));
  return reinterpret_cast<T*>(block + at);
}

}  // namespace

CompiledTrial::CompiledTrial(const Trial& trial, const std::vector<std::vector<AnswerClass>>& classes)
    : question_count_(static_cast<int>(trial.questions.size())), criterion_count_(static_cast<int>(trial.criteria.size())) {
  const Builder b(trial, classes);
  gated_ = b.gated_list;
  size_t words = 0;
  const size_t at_questions = make_room(words, b.questions);
  const size_t at_criteria = make_room(words, b.criteria);
  const size_t at_steps = make_room(words, b.steps);
  const size_t at_classes = make_room(words, b.class_answers);
  const size_t at_lists = make_room(words, b.lists);
  std::shared_ptr<std::uint64_t[]> block(new std::uint64_t[std::max<size_t>(words, 1)]());
  questions_ = copy_into(block.get(), at_questions, b.questions);
  CriterionFacts* criteria = copy_into(block.get(), at_criteria, b.criteria);
  criteria_ = criteria;
  steps_ = copy_into(block.get(), at_steps, b.steps);
  class_answers_ = copy_into(block.get(), at_classes, b.class_answers);
  lists_ = copy_into(block.get(), at_lists, b.lists);
  block_ = std::move(block);
  // With no other answer given, and every question applying.
  const std::vector<CodedAnswer> none(trial.questions.size());
  const std::vector<unsigned char> all_apply(trial.questions.size(), 1);
  for (int c = 0; c < criterion_count_; ++c) {
    const Indexes named = rule_questions(c);
    if (study_team_only(c) || named.size() != 1) continue;
    criteria[c].decides_alone = some_class_decides(named[0], c, CodedView(none.data(), all_apply.data())) ? kCanDecide : kNeverDecides;
  }
}

int CompiledTrial::read_ahead(int q, int step) const {
  if (step == 1) return question(q).settle_reach;
  int read = 0;
  if (step == 2)
    for (int c : criteria_naming(q)) read += criterion(c).rule;
  if (step == 3)
    for (int c : criteria_naming(q)) {
      const CriterionFacts& f = criterion(c);
      read += lists_[f.rule_questions.begin] + (f.rule < 0 ? 0 : static_cast<int>(steps_[f.rule].op));
    }
  return read;
}

bool CompiledTrial::some_class_decides(int q, int c, const CodedView& answers) const {
  for (const CodedAnswer& k : classes(q))
    if (rule_value(c, answers.probing(q, &k)) != Tri::Unknown) return true;
  return false;
}

CompiledTrial::Items<CodedAnswer> CompiledTrial::classes(int q) const {
  const Span s = question(q).classes;
  return {class_answers_ + s.begin, class_answers_ + s.end};
}

bool CompiledTrial::applies(int q, const CodedView& answers) const {
  const QuestionFacts& f = question(q);
  if (f.ask_if < 0) return true;
  // Behind a gate that is itself closed, a question is closed too.
  for (int ref : list(f.ask_if_questions))
    if (!answers.applies(ref)) return false;
  return run(f.ask_if, answers) != Tri::False;
}

CriterionResult CompiledTrial::evaluate_criterion(int c, const CodedView& answers) const {
  const CriterionFacts& f = criterion(c);
  if (f.rule < 0) return criterion_result(c, f.kind, f.when_fails, std::nullopt);
  return criterion_result(c, f.kind, f.when_fails, run(f.rule, answers));
}

Tri CompiledTrial::run(std::int32_t at, const CodedView& answers) const {
  if (at < 0) return Tri::Unknown;
  const Step& s = steps_[at];
  switch (s.op) {
    case Step::True: return Tri::True;
    case Step::False: return Tri::False;
    case Step::Unknown: return Tri::Unknown;
    case Step::Not: return tri_not(run(at + 1, answers));
    case Step::And: {
      const Tri left = run(at + 1, answers);
      if (left == Tri::False) return Tri::False;
      return tri_and(left, run(at + 1 + steps_[at + 1].size, answers));
    }
    case Step::Or: {
      const Tri left = run(at + 1, answers);
      if (left == Tri::True) return Tri::True;
      return tri_or(left, run(at + 1 + steps_[at + 1].size, answers));
    }
    default: break;
  }
  const CodedAnswer* a = answers.answer_at(s.question);
  // An answer of another kind cannot reach here (answers fit their questions); unknown is safe.
  if (!a || a->kind != s.answer_kind) return Tri::Unknown;
  switch (s.op) {
    case Step::Equals: return tri_from_bool(a->options == s.options);
    case Step::NotEquals: return tri_from_bool(a->options != s.options);
    case Step::AnyOf: return tri_from_bool((a->options & s.options) != 0);
    case Step::Compare: return compare_numbers(a->number, s.compare, s.value);
    default: return Tri::Unknown;
  }
}

}  // namespace trialmatch
