// Evaluation: from a trial and a person's answers to each criterion's status and the verdict.
// Pure and deterministic: the same inputs give the same result, natively and in WebAssembly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "answer.h"
#include "condition.h"
#include "trial.h"

namespace trialmatch {

// The answers given so far, by question index (nullopt: not answered).
using AnswerSet = std::vector<std::optional<Answer>>;

enum class CriterionStatus : std::uint8_t {
  Met,        // an inclusion is met, or an exclusion applies
  NotMet,     // an inclusion is not met, or an exclusion does not apply
  Unknown,    // the answers so far cannot tell
  StudyTeam,  // only the study team can check it
};

// What a criterion's status means for the person.
enum class CriterionOutcome : std::uint8_t {
  Passes,      // nothing to worry about
  RulesOut,    // the person is not eligible because of it
  NeedsReview, // a self-report proxy says no; the study team talks it over
  Open,        // unknown: something the person could answer is missing
  StudyTeam,   // the study team checks it
};

// In order of how much they stand in the way: the verdict is the worst over all criteria.
enum class Verdict { LikelyEligible, NeedsReview, NotEligible };

struct CriterionResult {
  int criterion_index = 0;
  CriterionStatus status = CriterionStatus::Unknown;
  CriterionOutcome outcome = CriterionOutcome::Open;
};

struct SafetyAlert {
  int question_index = 0;
  std::string action;
};

// LiveEvaluation keeps these in a compact form of its own and puts them together when asked
// (LiveEvaluation::evaluation): a new field must be kept there too.
struct Evaluation {
  Verdict verdict = Verdict::NeedsReview;
  std::vector<CriterionResult> criteria;
  std::vector<SafetyAlert> safety;
  std::vector<bool> applies;  // per question: false when its ask_if is definitely false
};

// The answers that count: those to questions that apply. An answer to a question whose
// ask_if is false (say, after the person went back and changed an earlier answer) is kept
// in the AnswerSet but ignored here.
class EffectiveAnswers : public AnswerLookup {
 public:
  EffectiveAnswers(const Trial& trial, const AnswerSet& answers);
  const Answer* answer_at(int question_index) const override;
  bool applies(int question_index) const { return applies_[static_cast<size_t>(question_index)]; }
  const std::vector<bool>& applies_all() const { return applies_; }

 private:
  const AnswerSet& answers_;
  std::vector<bool> applies_;
};

// The answers as evaluation sees them, over an AnswerSet and per-question "applies" flags
// kept elsewhere (nothing is copied): which questions are answered (even where they no longer
// apply) and, through answer_at, the answers that count. One question's answer can be tried
// out in place of the real one: to ask "what if" without copying the set.
class AnswerView : public AnswerLookup {
 public:
  AnswerView(const AnswerSet& answers, const std::vector<bool>& applies) : answers_(answers), applies_(applies) {}
  // The answer given to a question, whether or not it applies; nullptr when unanswered.
  const Answer* given(int question_index) const {
    if (question_index == tried_question_) return tried_answer_;
    const auto i = static_cast<size_t>(question_index);
    return i < answers_.size() && answers_[i] ? &*answers_[i] : nullptr;
  }
  bool answered(int question_index) const { return given(question_index) != nullptr; }
  bool applies(int question_index) const { return applies_[static_cast<size_t>(question_index)]; }
  const Answer* answer_at(int question_index) const override {
    const auto i = static_cast<size_t>(question_index);
    return i < applies_.size() && applies_[i] ? given(question_index) : nullptr;
  }
  // Reads `answer` (which must outlive the view) as the answer to `question_index`.
  void try_answer(int question_index, const Answer* answer) {
    tried_question_ = question_index;
    tried_answer_ = answer;
  }

 private:
  const AnswerSet& answers_;
  const std::vector<bool>& applies_;
  int tried_question_ = -1;
  const Answer* tried_answer_ = nullptr;
};

// Whether `question` applies, given whether the earlier questions apply and their answers:
// its ask_if is not false, and every question its ask_if names applies.
bool question_applies(const Question& question, const std::vector<bool>& applies, const AnswerLookup& answers);

Evaluation evaluate(const Trial& trial, const AnswerSet& answers);

// The safety alerts that the answers trigger, in question order, into `out` (cleared first).
void collect_safety_alerts(const Trial& trial, const AnswerView& answers, std::vector<SafetyAlert>& out);

// Whether an answer that calls for crisis support still stands (the person may have changed
// it since). The support screen and every result screen ask this.
bool calls_for_crisis_support(const Evaluation& evaluation);
bool calls_for_crisis_support(const std::vector<SafetyAlert>& safety);

// What would change the result of a study that is close: the one criterion between the
// person and a better verdict (for a study they do not fit, the only criterion that rules
// them out, and only when no criterion is still open: an unasked question could rule them
// out too; for one to talk over, the only criterion to talk over or still open). Its index,
// or nullopt when the person may fit, or the study is not close.
std::optional<int> only_obstacle(const Evaluation& evaluation);

// The verdict one criterion's outcome alone would give: rules out -> not eligible; needs
// review or open -> needs review; passes or study team -> likely eligible.
inline Verdict verdict_for(CriterionOutcome outcome) {
  switch (outcome) {
    case CriterionOutcome::RulesOut: return Verdict::NotEligible;
    case CriterionOutcome::NeedsReview:
    case CriterionOutcome::Open: return Verdict::NeedsReview;
    case CriterionOutcome::Passes:
    case CriterionOutcome::StudyTeam: return Verdict::LikelyEligible;
  }
  return Verdict::NeedsReview;
}

// Whether a criterion with this status fails (an inclusion not met, an exclusion that applies).
inline bool criterion_fails(CriterionKind kind, CriterionStatus status) {
  return status == (kind == CriterionKind::Inclusion ? CriterionStatus::NotMet : CriterionStatus::Met);
}

// The criteria marked `out_of_reach` that the answers fail (trial.h): the study is out of the
// person's reach as things are, so its questions stop and its result says so. Indexes.
std::vector<int> out_of_reach_criteria(const Trial& trial, const Evaluation& evaluation);

// The criteria behind a verdict, as indexes: those that rule the person out when they are not
// eligible; otherwise those to talk over (review) or still open. Shown as the reasons.
std::vector<int> criteria_behind_verdict(const Evaluation& evaluation);

// The words to show for a criterion with this outcome: its `because` text when the
// person's own answers decided it (rules out, needs review) and the trial gives one, its
// neutral `text` otherwise. The one place that chooses, so no screen or report can show
// "because you told us" for an answer the person did not give.
const LocalText& criterion_text(const Criterion& criterion, CriterionOutcome outcome);

// Status and outcome of one criterion for the given answers.
CriterionResult evaluate_criterion(const Trial& trial, int criterion_index, const AnswerLookup& answers);
// The status and outcome of a criterion of this kind whose rule has this value (nullopt:
// it has no rule, the study team checks it). evaluate_criterion and CompiledTrial both use it.
inline CriterionResult criterion_result(int criterion_index, CriterionKind kind, WhenFails when_fails, std::optional<Tri> value) {
  CriterionResult r;
  r.criterion_index = criterion_index;
  if (!value) {
    r.status = CriterionStatus::StudyTeam;
    r.outcome = CriterionOutcome::StudyTeam;
    return r;
  }
  if (*value == Tri::Unknown) {
    r.status = CriterionStatus::Unknown;
    r.outcome = CriterionOutcome::Open;
    return r;
  }
  r.status = *value == Tri::True ? CriterionStatus::Met : CriterionStatus::NotMet;
  const bool fails = (kind == CriterionKind::Inclusion) == (*value == Tri::False);
  if (!fails) r.outcome = CriterionOutcome::Passes;
  else r.outcome = when_fails == WhenFails::Exclude ? CriterionOutcome::RulesOut : CriterionOutcome::NeedsReview;
  return r;
}

const char* verdict_id(Verdict v);            // likely_eligible / needs_review / not_eligible
const char* status_id(CriterionStatus s);     // met / not_met / unknown / study_team
const char* outcome_id(CriterionOutcome o);   // passes / rules_out / needs_review / open / study_team

}  // namespace trialmatch
