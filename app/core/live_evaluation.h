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
#include <memory>
#include <vector>

#include "evaluation.h"
#include "navigation.h"
#include "trial.h"

namespace trialmatch {

class LiveEvaluation {
 public:
  // What LiveEvaluation needs to know of a trial, worked out once from the trial alone: every
  // session of the trial can share one (a catalog's copies of a study do).
  class Plan {
   public:
    explicit Plan(const Trial& trial);  // the trial must outlive this
    const Trial& trial() const { return navigator_.trial(); }
    const Navigator& navigator() const { return navigator_; }

   private:
    friend class LiveEvaluation;
    Navigator navigator_;
    std::vector<int> gated_;  // the questions that have an ask_if, in order
    // Per question: kOpensLater, kNamesInSafety.
    enum : unsigned char { kOpensLater = 1, kNamesInSafety = 2 };
    std::vector<unsigned char> question_flags_;
    // Per question: how many questions an answer to it could make irrelevant (itself, the
    // questions whose ask_if it opens or closes, those named with them in a criterion, and the
    // questions those are gated by); kCanRuleOut when an answer could rule the person out.
    // With more relevant questions than that, no answer to it settles the outcome.
    static constexpr int kCanRuleOut = 1 << 30;
    std::vector<int> settle_reach_;
    int settle_reach(const Trial& trial, int question) const;
  };

  // The trial must outlive this.
  explicit LiveEvaluation(const Trial& trial);
  // The plan's trial (which must outlive this).
  explicit LiveEvaluation(std::shared_ptr<const Plan> plan);

  // Works everything out from scratch (a new session, "start over").
  void recompute(const AnswerSet& answers);
  // After answers[question] was given, replaced or cleared.
  void answer_changed(const AnswerSet& answers, int question);

  const Navigator& navigator() const { return plan_->navigator_; }
  const std::shared_ptr<const Plan>& plan() const { return plan_; }
  const Evaluation& evaluation() const { return state_.evaluation; }
  // Per question: whether it can still change the outcome (as Navigator::mark_relevant).
  const std::vector<bool>& relevant() const { return state_.relevant; }
  int first_relevant() const { return state_.first_relevant; }  // -1 when settled
  bool settled() const { return state_.relevant_count == 0; }
  // Reads the first bytes of each block of this evaluation's state (see Session::store_answer).
  int read_ahead() const {
    const Evaluation& e = state_.evaluation;
    return (e.criteria.empty() ? 0 : static_cast<int>(e.criteria.front().outcome)) +
           (state_.relevant.empty() ? 0 : static_cast<int>(state_.relevant[0])) +
           (e.applies.empty() ? 0 : static_cast<int>(e.applies[0]));
  }

  // Whether answering `question` with `answer` would settle the outcome. Changes nothing
  // that can be seen; works in scratch space, so it allocates nothing once warmed up.
  bool would_settle(const AnswerSet& answers, int question, const Answer& answer) const;

 private:
  struct State {
    Evaluation evaluation;            // `safety` is kept only in the real state
    std::array<int, 3> verdicts{};    // how many criteria give each verdict (by Verdict value)
    std::vector<bool> relevant;
    int relevant_count = 0;
    int first_relevant = -1;  // kept in the real state only
  };

  // Working space for one update, shared by every LiveEvaluation of the thread: a catalog
  // updates thousands of them one after the other, and one buffer that stays in the cache
  // beats one per study that must be fetched each time. Between updates the flags are all 0.
  struct Scratch {
    State tried;                      // would_settle's copy of the state
    std::vector<int> changed;         // questions whose answer or "applies" changed
    std::vector<char> marked;         // per question: in `changed`, or to look at again
    std::vector<char> criterion_seen; // per criterion: evaluated again already
  };
  Scratch& scratch() const;

  std::shared_ptr<const Plan> plan_;
  const Trial& trial_;
  State state_;

  // Brings `state` up to date after the answer to `question` changed: to answers[question],
  // or to `tried` when it is given (a hypothetical answer, which skips safety alerts).
  void update(State& state, const AnswerSet& answers, int question, const Answer* tried) const;
  void update_applies(State& state, const AnswerView& answers, int question, Scratch& scratch) const;
  void update_criteria(State& state, const AnswerView& answers, Scratch& scratch) const;
  void update_relevance(State& state, const AnswerView& answers, bool was_not_eligible, Scratch& scratch) const;
  void set_relevant(State& state, size_t question, bool relevant) const;
  static void find_first_relevant(State& state);
};

}  // namespace trialmatch
