#include "report_json.h"

#include "input_limits.h"
#include "json_text.h"
#include "session.h"

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
                        {"reason", text_in(c.text, lang)}});
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
  for (const CriterionResult& r : path.evaluation.criteria)
    if (r.outcome == CriterionOutcome::RulesOut || r.outcome == CriterionOutcome::NeedsReview ||
        r.outcome == CriterionOutcome::Open)
      deciding.push_back({{"id", trial.criteria[static_cast<size_t>(r.criterion_index)].id}, {"outcome", outcome_id(r.outcome)}});
  json safety = json::array();
  for (const SafetyAlert& s : path.evaluation.safety) safety.push_back(s.action);
  return {{"steps", steps}, {"verdict", verdict_id(path.evaluation.verdict)}, {"because", deciding}, {"safety_actions", safety}};
}

namespace {

std::optional<Answer> unknown_from(const std::string& s) {
  if (s == "unknown" || s == "not_sure") return Answer::unknown(UnknownKind::NotSure);
  if (s == "prefer_not_to_say") return Answer::unknown(UnknownKind::PreferNotToSay);
  return std::nullopt;
}

// Turns one JSON value into an answer of the question's type, or explains why it cannot.
std::optional<Answer> answer_from_json(const Question& q, const json& v, std::string& error) {
  if (v.is_string()) {
    if (auto u = unknown_from(v.get_ref<const std::string&>())) return u;
  }
  switch (q.type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice:
      if (v.is_string()) return Answer::of_choice(v.get<std::string>());
      error = "expects one option as a string" + std::string(q.type == QuestionType::YesNo ? " (\"yes\" or \"no\")" : "");
      return std::nullopt;
    case QuestionType::MultipleChoice: {
      if (!v.is_array()) {
        error = "expects a list of option ids, like [\"" + (q.options.empty() ? std::string("a") : q.options[0].id) + "\"]";
        return std::nullopt;
      }
      std::vector<std::string> ids;
      for (const json& item : v) {
        if (!item.is_string()) {
          error = "expects a list of option ids (strings), but the list holds " + json_type_name(item);
          return std::nullopt;
        }
        ids.push_back(item.get<std::string>());
      }
      return Answer::of_choices(ids);
    }
    case QuestionType::Number:
      if (v.is_number()) return Answer::of_number(v.get<double>());
      error = "expects a number";
      return std::nullopt;
    case QuestionType::MonthYear:
      if (v.is_string())
        if (auto m = parse_month_year(v.get_ref<const std::string&>())) return Answer::of_month_year(*m);
      error = "expects a month and year like \"2024-05\"";
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

AnswersFileResult answers_from_json(const Trial& trial, const json& document) {
  AnswersFileResult result;
  result.answers.resize(trial.questions.size());
  if (!document.is_object()) {
    result.errors.push_back("the answers must be a JSON object mapping question ids to answers, not " +
                            json_type_name(document));
    return result;
  }
  size_t dropped = 0;
  auto add_error = [&](std::string message) {
    if (result.errors.size() < limits::kMaxErrors) result.errors.push_back(std::move(message));
    else ++dropped;
  };
  for (const auto& item : document.items()) {
    const Question* q = trial.find_question(item.key());
    if (!q) {
      add_error(quoted(item.key()) + ": there is no question with this id in trial " + trial.info.id);
      continue;
    }
    std::string error;
    std::optional<Answer> a = answer_from_json(*q, item.value(), error);
    if (!a) {
      const json& v = item.value();
      const std::string shown = v.is_primitive() ? v.dump(-1, ' ', false, json::error_handler_t::replace) : json_type_name(v);
      add_error(quoted(item.key()) + ": the answer " + shorten(shown) + " does not fit: this " +
                              question_type_id(q->type) + " question " + error);
      continue;
    }
    if (auto problem = check_answer(*q, *a)) {
      add_error(quoted(item.key()) + ": " + *problem);
      continue;
    }
    result.answers[static_cast<size_t>(q->index)] = *a;
  }
  finish_messages(result.errors, dropped);
  return result;
}

}  // namespace trialmatch
