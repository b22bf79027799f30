// What live evaluation reads of a trial on every answer, in one block of memory: each
// condition (ask_if, criterion rule) as a short program over coded answers, and per question
// and per criterion the lists and flags it needs.
//
// A catalog sends each answer to thousands of studies, each with its own trial. Read from the
// trial itself, one answer touched a dozen places per study (the questions, the criteria, the
// nodes of each rule, its list of questions, option ids), each far from the last, and waiting
// for memory was most of the time. Compiled, a study's facts are one block, read in a few steps.
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

  int question_count() const { return question_count_; }
  int criterion_count() const { return criterion_count_; }

  // Per question.
  bool has_ask_if(int q) const { return question(q).flags & kHasAskIf; }
  bool has_safety(int q) const { return question(q).flags & kHasSafety; }  // carries a safety trigger
  bool opens_later(int q) const { return question(q).flags & kOpensLater; }  // a later ask_if names it
  bool names_in_safety(int q) const { return question(q).flags & kNamesInSafety; }  // it or a trigger naming it
  Indexes ask_if_questions(int q) const { return list(question(q).ask_if_questions); }  // named by its ask_if
  Indexes criteria_naming(int q) const { return list(question(q).criteria_naming); }  // criteria whose rule names it
  Indexes later_questions_asking_if(int q) const { return list(question(q).later_asking); }  // whose ask_if names it
  Items<CodedAnswer> classes(int q) const;  // a representative of each answer class
  // How many questions an answer to it could make irrelevant (LiveEvaluation::would_settle),
  // or kCanRuleOut when an answer could rule the person out.
  static constexpr int kCanRuleOut = 1 << 30;
  int settle_reach(int q) const { return question(q).settle_reach; }
  // The questions that have an ask_if, in order.
  Indexes gated() const { return {lists_ + gated_.begin, lists_ + gated_.end}; }

  // Reads the facts an answer to the question then uses, in steps (LiveEvaluation::read_ahead):
  // 0 nothing, 1 the question's own, 2 its criteria's, 3 their rules' first bytes. Returns a
  // value of no meaning.
  int read_ahead(int q, int step) const;

  // Whether the question applies (as question_applies()): every question its ask_if names
  // applies, and the ask_if is not false.
  bool applies(int q, const CodedView& answers) const;

  // Per criterion.
  bool study_team_only(int c) const { return criterion(c).rule < 0; }
  Indexes rule_questions(int c) const { return list(criterion(c).rule_questions); }  // named by its rule
  Tri rule_value(int c, const CodedView& answers) const { return run(criterion(c).rule, answers); }
  // As evaluate_criterion().
  CriterionResult evaluate_criterion(int c, const CodedView& answers) const;
  // Whether one of question q's answer classes, tried as its answer with the other answers as
  // they are, decides criterion c's rule (makes it true or false).
  bool some_class_decides(int q, int c, const CodedView& answers) const;
  // For a criterion whose rule names one question: whether some answer to it decides the rule,
  // which no other answer changes, so it is worked out once. Otherwise kDependsOnAnswers.
  enum DecidesAlone : std::int8_t { kNeverDecides = 0, kCanDecide = 1, kDependsOnAnswers = -1 };
  DecidesAlone decides_alone(int c) const { return criterion(c).decides_alone; }

 private:
  struct Span {
    std::int32_t begin = 0, end = 0;  // into lists_ (or class_answers_)
  };
  enum : std::uint8_t { kHasAskIf = 1, kHasSafety = 2, kOpensLater = 4, kNamesInSafety = 8 };
  struct QuestionFacts {
    std::uint8_t flags = 0;
    std::int32_t settle_reach = 0;
    std::int32_t ask_if = -1;  // where its program starts in steps_, -1 when none
    Span ask_if_questions, criteria_naming, later_asking, classes;
  };
  struct CriterionFacts {
    CriterionKind kind = CriterionKind::Inclusion;
    WhenFails when_fails = WhenFails::Exclude;
    std::int32_t rule = -1;  // where its program starts in steps_, -1 when checked by the study team
    DecidesAlone decides_alone = kDependsOnAnswers;
    Span rule_questions;
  };
  // One node of a condition, its operands after it; `size` counts the node and its operands.
  struct Step {
    enum Op : std::uint8_t { True, False, Unknown, Not, And, Or, Equals, NotEquals, AnyOf, Compare };
    Op op = Unknown;
    CompareOp compare = CompareOp::Eq;
    CodedAnswer::Kind answer_kind = CodedAnswer::None;  // tests: the kind that fits the question
    std::int32_t size = 1;
    std::int32_t question = -1;
    std::uint32_t options = 0;  // Equals, NotEquals: the option's bit; AnyOf: the options' bits
    double value = 0;           // Compare
  };

  int question_count_ = 0;
  int criterion_count_ = 0;
  Span gated_;
  // One allocation holds every array below, one after the other; copies share it.
  std::shared_ptr<const std::uint64_t[]> block_;
  const QuestionFacts* questions_ = nullptr;
  const CriterionFacts* criteria_ = nullptr;
  const Step* steps_ = nullptr;
  const CodedAnswer* class_answers_ = nullptr;
  const std::int32_t* lists_ = nullptr;

  const QuestionFacts& question(int q) const { return questions_[static_cast<size_t>(q)]; }
  const CriterionFacts& criterion(int c) const { return criteria_[static_cast<size_t>(c)]; }
  Indexes list(Span s) const { return {lists_ + s.begin, lists_ + s.end}; }
  Tri run(std::int32_t at, const CodedView& answers) const;  // Unknown for at < 0

  class Builder;
};

}  // namespace trialmatch
