#include "compiled_trial.h"

#include <algorithm>
#include <type_traits>

#include "answer_classes.h"
#include "input_limits.h"

namespace trialmatch {

namespace {

using Step = CompiledTrial::Step;
using words::Word;
// A step's size and question fit in 16 bits: a condition is at most kMaxConditionLength
// bytes, and a trial file has at most kMaxValues values.
static_assert(limits::kMaxConditionLength < 65536 && limits::kMaxValues < 65536, "Step::size, Step::question");
// Question and criterion indexes are written from ints and read as 32-bit ints.
static_assert(std::is_same<int, std::int32_t>::value, "an index is written as an int and read as an int32_t");

// Whether one of the classes (a list of coded answers), tried as question q's answer with the
// other answers as they are, makes the program true or false.
template <class Classes>
bool some_class_decides(const Word* program, int q, const Classes& classes, const CodedView& answers) {
  for (const CodedAnswer k : classes)  // a copy, which the view reads while it runs
    if (run_program(program, answers.probing(q, &k)) != Tri::Unknown) return true;
  return false;
}

// A block no one writes to once it is made, holding the words (at least one: never empty).
std::shared_ptr<const Word[]> make_block(const std::vector<Word>& words) {
  std::shared_ptr<Word[]> block(new Word[std::max<size_t>(words.size(), 1)]());
  std::copy(words.begin(), words.end(), block.get());
  return block;
}

}  // namespace

// The step at word `step`, its operands after it. A step is read a field at a time.
Tri run_program(const Word* step, const CodedView& answers) {
  const Step::Op op = words::read_field(step, &Step::op);
  const Word* operand = words::after<Step>(step);
  switch (op) {
    case Step::True: return Tri::True;
    case Step::False: return Tri::False;
    case Step::Unknown: return Tri::Unknown;
    case Step::Not: return tri_not(run_program(operand, answers));
    case Step::And: {
      const Tri left = run_program(operand, answers);
      if (left == Tri::False) return Tri::False;
      return tri_and(left, run_program(words::after<Step>(operand, words::read_field(operand, &Step::size)), answers));
    }
    case Step::Or: {
      const Tri left = run_program(operand, answers);
      if (left == Tri::True) return Tri::True;
      return tri_or(left, run_program(words::after<Step>(operand, words::read_field(operand, &Step::size)), answers));
    }
    default: break;
  }
  const CodedAnswer* a = answers.answer_at(words::read_field(step, &Step::question));
  // An answer of another kind cannot reach here (answers fit their questions); unknown is safe.
  if (!a || a->kind != words::read_field(step, &Step::answer_kind)) return Tri::Unknown;
  const std::uint64_t bits = words::read_field(step, &Step::operand);
  switch (op) {
    case Step::Equals: return tri_from_bool(a->options == bits);
    case Step::NotEquals: return tri_from_bool(a->options != bits);
    case Step::AnyOf: return tri_from_bool((a->options & bits) != 0);
    case Step::Compare:
      return compare_numbers(a->number, static_cast<CompareOp>(words::read_field(step, &Step::compare)),
                             words::bit_cast<double>(bits));
    default: return Tri::Unknown;
  }
}

// Works out every part of every record, then writes each record's parts where its head says
// they go (CompiledTrial::Record, EntryHead).
class CompiledTrial::Builder {
 public:
  Builder(const Trial& trial, const std::vector<std::vector<AnswerClass>>& classes)
      : trial_(trial), criteria_naming_(trial.questions.size()), later_asking_(trial.questions.size()),
        heads_(trial.questions.size()), coded_(trial.questions.size()), none_(trial.questions.size()),
        all_apply_(trial.questions.size(), 1) {
    mark_questions();
    // Each rule's program, copied into the record of each question it names.
    rule_at_.assign(trial.criteria.size(), 0);
    for (size_t c = 0; c < trial.criteria.size(); ++c)
      if (trial.criteria[c].rule) {
        rule_at_[c] = steps_.size();
        compile(*trial.criteria[c].rule, steps_);
      }
    for (const Question& q : trial.questions)
      for (const AnswerClass& k : classes[static_cast<size_t>(q.index)])
        coded_[static_cast<size_t>(q.index)].push_back(code_answer(q, k.representative));
    for (const Question& q : trial.questions) add_record(q);
  }

  std::vector<std::int32_t> record_at;  // per question: where its record starts in `records`
  std::vector<Word> records;
  std::vector<std::int32_t> gated;  // the questions that have an ask_if

 private:
  const Trial& trial_;
  std::vector<std::vector<int>> criteria_naming_, later_asking_;  // per question
  std::vector<Record> heads_;                                     // per question: its flags
  std::vector<Step> steps_;                                       // every rule's program
  std::vector<size_t> rule_at_;                                   // per criterion: where its program starts
  std::vector<std::vector<CodedAnswer>> coded_;                   // per question: its classes
  // No answer given, every question applying: where decides_alone is worked out.
  const std::vector<CodedAnswer> none_;
  const std::vector<unsigned char> all_apply_;

  // Which criteria name each question, which questions have an ask_if and which open later
  // ones, and the flags.
  void mark_questions() {
    for (size_t c = 0; c < trial_.criteria.size(); ++c)
      if (trial_.criteria[c].rule)
        for (int ref : referenced_questions(*trial_.criteria[c].rule))
          criteria_naming_[static_cast<size_t>(ref)].push_back(static_cast<int>(c));
    for (const Question& q : trial_.questions) {
      Record& head = heads_[static_cast<size_t>(q.index)];
      if (q.ask_if) {
        head.flags |= kHasAskIf;
        gated.push_back(q.index);
        for (int ref : referenced_questions(*q.ask_if)) {
          heads_[static_cast<size_t>(ref)].flags |= kOpensLater;
          later_asking_[static_cast<size_t>(ref)].push_back(q.index);
        }
      }
      if (q.safety) {
        head.flags |= kHasSafety | kNamesInSafety;
        for (int ref : referenced_questions(q.safety->when)) heads_[static_cast<size_t>(ref)].flags |= kNamesInSafety;
      }
    }
  }

  void add_record(const Question& q) {
    const auto i = static_cast<size_t>(q.index);
    const std::vector<Word> entries = criterion_entries(q.index);
    const std::vector<int> ask_if_questions = q.ask_if ? referenced_questions(*q.ask_if) : std::vector<int>{};
    std::vector<Step> ask_if;
    if (q.ask_if) compile(*q.ask_if, ask_if);
    Record head = heads_[i];
    head.settle_reach = settle_reach(q.index);
    head.ask_if_questions = static_cast<std::uint32_t>(ask_if_questions.size());
    head.later = static_cast<std::uint32_t>(later_asking_[i].size());
    head.classes = static_cast<std::uint32_t>(coded_[i].size());
    head.lay_out(entries.size(), ask_if.size());
    const size_t at = records.size();
    record_at.push_back(static_cast<std::int32_t>(at));
    records.resize(at + head.word_count, 0);
    Word* record = records.data() + at;
    words::write(record, &head);
    words::write(record + Record::criteria_at(), entries.data(), entries.size());
    words::write(record + head.ask_if_questions_at, ask_if_questions.data(), ask_if_questions.size());
    words::write(record + head.later_at, later_asking_[i].data(), later_asking_[i].size());
    words::write(record + head.ask_if_at, ask_if.data(), ask_if.size());
    words::write(record + head.classes_at, coded_[i].data(), coded_[i].size());
  }

  // The entries of the criteria whose rule names the question, one after the other.
  std::vector<Word> criterion_entries(int question) const {
    std::vector<Word> out;
    const CodedView nothing(none_.data(), all_apply_.data());
    for (int c : criteria_naming_[static_cast<size_t>(question)]) {
      const trialmatch::Criterion& criterion = trial_.criteria[static_cast<size_t>(c)];
      const std::vector<int>& named = referenced_questions(*criterion.rule);
      const Step* program = &steps_[rule_at_[static_cast<size_t>(c)]];
      EntryHead head;
      head.criterion = c;
      head.kind = static_cast<std::uint8_t>(criterion.kind);
      head.when_fails = static_cast<std::uint8_t>(criterion.when_fails);
      head.out_of_reach = criterion.out_of_reach ? 1 : 0;
      head.rule_questions = static_cast<std::uint32_t>(named.size());
      head.lay_out(program->size);
      const size_t at = out.size();
      out.resize(at + head.word_count, 0);
      Word* entry = out.data() + at;
      words::write(entry + EntryHead::rule_questions_at(), named.data(), named.size());
      words::write(entry + head.program_at, program, program->size);
      // Whether some answer alone decides a rule that names one question, worked out once on
      // the compiled rule itself, with no other answer given and every question applying.
      if (named.size() == 1)
        head.decides_alone = some_class_decides(entry + head.program_at, question, coded_[static_cast<size_t>(question)], nothing)
                                 ? kCanDecide
                                 : kNeverDecides;
      words::write(entry, &head);
    }
    return out;
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
      s.operand = words::bit_cast<std::uint64_t>(node.numeric_values.front());
      return s;
    }
    s.operand = 0;
    for (const Literal& lit : node.values) s.operand |= code_answer(q, Answer::of_choice(lit.text)).options;
    if (node.kind == ConditionNode::Kind::Compare) s.op = node.op == CompareOp::Ne ? Step::NotEquals : Step::Equals;
    else s.op = Step::AnyOf;  // "in" for one choice, "has" for several
    return s;
  }

  // See settle_reach(): itself, the questions whose "applies" it can change, the questions
  // named by the criteria those feed, and the questions that gate any of these.
  std::int32_t settle_reach(int question) const {
    std::vector<char> reached(trial_.questions.size(), 0);
    reached[static_cast<size_t>(question)] = 1;
    for (int j : gated)
      for (int ref : referenced_questions(*trial_.questions[static_cast<size_t>(j)].ask_if))
        if (reached[static_cast<size_t>(ref)]) reached[static_cast<size_t>(j)] = 1;
    const std::vector<char> changed = reached;
    bool can_stop = false;
    for (size_t x = 0; x < changed.size(); ++x) {
      if (!changed[x]) continue;
      for (int c : criteria_naming_[x]) {
        const trialmatch::Criterion& criterion = trial_.criteria[static_cast<size_t>(c)];
        // Ruling out stops every question at once; putting the study out of reach every one
        // but the crisis questions still to answer.
        if (criterion.when_fails == WhenFails::Exclude) return kCanRuleOut;
        can_stop = can_stop || criterion.out_of_reach;
        for (int ref : referenced_questions(*criterion.rule)) reached[static_cast<size_t>(ref)] = 1;
      }
    }
    // A question is relevant while a later one its ask_if opens is: the gates, from the last.
    for (size_t x = reached.size(); x-- > 0;) {
      const Question& q = trial_.questions[x];
      if (reached[x] && q.ask_if)
        for (int ref : referenced_questions(*q.ask_if)) reached[static_cast<size_t>(ref)] = 1;
    }
    return static_cast<std::int32_t>(std::count(reached.begin(), reached.end(), 1)) | (can_stop ? kCanStop : 0);
  }
};

CompiledTrial::CompiledTrial(const Trial& trial, const std::vector<std::vector<AnswerClass>>& classes)
    : question_count_(static_cast<int>(trial.questions.size())), criterion_count_(static_cast<int>(trial.criteria.size())) {
  const Builder b(trial, classes);
  gated_count_ = b.gated.size();
  // The records first, so an answer's reads start at the block's beginning.
  std::vector<Word> all;
  const size_t at_records = all.size();
  all.insert(all.end(), b.records.begin(), b.records.end());
  const size_t at_table = words::append(all, b.record_at);
  const size_t at_lists = words::append(all, b.gated);
  block_ = make_block(all);
  record_at_ = block_.get() + at_table;
  records_ = block_.get() + at_records;
  lists_ = block_.get() + at_lists;
}

std::vector<CompiledTrial> CompiledTrial::lay_out_together(const std::vector<CompiledTrial>& trials,
                                                           const std::vector<std::pair<int, int>>& order) {
  // Each record once, where it goes (in words from the block's start), in the order asked,
  // then the others.
  std::vector<Word> all;
  std::vector<std::vector<std::int32_t>> record_at(trials.size());
  for (size_t t = 0; t < trials.size(); ++t) record_at[t].assign(static_cast<size_t>(trials[t].question_count_), -1);
  auto place = [&](size_t t, int q) {
    std::int32_t& at = record_at[t][static_cast<size_t>(q)];
    if (at >= 0) return;
    at = static_cast<std::int32_t>(all.size());
    const Word* record = trials[t].record_words(q);
    all.insert(all.end(), record, record + trials[t].field(q, &Record::word_count));
  };
  for (const auto& [t, q] : order) place(static_cast<size_t>(t), q);
  for (size_t t = 0; t < trials.size(); ++t)
    for (int q = 0; q < trials[t].question_count_; ++q) place(t, q);
  // Then the tables, and the lists.
  std::vector<size_t> table_at, lists_at;
  for (size_t t = 0; t < trials.size(); ++t) table_at.push_back(words::append(all, record_at[t]));
  for (const CompiledTrial& trial : trials) {
    const Indexes gated = trial.gated();
    lists_at.push_back(words::append(all, std::vector<std::int32_t>(gated.begin(), gated.end())));
  }
  const std::shared_ptr<const Word[]> block = make_block(all);
  std::vector<CompiledTrial> out;
  for (size_t t = 0; t < trials.size(); ++t) {
    CompiledTrial c = trials[t];
    c.record_at_ = block.get() + table_at[t];
    c.records_ = block.get();
    c.lists_ = block.get() + lists_at[t];
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
  return run_program(record_words(q) + field(q, &Record::ask_if_at), answers) != Tri::False;
}

bool CompiledTrial::CriterionEntry::some_class_decides(int q, Items<CodedAnswer> classes, const CodedView& answers) const {
  return trialmatch::some_class_decides(program(), q, classes, answers);
}

}  // namespace trialmatch
