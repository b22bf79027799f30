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

#include <cstdint>
#include <memory>
#include <vector>

#include "coded_answer.h"
#include "evaluation.h"
#include "tri.h"
#include "trial.h"

namespace trialmatch {

struct AnswerClass;

// Copies share the block (and are as cheap as a few pointers).
class CompiledTrial {
 public:
  // `classes[q]` are question q's answer classes (answer_classes()).
  CompiledTrial(const Trial& trial, const std::vector<std::vector<AnswerClass>>& classes);

  template <class T>
  struct Items {
    const T* first = nullptr;
    const T* last = nullptr;
    const T* begin() const { return first; }
    const T* end() const { return last; }
    bool empty() const { return first == last; }
    size_t size() const { return static_cast<size_t>(last - first); }
    const T& operator[](size_t i) const { return first[i]; }
  };
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
    union {
      std::uint64_t options = 0;  // Equals, NotEquals: the option's bit; AnyOf: the options' bits
      double value;               // Compare
    };
  };

  // A criterion whose rule names a question, as that question's record holds it.
  class CriterionEntry {
   public:
    int index() const { return head().criterion; }
    DecidesAlone decides_alone() const { return static_cast<DecidesAlone>(head().decides_alone); }
    Indexes rule_questions() const;  // the questions its rule names
    Tri rule_value(const CodedView& answers) const;
    CriterionResult evaluate(const CodedView& answers) const;  // as evaluate_criterion()
    // Whether one of the classes, tried as question q's answer with the other answers as they
    // are, decides the rule (makes it true or false).
    bool some_class_decides(int q, Items<CodedAnswer> classes, const CodedView& answers) const;

   private:
    friend class CompiledTrial;
    struct Head {
      std::int32_t criterion = 0;
      std::uint8_t kind = 0;        // a trialmatch::CriterionKind
      std::uint8_t when_fails = 0;  // a WhenFails
      std::int8_t decides_alone = kDependsOnAnswers;
      std::uint8_t unused = 0;
      std::uint32_t rule_questions = 0;
      std::uint32_t steps = 0;
      std::uint32_t words = 0;  // the whole entry, in 8-byte words
    };
    const std::uint64_t* at_ = nullptr;
    explicit CriterionEntry(const std::uint64_t* at) : at_(at) {}
    const Head& head() const { return *reinterpret_cast<const Head*>(at_); }
    const Step* program() const;
  };
  // The criteria naming a question, in criterion order.
  class CriterionEntries {
   public:
    struct Iterator {
      const std::uint64_t* at;
      CriterionEntry operator*() const { return CriterionEntry(at); }
      Iterator& operator++() {
        at += CriterionEntry(at).head().words;
        return *this;
      }
      bool operator!=(const Iterator& other) const { return at != other.at; }
    };
    Iterator begin() const { return {first_}; }
    Iterator end() const { return {last_}; }

   private:
    friend class CompiledTrial;
    const std::uint64_t* first_ = nullptr;
    const std::uint64_t* last_ = nullptr;
  };

  int question_count() const { return question_count_; }
  int criterion_count() const { return criterion_count_; }

  // Per question, from its record.
  bool has_ask_if(int q) const { return record(q).flags & kHasAskIf; }
  bool has_safety(int q) const { return record(q).flags & kHasSafety; }  // carries a safety trigger
  bool opens_later(int q) const { return record(q).flags & kOpensLater; }  // a later ask_if names it
  bool names_in_safety(int q) const { return record(q).flags & kNamesInSafety; }  // it or a trigger naming it
  // Named by its ask_if.
  Indexes ask_if_questions(int q) const {
    const std::int32_t* first = part<std::int32_t>(q, record(q).ask_if_questions_at);
    return {first, first + record(q).ask_if_questions};
  }
  // Later questions whose ask_if names it.
  Indexes later_questions_asking_if(int q) const {
    const std::int32_t* first = part<std::int32_t>(q, record(q).later_at);
    return {first, first + record(q).later};
  }
  // A representative of each answer class.
  Items<CodedAnswer> classes(int q) const {
    const CodedAnswer* first = part<CodedAnswer>(q, record(q).classes_at);
    return {first, first + record(q).classes};
  }
  // The criteria whose rule names it.
  CriterionEntries criteria_naming(int q) const {
    CriterionEntries out;
    out.first_ = record_words(q) + kRecordWords;
    out.last_ = record_words(q) + record(q).ask_if_questions_at;
    return out;
  }
  // How many questions an answer to it could make irrelevant (LiveEvaluation::would_settle),
  // or kCanRuleOut when an answer could rule the person out.
  static constexpr int kCanRuleOut = 1 << 30;
  int settle_reach(int q) const { return record(q).settle_reach; }
  // Whether the question applies (as question_applies()): every question its ask_if names
  // applies, and the ask_if is not false.
  bool applies(int q, const CodedView& answers) const;

  // The questions that have an ask_if, in order.
  Indexes gated() const { return {lists_ + gated_.begin, lists_ + gated_.end}; }

  // Copies of `trials` whose parts all lie in one block, in the order a catalog reads them: the
  // record of question `order[i].second` of trial `order[i].first`, for each i in turn (so the
  // records of one catalog question, study after study, are read in a row: an answer reads one
  // of each study that asks it), then any record not in `order`; then every trial's table of
  // where its records are, in the order of `trials`, and their lists. Each copy answers as its
  // trial does.
  static std::vector<CompiledTrial> lay_out_together(const std::vector<CompiledTrial>& trials,
                                                     const std::vector<std::pair<int, int>>& order);

 private:
  struct Span {
    std::int32_t begin = 0, end = 0;  // into lists_ (which holds `gated` only)
  };
  enum : std::uint8_t { kHasAskIf = 1, kHasSafety = 2, kOpensLater = 4, kNamesInSafety = 8 };
  // A question's record starts with this; then the criteria whose rule names it (what every
  // answer to it reads, so right after), the questions its ask_if names, the later questions
  // whose ask_if names it, its ask_if's program, and its classes (read only to choose the next
  // question). Where each part starts is kept, in 8-byte words from the record's start.
  struct Record {
    std::uint8_t flags = 0;
    std::uint8_t unused[3] = {};
    std::int32_t settle_reach = 0;
    // Counts (a multiple-choice question can have 65,536 classes).
    std::uint32_t ask_if_questions = 0;
    std::uint32_t later = 0;
    std::uint32_t classes = 0;
    // Where each part after the criteria starts (the criteria end where the first starts).
    std::uint32_t ask_if_questions_at = 0;
    std::uint32_t later_at = 0;
    std::uint32_t ask_if_at = 0;
    std::uint32_t classes_at = 0;
  };
  static constexpr size_t kRecordWords = (sizeof(Record) + 7) / 8;
  int question_count_ = 0;
  int criterion_count_ = 0;
  Span gated_;
  // One allocation holds every array below, one after the other; copies share it.
  std::shared_ptr<const std::uint64_t[]> block_;
  const std::int32_t* record_at_ = nullptr;  // per question: where its record starts in records_
  const std::uint64_t* records_ = nullptr;
  const std::int32_t* lists_ = nullptr;

  const std::uint64_t* record_words(int q) const { return records_ + record_at_[q]; }
  // In words: its classes are its last part.
  size_t record_size(int q) const { return record(q).classes_at + record(q).classes * sizeof(CodedAnswer) / 8; }
  const Record& record(int q) const { return *reinterpret_cast<const Record*>(record_words(q)); }
  template <class T>
  const T* part(int q, std::uint32_t at) const { return reinterpret_cast<const T*>(record_words(q) + at); }

  class Builder;
};

static_assert(sizeof(CompiledTrial::Step) == 16 && sizeof(CodedAnswer) == 16,
              "the block's parts are counted in 8-byte words, two per step and per coded answer");

// Runs a program (a condition's first step) on the answers.
Tri run_program(const CompiledTrial::Step* step, const CodedView& answers);

// What every answer runs for every study that asks the question, here so it is inlined.
inline CompiledTrial::Indexes CompiledTrial::CriterionEntry::rule_questions() const {
  const auto* first = reinterpret_cast<const std::int32_t*>(at_ + (sizeof(Head) + 7) / 8);
  return {first, first + head().rule_questions};
}

inline const CompiledTrial::Step* CompiledTrial::CriterionEntry::program() const {
  return reinterpret_cast<const Step*>(at_ + (sizeof(Head) + 7) / 8 + (head().rule_questions * sizeof(std::int32_t) + 7) / 8);
}

inline Tri CompiledTrial::CriterionEntry::rule_value(const CodedView& answers) const { return run_program(program(), answers); }

inline CriterionResult CompiledTrial::CriterionEntry::evaluate(const CodedView& answers) const {
  return criterion_result(index(), static_cast<CriterionKind>(head().kind), static_cast<WhenFails>(head().when_fails),
                          rule_value(answers));
}

}  // namespace trialmatch
