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

LiveEvaluation::Plan::Plan(const Trial& trial) : navigator_(trial), question_flags_(trial.questions.size(), 0) {
  for (const Question& q : trial.questions) {
    if (q.ask_if) {
      gated_.push_back(q.index);
      for (int ref : referenced_questions(*q.ask_if)) question_flags_[static_cast<size_t>(ref)] |= kOpensLater;
    }
    if (!q.safety) continue;
    question_flags_[static_cast<size_t>(q.index)] |= kNamesInSafety;
    for (int ref : referenced_questions(q.safety->when)) question_flags_[static_cast<size_t>(ref)] |= kNamesInSafety;
  }
  for (const Question& q : trial.questions) settle_reach_.push_back(settle_reach(trial, q.index));
}

int LiveEvaluation::Plan::settle_reach(const Trial& trial, int question) const {
  std::vector<char> reached(trial.questions.size(), 0);
  reached[static_cast<size_t>(question)] = 1;
  // The questions whose "applies" it can change: those whose ask_if names it, and so on.
  for (int j : gated_)
    for (int ref : referenced_questions(*trial.questions[static_cast<size_t>(j)].ask_if))
      if (reached[static_cast<size_t>(ref)]) reached[static_cast<size_t>(j)] = 1;
  // The criteria whose result can change, and every question they name.
  const std::vector<char> changed = reached;
  for (size_t x = 0; x < changed.size(); ++x) {
    if (!changed[x]) continue;
    for (int c : navigator_.criteria_naming(static_cast<int>(x))) {
      const Criterion& criterion = trial.criteria[static_cast<size_t>(c)];
      if (criterion.when_fails == WhenFails::Exclude) return kCanRuleOut;
      for (int ref : referenced_questions(*criterion.rule)) reached[static_cast<size_t>(ref)] = 1;
    }
  }
  // A question is relevant while a later one its ask_if opens is: the gates, from the last.
  for (size_t x = reached.size(); x-- > 0;) {
    const Question& q = trial.questions[x];
    if (reached[x] && q.ask_if)
      for (int ref : referenced_questions(*q.ask_if)) reached[static_cast<size_t>(ref)] = 1;
  }
  return static_cast<int>(std::count(reached.begin(), reached.end(), 1));
}

LiveEvaluation::LiveEvaluation(const Trial& trial) : LiveEvaluation(std::make_shared<const Plan>(trial)) {}

LiveEvaluation::LiveEvaluation(std::shared_ptr<const Plan> plan) : plan_(std::move(plan)), trial_(plan_->trial()) {}

LiveEvaluation::Scratch& LiveEvaluation::scratch() const {
  thread_local Scratch shared;
  // Grown to the largest trial seen; new flags are 0 like the rest.
  if (shared.marked.size() < trial_.questions.size()) shared.marked.resize(trial_.questions.size(), 0);
  if (shared.criterion_seen.size() < trial_.criteria.size()) shared.criterion_seen.resize(trial_.criteria.size(), 0);
  return shared;
}

void LiveEvaluation::recompute(const AnswerSet& answers) {
  // Assigned field by field, so each vector keeps its storage: a catalog's studies stay where
  // they were first laid out in memory, one after the other, however often a person starts over.
  Evaluation fresh = evaluate(trial_, answers);
  state_.evaluation.verdict = fresh.verdict;
  state_.evaluation.criteria = fresh.criteria;
  state_.evaluation.safety = fresh.safety;
  state_.evaluation.applies = fresh.applies;
  state_.verdicts.fill(0);
  for (const CriterionResult& r : state_.evaluation.criteria) ++state_.verdicts[slot(verdict_for(r.outcome))];
  plan_->navigator_.mark_relevant(AnswerView(answers, state_.evaluation.applies), state_.evaluation, state_.relevant);
  state_.relevant_count = static_cast<int>(std::count(state_.relevant.begin(), state_.relevant.end(), true));
  find_first_relevant(state_);
}

void LiveEvaluation::find_first_relevant(State& state) {
  const auto it = std::find(state.relevant.begin(), state.relevant.end(), true);
  state.first_relevant = state.relevant_count == 0 ? -1 : static_cast<int>(it - state.relevant.begin());
}

void LiveEvaluation::answer_changed(const AnswerSet& answers, int question) {
  update(state_, answers, question, nullptr);
}

bool LiveEvaluation::would_settle(const AnswerSet& answers, int question, const Answer& answer) const {
  if (state_.relevant_count > plan_->settle_reach_[static_cast<size_t>(question)]) return false;
  // Copied field by field into the scratch state: assigning keeps its storage.
  State& tried = scratch().tried;
  tried.evaluation.verdict = state_.evaluation.verdict;
  tried.evaluation.criteria = state_.evaluation.criteria;
  tried.evaluation.applies = state_.evaluation.applies;
  tried.verdicts = state_.verdicts;
  tried.relevant = state_.relevant;
  tried.relevant_count = state_.relevant_count;
  update(tried, answers, question, &answer);
  return tried.relevant_count == 0;
}

void LiveEvaluation::update(State& state, const AnswerSet& answers, int question, const Answer* tried) const {
  AnswerView view(answers, state.evaluation.applies);
  if (tried) view.try_answer(question, tried);
  const bool was_not_eligible = state.evaluation.verdict == Verdict::NotEligible;
  Scratch& work = scratch();
  update_applies(state, view, question, work);
  update_criteria(state, view, work);
  // Safety alerts do not change which questions are relevant: a tried answer skips them.
  if (!tried) {
    const bool touches_safety = std::any_of(work.changed.begin(), work.changed.end(), [&](int q) {
      return plan_->question_flags_[static_cast<size_t>(q)] & Plan::kNamesInSafety;
    });
    if (touches_safety) collect_safety_alerts(trial_, view, state.evaluation.safety);
  }
  update_relevance(state, view, was_not_eligible, work);
  if (!tried) find_first_relevant(state);
}

// Questions are in order and an ask_if names only earlier questions, so one pass from the
// changed question on finds every question it opens or closes, however indirectly.
void LiveEvaluation::update_applies(State& state, const AnswerView& answers, int question, Scratch& work) const {
  work.changed.clear();
  work.changed.push_back(question);
  work.marked[static_cast<size_t>(question)] = 1;
  if (!(plan_->question_flags_[static_cast<size_t>(question)] & Plan::kOpensLater)) return;
  for (int j : plan_->gated_) {
    if (j <= question) continue;
    const Question& q = trial_.questions[static_cast<size_t>(j)];
    const std::vector<int>& refs = referenced_questions(*q.ask_if);
    if (std::none_of(refs.begin(), refs.end(), [&](int ref) { return work.marked[static_cast<size_t>(ref)]; })) continue;
    const bool applies = question_applies(q, state.evaluation.applies, answers);
    if (applies == state.evaluation.applies[static_cast<size_t>(j)]) continue;
    state.evaluation.applies[static_cast<size_t>(j)] = applies;
    work.changed.push_back(j);
    work.marked[static_cast<size_t>(j)] = 1;
  }
}

void LiveEvaluation::update_criteria(State& state, const AnswerView& answers, Scratch& work) const {
  for (int q : work.changed)
    for (int c : plan_->navigator_.criteria_naming(q)) {
      if (work.criterion_seen[static_cast<size_t>(c)]) continue;
      work.criterion_seen[static_cast<size_t>(c)] = 1;
      CriterionResult& result = state.evaluation.criteria[static_cast<size_t>(c)];
      const CriterionResult now = evaluate_criterion(trial_, c, answers);
      --state.verdicts[slot(verdict_for(result.outcome))];
      ++state.verdicts[slot(verdict_for(now.outcome))];
      result = now;
    }
  for (int q : work.changed)
    for (int c : plan_->navigator_.criteria_naming(q)) work.criterion_seen[static_cast<size_t>(c)] = 0;
  state.evaluation.verdict = verdict_from(state.verdicts);
}

// Looks again at the changed questions and every question named by a criterion they feed,
// from the last to the first; a question whose relevance changed sends the questions its
// ask_if names (earlier ones, still to come in the pass) to be looked at again.
void LiveEvaluation::update_relevance(State& state, const AnswerView& answers, bool was_not_eligible,
                                      Scratch& work) const {
  std::vector<bool>& relevant = state.relevant;
  const bool not_eligible = state.evaluation.verdict == Verdict::NotEligible;
  if (not_eligible || was_not_eligible) {
    for (int q : work.changed) work.marked[static_cast<size_t>(q)] = 0;
    // Nothing is relevant once the person is not eligible; coming back, everything is new.
    if (not_eligible && !was_not_eligible) std::fill(relevant.begin(), relevant.end(), false);
    if (!not_eligible) plan_->navigator_.mark_relevant(answers, state.evaluation, relevant);
    state.relevant_count = static_cast<int>(std::count(relevant.begin(), relevant.end(), true));
    return;
  }
  size_t last = 0;
  for (int q : work.changed) {
    last = std::max(last, static_cast<size_t>(q));
    for (int c : plan_->navigator_.criteria_naming(q))
      for (int ref : referenced_questions(*trial_.criteria[static_cast<size_t>(c)].rule)) {
        work.marked[static_cast<size_t>(ref)] = 1;
        last = std::max(last, static_cast<size_t>(ref));
      }
  }
  for (size_t i = last + 1; i-- > 0;) {
    if (!work.marked[i]) continue;
    work.marked[i] = 0;
    const bool now = plan_->navigator_.relevant_at(static_cast<int>(i), answers, state.evaluation.criteria, relevant);
    if (now == relevant[i]) continue;
    set_relevant(state, i, now);
    const Question& q = trial_.questions[i];
    if (q.ask_if)
      for (int ref : referenced_questions(*q.ask_if)) work.marked[static_cast<size_t>(ref)] = 1;
  }
}

void LiveEvaluation::set_relevant(State& state, size_t question, bool relevant) const {
  state.relevant[question] = relevant;
  state.relevant_count += relevant ? 1 : -1;
}

}  // namespace trialmatch
