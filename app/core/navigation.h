// Which question to ask next, and when to stop.
//
// A question is asked only while it can still matter: it must apply (its ask_if is not
// false), be unanswered, and be able to change a criterion that is still undecided (or
// decide whether a later question that matters applies, or carry a safety trigger).
// The questionnaire stops when no such question is left, which includes the moment the
// person is definitely not eligible.
#pragma once

#include <vector>

#include "answer_classes.h"
#include "coded_answer.h"
#include "compiled_trial.h"
#include "evaluation.h"
#include "trial.h"

namespace trialmatch {

struct Progress {
  int next_question = -1;    // question index to ask next; -1 when the verdict is settled
  std::vector<int> history;  // answered questions that apply, in questionnaire order
  int step = 0;              // 1-based number of the next question ("3 of about 9")
  int estimated_total = 0;   // answered + still-relevant questions
  std::vector<int> relevant; // the questions that can still change the outcome, in order
};

// Per criterion its status, kept as one byte each (as live evaluation keeps its state: in one
// block of bytes), read as CriterionStatus.
class StatusBytes {
 public:
  explicit StatusBytes(const unsigned char* bytes) : bytes_(bytes) {}
  CriterionStatus operator[](int criterion) const { return static_cast<CriterionStatus>(bytes_[criterion]); }

 private:
  const unsigned char* bytes_;
};

class Navigator {
 public:
  explicit Navigator(const Trial& trial);  // the trial must outlive this

  Progress progress(const AnswerSet& answers, const Evaluation& evaluation) const;

  // Questions that can still change the outcome, in order (unanswered ones only).
  std::vector<int> relevant_questions(const AnswerSet& answers, const Evaluation& evaluation) const;
  // Whether no question is left that could change the outcome (progress's next_question
  // would be -1), found without listing them all.
  bool settled(const AnswerSet& answers, const Evaluation& evaluation) const;

  // Per question: whether it is relevant.
  std::vector<bool> relevant_flags(const AnswerSet& answers, const Evaluation& evaluation) const;

  // The same over coded answers, per-criterion statuses and per-question flags (1 or 0), as
  // live evaluation keeps them: all 0 once the person is not eligible.
  void mark_relevant(const CodedView& answers, Verdict verdict, StatusBytes statuses,
                     unsigned char* relevant) const;
  // Whether one question is relevant, given the criteria's statuses and which later questions
  // are: the rule mark_relevant applies to each question, from the last to the first (it does
  // not look at the verdict). LiveEvaluation applies it to the questions an answer can change.
  bool relevant_at(int question, const CodedView& answers, StatusBytes statuses,
                   const unsigned char* relevant) const;

  const std::vector<AnswerClass>& classes(int question_index) const { return classes_[static_cast<size_t>(question_index)]; }
  // The trial's conditions and lists, as live evaluation reads them.
  const CompiledTrial& compiled() const { return compiled_; }
  // This trial's compiled form (a copy of compiled()) laid out elsewhere
  // (CompiledTrial::lay_out_together).
  void lay_out(CompiledTrial compiled);
  const Trial& trial() const { return trial_; }

  // Whether an `out_of_reach` criterion fails: then only questions that call for crisis
  // support are still asked. (LiveEvaluation keeps this as a count instead.)
  bool out_of_reach(StatusBytes statuses) const;

 private:
  const Trial& trial_;
  std::vector<std::vector<AnswerClass>> classes_;  // per question
  // The criteria marked out_of_reach, with their kinds (read without the trial's tree).
  std::vector<std::pair<int, CriterionKind>> out_of_reach_;
  CompiledTrial compiled_;

  bool can_decide(int question, const CompiledTrial::CriterionEntry& criterion, const CodedView& answers) const;
  // Marks the relevant questions, from the last to the first; stops at the first one found
  // when `any` is set. Returns whether any is relevant.
  bool mark_relevant(const CodedView& answers, Verdict verdict, StatusBytes statuses, bool any,
                     unsigned char* relevant) const;
  // The same from the answers and their evaluation.
  bool mark_relevant(const AnswerSet& answers, const Evaluation& evaluation, bool any, std::vector<unsigned char>& relevant) const;
};

// Once a study is out of reach (an out_of_reach criterion fails), the questions still
// relevant are only those that call for crisis support (`has_safety(q)`), apply and are not
// answered yet: marks them in `relevant` (1 or 0) and returns whether any is. One rule for
// Navigator and for live evaluation, which reads the marks kept in its state.
template <class HasSafety>
bool mark_crisis_questions_only(const CodedView& answers, size_t questions, HasSafety has_safety,
                                unsigned char* relevant) {
  bool found = false;
  for (size_t i = 0; i < questions; ++i) {
    const int q = static_cast<int>(i);
    relevant[i] = has_safety(q) && answers.applies(q) && !answers.answered(q) ? 1 : 0;
    found = found || relevant[i];
  }
  return found;
}

// Progress from the answers, which questions apply, and which are relevant.
Progress make_progress(const AnswerSet& answers, const std::vector<bool>& applies, const std::vector<bool>& relevant);

}  // namespace trialmatch
