#include "catalog_session.h"

#include <algorithm>
#include <limits>

namespace trialmatch {

CatalogSession::CatalogSession(const Catalog& catalog, const std::vector<const Trial*>& trials)
    : catalog_(catalog), trials_(trials) {
  trials_.resize(catalog.studies.size(), nullptr);
  auto open = [&](size_t i) { return catalog.studies[i].open() && trials_[i]; };
  // Each key once, numbered, per study and question.
  for (size_t i = 0; i < catalog.studies.size(); ++i) {
    first_key_.push_back(key_ids_.size());
    if (!open(i)) continue;
    for (size_t q = 0; q < trials_[i]->questions.size(); ++q) {
      const std::string& id = trials_[i]->questions[q].id;
      std::string k = catalog_.is_shared(id) ? id : catalog_.studies[i].id + "/" + id;
      const auto [where, added] = key_numbers_.emplace(k, static_cast<int>(keys_.size()));
      if (added) keys_.push_back(std::move(k));
      key_ids_.push_back(where->second);
    }
  }
  // Each key's holders, in catalog order, then all of them in one array.
  holders_start_.assign(keys_.size() + 1, 0);
  for (int k : key_ids_) ++holders_start_[static_cast<size_t>(k) + 1];
  for (size_t k = 0; k < keys_.size(); ++k) holders_start_[k + 1] += holders_start_[k];
  std::vector<size_t> filled(holders_start_.begin(), holders_start_.end() - 1);
  holders_.resize(key_ids_.size());
  for (size_t i = 0; i < catalog.studies.size(); ++i) {
    if (!open(i)) continue;
    for (size_t q = 0; q < trials_[i]->questions.size(); ++q)
      holders_[filled[static_cast<size_t>(key_ids_[first_key_[i] + q])]++] = {static_cast<int>(i), static_cast<int>(q)};
  }
  // One plan per trial, shared by the studies that use it. Their compiled trials are then laid
  // out in one block in the order answers read them: key after key, the records of the studies
  // that ask it, in catalog order (CompiledTrial::lay_out_together), then each trial's table
  // of where its records are, in catalog order too. When each study has its own trial (as in a
  // real catalog), its records would otherwise lie apart from every other study's: an answer
  // would wait for memory once per study.
  std::vector<std::shared_ptr<LiveEvaluation::Plan>> plans;
  std::vector<int> plan_of(catalog.studies.size(), -1);  // per open study, its plan
  std::unordered_map<const Trial*, int> plan_of_trial;
  for (size_t i = 0; i < catalog.studies.size(); ++i) {
    if (!open(i)) continue;
    const auto [where, added] = plan_of_trial.emplace(trials_[i], static_cast<int>(plans.size()));
    if (added) plans.push_back(std::make_shared<LiveEvaluation::Plan>(*trials_[i]));
    plan_of[i] = where->second;
  }
  std::vector<CompiledTrial> apart;
  for (const auto& plan : plans) apart.push_back(plan->compiled());
  std::vector<std::pair<int, int>> order;
  for (const auto& [study, question] : holders_) order.emplace_back(plan_of[static_cast<size_t>(study)], question);
  const std::vector<CompiledTrial> together = CompiledTrial::lay_out_together(apart, order);
  for (size_t p = 0; p < plans.size(); ++p) plans[p]->lay_out(together[p]);
  // The sessions after the plans, so they lie one after the other in memory too (and before
  // the trials compiled apart are freed, so no session is made in the gaps they leave).
  for (size_t i = 0; i < catalog.studies.size(); ++i)
    sessions_.push_back(open(i) ? std::make_unique<Session>(plans[static_cast<size_t>(plan_of[i])]) : nullptr);
  set_aside_.assign(sessions_.size(), 0);
  holder_reach_.resize(holders_.size());
  for (size_t h = 0; h < holders_.size(); ++h)
    holder_reach_[h] = session(holders_[h].first).compiled().settle_reach(holders_[h].second);
}

int CatalogSession::find_key(const std::string& key) const {
  const auto it = key_numbers_.find(key);
  return it == key_numbers_.end() ? -1 : it->second;
}

CatalogSession::Holders CatalogSession::holders(const std::string& key) const {
  const int id = find_key(key);
  return id < 0 ? Holders{} : holders_of(id);
}

std::optional<AnswerProblem> CatalogSession::answer(const std::string& key, const Answer& a) {
  const int id = find_key(key);
  if (id < 0) return AnswerProblem{AnswerProblem::Fault::NoSuchQuestion, "no open study asks \"" + key + "\""};
  return answer(id, a);
}

std::optional<AnswerProblem> CatalogSession::answer(int id, const Answer& a) {
  if (id < 0 || id >= key_count())
    return AnswerProblem{AnswerProblem::Fault::NoSuchQuestion, "no open study asks question " + std::to_string(id)};
  const Holders where = holders_of(id);
  // Shared questions are defined identically, so the answer fits all of them or none.
  const Question& first = trial(where.front().first).questions[static_cast<size_t>(where.front().second)];
  if (auto problem = check_answer(first, a)) return problem;
  // Their options too, in the same order: so one coded answer fits them all.
  const CodedAnswer coded = code_answer(first, a);
  // In batches: first the memory of each session of the batch the update will use is read, in
  // steps, each step reading for every study of the batch what the next step needs to find (so
  // the processor fetches the memory of many studies at once); then each study stores the
  // answer and is brought up to date, its memory in the cache by then. One study after another,
  // each would wait for its memory in turn, and with thousands of studies that wait is most of
  // the time. (The compiled records, and each trial's table of where they are, are not read
  // ahead: they lie in the order an answer reads them.)
  unsigned read = 0;
  for (size_t begin = 0; begin < where.size(); begin += kBatch) {
    const size_t end = std::min(where.size(), begin + kBatch);
    for (int step = 0; step < Session::kReadSteps; ++step)
      for (size_t i = begin; i < end; ++i) read += sessions_[static_cast<size_t>(where[i].first)]->read_ahead(where[i].second, step);
    for (size_t i = begin; i < end; ++i) {
      Session& s = *sessions_[static_cast<size_t>(where[i].first)];
      s.store_answer(where[i].second, a, coded);
      s.changed(where[i].second);
    }
  }
  read_sink_ = read;
  if (std::find(history_.begin(), history_.end(), id) == history_.end()) history_.push_back(id);
  next_known_ = false;
  return std::nullopt;
}

void CatalogSession::reset() {
  for (auto& s : sessions_)
    if (s) s->reset();
  history_.clear();
  std::fill(set_aside_.begin(), set_aside_.end(), 0);
  next_known_ = false;
}

void CatalogSession::set_aside(int study, bool aside) {
  if (!open(study) || is_set_aside(study) == aside) return;
  set_aside_[static_cast<size_t>(study)] = aside ? 1 : 0;
  next_known_ = false;
}

const std::optional<CatalogSession::Next>& CatalogSession::next_question() const {
  if (!next_known_) {
    next_ = work_out_next_question();
    next_known_ = true;
    ++choices_worked_out_;
  }
  return next_;
}

bool CatalogSession::settled(int study) const { return session(study).finished(); }

// A question is asked only once what decides whether it applies is known: every question
// its ask_if names is answered, or can no longer be asked.
bool CatalogSession::dependencies_answered(int study, int question) const {
  const Session& s = session(study);
  if (!s.gated(question)) return true;
  for (int d : s.compiled().ask_if_questions(question))
    if (!s.answered(d) && s.applies(d)) return false;
  return true;
}

// The chance that answering `question` settles `study`, each class of answers the study's
// conditions tell apart counted as equally likely.
double CatalogSession::expected_settled(int study, int question, int settle_reach) const {
  const Session& s = session(study);
  if (!s.might_finish(question, settle_reach)) return 0;
  const CompiledTrial::Items<CodedAnswer> classes = s.compiled().classes(question);
  if (classes.empty()) return 0;
  int settling = 0;
  for (const CodedAnswer& c : classes)
    if (s.would_finish(question, c)) ++settling;
  return static_cast<double>(settling) / static_cast<double>(classes.size());
}

// The candidates are the questions each study still in play would ask next in its own order
// (its authors put easier questions first), so a catalog of one study asks exactly as the
// study does alone. Among them, the one expected to settle the most studies wins: its gain
// counts every study it can still change. Questions with a safety trigger come after the
// others; ties go to the question more studies need, then to catalog order.
std::optional<CatalogSession::Next> CatalogSession::work_out_next_question() const {
  std::vector<Candidate> candidates;
  std::vector<bool> proposed(keys_.size(), false);
  std::optional<Next> fallback;  // a study's next question still waiting on its ask_if
  for (size_t i = 0; i < sessions_.size(); ++i) {
    if (!in_play(static_cast<int>(i)) || settled(static_cast<int>(i))) continue;
    const int q = sessions_[i]->next_question();
    if (q < 0) continue;
    if (!dependencies_answered(static_cast<int>(i), q)) {
      if (!fallback) fallback = Next{key_id(static_cast<int>(i), q), key(static_cast<int>(i), q), static_cast<int>(i), q};
      continue;
    }
    const int k = key_id(static_cast<int>(i), q);
    if (proposed[static_cast<size_t>(k)]) continue;  // proposed by an earlier study already
    proposed[static_cast<size_t>(k)] = true;
    Candidate c;
    c.key = k;
    c.study = static_cast<int>(i);
    c.question = q;
    const Holders holders = holders_of(k);
    const int* reach = reach_of(k);
    for (size_t h = 0; h < holders.size(); ++h) {
      const auto [study, question] = holders[h];
      if (!can_change(study, question)) continue;
      c.studies += 1;
      c.could_settle += session(study).might_finish(question, reach[h]) ? 1 : 0;
      c.sensitive = c.sensitive || session(study).carries_safety(question);
    }
    candidates.push_back(c);
  }
  // Never stop while a study is unsettled: a study's own order asks what its ask_if needs
  // first, so this is only a safety net.
  if (candidates.empty()) return fallback;
  const Candidate& best = best_candidate(candidates);
  return Next{best.key, keys_[static_cast<size_t>(best.key)], best.study, best.question};
}

bool CatalogSession::can_change(int study, int question) const {
  return !is_set_aside(study) && !settled(study) && session(study).relevant(question);
}

// The gain of every candidate is a sum over thousands of studies, but only the best one is
// wanted: a candidate's gain lies between what is counted so far and that plus one for each
// study still to count that it could settle (could_settle: its settle reach allows it), so
// counting stops as soon as the leader cannot be overtaken, and a candidate that cannot reach
// the best gain is never counted. The choice is the one counting
// every gain would make: gains that come close are counted in full, in the same order.
const CatalogSession::Candidate& CatalogSession::best_candidate(std::vector<Candidate>& candidates) const {
  // Questions with a safety trigger only when every candidate has one.
  const bool all_sensitive =
      std::all_of(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.sensitive; });
  std::vector<Candidate*> contenders;
  for (Candidate& c : candidates)
    if (c.sensitive == all_sensitive) contenders.push_back(&c);
  // Counted first: the one with the most studies (the most a gain can be), the first in catalog
  // order among equals. The others in any order: each is counted only if it could reach the
  // best so far, and the best is the greatest by gain, then studies, then catalog order.
  Candidate* best = *std::max_element(contenders.begin(), contenders.end(),
                                      [](const Candidate* a, const Candidate* b) { return a->studies < b->studies; });
  if (contenders.size() == 1) return *best;
  // Far more than the rounding of a sum of this many terms: closer gains are counted in full.
  auto margin = [](int studies) { return 1e-6 * std::max(1, studies); };
  int runner_up = 0;    // the most gain another could have
  int most_others = 0;  // the most studies another has
  for (const Candidate* c : contenders)
    if (c != best) {
      runner_up = std::max(runner_up, c->could_settle);
      most_others = std::max(most_others, c->studies);
    }
  if (count_gain(*best, runner_up + margin(most_others))) return *best;
  const Candidate* first = best;
  for (Candidate* candidate : contenders) {
    if (candidate == first) continue;
    Candidate& c = *candidate;
    if (c.could_settle + margin(c.studies) < best->gain) continue;  // it cannot reach the best
    count_gain(c, std::numeric_limits<double>::infinity());
    const bool ahead = c.gain != best->gain ? c.gain > best->gain
                       : c.studies != best->studies ? c.studies > best->studies
                                                    : c.study < best->study;
    if (ahead) best = &c;
  }
  return *best;
}

// Adds up the candidate's gain, in holder order, until it passes `enough`: returns whether
// it did (the gain is then only partly counted), otherwise the gain is complete.
bool CatalogSession::count_gain(Candidate& c, double enough) const {
  c.gain = 0;
  if (c.could_settle == 0) return false;  // no study it could settle: its gain is 0
  const Holders holders = holders_of(c.key);
  const int* reach = reach_of(c.key);
  for (size_t h = 0; h < holders.size(); ++h) {
    const auto [study, question] = holders[h];
    if (!can_change(study, question)) continue;
    c.gain += expected_settled(study, question, reach[h]);
    if (c.gain > enough) return true;
  }
  return false;
}

std::vector<CatalogSession::Match> CatalogSession::ranking() const {
  std::vector<Match> out;
  for (Verdict v : {Verdict::LikelyEligible, Verdict::NeedsReview, Verdict::NotEligible})
    for (const bool out_of_reach : {false, true})
      for (size_t i = 0; i < sessions_.size(); ++i) {
        if (!sessions_[i] || sessions_[i]->verdict() != v) continue;
        const bool reach = v == Verdict::NeedsReview &&
                           !out_of_reach_criteria(sessions_[i]->trial(), sessions_[i]->evaluation()).empty();
        if (reach == out_of_reach) out.push_back({static_cast<int>(i), v, settled(static_cast<int>(i)), reach});
      }
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
    if (s && s->calls_for_crisis_support()) return true;
  return false;
}

}  // namespace trialmatch
