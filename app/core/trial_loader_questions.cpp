// Reading a trial file's "questions" (trial_loader_steps.h): each question, then, once all
// are read, the conditions that name them.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "trial_loader_steps.h"

namespace trialmatch::trial_loading {

namespace {

const std::set<std::string> kQuestionFields = {"id", "concept", "type", "text", "note", "why", "options", "unit", "min",
                                               "max", "integer", "unknown", "ask_if", "safety"};

// A concept names what a question asks: lower-case letters, digits, "-" and "_".
bool is_concept(const std::string& s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z' &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; });
}

QuestionType parse_question_type(Reader& r, const std::string& p, const std::string& type, bool& ok) {
  ok = true;
  if (type == "yes_no") return QuestionType::YesNo;
  if (type == "single") return QuestionType::SingleChoice;
  if (type == "multiple") return QuestionType::MultipleChoice;
  if (type == "number") return QuestionType::Number;
  if (type == "month_year") return QuestionType::MonthYear;
  ok = false;
  if (!type.empty())
    r.error(p, Problem::UnknownQuestionType, {type});
  return QuestionType::YesNo;
}

void read_options(Reader& r, const std::string& p, const json& q, Question& question) {
  auto it = q.find("options");
  const bool has_options = question.type == QuestionType::SingleChoice || question.type == QuestionType::MultipleChoice;
  if (!has_options) {
    if (it != q.end())
      r.error(p + "/options", Problem::TypeHasNoOptions, {question_type_id(question.type)});
    if (question.type == QuestionType::YesNo) question.options = {Option{"yes", {}, false}, Option{"no", {}, false}};
    return;
  }
  if (it == q.end()) {
    r.error(p, Problem::ChoiceNeedsOptions);
    return;
  }
  if (!it->is_array() || it->size() < 2) {
    r.error(p + "/options", Problem::OptionsList);
    return;
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string op = p + "/options/" + std::to_string(i);
    const json& o = (*it)[i];
    if (!r.check_object(op, o, {"id", "text", "exclusive"}, {"id", "text"}, Problem::AnOption)) continue;
    Option option;
    option.id = r.read_string(op, o, "id", true);
    if (!option.id.empty() && !is_identifier(option.id))
      r.error(op + "/id", Problem::OptionId);
    else if (!option.id.empty() && !ids.insert(option.id).second)
      r.error(op + "/id", Problem::OptionIdTwice, {option.id});
    if (option.id == "not_sure" || option.id == "prefer_not_to_say" || option.id == "unknown")
      r.error(op + "/id", Problem::OptionIdReserved, {option.id});
    option.text = r.read_text(op, o, "text");
    option.exclusive = r.read_bool(op, o, "exclusive", false);
    if (option.exclusive && question.type != QuestionType::MultipleChoice)
      r.error(op + "/exclusive", Problem::OnlyMultipleExclusive);
    question.options.push_back(std::move(option));
  }
  if (question.options.size() > kMaxOptions)
    r.error(p + "/options", Problem::TooManyOptions, {std::to_string(kMaxOptions)});
}

void read_bounds(Reader& r, const std::string& p, const json& q, Question& question) {
  const bool number = question.type == QuestionType::Number;
  const bool month = question.type == QuestionType::MonthYear;
  for (const char* key : {"unit", "min", "max", "integer"}) {
    if (!q.contains(key)) continue;
    const bool fits = number || (month && (std::string(key) == "min" || std::string(key) == "max"));
    if (!fits)
      r.error(p + "/" + key, Problem::DoesNotApply, {key, question_type_id(question.type)});
  }
  if (number) {
    question.unit = r.read_text(p, q, "unit");
    question.integer = r.read_bool(p, q, "integer", true);
    auto lo = r.read_number(p, q, "min");
    auto hi = r.read_number(p, q, "max");
    if (!q.contains("min") || !q.contains("max")) r.error(p, Problem::NumberNeedsBounds);
    if (lo && hi) {
      question.min = *lo;
      question.max = *hi;
      if (*lo >= *hi) r.error(p + "/max", Problem::MaxAboveMin);
    }
  } else if (month) {
    question.min = 1900 * 12;
    question.max = 2200 * 12 - 1;
    for (const char* key : {"min", "max"}) {
      std::string s = r.read_string(p, q, key, false);
      if (s.empty()) continue;
      auto m = parse_month_year(s);
      if (!m) r.error(p + "/" + key, Problem::MustBeMonth, {key});
      else (std::string(key) == "min" ? question.min : question.max) = *m;
    }
    if (question.min > question.max) r.error(p + "/max", Problem::MaxNotBeforeMin);
  }
}

void read_unknown_answers(Reader& r, const std::string& p, const json& q, Question& question) {
  auto it = q.find("unknown");
  if (it == q.end()) return;
  if (!it->is_array()) {
    r.error(p + "/unknown", Problem::UnknownList);
    return;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const json& u = (*it)[i];
    const std::string up = p + "/unknown/" + std::to_string(i);
    std::string id = u.is_string() ? u.get<std::string>() : "";
    UnknownKind kind;
    if (id == "not_sure") kind = UnknownKind::NotSure;
    else if (id == "prefer_not_to_say") kind = UnknownKind::PreferNotToSay;
    else {
      r.error(up, Problem::UnknownAnswerKind);
      continue;
    }
    if (question.offers(kind)) r.error(up, Problem::ListedTwice, {id});
    else question.unknown_answers.push_back(kind);
  }
}

}  // namespace

void read_questions(Reader& r, const json& doc, Trial& trial) {
  auto it = doc.find("questions");
  if (it == doc.end()) return;
  if (!it->is_array() || it->empty()) {
    r.error("/questions", Problem::QuestionsList);
    return;
  }
  std::set<std::string> ids;
  std::map<std::string, std::string> concepts;  // concept -> the first question that asks it
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string p = "/questions/" + std::to_string(i);
    const json& q = (*it)[i];
    Question question;
    question.index = static_cast<int>(trial.questions.size());
    if (!r.check_object(p, q, kQuestionFields, {"id", "type", "text"}, Problem::AQuestion)) {
      question.id = "#" + std::to_string(i);  // keep indexes aligned with the file
      trial.questions.push_back(std::move(question));
      continue;
    }
    question.id = r.read_string(p, q, "id", true);
    if (!question.id.empty()) {
      if (!is_identifier(question.id))
        r.error(p + "/id", Problem::QuestionId);
      else if (is_condition_keyword(question.id))
        r.error(p + "/id", Problem::IdIsKeyword, {question.id});
      else if (!ids.insert(question.id).second)
        r.error(p + "/id", Problem::QuestionIdTwice, {question.id});
    }
    question.concept = r.read_string(p, q, "concept", false);
    if (q.contains("concept") && q["concept"].is_string()) {
      if (!is_concept(question.concept))
        r.error(p + "/concept", Problem::ConceptForm);
      else if (const auto [at, added] = concepts.emplace(question.concept, question.id); !added)
        r.error(p + "/concept", Problem::SameConcept, {question.id, at->second, question.concept});
    }
    bool type_ok = false;
    question.type = parse_question_type(r, p + "/type", r.read_string(p, q, "type", true), type_ok);
    question.text = r.read_text(p, q, "text");
    question.note = r.read_text(p, q, "note");
    question.why = r.read_text(p, q, "why");
    if (type_ok) {
      read_options(r, p, q, question);
      read_bounds(r, p, q, question);
    }
    read_unknown_answers(r, p, q, question);
    trial.questions.push_back(std::move(question));
  }
}

// Conditions are read after every question, so they can be checked against the whole list.
void read_question_conditions(Reader& r, const json& doc, Trial& trial) {
  auto it = doc.find("questions");
  if (it == doc.end() || !it->is_array()) return;
  const json& list = *it;
  for (size_t i = 0; i < list.size() && i < trial.questions.size(); ++i) {
    const std::string p = "/questions/" + std::to_string(i);
    const json& q = list[i];
    if (!q.is_object()) continue;
    Question& question = trial.questions[i];
    if (auto cond = r.read_condition(p, q, "ask_if")) {
      for (const auto& e : check_condition(*cond, trial.questions, question.index, Problem::ThisQuestion))
        r.error_in_string(p + "/ask_if", e);
      question.ask_if = std::move(cond);
    }
    auto safety = q.find("safety");
    if (safety == q.end()) continue;
    const std::string sp = p + "/safety";
    if (!r.check_object(sp, *safety, {"when", "action"}, {"when", "action"}, Problem::ASafetyTrigger)) continue;
    const std::string action = r.read_string(sp, *safety, "action", true);
    if (!action.empty() && action != kCrisisSupport)
      r.error(sp + "/action", Problem::UnknownSafetyAction, {action});
    if (auto cond = r.read_condition(sp, *safety, "when")) {
      for (const auto& e : check_condition(*cond, trial.questions, question.index + 1, Problem::ThisQuestion))
        r.error_in_string(sp + "/when", e);
      auto refs = referenced_questions(*cond);
      if (refs.size() != 1 || refs.front() != question.index)
        r.error(sp + "/when", Problem::SafetyOwnAnswer, {question.id});
      question.safety = SafetyTrigger{std::move(*cond), action};
    }
  }
}

}  // namespace trialmatch::trial_loading
