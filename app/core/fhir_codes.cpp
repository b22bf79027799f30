#include "fhir_codes.h"

#include "answer_words.h"

namespace trialmatch {

namespace {
constexpr const char* kTranslationExtension = "http://hl7.org/fhir/StructureDefinition/translation";
}  // namespace

const char* fhir_unknown_code(UnknownKind kind) {
  return kind == UnknownKind::NotSure ? "asked-unknown" : "asked-declined";
}

std::string fhir_questionnaire_url(const Trial& trial) { return "urn:trialmatch:questionnaire:" + trial.info.id; }

std::string fhir_questionnaire_version(const Trial& trial) {
  return trial.info.version.empty() ? "sha256:" + trial.sha256 : trial.info.version;
}

std::string fhir_option_system(const Trial& trial, const Question& question) {
  return "urn:trialmatch:option:" + trial.info.id + ":" + question.id;
}

nlohmann::json fhir_option_coding(const Trial& trial, const Question& question, const std::string& option_id) {
  return {{"system", fhir_option_system(trial, question)}, {"code", option_id}};
}

nlohmann::json fhir_unknown_coding(UnknownKind kind) {
  return {{"system", kDataAbsentReasonSystem}, {"code", fhir_unknown_code(kind)}};
}

LocalText option_words_by_language(const Trial& trial, const Option& option) {
  if (!option.text.empty()) return option.text;
  LocalText words;
  for (const std::string& lang : trial.languages)
    if (std::string w = option_words(option, lang); !w.empty()) words[lang] = w;
  return words;
}

LocalText unknown_words_by_language(const Trial& trial, UnknownKind kind) {
  LocalText words;
  for (const std::string& lang : trial.languages)
    if (std::string w = unknown_answer_words(kind, lang); !w.empty()) words[lang] = w;
  return words;
}

void set_fhir_text(nlohmann::json& object, const std::string& field, const LocalText& words, const Trial& trial,
                   const std::string& lang) {
  const auto main = words.find(lang);
  if (main == words.end() || main->second.empty()) return;
  object[field] = main->second;
  nlohmann::json translations = nlohmann::json::array();
  for (const std::string& other : trial.languages) {
    const auto it = words.find(other);
    if (other == lang || it == words.end() || it->second.empty()) continue;
    translations.push_back({{"url", kTranslationExtension},
                            {"extension",
                             {{{"url", "lang"}, {"valueCode", other}}, {{"url", "content"}, {"valueString", it->second}}}}});
  }
  if (!translations.empty()) object["_" + field] = {{"extension", translations}};
}

LocalText fhir_question_text(const Question& question) {
  LocalText text = question.text;
  for (auto& [lang, words] : text)
    if (const auto note = question.note.find(lang); note != question.note.end()) words += " " + note->second;
  return text;
}

}  // namespace trialmatch
