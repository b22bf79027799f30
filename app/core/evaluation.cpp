#include "evaluation.h"

#include <algorithm>

namespace trialmatch {

EffectiveAnswers::EffectiveAnswers(const Trial& trial, const AnswerSet& answers)
    : answers_(answers), applies_(trial.questions.size(), true) {
  // Questions are in order and ask_if may only name earlier questions, so one pass suffices.
  for (const Question& q : trial.questions)
    if (q.ask_if) applies_[static_cast<size_t>(q.index)] = question_applies(q, applies_, *this);
}

bool question_applies(const Question& question, const std::vector<bool>& applies, const AnswerLookup& answers) {
  if (!question.ask_if) return true;
  // Behind a gate that is itself closed, a question is closed too: its gate question was
  // never asked, so nothing can open it.
  for (int ref : referenced_questions(*question.ask_if))
    if (!applies[static_cast<size_t>(ref)]) return false;
  return evaluate_condition(*question.ask_if, answers) != Tri::False;
}

const Answer* EffectiveAnswers::answer_at(int question_index) const {
  const auto i = static_cast<size_t>(question_index);
  if (i >= answers_.size() || i >= applies_.size() || !applies_[i] || !answers_[i]) return nullptr;
  return &*answers_[i];
}

CriterionResult evaluate_criterion(const Trial& trial, int criterion_index, const AnswerLookup& answers) {
  const Criterion& c = trial.criteria[static_cast<size_t>(criterion_index)];
  if (c.study_team_only()) return criterion_result(criterion_index, c.kind, c.when_fails, std::nullopt);
  return criterion_result(criterion_index, c.kind, c.when_fails, evaluate_condition(*c.rule, answers));
}

Evaluation evaluate(const Trial& trial, const AnswerSet& answers) {
  Evaluation e;
  EffectiveAnswers effective(trial, answers);
  e.applies = effective.applies_all();
  e.verdict = Verdict::LikelyEligible;
  for (size_t i = 0; i < trial.criteria.size(); ++i) {
    CriterionResult r = evaluate_criterion(trial, static_cast<int>(i), effective);
    e.verdict = std::max(e.verdict, verdict_for(r.outcome));
    e.criteria.push_back(r);
  }
  collect_safety_alerts(trial, AnswerView(answers, e.applies), e.safety);
  return e;
}

void collect_safety_alerts(const Trial& trial, const AnswerView& answers, std::vector<SafetyAlert>& out) {
  out.clear();
  for (const Question& q : trial.questions)
    if (q.safety && answers.applies(q.index) && evaluate_condition(q.safety->when, answers) == Tri::True)
      out.push_back({q.index, q.safety->action});
}

bool calls_for_crisis_support(const Evaluation& evaluation) { return calls_for_crisis_support(evaluation.safety); }

bool calls_for_crisis_support(const std::vector<SafetyAlert>& safety) {
  return std::any_of(safety.begin(), safety.end(), [](const SafetyAlert& s) { return s.action == kCrisisSupport; });
}

std::optional<int> only_obstacle(const Evaluation& evaluation) {
  if (evaluation.verdict == Verdict::LikelyEligible) return std::nullopt;
  std::optional<int> found;
  int count = 0;
  for (const CriterionResult& r : evaluation.criteria) {
    // Not a fit: a question not asked yet (an open criterion) could rule the person out too,
    // so one reason is "the only reason" only when nothing is left open.
    if (evaluation.verdict == Verdict::NotEligible && r.outcome == CriterionOutcome::Open) return std::nullopt;
    const bool obstacle = evaluation.verdict == Verdict::NotEligible
                              ? r.outcome == CriterionOutcome::RulesOut
                              : r.outcome == CriterionOutcome::NeedsReview || r.outcome == CriterionOutcome::Open;
    if (!obstacle) continue;
    found = r.criterion_index;
    ++count;
  }
  return count == 1 ? found : std::nullopt;
}

std::vector<int> out_of_reach_criteria(const Trial& trial, const Evaluation& evaluation) {
  std::vector<int> out;
  for (const CriterionResult& r : evaluation.criteria) {
    const Criterion& c = trial.criteria[static_cast<size_t>(r.criterion_index)];
    if (c.out_of_reach && criterion_fails(c.kind, r.status)) out.push_back(r.criterion_index);
  }
  return out;
}

std::vector<int> criteria_behind_verdict(const Evaluation& evaluation) {
  std::vector<int> out;
  if (evaluation.verdict == Verdict::LikelyEligible) return out;
  for (const CriterionResult& r : evaluation.criteria)
    if (verdict_for(r.outcome) == evaluation.verdict) out.push_back(r.criterion_index);
  return out;
}

const LocalText& criterion_text(const Criterion& criterion, CriterionOutcome outcome) {
  const bool decided_by_answers = outcome == CriterionOutcome::RulesOut || outcome == CriterionOutcome::NeedsReview;
  return decided_by_answers && !criterion.because.empty() ? criterion.because : criterion.text;
}

const char* verdict_id(Verdict v) {
  switch (v) {
    case Verdict::LikelyEligible: return "likely_eligible";
    case Verdict::NeedsReview: return "needs_review";
    case Verdict::NotEligible: return "not_eligible";
  }
  return "?";
}

const char* status_id(CriterionStatus s) {
  switch (s) {
    case CriterionStatus::Met: return "met";
    case CriterionStatus::NotMet: return "not_met";
    case CriterionStatus::Unknown: return "unknown";
    case CriterionStatus::StudyTeam: return "study_team";
  }
  return "?";
}

const char* outcome_id(CriterionOutcome o) {
  switch (o) {
    case CriterionOutcome::Passes: return "passes";
    case CriterionOutcome::RulesOut: return "rules_out";
    case CriterionOutcome::NeedsReview: return "needs_review";
    case CriterionOutcome::Open: return "open";
    case CriterionOutcome::StudyTeam: return "study_team";
  }
  return "?";
}

}  // namespace trialmatch
