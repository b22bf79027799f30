#include "answers_file.h"

#include "input_limits.h"
#include "json_text.h"
#include "session.h"

namespace trialmatch {

using nlohmann::json;

namespace {

std::optional<Answer> unknown_from(const std::string& s) {
  if (s == "unknown" || s == "not_sure") return Answer::unknown(UnknownKind::NotSure);
  if (s == "prefer_not_to_say") return Answer::unknown(UnknownKind::PreferNotToSay);
  return std::nullopt;
}

}  // namespace

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
      add_error(quoted(item.key()) + ": " + problem->message);
      continue;
    }
    result.answers[static_cast<size_t>(q->index)] = *a;
  }
  finish_messages(result.errors, dropped);
  return result;
}

}  // namespace trialmatch
