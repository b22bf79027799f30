#include "fhir_questionnaire.h"

#include "fhir_codes.h"
#include "fhir_enable_when.h"

namespace trialmatch {

namespace {

using Json = nlohmann::json;

constexpr const char* kItemControlExtension = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
constexpr const char* kItemControlSystem = "http://hl7.org/fhir/questionnaire-item-control";

Json item_control(const char* code) {
  return {{"url", kItemControlExtension},
          {"valueCodeableConcept", {{"coding", Json::array({{{"system", kItemControlSystem}, {"code", code}}})}}}};
}

const char* item_type(const Question& q) {
  switch (q.type) {
    case QuestionType::Number: return q.integer ? "integer" : "decimal";
    case QuestionType::MonthYear: return "date";
    default: return "choice";
  }
}

Json answer_option(Json coding, const LocalText& words, bool exclusive, const Trial& trial, const std::string& lang) {
  set_fhir_text(coding, "display", words, trial, lang);
  Json option = {{"valueCoding", coding}};
  // "None of these" and the unknown answers cannot be chosen with other options.
  if (exclusive)
    option["extension"] = Json::array(
        {{{"url", "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"}, {"valueBoolean", true}}});
  return option;
}

void add_answer_options(const Trial& trial, const Question& q, const std::string& lang, Json& item) {
  const bool multiple = q.type == QuestionType::MultipleChoice;
  Json options = Json::array();
  for (const Option& option : q.options)
    options.push_back(answer_option(fhir_option_coding(trial, q, option.id), option_words_by_language(trial, option),
                                    multiple && option.exclusive, trial, lang));
  for (UnknownKind kind : q.unknown_answers)
    options.push_back(
        answer_option(fhir_unknown_coding(kind), unknown_words_by_language(trial, kind), multiple, trial, lang));
  item["answerOption"] = options;
  if (multiple) item["repeats"] = true;
  item["extension"].push_back(item_control(multiple ? "check-box" : "radio-button"));
}

Json bound(const char* url, const Question& q, double value) {
  Json extension = {{"url", url}};
  if (q.type == QuestionType::MonthYear) extension["valueDate"] = format_month_year(static_cast<int>(value));
  else if (q.integer) extension["valueInteger"] = static_cast<long long>(value);
  else extension["valueDecimal"] = value;
  return extension;
}

void add_bounds(const Trial& trial, const Question& q, const std::string& lang, Json& item) {
  item["extension"].push_back(bound("http://hl7.org/fhir/StructureDefinition/minValue", q, q.min));
  item["extension"].push_back(bound("http://hl7.org/fhir/StructureDefinition/maxValue", q, q.max));
  if (q.type == QuestionType::MonthYear)  // a month, not a day: FHIR's date allows "2024-01"
    item["extension"].push_back(
        {{"url", "http://hl7.org/fhir/StructureDefinition/entryFormat"}, {"valueString", "YYYY-MM"}});
  if (q.unit.empty()) return;
  Json unit = Json::object();
  set_fhir_text(unit, "display", q.unit, trial, lang);
  item["extension"].push_back({{"url", "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"}, {"valueCoding", unit}});
}

// "Why we ask" as a help item: renderers show it behind a help button, as the app does.
Json why_item(const Trial& trial, const Question& q, const std::string& lang) {
  Json help = {{"linkId", q.id + ".why"}, {"type", "display"}, {"extension", Json::array({item_control("help")})}};
  set_fhir_text(help, "text", q.why, trial, lang);
  return help;
}

}  // namespace

Json fhir_questionnaire_item(const Trial& trial, const Question& q, const std::string& lang) {
  Json item = {{"linkId", q.id}, {"type", item_type(q)}, {"extension", Json::array()}};
  set_fhir_text(item, "text", fhir_question_text(q), trial, lang);
  if (q.type == QuestionType::Number || q.type == QuestionType::MonthYear) add_bounds(trial, q, lang, item);
  else add_answer_options(trial, q, lang, item);
  add_fhir_enable_when(trial, q, item);
  if (!q.why.empty()) item["item"] = Json::array({why_item(trial, q, lang)});
  if (item["extension"].empty()) item.erase("extension");
  return item;
}

Json fhir_questionnaire(const Trial& trial, const std::string& lang) {
  Json q = {{"resourceType", "Questionnaire"},
            {"url", fhir_questionnaire_url(trial)},
            {"version", fhir_questionnaire_version(trial)},
            {"identifier",
             Json::array({{{"system", "urn:trialmatch:trial"}, {"value", trial.info.id}},
                          {{"system", "urn:trialmatch:sha256"}, {"value", trial.sha256}}})},
            {"status", "active"},
            {"language", lang},
            {"subjectType", Json::array({"Patient"})}};
  if (!trial.info.sponsor.empty()) q["publisher"] = trial.info.sponsor;
  set_fhir_text(q, "title", trial.info.title, trial, lang);
  set_fhir_text(q, "description", trial.info.summary, trial, lang);
  Json items = Json::array();
  for (const Question& question : trial.questions) items.push_back(fhir_questionnaire_item(trial, question, lang));
  q["item"] = items;
  return q;
}

}  // namespace trialmatch
