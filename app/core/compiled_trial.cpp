#include "compiled_trial.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "answer_classes.h"
#include "input_limits.h"

namespace trialmatch {

namespace {

using Step = CompiledTrial::Step;
// A step's size and question fit in 16 bits: a condition is at most kMaxConditionLength
// bytes, and a trial file has at most kMaxValues values.
static_assert(limits::kMaxConditionLength < 65536 && limits::kMaxValues < 65536, "Step::size, Step::question");

size_t words_for(size_t bytes) { return (bytes + 7) / 8; }

// Appends the items to a block of 8-byte words, padded to a whole word.
template <class T>
void put(std::vector<std::uint64_t>& words, const T* items, size_t count) {
  static_assert(std::is_trivially_copyable<T>::value && alignof(T) <= 8, "copied into the block as bytes");
  const size_t at = words.size();
  words.resize(at + words_for(count * sizeof(T)), 0);
  if (count) std::memcpy(words.data() + at, items, count * sizeof(T));
}

}  // namespace

Tri run_program(const Step* s, const CodedView& answers) {
  switch (s->op) {
    case Step::True: return Tri::True;
    case Step::False: return Tri::False;
    case Step::Unknown: return Tri::Unknown;
    case Step::Not: return tri_not(run_program(s + 1, answers));
    case Step::And: {
      const Tri left = run_program(s + 1, answers);
      if (left == Tri::False) return Tri::False;
      return tri_and(left, run_program(s + 1 + s[1].size, answers));
    }
    case Step::Or: {
      const Tri left = run_program(s + 1, answers);
      if (left == Tri::True) return Tri::True;
      return tri_or(left, run_program(s + 1 + s[1].size, answers));
    }
    default: break;
  }
  const CodedAnswer* a = answers.answer_at(s->question);
  // An answer of another kind cannot reach here (answers fit their questions); unknown is safe.
  if (!a || a->kind != s->answer_kind) return Tri::Unknown;
  switch (s->op) {
    case Step::Equals: return tri_from_bool(a->options == s->options);
    case Step::NotEquals: return tri_from_bool(a->options != s->options);
    case Step::AnyOf: return tri_from_bool((a->options & s->options) != 0);
    case Step::Compare: return compare_numbers(a->number, static_cast<CompareOp>(s->compare), s->value);
    default: return Tri::Unknown;
  }
}

// Builds every part in a vector of its own, then the block holds them one after the other.
class CompiledTrial::Builder {
 public:
  Builder(const Trial& trial, const std::vector<std::vector<AnswerClass>>& classes) : trial_(trial) {
    const size_t n = trial.questions.size();
    std::vector<std::vector<int>> criteria_naming(n), later_asking(n);
    for (size_t c = 0; c < trial.criteria.size(); ++c)
      if (trial.criteria[c].rule)
        for (int ref : referenced_questions(*trial.criteria[c].rule)) criteria_naming[static_cast<size_t>(ref)].push_back(static_cast<int>(c));
    std::vector<int> gated;
    std::vector<Record> heads(n);
    for (const Question& q : trial.questions) {
      Record& head = heads[static_cast<size_t>(q.index)];
      if (q.ask_if) {
        head.flags |= kHasAskIf;
        gated.push_back(q.index);
        for (int ref : referenced_questions(*q.ask_if)) {
          heads[static_cast<size_t>(ref)].flags |= kOpensLater;
          later_asking[static_cast<size_t>(ref)].push_back(q.index);
        }
      }
      if (q.safety) {
        head.flags |= kHasSafety | kNamesInSafety;
        for (int ref : referenced_questions(q.safety->when)) heads[static_cast<size_t>(ref)].flags |= kNamesInSafety;
      }
    }
    gated_list = add_list(gated);

    // Each rule's program, copied into the record of each question it names.
    std::vector<Step> steps;
    std::vector<size_t> rule_at(trial.criteria.size(), 0);
    for (size_t c = 0; c < trial.criteria.size(); ++c)
      if (trial.criteria[c].rule) {
        rule_at[c] = steps.size();
        compile(*trial.criteria[c].rule, steps);
      }
    std::vector<std::vector<CodedAnswer>> coded(n);
    for (const Question& q : trial.questions)
      for (const AnswerClass& k : classes[static_cast<size_t>(q.index)]) coded[static_cast<size_t>(q.index)].push_back(code_answer(q, k.representative));

    for (const Question& q : trial.questions) {
      const auto i = static_cast<size_t>(q.index);
      Record head = heads[i];
      const std::vector<int> ask_if_questions = q.ask_if ? referenced_questions(*q.ask_if) : std::vector<int>{};
      std::vector<Step> ask_if;
      if (q.ask_if) compile(*q.ask_if, ask_if);
      head.ask_if_questions = static_cast<std::uint32_t>(ask_if_questions.size());
      head.later = static_cast<std::uint32_t>(later_asking[i].size());
      head.classes = static_cast<std::uint32_t>(coded[i].size());
      head.settle_reach = settle_reach(q.index, gated, criteria_naming);
      std::vector<std::uint64_t> entries;
      for (int c : criteria_naming[i]) {
        const trialmatch::Criterion& criterion = trial.criteria[static_cast<size_t>(c)];
        const std::vector<int>& named = referenced_questions(*criterion.rule);
        const Step* program = &steps[rule_at[static_cast<size_t>(c)]];
        CriterionEntry::Head entry;
        entry.criterion = c;
        entry.kind = static_cast<std::uint8_t>(criterion.kind);
        entry.when_fails = static_cast<std::uint8_t>(criterion.when_fails);
        entry.rule_questions = static_cast<std::uint32_t>(named.size());
        entry.steps = program->size;
        entry.words = static_cast<std::uint32_t>(words_for(sizeof(entry)) + words_for(named.size() * 4) + program->size * 2);
        put(entries, &entry, 1);
        put(entries, named.data(), named.size());
        put(entries, program, program->size);
      }
      // The parts after the header, then where each starts.
      std::vector<std::uint64_t> parts = entries;
      head.ask_if_questions_at = static_cast<std::uint32_t>(kRecordWords + parts.size());
      put(parts, ask_if_questions.data(), ask_if_questions.size());
      head.later_at = static_cast<std::uint32_t>(kRecordWords + parts.size());
      put(parts, later_asking[i].data(), later_asking[i].size());
      head.ask_if_at = static_cast<std::uint32_t>(kRecordWords + parts.size());
      put(parts, ask_if.data(), ask_if.size());
      head.classes_at = static_cast<std::uint32_t>(kRecordWords + parts.size());
      put(parts, coded[i].data(), coded[i].size());
      record_at.push_back(static_cast<std::int32_t>(records.size()));
      put(records, &head, 1);
      records.insert(records.end(), parts.begin(), parts.end());
    }
  }

  std::vector<std::int32_t> record_at;
  std::vector<std::uint64_t> records;
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

  void compile(const Condition& condition, std::vector<Step>& out) const {
    if (condition.root) add(*condition.root, out);
    else out.push_back(Step{});
  }

  void add(const ConditionNode& node, std::vector<Step>& out) const {
    const size_t at = out.size();
    out.emplace_back();
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
    for (const auto& child : node.children) add(*child, out);
    s.size = static_cast<std::uint16_t>(out.size() - at);
    out[at] = s;
  }

  // A test of one question's answer (a checked condition tests options the question has,
  // with the operators its type allows).
  Step test(const ConditionNode& node) const {
    Step s;
    if (node.question_index < 0) return s;  // not resolved: unknown, as evaluate_node
    const Question& q = trial_.questions[static_cast<size_t>(node.question_index)];
    s.question = static_cast<std::uint16_t>(node.question_index);
    s.answer_kind = answer_kind_of(q);
    if (s.answer_kind == CodedAnswer::Number || s.answer_kind == CodedAnswer::MonthYear) {
      if (node.kind != ConditionNode::Kind::Compare || node.numeric_values.empty()) return s;
      s.op = Step::Compare;
      s.compare = static_cast<std::uint8_t>(node.op);
      s.value = node.numeric_values.front();
      return s;
    }
    s.options = 0;
    for (const Literal& lit : node.values) s.options |= code_answer(q, Answer::of_choice(lit.text)).options;
    if (node.kind == ConditionNode::Kind::Compare) s.op = node.op == CompareOp::Ne ? Step::NotEquals : Step::Equals;
    else s.op = Step::AnyOf;  // "in" for one choice, "has" for several
    return s;
  }

  // See settle_reach(): itself, the questions whose "applies" it can change, the questions
  // named by the criteria those feed, and the questions that gate any of these.
  std::int32_t settle_reach(int question, const std::vector<int>& gated, const std::vector<std::vector<int>>& criteria_naming) const {
    std::vector<char> reached(trial_.questions.size(), 0);
    reached[static_cast<size_t>(question)] = 1;
    for (int j : gated)
      for (int ref : referenced_questions(*trial_.questions[static_cast<size_t>(j)].ask_if))
        if (reached[static_cast<size_t>(ref)]) reached[static_cast<size_t>(j)] = 1;
    const std::vector<char> changed = reached;
    for (size_t x = 0; x < changed.size(); ++x) {
      if (!changed[x]) continue;
      for (int c : criteria_naming[x]) {
        const trialmatch::Criterion& criterion = trial_.criteria[static_cast<size_t>(c)];
        // Ruling out, or putting the study out of reach, can stop every question at once.
        if (criterion.when_fails == WhenFails::Exclude || criterion.out_of_reach) return kCanRuleOut;
        for (int ref : referenced_questions(*criterion.rule)) reached[static_cast<size_t>(ref)] = 1;
      }
    }
    // A question is relevant while a later one its ask_if opens is: the gates, from the last.
    for (size_t x = reached.size(); x-- > 0;) {
      const Question& q = trial_.questions[x];
      if (reached[x] && q.ask_if)
        for (int ref : referenced_questions(*q.ask_if)) reached[static_cast<size_t>(ref)] = 1;
    }
    return static_cast<std::int32_t>(std::count(reached.begin(), reached.end(), 1));
  }
};

CompiledTrial::CompiledTrial(const Trial& trial, const std::vector<std::vector<AnswerClass>>& classes)
    : question_count_(static_cast<int>(trial.questions.size())), criterion_count_(static_cast<int>(trial.criteria.size())) {
  const Builder b(trial, classes);
  gated_ = b.gated_list;
  // The records first, so an answer's reads start at the block's beginning.
  std::vector<std::uint64_t> words;
  put(words, b.record_at.data(), b.record_at.size());
  const size_t at_records = words.size();
  words.insert(words.end(), b.records.begin(), b.records.end());
  const size_t at_lists = words.size();
  put(words, b.lists.data(), b.lists.size());
  std::shared_ptr<std::uint64_t[]> block(new std::uint64_t[std::max<size_t>(words.size(), 1)]());
  std::copy(words.begin(), words.end(), block.get());
  record_at_ = reinterpret_cast<const std::int32_t*>(block.get());
  records_ = block.get() + at_records;
  lists_ = reinterpret_cast<const std::int32_t*>(block.get() + at_lists);
  block_ = std::move(block);
  // Whether some answer alone decides a criterion that names one question, worked out once
  // on the compiled rule itself, with no other answer given and every question applying (the
  // block is ours to write while it is built).
  const std::vector<CodedAnswer> none(static_cast<size_t>(question_count_));
  const std::vector<unsigned char> all_apply(static_cast<size_t>(question_count_), 1);
  const CodedView nothing(none.data(), all_apply.data());
  for (int q = 0; q < question_count_; ++q)
    for (const CriterionEntry c : criteria_naming(q))
      if (c.rule_questions().size() == 1)
        const_cast<CriterionEntry::Head&>(c.head()).decides_alone =
            c.some_class_decides(q, this->classes(q), nothing) ? kCanDecide : kNeverDecides;
}

std::vector<CompiledTrial> CompiledTrial::lay_out_together(const std::vector<CompiledTrial>& trials,
                                                           const std::vector<std::pair<int, int>>& order) {
  // Each record once, where it goes (in words from the block's start), in the order asked,
  // then the others.
  std::vector<std::uint64_t> words;
  std::vector<std::vector<std::int32_t>> record_at(trials.size());
  for (size_t t = 0; t < trials.size(); ++t) record_at[t].assign(static_cast<size_t>(trials[t].question_count_), -1);
  auto place = [&](size_t t, int q) {
    std::int32_t& at = record_at[t][static_cast<size_t>(q)];
    if (at >= 0) return;
    at = static_cast<std::int32_t>(words.size());
    const std::uint64_t* record = trials[t].record_words(q);
    words.insert(words.end(), record, record + trials[t].record_size(q));
  };
  for (const auto& [t, q] : order) place(static_cast<size_t>(t), q);
  for (size_t t = 0; t < trials.size(); ++t)
    for (int q = 0; q < trials[t].question_count_; ++q) place(t, q);
  // Then the tables, and the lists.
  std::vector<size_t> table_at, lists_at;
  for (size_t t = 0; t < trials.size(); ++t) {
    table_at.push_back(words.size());
    put(words, record_at[t].data(), record_at[t].size());
  }
  for (const CompiledTrial& trial : trials) {
    lists_at.push_back(words.size());
    put(words, trial.lists_, static_cast<size_t>(trial.gated_.end));
  }
  std::shared_ptr<std::uint64_t[]> block(new std::uint64_t[std::max<size_t>(words.size(), 1)]());
  std::copy(words.begin(), words.end(), block.get());
  std::vector<CompiledTrial> out;
  for (size_t t = 0; t < trials.size(); ++t) {
    CompiledTrial c = trials[t];
    c.record_at_ = reinterpret_cast<const std::int32_t*>(block.get() + table_at[t]);
    c.records_ = block.get();
    c.lists_ = reinterpret_cast<const std::int32_t*>(block.get() + lists_at[t]);
    c.block_ = block;
    out.push_back(std::move(c));
  }
  return out;
}

bool CompiledTrial::applies(int q, const CodedView& answers) const {
  if (!has_ask_if(q)) return true;
  // Behind a gate that is itself closed, a question is closed too.
  for (int ref : ask_if_questions(q))
    if (!answers.applies(ref)) return false;
  return run_program(part<Step>(q, record(q).ask_if_at), answers) != Tri::False;
}

bool CompiledTrial::CriterionEntry::some_class_decides(int q, Items<CodedAnswer> classes, const CodedView& answers) const {
  for (const CodedAnswer& k : classes)
    if (rule_value(answers.probing(q, &k)) != Tri::Unknown) return true;
  return false;
}

}  // namespace trialmatch
