#include "saved_answers.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "answers_file.h"
#include "input_limits.h"
#include "json_text.h"
#include "report_json.h"

namespace trialmatch::flow {

using nlohmann::json;

std::string saved_answers_json(const std::string& file, const std::vector<StudyEdition>& studies,
                               const Questionnaire& questionnaire) {
  json editions = json::array();
  for (const StudyEdition& s : studies) editions.push_back({{"id", s.id}, {"version", s.version}, {"sha256", s.sha256}});
  json answers = json::array();
  for (int q : questionnaire.path())
    answers.push_back({{"question", questionnaire.id(q)}, {"answer", answer_to_json(*questionnaire.answer_to(q))}});
  return json{{"format", kSavedAnswersFormat}, {"file", file}, {"studies", editions}, {"answers", answers}}.dump(
      1, ' ', false, json::error_handler_t::replace);
}

std::string download_file_name(const std::string& prefix, const std::string& name) {
  std::string safe;
  for (char c : name) safe += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-';
  return prefix + (safe.empty() ? std::string("saved") : safe) + ".json";
}

std::string saved_answers_file_name(const std::string& file) {
  std::string stem = file.substr(file.find_last_of('/') + 1);
  if (stem.size() > 5 && stem.compare(stem.size() - 5, 5, ".json") == 0) stem.resize(stem.size() - 5);
  return download_file_name("study-answers-", stem);
}

SavedAnswers read_saved_answers(const std::string& text, const std::string& file,
                                const std::vector<StudyEdition>& studies, const Questionnaire& questionnaire) {
  SavedAnswers out;
  if (text.size() > limits::kMaxFileBytes) return out;
  const JsonTextResult parsed = parse_json_text(text);
  if (parsed.error || !parsed.value.is_object()) return out;
  const json& doc = parsed.value;
  auto string_at = [&](const json& object, const char* key) -> std::string {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const auto answers = doc.find("answers");
  const auto editions = doc.find("studies");
  if (string_at(doc, "format") != kSavedAnswersFormat || answers == doc.end() || !answers->is_array() ||
      answers->empty() || editions == doc.end() || !editions->is_array())
    return out;
  if (string_at(doc, "file") != file) {
    out.status = SavedAnswers::Status::OtherFile;
    return out;
  }
  // The same editions of the same studies, or something changed.
  bool same = editions->size() == studies.size();
  for (size_t i = 0; same && i < studies.size(); ++i) {
    const json& e = (*editions)[i];
    same = e.is_object() && string_at(e, "id") == studies[i].id && string_at(e, "sha256") == studies[i].sha256;
  }
  std::unordered_map<std::string, int> numbers;
  for (int q = 0; q < questionnaire.count(); ++q) numbers.emplace(questionnaire.id(q), q);
  std::vector<bool> taken(static_cast<size_t>(questionnaire.count()), false);
  for (const json& entry : *answers) {
    const auto where = entry.is_object() ? numbers.find(string_at(entry, "question")) : numbers.end();
    const auto value = entry.is_object() ? entry.find("answer") : entry.end();
    if (where == numbers.end() || value == entry.end() || taken[static_cast<size_t>(where->second)]) {
      same = false;
      continue;
    }
    const Question& q = questionnaire.question(where->second);
    std::string error;
    const auto answer = answer_from_json(q, *value, error);
    if (!answer || check_offered_answer(q, *answer)) {
      same = false;
      continue;
    }
    taken[static_cast<size_t>(where->second)] = true;
    out.answers.emplace_back(where->second, *answer);
  }
  if (out.answers.empty()) return SavedAnswers{};  // nothing of it fits: not this page's answers
  out.status = same ? SavedAnswers::Status::Same : SavedAnswers::Status::Changed;
  return out;
}

}  // namespace trialmatch::flow
