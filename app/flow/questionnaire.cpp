#include "questionnaire.h"

#include <algorithm>

namespace trialmatch::flow {

namespace {

int alerts_in(const Session& session, int question_index) {
  int n = 0;
  for (const SafetyAlert& s : session.evaluation().safety) n += s.question_index == question_index ? 1 : 0;
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
CatalogQuestionnaire::CatalogQuestionnaire(Catalog catalog, std::vector<std::unique_ptr<Trial>> trials)
    : catalog_(std::move(catalog)), trials_(std::move(trials)) {
  std::vector<const Trial*> pointers;
  for (const auto& t : trials_) pointers.push_back(t.get());
  session_ = std::make_unique<CatalogSession>(catalog_, pointers);
  // Every question any open study may ask, once, in catalog order.
  for (size_t s = 0; s < trials_.size(); ++s) {
    if (!session_->open(static_cast<int>(s))) continue;
    for (size_t q = 0; q < trials_[s]->questions.size(); ++q) {
      const std::string key = session_->key(static_cast<int>(s), static_cast<int>(q));
      if (index_.emplace(key, static_cast<int>(questions_.size())).second) {
        const CatalogSession::Holders holders = session_->holders(key);
        questions_.push_back({key, {holders.begin(), holders.end()}});
      }
    }
  }
}

int CatalogQuestionnaire::index_of(const std::string& key) const {
  const auto it = index_.find(key);
  return it == index_.end() ? -1 : it->second;
}

const Question& CatalogQuestionnaire::question(int q) const {
  const auto& [study, index] = questions_[static_cast<size_t>(q)].holders.front();
  return session_->trial(study).questions[static_cast<size_t>(index)];
}

int CatalogQuestionnaire::only_study(int q) const {
  const Entry& e = questions_[static_cast<size_t>(q)];
  return catalog_.is_shared(question(q).id) || e.holders.size() != 1 ? -1 : e.holders.front().first;
}

const std::optional<Answer>& CatalogQuestionnaire::answer_to(int q) const {
  const auto& [study, index] = questions_[static_cast<size_t>(q)].holders.front();
  return session_->session(study).answer_to(index);
}

std::optional<AnswerProblem> CatalogQuestionnaire::answer(int q, const Answer& answer) {
  if (auto problem = session_->answer(questions_[static_cast<size_t>(q)].key, answer)) return problem;
  if (std::find(asked_.begin(), asked_.end(), q) == asked_.end()) asked_.push_back(q);
  return std::nullopt;
}

void CatalogQuestionnaire::reset() {
  session_->reset();
  asked_.clear();
}

int CatalogQuestionnaire::next_question() const {
  const auto next = session_->next_question();
  return next ? index_of(next->key) : -1;
}

bool CatalogQuestionnaire::counts(int q) const {
  for (const auto& [study, index] : questions_[static_cast<size_t>(q)].holders) {
    const std::vector<int>& history = session_->session(study).progress().history;
    if (std::find(history.begin(), history.end(), index) != history.end()) return true;
  }
  return false;
}

std::vector<int> CatalogQuestionnaire::path() const {
  std::vector<int> out;
  for (int q : asked_)
    if (counts(q)) out.push_back(q);
  return out;
}

// The path follows the order of asking: a question not answered yet comes last.
int CatalogQuestionnaire::position(int q) const {
  const std::vector<int> p = path();
  return static_cast<int>(std::find(p.begin(), p.end(), q) - p.begin());
}

int CatalogQuestionnaire::previous_question(int q) const {
  const std::vector<int> p = path();
  const auto at = std::find(p.begin(), p.end(), q);
  if (at == p.end()) return p.empty() ? -1 : p.back();
  return at == p.begin() ? -1 : *(at - 1);
}

// The answered questions, and every question some study in play could still ask, each once (a
// shared question counts once however many studies ask it). At most that many are left, and
// answers only make it fewer (a question opened by an answer was counted already, unless its
// gate had ruled it out), so the estimate a person sees at the start does not grow.
int CatalogQuestionnaire::estimated_total() const {
  std::vector<char> counted(questions_.size(), 0);
  int remaining = 0;
  for (size_t s = 0; s < trials_.size(); ++s) {
    if (!session_->in_play(static_cast<int>(s))) continue;
    for (int q : session_->session(static_cast<int>(s)).progress().relevant) {
      const int k = index_of(session_->key(static_cast<int>(s), q));
      if (k >= 0 && !counted[static_cast<size_t>(k)]) {
        counted[static_cast<size_t>(k)] = 1;
        ++remaining;
      }
    }
  }
  return static_cast<int>(path().size()) + remaining;
}

int CatalogQuestionnaire::alerts_from(int q) const {
  int n = 0;
  for (const auto& [study, index] : questions_[static_cast<size_t>(q)].holders) n += alerts_in(session_->session(study), index);
  return n;
}

bool CatalogQuestionnaire::mental_health() const {
  for (size_t s = 0; s < trials_.size(); ++s)
    if (trials_[s] && trials_[s]->info.mental_health) return true;
  return false;
}

}  // namespace trialmatch::flow
