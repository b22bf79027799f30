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
    const CompiledTrial& compiled() const { return navigator_.compiled(); }

   private:
    friend class LiveEvaluation;
    Navigator navigator_;
    // Before any answer: the evaluation, and which questions are relevant.
    Evaluation blank_;
    std::vector<bool> blank_relevant_;
  };

  // The trial must outlive this.
  explicit LiveEvaluation(const Trial& trial);
  // The plan's trial (which must outlive this).
  explicit LiveEvaluation(std::shared_ptr<const Plan> plan);

  // Back to before any answer (a new session, "start over"): copied from the plan, so the
  // trial itself is not read (a catalog's thousands of trials would crowd the cache out).
  void reset();
  // Records the coded form of answers[question] (given, replaced or cleared); then
  // answer_changed brings everything up to date.
  void store(int question, const CodedAnswer& answer) { state_.answers[static_cast<size_t>(question)] = answer; }
  void answer_changed(const AnswerSet& answers, int question);

  const Navigator& navigator() const { return plan_->navigator(); }
  const std::shared_ptr<const Plan>& plan() const { return plan_; }
  const Evaluation& evaluation() const { return state_.evaluation; }
  // Per question: whether it can still change the outcome (as Navigator::mark_relevant).
  const std::vector<bool>& relevant() const { return state_.relevant; }
  int first_relevant() const { return state_.first_relevant; }  // -1 when settled
  bool settled() const { return state_.relevant_count == 0; }
  bool answered(int question) const { return state_.answers[static_cast<size_t>(question)].kind != CodedAnswer::None; }
  // Reads the memory an answer to `question` then uses, in steps, each reading what the next
  // needs to find: 0 this object, 1 the state and the question's compiled facts, 2 and 3 the
  // facts of the criteria naming it and their rules. A catalog takes each step for many
  // studies in a row (CatalogSession::answer). Returns a value of no meaning.
  static constexpr int kReadSteps = 4;
  int read_ahead(int question, int step) const;

  // Whether answering `question` with `answer` would settle the outcome. Changes nothing
  // that can be seen; works in scratch space, so it allocates nothing once warmed up.
  bool would_settle(int question, const CodedAnswer& answer) const;

 private:
  struct State {
    Evaluation evaluation;            // `safety` is kept only in the real state
    std::array<int, 3> verdicts{};    // how many criteria give each verdict (by Verdict value)
    std::vector<bool> relevant;
    int relevant_count = 0;
    int first_relevant = -1;  // kept in the real state only
    std::vector<CodedAnswer> answers;  // kept in the real state only (a tried answer is beside it)
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
  // A copy of the plan's (it shares the block): one step less from a session to the block.
  const CompiledTrial compiled_;
  State state_;

  // Brings `state` up to date after the answer to `question` changed: to the stored answer,
  // or to `tried` when it is given (a hypothetical answer, which skips safety alerts).
  void update(State& state, const AnswerSet* answers, int question, const CodedAnswer* tried) const;
  void update_applies(State& state, const CodedView& answers, int question, Scratch& scratch) const;
  void update_criteria(State& state, const CodedView& answers, Scratch& scratch) const;
  void update_relevance(State& state, const CodedView& answers, bool was_not_eligible, Scratch& scratch) const;
  void set_relevant(State& state, size_t question, bool relevant) const;
  static void find_first_relevant(State& state);
};

}  // namespace trialmatch
