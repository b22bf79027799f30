#include "paths.h"

#include <algorithm>

#include "navigation.h"

namespace trialmatch {

std::string path_state_key(const Trial& trial, const AnswerSet& answers, const Evaluation& e) {
  auto open = [&](int q) { return !answers[static_cast<size_t>(q)] && e.applies[static_cast<size_t>(q)]; };
  std::vector<bool> live_question(trial.questions.size(), false);
  std::string live_criteria;
  Verdict worst = Verdict::LikelyEligible;  // among criteria nothing can change any more
  for (const CriterionResult& r : e.criteria) {
    if (r.status == CriterionStatus::Unknown) {
      const auto refs = referenced_questions(*trial.criteria[static_cast<size_t>(r.criterion_index)].rule);
      if (std::any_of(refs.begin(), refs.end(), open)) {
        live_criteria += std::to_string(r.criterion_index) + ",";
        for (int q : refs) live_question[static_cast<size_t>(q)] = true;
        continue;
      }
    }
    worst = std::max(worst, verdict_for(r.outcome));
  }
  std::string key = std::string(verdict_id(worst)) + "|" + live_criteria + "|";
  for (const Question& q : trial.questions) {
    if (!open(q.index)) continue;
    key += std::to_string(q.index) + ",";
    if (q.ask_if)
      for (int ref : referenced_questions(*q.ask_if)) live_question[static_cast<size_t>(ref)] = true;
  }
  // Safety triggers of questions still to come may name earlier answers too.
  for (const Question& q : trial.questions)
    if (q.safety && open(q.index))
      for (int ref : referenced_questions(q.safety->when)) live_question[static_cast<size_t>(ref)] = true;
  key += "|";
  EffectiveAnswers effective(trial, answers);
  for (size_t q = 0; q < live_question.size(); ++q) {
    if (!live_question[q]) continue;
    const Answer* a = effective.answer_at(static_cast<int>(q));
    key += std::to_string(q) + "=" + (a ? a->key() : "-") + ";";
  }
  key += "|";
  for (const SafetyAlert& s : e.safety) key += std::to_string(s.question_index) + s.action + ",";
  // Out of reach, the questions stop (but for safety ones): a future of its own.
  if (!out_of_reach_criteria(trial, e).empty()) key += "|out of reach";
  return key;
}

namespace {

struct Walker {
  const Trial& trial;
  Navigator navigator;
  const std::function<void(const QuestionPath&)>& visit;
  size_t limit;
  size_t count = 0;
  QuestionPath path;

  void walk() {
    if (count >= limit) return;
    Evaluation evaluation = evaluate(trial, path.answers);
    std::vector<int> relevant = navigator.relevant_questions(path.answers, evaluation);
    if (relevant.empty()) {
      path.evaluation = std::move(evaluation);
      ++count;
      visit(path);
      return;
    }
    const int q = relevant.front();
    auto& slot = path.answers[static_cast<size_t>(q)];
    // Group this question's answer classes by the state each leads to.
    std::vector<std::pair<std::string, std::pair<const AnswerClass*, std::string>>> branches;
    for (const AnswerClass& k : navigator.classes(q)) {
      slot = k.representative;
      std::string key = path_state_key(trial, path.answers, evaluate(trial, path.answers));
      auto it = std::find_if(branches.begin(), branches.end(), [&](const auto& b) { return b.first == key; });
      if (it == branches.end()) branches.push_back({key, {&k, k.label}});
      else it->second.second += " | " + k.label;
    }
    for (const auto& branch : branches) {
      slot = branch.second.first->representative;
      path.steps.push_back({q, branch.second.second});
      walk();
      path.steps.pop_back();
      if (count >= limit) break;
    }
    slot.reset();
  }
};

}  // namespace

size_t for_each_path(const Trial& trial, const std::function<void(const QuestionPath&)>& visit, size_t limit) {
  Walker walker{trial, Navigator(trial), visit, limit, 0, {}};
  walker.path.answers.resize(trial.questions.size());
  walker.walk();
  return walker.count;
}

}  // namespace trialmatch
