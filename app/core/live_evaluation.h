// One person's evaluation of one trial, and which questions can still change the outcome,
// kept up to date answer by answer.
//
// An answer can change only the criteria whose rule names its question (or a question whose
// ask_if it opens or closes), and the relevance of the questions those criteria name and of
// the questions that gate them; only those are worked out again, and the verdict comes from a
// count of criteria per verdict. A catalog sends each answer to thousands of studies, and
// evaluating every whole trial again was most of the time per answer. It reads the trial in its
// compiled form (compiled_trial.h) and keeps its state in one block of bytes, beside the coded
// answers. The results are those of evaluate() and Navigator::progress on the same answers
// (tests/unit/test_live_evaluation checks this on random answer sequences over the real
// trials, and the fuzz target for trial files on random answers to any trial it loads).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "evaluation.h"
#include "navigation.h"
#include "trial.h"

namespace trialmatch {

class LiveEvaluation {
 private:
  // The state: a few counts, and the parts per criterion and per question in one block of
  // bytes per session (a catalog reads a few bytes of it for thousands of studies per answer,
  // and one block is fewer trips to memory than a vector per part).
  struct State {
    Verdict verdict = Verdict::NeedsReview;
    std::array<int, 3> verdicts{};  // how many criteria give each verdict (by Verdict value)
    int relevant_count = 0;
    // How many criteria marked out_of_reach fail: above 0, the study's questions stop (all but
    // those that call for crisis support). Counted here so an answer reads nothing of the trial.
    int out_of_reach = 0;
    int first_relevant = -1;  // kept in the real state only
    // Per criterion its status and outcome (each its enum's value); per question whether it
    // applies, whether it is relevant (1 or 0), and its marks (kGated, kSafety: the same in
    // every state, beside the rest so a catalog reads them without the compiled trial). Where
    // each part starts: Layout.
    std::vector<unsigned char> bytes;
  };

 public:
  // What LiveEvaluation needs to know of a trial, worked out once from the trial alone: every
  // session of the trial can share one (a catalog's copies of a study do).
  class Plan {
   public:
    explicit Plan(const Trial& trial);  // the trial must outlive this
    const Trial& trial() const { return navigator_.trial(); }
    const Navigator& navigator() const { return navigator_; }
    const CompiledTrial& compiled() const { return navigator_.compiled(); }
    // The same compiled trial, laid out elsewhere (CompiledTrial::lay_out_together), before
    // any session of the plan is made.
    void lay_out(CompiledTrial compiled) { navigator_.lay_out(std::move(compiled)); }

   private:
    friend class LiveEvaluation;
    Navigator navigator_;
    State blank_;  // before any answer (when every answer is CodedAnswer{})
    std::vector<SafetyAlert> blank_safety_;  // a trigger may hold before any answer
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
  void store(int question, const CodedAnswer& answer) { answers_[static_cast<size_t>(question)] = answer; }
  void answer_changed(const AnswerSet& answers, int question);

  const Navigator& navigator() const { return plan_->navigator(); }
  const std::shared_ptr<const Plan>& plan() const { return plan_; }
  const CompiledTrial& compiled() const { return compiled_; }
  // The evaluation, put together from the state when first asked for after a change (a
  // catalog changes thousands of sessions per answer and shows few of them).
  const Evaluation& evaluation() const;
  Verdict verdict() const { return state_.verdict; }
  const std::vector<SafetyAlert>& safety() const { return evaluation_.safety; }
  bool applies(int question) const { return applies(state_)[question]; }
  // Whether the question can still change the outcome (as Navigator::mark_relevant).
  bool relevant(int question) const { return relevant(state_)[question]; }
  std::vector<bool> relevant_questions() const;  // per question
  int first_relevant() const { return state_.first_relevant; }  // -1 when settled
  bool settled() const { return state_.relevant_count == 0; }
  bool answered(int question) const { return answers_[static_cast<size_t>(question)].kind != CodedAnswer::None; }
  // The question has an ask_if; it carries a safety trigger (as the compiled trial says, read
  // from the state, which a catalog reads anyway).
  bool gated(int question) const { return marks(question) & kGated; }
  bool carries_safety(int question) const { return marks(question) & kSafety; }

  // Reads the memory of this session an answer to `question` then uses, in steps, each
  // reading what the next needs to find: 0 this object, 1 its state. A catalog takes each step
  // for many studies in a row (CatalogSession::answer). The compiled records are not read
  // ahead: a catalog lays them out in the order its answers read them
  // (CompiledTrial::lay_out_together). Returns a value of no meaning.
  static constexpr int kReadSteps = 2;
  unsigned read_ahead(int question, int step) const {
    const auto q = static_cast<size_t>(question);
    if (step == 0)
      return static_cast<unsigned>(state_.relevant_count) + static_cast<unsigned>(state_.verdict) +
             static_cast<unsigned>(state_.bytes.size()) + static_cast<unsigned>(answers_.size());
    return static_cast<unsigned>(answers_[q].kind) + relevant(state_)[q] + state_.bytes[0];
  }

  // Whether answering `question` with `answer` would settle the outcome. Changes nothing
  // that can be seen; works in scratch space, so it allocates nothing once warmed up.
  bool would_settle(int question, const CodedAnswer& answer) const;
  // False when no answer to `question`, of this settle reach (CompiledTrial::settle_reach), can
  // settle the outcome: more questions are relevant than it could make irrelevant, and if it
  // could put the study out of reach, a crisis question asked of everyone is still to answer
  // (it would stay relevant).
  bool might_settle(int question, int settle_reach) const;

 private:
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

  // What every answer reads and writes comes first, together (a catalog reads it for thousands
  // of sessions per answer: one or two cache lines each, not five).
  // A copy of the plan's (it shares the block): one step less from a session to the block.
  const CompiledTrial compiled_;
  State state_;
  // Per question, the coded answer. Not in State: a tried answer (would_settle) is read beside
  // these, so a try copies only the state.
  std::vector<CodedAnswer> answers_;
  mutable bool evaluation_stale_ = true;
  std::shared_ptr<const Plan> plan_;
  const Trial& trial_;
  mutable Evaluation evaluation_;  // `safety` is always up to date, the rest when not stale

  // The parts of a state's block.
  size_t questions() const { return static_cast<size_t>(compiled_.question_count()); }
  size_t criteria() const { return static_cast<size_t>(compiled_.criterion_count()); }
  // Where each part of a state's bytes starts: the one place that says.
  struct Layout {
    size_t questions, criteria;
    size_t statuses() const { return 0; }
    size_t outcomes() const { return criteria; }
    size_t applies() const { return 2 * criteria; }
    size_t relevant() const { return applies() + questions; }
    size_t marks() const { return relevant() + questions; }
    size_t size() const { return marks() + questions; }
  };
  Layout layout() const { return {questions(), criteria()}; }
  enum : unsigned char { kGated = 1, kSafety = 2 };
  unsigned char marks(int question) const { return state_.bytes[layout().marks() + static_cast<size_t>(question)]; }
  // Each criterion's status and outcome: written as bytes, read as their enums.
  unsigned char* status_bytes(State& s) const { return s.bytes.data() + layout().statuses(); }
  unsigned char* outcome_bytes(State& s) const { return s.bytes.data() + layout().outcomes(); }
  StatusBytes statuses(const State& s) const { return StatusBytes(s.bytes.data() + layout().statuses()); }
  CriterionOutcome outcome(const State& s, size_t c) const {
    return static_cast<CriterionOutcome>(s.bytes[layout().outcomes() + c]);
  }
  unsigned char* applies(State& s) const { return s.bytes.data() + layout().applies(); }
  const unsigned char* applies(const State& s) const { return s.bytes.data() + layout().applies(); }
  unsigned char* relevant(State& s) const { return s.bytes.data() + layout().relevant(); }
  const unsigned char* relevant(const State& s) const { return s.bytes.data() + layout().relevant(); }

  // Brings `state` up to date after the answer to `question` changed: to the stored answer,
  // or to `tried` when it is given (a hypothetical answer, which skips safety alerts).
  void update(State& state, const AnswerSet* answers, int question, const CodedAnswer* tried) const;
  void update_applies(State& state, const CodedView& answers, int question, Scratch& scratch) const;
  void update_criteria(State& state, const CodedView& answers, Scratch& scratch) const;
  // `was_stopped`: the questions had stopped before this answer (not eligible, or out of reach).
  void update_relevance(State& state, const CodedView& answers, bool was_not_eligible, bool was_stopped,
                        Scratch& scratch) const;
  void set_relevant(State& state, size_t question, bool relevant) const;
  void find_first_relevant(State& state) const;
  int count_relevant(const State& state) const;
};

}  // namespace trialmatch
