// One person's evaluation of one trial, and which questions can still change the outcome,
// kept up to date answer by answer.
//
// An answer can change only the criteria whose rule names its question (or a question whose
// ask_if it opens or closes), and the relevance of the questions those criteria name and of
// the questions that gate them; only those are worked out again, and the verdict comes from a
// count of criteria per verdict. A catalog sends each answer to thousands of studies, and
// evaluating every whole trial again was most of the time per answer. The results are those of
// evaluate() and Navigator::mark_relevant on the same answers (tests/unit/test_live_evaluation
// checks this on random answer sequences over the real trials).
#pragma once

#include <array>
#include <vector>

#include "evaluation.h"
#include "navigation.h"
#include "trial.h"

namespace trialmatch {

class LiveEvaluation {
 public:
  // The trial must outlive this.
  explicit LiveEvaluation(const Trial& trial);

  // Works everything out from scratch (a new session, "start over").
  void recompute(const AnswerSet& answers);
  // After answers[question] was given, replaced or cleared.
  void answer_changed(const AnswerSet& answers, int question);

  const Navigator& navigator() const { return navigator_; }
  const Evaluation& evaluation() const { return state_.evaluation; }
  // Per question: whether it can still change the outcome (as Navigator::mark_relevant).
  const std::vector<bool>& relevant() const { return state_.relevant; }
  int first_relevant() const;  // -1 when settled
  bool settled() const { return state_.relevant_count == 0; }

  // Whether answering `question` with `answer` would settle the outcome. Changes nothing
  // that can be seen; works in scratch space, so it allocates nothing once warmed up.
  bool would_settle(const AnswerSet& answers, int question, const Answer& answer) const;

 private:
  struct State {
    Evaluation evaluation;            // `safety` is kept only in the real state
    std::array<int, 3> verdicts{};    // how many criteria give each verdict (by Verdict value)
    std::vector<bool> relevant;
    int relevant_count = 0;
  };

  const Trial& trial_;
  Navigator navigator_;
  std::vector<bool> names_in_safety_;  // per question: a safety trigger's question, or named by one
  State state_;
  // Scratch space, reused so an answer allocates nothing.
  mutable State tried_;
  mutable std::vector<int> changed_;      // questions whose answer or "applies" changed
  mutable std::vector<char> marked_;      // per question: in changed_ / to look at again
  mutable std::vector<char> criterion_seen_;

  // Brings `state` up to date after the answer to `question` changed: to answers[question],
  // or to `tried` when it is given (a hypothetical answer, which skips safety alerts).
  void update(State& state, const AnswerSet& answers, int question, const Answer* tried) const;
  void update_applies(State& state, const AnswerView& answers, int question) const;
  void update_criteria(State& state, const AnswerView& answers) const;
  void update_relevance(State& state, const AnswerView& answers, bool was_not_eligible) const;
  void set_relevant(State& state, size_t question, bool relevant) const;
};

}  // namespace trialmatch
