#include "live_evaluation.h"

#include <algorithm>
#include <cstring>

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

// The blank state from evaluate() and mark_relevant with no answer: the reference the live
// updates are tested against.
LiveEvaluation::Plan::Plan(const Trial& trial) : navigator_(trial) {
  const size_t n = trial.questions.size();
  const Evaluation e = evaluate(trial, AnswerSet(n));
  const std::vector<bool> relevant = navigator_.relevant_flags(AnswerSet(n), e);
  const Layout layout{n, trial.criteria.size()};
  blank_.bytes.assign(layout.size(), 0);
  unsigned char* at = blank_.bytes.data();
  for (const CriterionResult& r : e.criteria) *at++ = static_cast<unsigned char>(r.status);
  for (const CriterionResult& r : e.criteria) *at++ = static_cast<unsigned char>(r.outcome);
  for (size_t i = 0; i < n; ++i) *at++ = e.applies[i];
  for (size_t i = 0; i < n; ++i) *at++ = relevant[i];
  for (size_t i = 0; i < n; ++i) {
    const int q = static_cast<int>(i);
    *at++ = static_cast<unsigned char>((compiled().has_ask_if(q) ? kGated : 0) | (compiled().has_safety(q) ? kSafety : 0));
  }
  blank_safety_ = e.safety;
  blank_.verdict = e.verdict;
  for (const CriterionResult& r : e.criteria) ++blank_.verdicts[slot(verdict_for(r.outcome))];
  blank_.out_of_reach = static_cast<int>(out_of_reach_criteria(trial, e).size());
  blank_.relevant_count = static_cast<int>(std::count(relevant.begin(), relevant.end(), true));
  const auto first = std::find(relevant.begin(), relevant.end(), true);
  blank_.first_relevant = first == relevant.end() ? -1 : static_cast<int>(first - relevant.begin());
}

LiveEvaluation::LiveEvaluation(const Trial& trial) : LiveEvaluation(std::make_shared<const Plan>(trial)) {}

LiveEvaluation::LiveEvaluation(std::shared_ptr<const Plan> plan)
    : compiled_(plan->compiled()),
      answers_(static_cast<size_t>(compiled_.question_count())),
      plan_(std::move(plan)),
      trial_(plan_->trial()) {}

LiveEvaluation::Scratch& LiveEvaluation::scratch() const {
  thread_local Scratch shared;
  // Grown to the largest trial seen; new flags are 0 like the rest.
  if (shared.marked.size() < questions()) shared.marked.resize(questions(), 0);
  if (shared.criterion_seen.size() < criteria()) shared.criterion_seen.resize(criteria(), 0);
  return shared;
}

// Assigned field by field, so the bytes and answers keep their storage: a catalog's studies stay where
// they were first laid out in memory, one after the other, however often a person starts over.
void LiveEvaluation::reset() {
  const State& blank = plan_->blank_;
  state_.verdict = blank.verdict;
  state_.verdicts = blank.verdicts;
  state_.relevant_count = blank.relevant_count;
  state_.out_of_reach = blank.out_of_reach;
  state_.first_relevant = blank.first_relevant;
  state_.bytes = blank.bytes;
  std::fill(answers_.begin(), answers_.end(), CodedAnswer{});
  evaluation_.safety = plan_->blank_safety_;
  evaluation_stale_ = true;
}

const Evaluation& LiveEvaluation::evaluation() const {
  if (evaluation_stale_) {
    evaluation_.verdict = state_.verdict;
    evaluation_.criteria.resize(criteria());
    for (size_t c = 0; c < criteria(); ++c)
      evaluation_.criteria[c] = {static_cast<int>(c), statuses(state_)[static_cast<int>(c)], outcome(state_, c)};
    evaluation_.applies.assign(applies(state_), applies(state_) + questions());
    evaluation_stale_ = false;
  }
  return evaluation_;
}

std::vector<bool> LiveEvaluation::relevant_questions() const {
  return std::vector<bool>(relevant(state_), relevant(state_) + questions());
}

void LiveEvaluation::find_first_relevant(State& state) const {
  const unsigned char* r = relevant(state);
  const void* first = state.relevant_count == 0 ? nullptr : std::memchr(r, 1, questions());
  state.first_relevant = first ? static_cast<int>(static_cast<const unsigned char*>(first) - r) : -1;
}

int LiveEvaluation::count_relevant(const State& state) const {
  const unsigned char* r = relevant(state);
  return static_cast<int>(std::count(r, r + questions(), 1));
}

void LiveEvaluation::answer_changed(const AnswerSet& answers, int question) {
  update(state_, &answers, question, nullptr);
}

bool LiveEvaluation::might_settle(int question, int settle_reach) const {
  if (settle_reach == CompiledTrial::kCanRuleOut) return true;
  if (state_.relevant_count <= (settle_reach & ~CompiledTrial::kCanStop)) return true;
  if (!(settle_reach & CompiledTrial::kCanStop)) return false;
  if (state_.out_of_reach > 0) return true;  // out of reach already: only crisis questions are left
  // Out of reach, a question stays relevant if it carries a safety trigger, applies and is
  // not answered (mark_crisis_questions_only): one with no ask_if always applies.
  for (int q = 0; q < static_cast<int>(questions()); ++q)
    if (q != question && carries_safety(q) && !gated(q) && answers_[static_cast<size_t>(q)].kind == CodedAnswer::None)
      return false;
  return true;
}

bool LiveEvaluation::would_settle(int question, const CodedAnswer& answer) const {
  if (!might_settle(question, compiled_.settle_reach(question))) return false;
  // Copied field by field into the scratch state: assigning keeps its storage.
  State& tried = scratch().tried;
  tried.verdict = state_.verdict;
  tried.verdicts = state_.verdicts;
  tried.relevant_count = state_.relevant_count;
  tried.out_of_reach = state_.out_of_reach;
  tried.bytes = state_.bytes;
  update(tried, nullptr, question, &answer);
  return tried.relevant_count == 0;
}

void LiveEvaluation::update(State& state, const AnswerSet* given, int question, const CodedAnswer* tried) const {
  CodedView view(answers_.data(), applies(state));
  if (tried) view.try_answer(question, tried);
  const bool was_not_eligible = state.verdict == Verdict::NotEligible;
  const bool was_stopped = was_not_eligible || state.out_of_reach > 0;
  Scratch& work = scratch();
  update_applies(state, view, question, work);
  update_criteria(state, view, work);
  // Safety alerts do not change which questions are relevant: a tried answer skips them.
  if (!tried) {
    const bool touches_safety =
        std::any_of(work.changed.begin(), work.changed.end(), [&](int q) { return compiled_.names_in_safety(q); });
    if (touches_safety) {
      const std::vector<bool> applying(applies(state), applies(state) + questions());
      collect_safety_alerts(trial_, AnswerView(*given, applying), evaluation_.safety);
    }
  }
  update_relevance(state, view, was_not_eligible, was_stopped, work);
  if (!tried) {
    find_first_relevant(state);
    evaluation_stale_ = true;
  }
}

// Questions are in order and an ask_if names only earlier questions, so one pass from the
// changed question on finds every question it opens or closes, however indirectly.
void LiveEvaluation::update_applies(State& state, const CodedView& answers, int question, Scratch& work) const {
  work.changed.clear();
  work.changed.push_back(question);
  work.marked[static_cast<size_t>(question)] = 1;
  if (!compiled_.opens_later(question)) return;
  unsigned char* applying = applies(state);
  for (int j : compiled_.gated()) {
    if (j <= question) continue;
    const CompiledTrial::Indexes refs = compiled_.ask_if_questions(j);
    if (std::none_of(refs.begin(), refs.end(), [&](int ref) { return work.marked[static_cast<size_t>(ref)]; })) continue;
    const unsigned char now = compiled_.applies(j, answers) ? 1 : 0;
    if (now == applying[j]) continue;
    applying[j] = now;
    work.changed.push_back(j);
    work.marked[static_cast<size_t>(j)] = 1;
  }
}

void LiveEvaluation::update_criteria(State& state, const CodedView& answers, Scratch& work) const {
  unsigned char* status = status_bytes(state);
  unsigned char* outcome = outcome_bytes(state);
  for (int q : work.changed)
    for (const CompiledTrial::CriterionEntry criterion : compiled_.criteria_naming(q)) {
      const int c = criterion.index();
      if (work.criterion_seen[static_cast<size_t>(c)]) continue;
      work.criterion_seen[static_cast<size_t>(c)] = 1;
      const CriterionResult now = criterion.evaluate(answers);
      --state.verdicts[slot(verdict_for(static_cast<CriterionOutcome>(outcome[c])))];
      ++state.verdicts[slot(verdict_for(now.outcome))];
      if (criterion.out_of_reach())
        state.out_of_reach += (criterion_fails(criterion.kind(), now.status) ? 1 : 0) -
                              (criterion_fails(criterion.kind(), static_cast<CriterionStatus>(status[c])) ? 1 : 0);
      status[c] = static_cast<unsigned char>(now.status);
      outcome[c] = static_cast<unsigned char>(now.outcome);
    }
  for (int q : work.changed)
    for (const CompiledTrial::CriterionEntry criterion : compiled_.criteria_naming(q))
      work.criterion_seen[static_cast<size_t>(criterion.index())] = 0;
  state.verdict = verdict_from(state.verdicts);
}

// Looks again at the changed questions and every question named by a criterion they feed,
// from the last to the first; a question whose relevance changed sends the questions its
// ask_if names (earlier ones, still to come in the pass) to be looked at again.
void LiveEvaluation::update_relevance(State& state, const CodedView& answers, bool was_not_eligible, bool was_stopped,
                                      Scratch& work) const {
  unsigned char* is_relevant = relevant(state);
  const bool not_eligible = state.verdict == Verdict::NotEligible;
  const bool stopped = not_eligible || state.out_of_reach > 0;
  if (stopped || was_stopped) {
    for (int q : work.changed) work.marked[static_cast<size_t>(q)] = 0;
    // Nothing is relevant once the person is not eligible; out of reach, only what calls for
    // crisis support (Navigator::mark_relevant); coming back, everything is new.
    if (not_eligible && !was_not_eligible) std::fill(is_relevant, is_relevant + questions(), 0);
    // (The marks are the same in every state: the real one's serve a tried one too.)
    if (!not_eligible && state.out_of_reach > 0)
      mark_crisis_questions_only(answers, questions(), [this](int q) { return carries_safety(q); }, is_relevant);
    else if (!not_eligible)
      navigator().mark_relevant(answers, state.verdict, statuses(state), is_relevant);
    state.relevant_count = count_relevant(state);
    return;
  }
  size_t last = 0;
  for (int q : work.changed) {
    last = std::max(last, static_cast<size_t>(q));
    for (const CompiledTrial::CriterionEntry criterion : compiled_.criteria_naming(q))
      for (int ref : criterion.rule_questions()) {
        work.marked[static_cast<size_t>(ref)] = 1;
        last = std::max(last, static_cast<size_t>(ref));
      }
  }
  for (size_t i = last + 1; i-- > 0;) {
    if (!work.marked[i]) continue;
    work.marked[i] = 0;
    const bool now = navigator().relevant_at(static_cast<int>(i), answers, statuses(state), is_relevant);
    if (now == static_cast<bool>(is_relevant[i])) continue;
    set_relevant(state, i, now);
    for (int ref : compiled_.ask_if_questions(static_cast<int>(i))) work.marked[static_cast<size_t>(ref)] = 1;
  }
}

void LiveEvaluation::set_relevant(State& state, size_t question, bool now) const {
  relevant(state)[question] = now ? 1 : 0;
  state.relevant_count += now ? 1 : -1;
}

}  // namespace trialmatch
