#include "catalog_session.h"

#include <algorithm>

namespace trialmatch {

CatalogSession::CatalogSession(const Catalog& catalog, const std::vector<const Trial*>& trials)
    : catalog_(catalog), trials_(trials) {
  trials_.resize(catalog.studies.size(), nullptr);
  key_ids_.resize(catalog.studies.size());
  for (size_t i = 0; i < catalog.studies.size(); ++i) {
    const bool open = catalog.studies[i].open() && trials_[i];
    sessions_.push_back(open ? std::make_unique<Session>(*trials_[i]) : nullptr);
    if (!open) continue;
    for (size_t q = 0; q < trials_[i]->questions.size(); ++q) {
      const std::string& id = trials_[i]->questions[q].id;
      std::string k = catalog_.is_shared(id) ? id : catalog_.studies[i].id + "/" + id;
      const auto [where, added] = key_numbers_.emplace(k, static_cast<int>(keys_.size()));
      if (added) {
        keys_.push_back(std::move(k));
        holders_.emplace_back();
      }
      key_ids_[i].push_back(where->second);
      holders_[static_cast<size_t>(where->second)].emplace_back(static_cast<int>(i), static_cast<int>(q));
    }
  }
}

const std::vector<std::pair<int, int>>& CatalogSession::holders(const std::string& key) const {
  static const std::vector<std::pair<int, int>> none;
  const auto it = key_numbers_.find(key);
  return it == key_numbers_.end() ? none : holders_[static_cast<size_t>(it->second)];
}

std::optional<AnswerProblem> CatalogSession::answer(const std::string& key, const Answer& a) {
  const auto where = holders(key);
  if (where.empty()) return AnswerProblem{AnswerProblem::Fault::NoSuchQuestion, "no open study asks \"" + key + "\""};
  // Shared questions are defined identically, so the answer fits all of them or none.
  if (auto problem = check_answer(trial(where.front().first).questions[static_cast<size_t>(where.front().second)], a))
    return problem;
  for (const auto& [study, question] : where) sessions_[static_cast<size_t>(study)]->answer(question, a);
  history_.erase(std::remove(history_.begin(), history_.end(), key), history_.end());
  history_.push_back(key);
  return std::nullopt;
}

void CatalogSession::reset() {
  for (auto& s : sessions_)
    if (s) s->reset();
  history_.clear();
}

bool CatalogSession::settled(int study) const { return session(study).finished(); }

// A question is asked only once what decides whether it applies is known: every question
// its ask_if names is answered, or can no longer be asked.
bool CatalogSession::dependencies_answered(int study, int question) const {
  const Trial& t = trial(study);
  const Question& q = t.questions[static_cast<size_t>(question)];
  if (!q.ask_if) return true;
  const Session& s = session(study);
  const EffectiveAnswers effective(t, s.answers());
  for (int d : referenced_questions(*q.ask_if))
    if (!s.answer_to(d) && effective.applies(d)) return false;
  return true;
}

// The chance that answering `question` settles `study`, each class of answers the study's
// conditions tell apart counted as equally likely.
double CatalogSession::expected_settled(int study, int question) const {
  const Session& s = session(study);
  const std::vector<AnswerClass>& classes = s.navigator().classes(question);
  if (classes.empty()) return 0;
  int settling = 0;
  AnswerSet answers = s.answers();
  for (const AnswerClass& c : classes) {
    answers[static_cast<size_t>(question)] = c.representative;
    if (s.navigator().settled(answers, evaluate(s.trial(), answers))) ++settling;
  }
  return static_cast<double>(settling) / static_cast<double>(classes.size());
}

// The candidates are the questions each study still in play would ask next in its own order
// (its authors put easier questions first), so a catalog of one study asks exactly as the
// study does alone. Among them, the one expected to settle the most studies wins: its gain
// counts every study it can still change. Questions with a safety trigger come after the
// others; ties go to the question more studies need, then to catalog order.
std::optional<CatalogSession::Next> CatalogSession::next_question() const {
  struct Candidate {
    Next next;
    double gain = 0;  // studies expected to be settled by the answer
    int studies = 0;  // studies it can still change
    bool sensitive = false;
  };
  std::vector<Candidate> candidates;
  std::vector<bool> proposed(keys_.size(), false);
  std::optional<Next> fallback;  // a study's next question still waiting on its ask_if
  for (size_t i = 0; i < sessions_.size(); ++i) {
    if (!sessions_[i] || settled(static_cast<int>(i))) continue;
    const int q = sessions_[i]->progress().next_question;
    if (q < 0) continue;
    if (!dependencies_answered(static_cast<int>(i), q)) {
      if (!fallback) fallback = Next{key(static_cast<int>(i), q), static_cast<int>(i), q};
      continue;
    }
    const int k = key_ids_[i][static_cast<size_t>(q)];
    if (proposed[static_cast<size_t>(k)]) continue;  // proposed by an earlier study already
    proposed[static_cast<size_t>(k)] = true;
    Candidate c;
    c.next = {keys_[static_cast<size_t>(k)], static_cast<int>(i), q};
    for (const auto& [study, question] : holders_[static_cast<size_t>(k)]) {
      if (settled(study)) continue;
      const std::vector<int>& relevant = session(study).progress().relevant;
      if (std::find(relevant.begin(), relevant.end(), question) == relevant.end()) continue;
      c.gain += expected_settled(study, question);
      c.studies += 1;
      c.sensitive = c.sensitive || trial(study).questions[static_cast<size_t>(question)].safety.has_value();
    }
    candidates.push_back(c);
  }
  // Never stop while a study is unsettled: a study's own order asks what its ask_if needs
  // first, so this is only a safety net.
  if (candidates.empty()) return fallback;
  auto better = [](const Candidate& a, const Candidate& b) {
    if (a.sensitive != b.sensitive) return !a.sensitive;
    if (a.gain != b.gain) return a.gain > b.gain;
    return a.studies > b.studies;
  };
  const Candidate* best = &candidates.front();
  for (const Candidate& c : candidates)
    if (better(c, *best)) best = &c;
  return best->next;
}

std::vector<CatalogSession::Match> CatalogSession::ranking() const {
  std::vector<Match> out;
  for (Verdict v : {Verdict::LikelyEligible, Verdict::NeedsReview, Verdict::NotEligible})
    for (size_t i = 0; i < sessions_.size(); ++i)
      if (sessions_[i] && sessions_[i]->evaluation().verdict == v)
        out.push_back({static_cast<int>(i), v, settled(static_cast<int>(i))});
  return out;
}

std::vector<int> CatalogSession::closed_studies() const {
  std::vector<int> out;
  for (size_t i = 0; i < sessions_.size(); ++i)
    if (!sessions_[i]) out.push_back(static_cast<int>(i));
  return out;
}

bool CatalogSession::calls_for_crisis_support() const {
  for (const auto& s : sessions_)
    if (s && trialmatch::calls_for_crisis_support(s->evaluation())) return true;
  return false;
}

}  // namespace trialmatch
