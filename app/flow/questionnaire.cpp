#include "questionnaire.h"

#include <algorithm>

namespace trialmatch::flow {

namespace {

// Read from the live alerts, and only for a question that carries a safety trigger: a
// catalog asks this of every study that asks the question, before and after each answer.
int alerts_in(const Session& session, int question_index) {
  if (!session.carries_safety(question_index)) return 0;
  int n = 0;
  for (const SafetyAlert& s : session.safety_alerts()) n += s.question_index == question_index ? 1 : 0;
  return n;
}

}  // namespace

bool Questionnaire::safety_answer_withheld() const {
  for (int q : path()) {
    const std::optional<Answer>& a = answer_to(q);
    if (question(q).safety && a && a->is_unknown()) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// [SECTION] One study
// ---------------------------------------------------------------------------------------
StudyQuestionnaire::StudyQuestionnaire(Trial trial) : trial_(std::move(trial)), session_(trial_) {}

// The path follows the trial's order.
int StudyQuestionnaire::position(int q) const {
  int n = 0;
  for (int h : session_.progress().history) n += h < q ? 1 : 0;
  return n;
}

int StudyQuestionnaire::alerts_from(int q) const { return alerts_in(session_, q); }

bool StudyQuestionnaire::calls_for_crisis_support() const {
  return trialmatch::calls_for_crisis_support(session_.evaluation());
}

// ---------------------------------------------------------------------------------------
// [SECTION] A catalog
// ---------------------------------------------------------------------------------------
CatalogQuestionnaire::CatalogQuestionnaire(Catalog catalog, std::vector<std::shared_ptr<const Trial>> trials)
    : catalog_(std::move(catalog)), trials_(std::move(trials)) {
  std::vector<const Trial*> pointers;
  for (const auto& t : trials_) pointers.push_back(t.get());
  session_ = std::make_unique<CatalogSession>(catalog_, pointers);
}

const Question& CatalogQuestionnaire::question(int q) const {
  const auto& [study, index] = session_->holders(q).front();
  return session_->trial(study).questions[static_cast<size_t>(index)];
}

int CatalogQuestionnaire::only_study(int q) const {
  const CatalogSession::Holders holders = session_->holders(q);
  return catalog_.is_shared(question(q).id) || holders.size() != 1 ? -1 : holders.front().first;
}

const std::optional<Answer>& CatalogQuestionnaire::answer_to(int q) const {
  const auto& [study, index] = session_->holders(q).front();
  return session_->session(study).answer_to(index);
}

std::optional<AnswerProblem> CatalogQuestionnaire::answer(int q, const Answer& answer) {
  derived_.reset();
  return session_->answer(q, answer);
}

void CatalogQuestionnaire::reset() {
  derived_.reset();
  session_->reset();
}

void CatalogQuestionnaire::set_aside(int study, bool aside) {
  derived_.reset();
  session_->set_aside(study, aside);
}

int CatalogQuestionnaire::next_question() const {
  const auto& next = session_->next_question();
  return next ? next->id : -1;
}

// Read from each study's live state (answered, applies), as its progress().history would
// say, without working out the progress of thousands of studies after each answer.
bool CatalogQuestionnaire::counts(int q) const {
  for (const auto& [study, index] : session_->holders(q)) {
    const Session& s = session_->session(study);
    if (s.answered(index) && s.applies(index)) return true;
  }
  return false;
}

const CatalogQuestionnaire::Derived& CatalogQuestionnaire::derived() const {
  if (!derived_) {
    Derived d;
    for (int q : session_->history())
      if (counts(q)) d.path.push_back(q);
    d.estimated_total = work_out_estimated_total(static_cast<int>(d.path.size()));
    derived_ = std::move(d);
  }
  return *derived_;
}

std::vector<int> CatalogQuestionnaire::path() const { return derived().path; }

// The path follows the order of asking: a question not answered yet comes last.
int CatalogQuestionnaire::position(int q) const {
  const std::vector<int>& p = derived().path;
  return static_cast<int>(std::find(p.begin(), p.end(), q) - p.begin());
}

int CatalogQuestionnaire::previous_question(int q) const {
  const std::vector<int>& p = derived().path;
  const auto at = std::find(p.begin(), p.end(), q);
  if (at == p.end()) return p.empty() ? -1 : p.back();
  return at == p.begin() ? -1 : *(at - 1);
}

int CatalogQuestionnaire::estimated_total() const { return derived().estimated_total; }

// The answered questions, and every question some study in play could still ask, each once (a
// shared question counts once however many studies ask it). At most that many are left, and
// answers only make it fewer (a question opened by an answer was counted already, unless its
// gate had ruled it out), so the estimate a person sees at the start does not grow.
int CatalogQuestionnaire::work_out_estimated_total(int answered) const {
  std::vector<char> counted(static_cast<size_t>(session_->key_count()), 0);
  int remaining = 0;
  for (size_t s = 0; s < trials_.size(); ++s) {
    if (!session_->in_play(static_cast<int>(s))) continue;
    const Session& session = session_->session(static_cast<int>(s));
    const int questions = session_->question_count(static_cast<int>(s));
    for (int q = 0; q < questions; ++q) {
      if (!session.relevant(q)) continue;  // as in its progress().relevant
      const int k = session_->key_id(static_cast<int>(s), q);
      if (!counted[static_cast<size_t>(k)]) {
        counted[static_cast<size_t>(k)] = 1;
        ++remaining;
      }
    }
  }
  return answered + remaining;
}

int CatalogQuestionnaire::alerts_from(int q) const {
  int n = 0;
  for (const auto& [study, index] : session_->holders(q)) n += alerts_in(session_->session(study), index);
  return n;
}

bool CatalogQuestionnaire::mental_health() const {
  for (size_t s = 0; s < trials_.size(); ++s)
    if (trials_[s] && trials_[s]->info.mental_health) return true;
  return false;
}

}  // namespace trialmatch::flow
