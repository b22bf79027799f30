#include "report_json.h"


namespace trialmatch {

using nlohmann::json;

json answer_to_json(const Answer& a) {
  switch (a.kind) {
    case Answer::Kind::Unknown: return unknown_kind_id(a.unknown_kind);
    case Answer::Kind::Choice: return a.choice;
    case Answer::Kind::Choices: return a.choices;
    case Answer::Kind::Number: return a.number;
    case Answer::Kind::MonthYear: return format_month_year(static_cast<int>(a.number));
  }
  return nullptr;
}

json evaluation_to_json(const Trial& trial, const AnswerSet& answers, const Evaluation& e, const Progress& progress,
                        const std::string& lang) {
  json out;
  out["trial"] = trial.info.id;
  out["language"] = lang;
  out["verdict"] = verdict_id(e.verdict);
  json criteria = json::array();
  for (const CriterionResult& r : e.criteria) {
    const Criterion& c = trial.criteria[static_cast<size_t>(r.criterion_index)];
    criteria.push_back({{"id", c.id},
                        {"type", c.kind == CriterionKind::Inclusion ? "inclusion" : "exclusion"},
                        {"status", status_id(r.status)},
                        {"outcome", outcome_id(r.outcome)},
                        {"reason", text_in(criterion_text(c, r.outcome), lang)}});
  }
  out["criteria"] = criteria;
  json safety = json::array();
  for (const SafetyAlert& s : e.safety)
    safety.push_back({{"question", trial.questions[static_cast<size_t>(s.question_index)].id}, {"action", s.action}});
  out["safety_actions"] = safety;
  out["next_question"] =
      progress.next_question < 0 ? json(nullptr) : json(trial.questions[static_cast<size_t>(progress.next_question)].id);
  json ignored = json::array();
  for (const Question& q : trial.questions)
    if (answers[static_cast<size_t>(q.index)] && !e.applies[static_cast<size_t>(q.index)]) ignored.push_back(q.id);
  if (!ignored.empty()) out["ignored_answers"] = ignored;
  out["study_team_note"] = text_in(trial.info.full_criteria_note, lang);
  return out;
}

json path_to_json(const Trial& trial, const QuestionPath& path) {
  json steps = json::array();
  for (const PathStep& s : path.steps)
    steps.push_back({{"question", trial.questions[static_cast<size_t>(s.question_index)].id}, {"answer", s.answer}});
  json deciding = json::array();
  for (int c : criteria_behind_verdict(path.evaluation))
    deciding.push_back({{"id", trial.criteria[static_cast<size_t>(c)].id},
                        {"outcome", outcome_id(path.evaluation.criteria[static_cast<size_t>(c)].outcome)}});
  json safety = json::array();
  for (const SafetyAlert& s : path.evaluation.safety) safety.push_back(s.action);
  return {{"steps", steps}, {"verdict", verdict_id(path.evaluation.verdict)}, {"because", deciding}, {"safety_actions", safety}};
}

}  // namespace trialmatch
