#include "live_evaluation.h"

#include <algorithm>

namespace trialmatch {

namespace {

size_t slot(Verdict v) { return static_cast<size_t>(v); }

// The verdict is the worst over all criteria: the worst that any criterion gives.
Verdict verdict_from(const std::array<int, 3>& verdicts) {
  for (Verdict v : {Verdict::NotEligible, Verdict::NeedsReview})
    if (verdicts[slot(v)] > 0) return v;
  return Verdict::LikelyEligible;
}

}  // namespace

LiveEvaluation::Plan::Plan(const Trial& trial) : navigator_(trial), blank_(evaluate(trial, AnswerSet(trial.questions.size()))) {
  std::vector<CodedAnswer> none(trial.questions.size());
  navigator_.mark_relevant(CodedView(none, blank_.applies), blank_, blank_relevant_);
}

LiveEvaluation::LiveEvaluation(const Trial& trial) : LiveEvaluation(std::make_shared<const Plan>(trial)) {}

LiveEvaluation::LiveEvaluation(std::shared_ptr<const Plan> plan)
    : plan_(std::move(plan)), trial_(plan_->trial()), compiled_(plan_->compiled()) {}

LiveEvaluation::Scratch& LiveEvaluation::scratch() const {
  thread_local Scratch shared;
  // Grown to the largest trial seen; new flags are 0 like the rest.
  const auto questions = static_cast<size_t>(compiled_.question_count());
  const auto criteria = static_cast<size_t>(compiled_.criterion_count());
  if (shared.marked.size() < questions) shared.marked.resize(questions, 0);
  if (shared.criterion_seen.size() < criteria) shared.criterion_seen.resize(criteria, 0);
  return shared;
}

// Assigned field by field, so each vector keeps its storage: a catalog's studies stay where
// they were first laid out in memory, one after the other, however often a person starts over.
void LiveEvaluation::reset() {
  state_.answers.assign(static_cast<size_t>(compiled_.question_count()), CodedAnswer{});
  const Evaluation& blank = plan_->blank_;
  state_.evaluation.verdict = blank.verdict;
  state_.evaluation.criteria = blank.criteria;
  state_.evaluation.safety = blank.safety;
  state_.evaluation.applies = blank.applies;
  state_.verdicts.fill(0);
  for (const CriterionResult& r : state_.evaluation.criteria) ++state_.verdicts[slot(verdict_for(r.outcome))];
  state_.relevant = plan_->blank_relevant_;
  state_.relevant_count = static_cast<int>(std::count(state_.relevant.begin(), state_.relevant.end(), true));
  find_first_relevant(state_);
}

int LiveEvaluation::read_ahead(int question, int step) const {
  const auto q = static_cast<size_t>(question);
  const Evaluation& e = state_.evaluation;
  int read = compiled_.read_ahead(question, step);
  if (step == 0) {
    read += state_.relevant_count + static_cast<int>(e.verdict) + static_cast<int>(e.criteria.size()) +
            static_cast<int>(state_.answers.size()) + static_cast<int>(state_.relevant.size());
  } else if (step == 1) {
    read += static_cast<int>(state_.relevant[q]) + static_cast<int>(e.applies[q]) + static_cast<int>(state_.answers[q].kind);
  } else if (step == 2) {
    for (int c : compiled_.criteria_naming(question)) read += static_cast<int>(e.criteria[static_cast<size_t>(c)].outcome);
  }
  return read;
}

void LiveEvaluation::find_first_relevant(State& state) {
  const auto it = std::find(state.relevant.begin(), state.relevant.end(), true);
  state.first_relevant = state.relevant_count == 0 ? -1 : static_cast<int>(it - state.relevant.begin());
}

void LiveEvaluation::answer_changed(const AnswerSet& answers, int question) {
  update(state_, &answers, question, nullptr);
}

bool LiveEvaluation::would_settle(int question, const CodedAnswer& answer) const {
  if (state_.relevant_count > compiled_.settle_reach(question)) return false;
  // Copied field by field into the scratch state: assigning keeps its storage.
  State& tried = scratch().tried;
  tried.evaluation.verdict = state_.evaluation.verdict;
  tried.evaluation.criteria = state_.evaluation.criteria;
  tried.evaluation.applies = state_.evaluation.applies;
  tried.verdicts = state_.verdicts;
  tried.relevant = state_.relevant;
  tried.relevant_count = state_.relevant_count;
  update(tried, nullptr, question, &answer);
  return tried.relevant_count == 0;
}

// The coded answers are always the real state's: a tried answer is read in place of one.
void LiveEvaluation::update(State& state, const AnswerSet* answers, int question, const CodedAnswer* tried) const {
  CodedView view(state_.answers, state.evaluation.applies);
  if (tried) view.try_answer(question, tried);
  const bool was_not_eligible = state.evaluation.verdict == Verdict::NotEligible;
  Scratch& work = scratch();
  update_applies(state, view, question, work);
  update_criteria(state, view, work);
  // Safety alerts do not change which questions are relevant: a tried answer skips them.
  if (!tried) {
    const bool touches_safety =
        std::any_of(work.changed.begin(), work.changed.end(), [&](int q) { return compiled_.names_in_safety(q); });
    if (touches_safety) collect_safety_alerts(trial_, AnswerView(*answers, state.evaluation.applies), state.evaluation.safety);
  }
  update_relevance(state, view, was_not_eligible, work);
  if (!tried) find_first_relevant(state);
}

// Questions are in order and an ask_if names only earlier questions, so one pass from the
// changed question on finds every question it opens or closes, however indirectly.
void LiveEvaluation::update_applies(State& state, const CodedView& answers, int question, Scratch& work) const {
  work.changed.clear();
  work.changed.push_back(question);
  work.marked[static_cast<size_t>(question)] = 1;
  if (!compiled_.opens_later(question)) return;
  for (int j : compiled_.gated()) {
    if (j <= question) continue;
    const CompiledTrial::Indexes refs = compiled_.ask_if_questions(j);
    if (std::none_of(refs.begin(), refs.end(), [&](int ref) { return work.marked[static_cast<size_t>(ref)]; })) continue;
    const bool applies = compiled_.applies(j, answers);
    if (applies == state.evaluation.applies[static_cast<size_t>(j)]) continue;
    state.evaluation.applies[static_cast<size_t>(j)] = applies;
    work.changed.push_back(j);
    work.marked[static_cast<size_t>(j)] = 1;
  }
}

void LiveEvaluation::update_criteria(State& state, const CodedView& answers, Scratch& work) const {
  for (int q : work.changed)
    for (int c : compiled_.criteria_naming(q)) {
      if (work.criterion_seen[static_cast<size_t>(c)]) continue;
      work.criterion_seen[static_cast<size_t>(c)] = 1;
      CriterionResult& result = state.evaluation.criteria[static_cast<size_t>(c)];
      const CriterionResult now = compiled_.evaluate_criterion(c, answers);
      --state.verdicts[slot(verdict_for(result.outcome))];
      ++state.verdicts[slot(verdict_for(now.outcome))];
      result = now;
    }
  for (int q : work.changed)
    for (int c : compiled_.criteria_naming(q)) work.criterion_seen[static_cast<size_t>(c)] = 0;
  state.evaluation.verdict = verdict_from(state.verdicts);
}

// Looks again at the changed questions and every question named by a criterion they feed,
// from the last to the first; a question whose relevance changed sends the questions its
// ask_if names (earlier ones, still to come in the pass) to be looked at again.
void LiveEvaluation::update_relevance(State& state, const CodedView& answers, bool was_not_eligible,
                                      Scratch& work) const {
  std::vector<bool>& relevant = state.relevant;
  const bool not_eligible = state.evaluation.verdict == Verdict::NotEligible;
  if (not_eligible || was_not_eligible) {
    for (int q : work.changed) work.marked[static_cast<size_t>(q)] = 0;
    // Nothing is relevant once the person is not eligible; coming back, everything is new.
    if (not_eligible && !was_not_eligible) std::fill(relevant.begin(), relevant.end(), false);
    if (!not_eligible) navigator().mark_relevant(answers, state.evaluation, relevant);
    state.relevant_count = static_cast<int>(std::count(relevant.begin(), relevant.end(), true));
    return;
  }
  size_t last = 0;
  for (int q : work.changed) {
    last = std::max(last, static_cast<size_t>(q));
    for (int c : compiled_.criteria_naming(q))
      for (int ref : compiled_.rule_questions(c)) {
        work.marked[static_cast<size_t>(ref)] = 1;
        last = std::max(last, static_cast<size_t>(ref));
      }
  }
  for (size_t i = last + 1; i-- > 0;) {
    if (!work.marked[i]) continue;
    work.marked[i] = 0;
    const bool now = navigator().relevant_at(static_cast<int>(i), answers, state.evaluation.criteria, relevant);
    if (now == relevant[i]) continue;
    set_relevant(state, i, now);
    for (int ref : compiled_.ask_if_questions(static_cast<int>(i))) work.marked[static_cast<size_t>(ref)] = 1;
  }
}

void LiveEvaluation::set_relevant(State& state, size_t question, bool relevant) const {
  state.relevant[question] = relevant;
  state.relevant_count += relevant ? 1 : -1;
}

}  // namespace trialmatch
