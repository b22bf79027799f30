// What live evaluation reads of a trial on every answer, in one block of memory: each
// condition (ask_if, criterion rule) as a short program over coded answers, and per question
// one record with everything an answer to it needs: its flags and lists, its answer classes,
// its ask_if, and each criterion whose rule names it with that rule's program.
//
// A catalog sends each answer to thousands of studies, each with its own trial. Read from the
// trial itself, one answer touched a dozen places per study (the questions, the criteria, the
// nodes of each rule, its list of questions, option ids), each far from the last, and waiting
// for memory was most of the time. Compiled, an answer reads one record of its study.
//
// The programs are a second form of the conditions, for speed: evaluate_node() stays the
// reference, and tests/unit/test_live_evaluation.cpp checks that both give the same value for
// every condition of the real trials on random answers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "coded_answer.h"
#include "evaluation.h"
#include "tri.h"
#include "trial.h"
#include "word_block.h"

namespace trialmatch {

struct AnswerClass;

// Runs a program (a condition compiled: its steps from word `program` on, each node before
// its operands) on the answers.
Tri run_program(const words::Word* program, const CodedView& answers);

// Copies share the block (and are as cheap as a few pointers).
class CompiledTrial {
 public:
  using Word = words::Word;
  // `classes[q]` are question q's answer classes (answer_classes()).
  CompiledTrial(const Trial& trial, const std::vector<std::vector<AnswerClass>>& classes);

  // A list in the block, read a value at a time (word_block.h).
  template <class T>
  using Items = words::Array<T>;
  using Indexes = Items<std::int32_t>;

  // For a criterion whose rule names one question: whether some answer to it decides the rule,
  // which no other answer changes, so it is worked out once. Otherwise kDependsOnAnswers.
  enum DecidesAlone : std::int8_t { kNeverDecides = 0, kCanDecide = 1, kDependsOnAnswers = -1 };

  // One node of a condition, its operands after it; `size` counts the node and its operands.
  struct Step {
    enum Op : std::uint8_t { True, False, Unknown, Not, And, Or, Equals, NotEquals, AnyOf, Compare };
    Op op = Unknown;
    std::uint8_t compare = 0;  // a CompareOp
    CodedAnswer::Kind answer_kind = CodedAnswer::None;  // tests: the kind that fits the question
    std::uint8_t unused = 0;
    std::uint16_t size = 1;      // a condition has far fewer nodes (input_limits.h)
    std::uint16_t question = 0;  // and a trial far fewer questions
    // Equals, NotEquals: the option's bit; AnyOf: the options' bits; Compare: the number's bits.
    std::uint64_t operand = 0;
  };

 private:
  // The layout of the block: where each part of a record starts, in words from the record's
  // start, worked out by the lay_out() functions here and nowhere else. The builder writes
  // each part where they say and keeps what they say in the head; every reader reads it there.
  // A head is written whole and read a field at a time (word_block.h).
  //
  // A criterion entry: this head, the questions its rule names, its rule's program.
  struct EntryHead {
    std::int32_t criterion = 0;
    std::uint8_t kind = 0;        // a trialmatch::CriterionKind
    std::uint8_t when_fails = 0;  // a WhenFails
    std::int8_t decides_alone = kDependsOnAnswers;
    std::uint8_t out_of_reach = 0;  // 1 if the criterion is marked out_of_reach (trial.h)
    std::uint32_t rule_questions = 0;  // how many
    std::uint32_t program_at = 0;
    std::uint32_t word_count = 0;  // the whole entry
    static constexpr std::size_t rule_questions_at() { return words::words_for<EntryHead>(); }
    // For a rule of `steps` steps.
    void lay_out(std::size_t steps) {
      program_at = static_cast<std::uint32_t>(rule_questions_at() + words::words_for<std::int32_t>(rule_questions));
      word_count = static_cast<std::uint32_t>(program_at + words::words_for<Step>(steps));
    }
  };
  // A question's record: this head; then the criteria whose rule names the question (what
  // every answer to it reads, so right after), the questions its ask_if names, the later
  // questions whose ask_if names it, its ask_if's program, and its classes (read only to
  // choose the next question).
  struct Record {
    std::uint8_t flags = 0;
    std::uint8_t unused[3] = {};
    std::int32_t settle_reach = 0;
    // How many (a multiple-choice question can have 65,536 classes).
    std::uint32_t ask_if_questions = 0;
    std::uint32_t later = 0;
    std::uint32_t classes = 0;
    // Where each part after the criteria starts (the criteria end where the first starts).
    std::uint32_t ask_if_questions_at = 0;
    std::uint32_t later_at = 0;
    std::uint32_t ask_if_at = 0;
    std::uint32_t classes_at = 0;
    std::uint32_t word_count = 0;  // the whole record
    static constexpr std::size_t criteria_at() { return words::words_for<Record>(); }
    // For criteria entries of `criteria_words` words in all, and an ask_if of `ask_if_steps` steps.
    void lay_out(std::size_t criteria_words, std::size_t ask_if_steps) {
      ask_if_questions_at = static_cast<std::uint32_t>(criteria_at() + criteria_words);
      later_at = static_cast<std::uint32_t>(ask_if_questions_at + words::words_for<std::int32_t>(ask_if_questions));
      ask_if_at = static_cast<std::uint32_t>(later_at + words::words_for<std::int32_t>(later));
      classes_at = static_cast<std::uint32_t>(ask_if_at + words::words_for<Step>(ask_if_steps));
      word_count = static_cast<std::uint32_t>(classes_at + words::words_for<CodedAnswer>(classes));
    }
  };

 public:
  // A criterion whose rule names a question, as that question's record holds it.
  class CriterionEntry {
   public:
    int index() const { return field(&EntryHead::criterion); }
    DecidesAlone decides_alone() const { return static_cast<DecidesAlone>(field(&EntryHead::decides_alone)); }
    bool out_of_reach() const { return field(&EntryHead::out_of_reach) != 0; }
    CriterionKind kind() const { return static_cast<CriterionKind>(field(&EntryHead::kind)); }
    // The questions its rule names.
    Indexes rule_questions() const { return {at_ + EntryHead::rule_questions_at(), field(&EntryHead::rule_questions)}; }
    Tri rule_value(const CodedView& answers) const { return run_program(program(), answers); }
    CriterionResult evaluate(const CodedView& answers) const {  // as evaluate_criterion()
      return criterion_result(index(), kind(),
                              static_cast<WhenFails>(field(&EntryHead::when_fails)), rule_value(answers));
    }
    // Whether one of the classes, tried as question q's answer with the other answers as they
    // are, decides the rule (makes it true or false).
    bool some_class_decides(int q, Items<CodedAnswer> classes, const CodedView& answers) const;

   private:
    friend class CompiledTrial;
    const Word* at_ = nullptr;
    explicit CriterionEntry(const Word* at) : at_(at) {}
    template <class F>
    F field(F EntryHead::*f) const { return words::read_field(at_, f); }
    const Word* program() const { return at_ + field(&EntryHead::program_at); }
  };
  // The criteria naming a question, in criterion order.
  class CriterionEntries {
   public:
    struct Iterator {
      const Word* at;
      CriterionEntry operator*() const { return CriterionEntry(at); }
      Iterator& operator++() {
        at += words::read_field(at, &EntryHead::word_count);
        return *this;
      }
      bool operator!=(const Iterator& other) const { return at != other.at; }
    };
    Iterator begin() const { return {first_}; }
    Iterator end() const { return {last_}; }

   private:
    friend class CompiledTrial;
    const Word* first_ = nullptr;
    const Word* last_ = nullptr;
  };

  int question_count() const { return question_count_; }
  int criterion_count() const { return criterion_count_; }

  // Per question, from its record.
  bool has_ask_if(int q) const { return field(q, &Record::flags) & kHasAskIf; }
  bool has_safety(int q) const { return field(q, &Record::flags) & kHasSafety; }  // carries a safety trigger
  bool opens_later(int q) const { return field(q, &Record::flags) & kOpensLater; }  // a later ask_if names it
  bool names_in_safety(int q) const { return field(q, &Record::flags) & kNamesInSafety; }  // it or a trigger naming it
  // Named by its ask_if.
  Indexes ask_if_questions(int q) const {
    return {record_words(q) + field(q, &Record::ask_if_questions_at), field(q, &Record::ask_if_questions)};
  }
  // Later questions whose ask_if names it.
  Indexes later_questions_asking_if(int q) const { return {record_words(q) + field(q, &Record::later_at), field(q, &Record::later)}; }
  // A representative of each answer class.
  Items<CodedAnswer> classes(int q) const { return {record_words(q) + field(q, &Record::classes_at), field(q, &Record::classes)}; }
  // The criteria whose rule names it.
  CriterionEntries criteria_naming(int q) const {
    CriterionEntries out;
    out.first_ = record_words(q) + Record::criteria_at();
    out.last_ = record_words(q) + field(q, &Record::ask_if_questions_at);
    return out;
  }
  // How many questions an answer to it could make irrelevant (LiveEvaluation::would_settle),
  // plus kCanStop when an answer could also put the study out of reach (its questions stop but
  // for the crisis questions still to answer), or kCanRuleOut when an answer could rule the
  // person out.
  static constexpr int kCanRuleOut = 1 << 30;
  static constexpr int kCanStop = 1 << 29;
  int settle_reach(int q) const { return field(q, &Record::settle_reach); }
  // Whether the question applies (as question_applies()): every question its ask_if names
  // applies, and the ask_if is not false.
  bool applies(int q, const CodedView& answers) const;

  // The questions that have an ask_if, in order.
  Indexes gated() const { return {lists_, gated_count_}; }

  // Copies of `trials` whose parts all lie in one block, in the order a catalog reads them: the
  // record of question `order[i].second` of trial `order[i].first`, for each i in turn (so the
  // records of one catalog question, study after study, are read in a row: an answer reads one
  // of each study that asks it), then any record not in `order`; then every trial's table of
  // where its records are, in the order of `trials`, and their lists. Each copy answers as its
  // trial does.
  static std::vector<CompiledTrial> lay_out_together(const std::vector<CompiledTrial>& trials,
                                                     const std::vector<std::pair<int, int>>& order);

 private:
  enum : std::uint8_t { kHasAskIf = 1, kHasSafety = 2, kOpensLater = 4, kNamesInSafety = 8 };
  int question_count_ = 0;
  int criterion_count_ = 0;
  std::size_t gated_count_ = 0;
  // One allocation holds every array below, one after the other; copies share it, and no one
  // writes to it once it is made.
  std::shared_ptr<const Word[]> block_;
  const Word* record_at_ = nullptr;  // per question (std::int32_t): where its record starts in records_
  const Word* records_ = nullptr;
  const Word* lists_ = nullptr;  // the questions that have an ask_if (std::int32_t)

  const Word* record_words(int q) const { return records_ + words::read<std::int32_t>(record_at_, static_cast<std::size_t>(q)); }
  template <class F>
  F field(int q, F Record::*f) const { return words::read_field(record_words(q), f); }

  class Builder;
};

}  // namespace trialmatch
