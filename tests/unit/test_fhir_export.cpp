// The FHIR export (fhir_questionnaire.h, fhir_questionnaire_response.h): every question kind
// becomes the right item, texts carry their translations, ask_if becomes enableWhen where
// FHIR can say it and a FHIRPath enableWhenExpression where it cannot, and the seed study's
// answers go out as a QuestionnaireResponse and come back as the same answers.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "answers_file.h"
#include "evaluation.h"
#include "fhir_codes.h"
#include "fhir_enable_when.h"
#include "fhir_questionnaire.h"
#include "fhir_questionnaire_response.h"
#include "study_files.h"
#include "test_support.h"

namespace unit_fhir_export {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;
using Json = nlohmann::json;

namespace {

const char* const kQuestions = R"json(
    {"id": "age", "type": "number", "text": {"en": "How old are you?", "es": "¿Cuántos años tiene?"},
     "unit": {"en": "years", "es": "años"}, "min": 0, "max": 120, "unknown": ["prefer_not_to_say"]},
    {"id": "weight", "type": "number", "integer": false, "text": {"en": "Weight?", "es": "¿Peso?"}, "min": 20, "max": 300.5},
    {"id": "sex", "type": "single", "text": {"en": "Sex?", "es": "¿Sexo?"},
     "options": [{"id": "female", "text": {"en": "Female", "es": "Femenino"}},
                 {"id": "male", "text": {"en": "Male", "es": "Masculino"}},
                 {"id": "other", "text": {"en": "Other", "es": "Otro"}}], "unknown": ["not_sure"]},
    {"id": "smoker", "type": "yes_no", "text": {"en": "Do you smoke?", "es": "¿Fuma?"},
     "why": {"en": "Smoke changes the lungs.", "es": "El humo cambia los pulmones."}},
    {"id": "implants", "type": "multiple", "text": {"en": "Any of these?", "es": "¿Alguno de estos?"},
     "options": [{"id": "pacemaker", "text": {"en": "Pacemaker", "es": "Marcapasos"}},
                 {"id": "none", "text": {"en": "None of these", "es": "Ninguno"}, "exclusive": true}],
     "unknown": ["not_sure"]},
    {"id": "diagnosed_on", "type": "month_year", "text": {"en": "Since when?", "es": "¿Desde cuándo?"},
     "min": "2000-01", "max": "2030-12"},
    {"id": "q_ne", "type": "yes_no", "text": {"en": "A?", "es": "¿A?"}, "ask_if": "smoker != \"no\""},
    {"id": "q_eq", "type": "yes_no", "text": {"en": "B?", "es": "¿B?"}, "ask_if": "sex = \"female\""},
    {"id": "q_or", "type": "yes_no", "text": {"en": "C?", "es": "¿C?"}, "ask_if": "age < 18 or implants has \"pacemaker\""},
    {"id": "q_and_ne", "type": "yes_no", "text": {"en": "D?", "es": "¿D?"}, "ask_if": "smoker != \"no\" and sex != \"male\""},
    {"id": "q_not_in", "type": "yes_no", "text": {"en": "E?", "es": "¿E?"}, "ask_if": "not (sex in (\"male\", \"other\"))"},
    {"id": "q_decimal", "type": "yes_no", "text": {"en": "F?", "es": "¿F?"}, "ask_if": "weight > 70.5"},
    {"id": "q_date", "type": "yes_no", "text": {"en": "G?", "es": "¿G?"}, "ask_if": "diagnosed_on >= \"2024-01\""},
    {"id": "q_complex", "type": "yes_no", "text": {"en": "H?", "es": "¿H?"}, "ask_if": "age >= 18 and sex = \"female\""},
    {"id": "q_fraction", "type": "yes_no", "text": {"en": "I?", "es": "¿I?"}, "ask_if": "age > 17.5"},
    {"id": "q_gate", "type": "yes_no", "text": {"en": "J?", "es": "¿J?"}, "ask_if": "q_ne != \"yes\""})json";

// One criterion naming every question, so that each is asked.
const char* const kCriteria = R"json(
    {"id": "all", "type": "inclusion", "text": {"en": "The study checks this.", "es": "El estudio revisa esto."},
     "source": "test",
     "rule": "age >= 0 and weight >= 0 and smoker = \"no\" and implants has \"none\" and diagnosed_on >= \"2000-01\" and q_eq = \"no\" and q_or = \"no\" and q_and_ne = \"no\" and q_not_in = \"no\" and q_decimal = \"no\" and q_date = \"no\" and q_complex = \"no\" and q_fraction = \"no\" and q_gate = \"no\""})json";

const Trial& kinds_trial() {
  static const Trial trial = trialmatch_test::load_valid(
      trialmatch_test::trial_document(kQuestions, kCriteria, {"en", "es"}, "trialmatch/1"));
  return trial;
}

const Json& item_of(const Json& questionnaire, const std::string& link_id) {
  for (const Json& item : questionnaire["item"])
    if (item["linkId"] == link_id) return item;
  static const Json none;
  ADD_FAILURE() << "no item " << link_id;
  return none;
}

// The extension with `url` on `element`, or null.
Json extension(const Json& element, const std::string& url) {
  if (element.contains("extension"))
    for (const Json& e : element["extension"])
      if (e["url"] == url) return e;
  return nullptr;
}

// {"es": "..."} from a "_text"-style element with FHIR translation extensions.
std::map<std::string, std::string> translations(const Json& element) {
  std::map<std::string, std::string> out;
  if (!element.is_object()) return out;
  for (const Json& t : element["extension"]) {
    EXPECT_EQ(t["url"], "http://hl7.org/fhir/StructureDefinition/translation");
    out[t["extension"][0]["valueCode"].get<std::string>()] = t["extension"][1]["valueString"].get<std::string>();
  }
  return out;
}

std::vector<std::string> option_codes(const Json& item) {
  std::vector<std::string> codes;
  for (const Json& option : item["answerOption"]) codes.push_back(option["valueCoding"]["code"].get<std::string>());
  return codes;
}

Json entry(const std::string& question, const std::string& op, const char* value_kind, const Json& value) {
  return {{"question", question}, {"operator", op}, {value_kind, value}};
}

Json coding(const std::string& question, const std::string& code) {
  return {{"system", "urn:trialmatch:option:NCT00000000:" + question}, {"code", code}};
}

const Json kNotSure = {{"system", kDataAbsentReasonSystem}, {"code", "asked-unknown"}};

}  // namespace

TEST(FhirQuestionnaire, NamesTheTrialFileAndItsLanguage) {
  const Trial& trial = kinds_trial();
  const Json q = fhir_questionnaire(trial, "en");
  EXPECT_EQ(q["resourceType"], "Questionnaire");
  EXPECT_EQ(q["url"], "urn:trialmatch:questionnaire:NCT00000000");
  // No `version` in the file: the hash names the edition.
  EXPECT_EQ(q["version"], "sha256:" + trial.sha256);
  EXPECT_EQ(q["identifier"][1], Json({{"system", "urn:trialmatch:sha256"}, {"value", trial.sha256}}));
  EXPECT_EQ(q["language"], "en");
  EXPECT_EQ(q["status"], "active");
  EXPECT_EQ(q["title"], "A test trial");
  ASSERT_EQ(q["item"].size(), trial.questions.size());

  const Trial& seed = trialmatch_test::study_file("NCT04979910.json");
  const Json s = fhir_questionnaire(seed, "es");
  EXPECT_EQ(s["version"], seed.info.version);
  EXPECT_EQ(s["title"], seed.info.title.at("es"));
  EXPECT_EQ(translations(s["_title"]), (std::map<std::string, std::string>{{"en", seed.info.title.at("en")}}));
}

TEST(FhirQuestionnaire, EachQuestionKindHasItsTypeOptionsAndBounds) {
  const Json q = fhir_questionnaire(kinds_trial(), "en");
  const Json& age = item_of(q, "age");
  EXPECT_EQ(age["type"], "integer");
  EXPECT_EQ(extension(age, "http://hl7.org/fhir/StructureDefinition/minValue")["valueInteger"], 0);
  EXPECT_EQ(extension(age, "http://hl7.org/fhir/StructureDefinition/maxValue")["valueInteger"], 120);
  EXPECT_EQ(extension(age, "http://hl7.org/fhir/StructureDefinition/questionnaire-unit")["valueCoding"]["display"], "years");
  EXPECT_FALSE(age.contains("answerOption"));  // FHIR has no option beside a number: see the docs

  const Json& weight = item_of(q, "weight");
  EXPECT_EQ(weight["type"], "decimal");
  EXPECT_EQ(extension(weight, "http://hl7.org/fhir/StructureDefinition/maxValue")["valueDecimal"], 300.5);

  const Json& sex = item_of(q, "sex");
  EXPECT_EQ(sex["type"], "choice");
  EXPECT_FALSE(sex.contains("repeats"));
  EXPECT_EQ(option_codes(sex), (std::vector<std::string>{"female", "male", "other", "asked-unknown"}));
  EXPECT_EQ(sex["answerOption"][0]["valueCoding"]["system"], "urn:trialmatch:option:NCT00000000:sex");
  EXPECT_EQ(sex["answerOption"][0]["valueCoding"]["display"], "Female");
  EXPECT_EQ(sex["answerOption"][3]["valueCoding"]["system"], kDataAbsentReasonSystem);
  EXPECT_EQ(sex["answerOption"][3]["valueCoding"]["display"], "I'm not sure");

  const Json& smoker = item_of(q, "smoker");
  EXPECT_EQ(option_codes(smoker), (std::vector<std::string>{"yes", "no"}));
  EXPECT_EQ(smoker["answerOption"][0]["valueCoding"]["display"], "Yes");
  EXPECT_EQ(translations(smoker["answerOption"][0]["valueCoding"]["_display"])["es"], "Sí");
  // "Why we ask" is a help item inside the question.
  ASSERT_EQ(smoker["item"].size(), 1u);
  EXPECT_EQ(smoker["item"][0]["type"], "display");
  EXPECT_EQ(smoker["item"][0]["text"], "Smoke changes the lungs.");
  EXPECT_EQ(smoker["item"][0]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"], "help");
  EXPECT_FALSE(item_of(q, "sex").contains("item"));

  const Json& implants = item_of(q, "implants");
  EXPECT_EQ(implants["type"], "choice");
  EXPECT_EQ(implants["repeats"], true);
  EXPECT_EQ(option_codes(implants), (std::vector<std::string>{"pacemaker", "none", "asked-unknown"}));
  const std::string exclusive = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive";
  EXPECT_TRUE(extension(implants["answerOption"][0], exclusive).is_null());
  EXPECT_EQ(extension(implants["answerOption"][1], exclusive)["valueBoolean"], true);
  EXPECT_EQ(extension(implants["answerOption"][2], exclusive)["valueBoolean"], true);

  const Json& since = item_of(q, "diagnosed_on");
  EXPECT_EQ(since["type"], "date");
  EXPECT_EQ(extension(since, "http://hl7.org/fhir/StructureDefinition/minValue")["valueDate"], "2000-01");
  EXPECT_EQ(extension(since, "http://hl7.org/fhir/StructureDefinition/maxValue")["valueDate"], "2030-12");
  EXPECT_EQ(extension(since, "http://hl7.org/fhir/StructureDefinition/entryFormat")["valueString"], "YYYY-MM");
}

TEST(FhirQuestionnaire, TextsAreInTheChosenLanguageWithTheOthersAsTranslations) {
  const Json en = fhir_questionnaire(kinds_trial(), "en");
  const Json es = fhir_questionnaire(kinds_trial(), "es");
  EXPECT_EQ(item_of(en, "age")["text"], "How old are you?");
  EXPECT_EQ(translations(item_of(en, "age")["_text"])["es"], "¿Cuántos años tiene?");
  EXPECT_EQ(item_of(es, "age")["text"], "¿Cuántos años tiene?");
  EXPECT_EQ(translations(item_of(es, "age")["_text"]), (std::map<std::string, std::string>{{"en", "How old are you?"}}));
  EXPECT_EQ(item_of(es, "sex")["answerOption"][3]["valueCoding"]["display"], "No lo sé");
  EXPECT_EQ(translations(item_of(es, "sex")["answerOption"][3]["valueCoding"]["_display"])["en"], "I'm not sure");
  EXPECT_EQ(extension(item_of(es, "age"), "http://hl7.org/fhir/StructureDefinition/questionnaire-unit")["valueCoding"]["display"],
            "años");
  EXPECT_EQ(item_of(es, "smoker")["item"][0]["text"], "El humo cambia los pulmones.");
  // The same bytes every time.
  EXPECT_EQ(es.dump(), fhir_questionnaire(kinds_trial(), "es").dump());
}

TEST(FhirQuestionnaire, SimpleAskIfBecomesEnableWhen) {
  const Json q = fhir_questionnaire(kinds_trial(), "en");
  // != is true in FHIR for no answer too: one entry says "not definitely false".
  EXPECT_EQ(item_of(q, "q_ne")["enableWhen"], Json::array({entry("smoker", "!=", "answerCoding", coding("smoker", "no"))}));
  EXPECT_FALSE(item_of(q, "q_ne").contains("enableBehavior"));
  // = must also let through no answer and "I'm not sure", which leave it unknown.
  EXPECT_EQ(item_of(q, "q_eq")["enableBehavior"], "any");
  EXPECT_EQ(item_of(q, "q_eq")["enableWhen"],
            Json::array({entry("sex", "=", "answerCoding", coding("sex", "female")),
                         entry("sex", "exists", "answerBoolean", false), entry("sex", "=", "answerCoding", kNotSure)}));
  EXPECT_EQ(item_of(q, "q_or")["enableBehavior"], "any");
  EXPECT_EQ(item_of(q, "q_or")["enableWhen"],
            Json::array({entry("age", "<", "answerInteger", 18), entry("age", "exists", "answerBoolean", false),
                         entry("implants", "=", "answerCoding", coding("implants", "pacemaker")),
                         entry("implants", "exists", "answerBoolean", false),
                         entry("implants", "=", "answerCoding", kNotSure)}));
  EXPECT_EQ(item_of(q, "q_and_ne")["enableBehavior"], "all");
  EXPECT_EQ(item_of(q, "q_and_ne")["enableWhen"],
            Json::array({entry("smoker", "!=", "answerCoding", coding("smoker", "no")),
                         entry("sex", "!=", "answerCoding", coding("sex", "male"))}));
  EXPECT_EQ(item_of(q, "q_not_in")["enableBehavior"], "all");
  EXPECT_EQ(item_of(q, "q_not_in")["enableWhen"],
            Json::array({entry("sex", "!=", "answerCoding", coding("sex", "male")),
                         entry("sex", "!=", "answerCoding", coding("sex", "other"))}));
  EXPECT_EQ(item_of(q, "q_decimal")["enableWhen"][0], entry("weight", ">", "answerDecimal", 70.5));
  EXPECT_EQ(item_of(q, "q_date")["enableWhen"][0], entry("diagnosed_on", ">=", "answerDate", "2024-01"));
  for (const char* id : {"q_ne", "q_eq", "q_or", "q_and_ne", "q_not_in", "q_decimal", "q_date"})
    EXPECT_TRUE(extension(item_of(q, id), kEnableWhenExpressionExtension).is_null()) << id;
  EXPECT_FALSE(item_of(q, "age").contains("enableWhen"));
}

TEST(FhirQuestionnaire, WhatEnableWhenCannotSayIsAFhirPathExpression) {
  const Json q = fhir_questionnaire(kinds_trial(), "en");
  // An `and` of tests that each need several entries.
  const Json& complex = item_of(q, "q_complex");
  EXPECT_FALSE(complex.contains("enableWhen"));
  const Json expression = extension(complex, kEnableWhenExpressionExtension)["valueExpression"];
  EXPECT_EQ(expression["language"], "text/fhirpath");
  EXPECT_EQ(expression["description"], "ask_if: age >= 18 and sex = \"female\"");
  EXPECT_EQ(expression["expression"],
            "iif(((%resource.item.where(linkId='age').answer.value >= 18) and "
            "(%resource.item.where(linkId='sex').answer.value.where(system='urn:trialmatch:option:NCT00000000:sex').code "
            "= 'female')) = false, false, true)");
  // A fraction against a whole-number question cannot be an answerInteger.
  EXPECT_EQ(extension(item_of(q, "q_fraction"), kEnableWhenExpressionExtension)["valueExpression"]["expression"],
            "iif((%resource.item.where(linkId='age').answer.value > 17.5) = false, false, true)");
  // Behind a gate: q_gate is asked only if q_ne is, so q_ne's ask_if joins its own.
  EXPECT_EQ(item_of(q, "q_gate")["enableBehavior"], "all");
  EXPECT_EQ(item_of(q, "q_gate")["enableWhen"],
            Json::array({entry("smoker", "!=", "answerCoding", coding("smoker", "no")),
                         entry("q_ne", "!=", "answerCoding", coding("q_ne", "yes"))}));
}

TEST(FhirQuestionnaire, MultipleChoiceHasIsAContainsThatStaysUnknownWithoutAnAnswer) {
  const Trial& trial = kinds_trial();
  const Condition& condition = *trial.questions[static_cast<size_t>(trial.question_index("q_or"))].ask_if;
  const std::string implants =
      "%resource.item.where(linkId='implants').answer.value.where(system='urn:trialmatch:option:NCT00000000:implants').code";
  EXPECT_EQ(fhirpath_not_false(trial, condition),
            "iif(((%resource.item.where(linkId='age').answer.value < 18) or iif(" + implants + ".exists(), " + implants +
                " contains 'pacemaker', {})) = false, false, true)");
}

namespace {

// A QuestionnaireResponse read back as an answers file ({"question_id": answer}), the way
// another system would read it with the Questionnaire in hand.
Json answers_file_from(const Json& response, const Trial& trial) {
  Json out = Json::object();
  for (const Json& item : response["item"]) {
    const std::string id = item["linkId"];
    const Question& q = trial.questions[static_cast<size_t>(trial.question_index(id))];
    if (!item.contains("answer")) {
      out[id] = extension(item, kDataAbsentReasonExtension)["valueCode"] == "asked-declined" ? "prefer_not_to_say" : "not_sure";
      continue;
    }
    Json values = Json::array();
    for (const Json& a : item["answer"]) {
      if (a.contains("valueInteger")) values.push_back(a["valueInteger"]);
      else if (a.contains("valueDecimal")) values.push_back(a["valueDecimal"]);
      else if (a.contains("valueDate")) values.push_back(a["valueDate"]);
      else if (a["valueCoding"]["system"] == kDataAbsentReasonSystem)
        values.push_back(a["valueCoding"]["code"] == "asked-unknown" ? "not_sure" : "prefer_not_to_say");
      else {
        EXPECT_EQ(a["valueCoding"]["system"], fhir_option_system(trial, q)) << id;
        values.push_back(a["valueCoding"]["code"]);
      }
    }
    out[id] = q.type == QuestionType::MultipleChoice && values[0] != "not_sure" ? values : values[0];
  }
  return out;
}

}  // namespace

TEST(FhirQuestionnaireResponse, TheSeedStudysAnswersGoOutAndComeBackTheSame) {
  const Trial& seed = trialmatch_test::study_file("NCT04979910.json");
  const Json given = {{"age", 34},
                      {"diagnosed_depression", "yes"},
                      {"depressed_now", "not_sure"},
                      {"self_harm_thoughts", "prefer_not_to_say"},
                      {"on_antidepressant", "yes"},
                      {"dose_stable", "yes"},
                      {"treatments_tried", "two_or_more"},
                      {"can_become_pregnant", "no"},
                      {"pregnant", "yes"},  // not asked of someone who cannot become pregnant
                      {"penis_in_vagina_sex", "yes"},
                      {"partner_birth_control", "partner_pregnant_or_breastfeeding"},
                      {"mri_concerns", {"pacemaker", "closed_spaces"}}};
  const AnswersFileResult read = answers_from_json(seed, given);
  ASSERT_TRUE(read.errors.empty());
  const Json response = fhir_questionnaire_response(seed, read.answers, "es");
  const Json questionnaire = fhir_questionnaire(seed, "es");
  EXPECT_EQ(response["resourceType"], "QuestionnaireResponse");
  EXPECT_EQ(response["questionnaire"], questionnaire["url"].get<std::string>() + "|" + questionnaire["version"].get<std::string>());
  EXPECT_EQ(response["status"], "completed");  // the pacemaker rules the person out: nothing left could change it
  EXPECT_EQ(response["language"], "es");

  // Every answer is one the Questionnaire's item offers.
  for (const Json& item : response["item"]) {
    const Json& offered = item_of(questionnaire, item["linkId"]);
    EXPECT_EQ(item["text"], offered["text"]);
    for (const Json& a : item["answer"]) {
      if (!a.contains("valueCoding")) continue;
      bool found = false;
      for (const Json& option : offered["answerOption"])
        found = found || (option["valueCoding"]["system"] == a["valueCoding"]["system"] &&
                          option["valueCoding"]["code"] == a["valueCoding"]["code"] &&
                          option["valueCoding"]["display"] == a["valueCoding"]["display"]);
      EXPECT_TRUE(found) << a.dump();
    }
  }
  EXPECT_EQ(item_of(response, "age")["answer"], Json::array({{{"valueInteger", 34}}}));
  EXPECT_EQ(item_of(response, "depressed_now")["answer"][0]["valueCoding"]["display"], "No lo sé");
  EXPECT_EQ(item_of(response, "mri_concerns")["answer"].size(), 2u);

  // Read back: the same answers, without the one to a question that was not asked.
  Json expected = given;
  expected.erase("pregnant");
  EXPECT_EQ(answers_file_from(response, seed), expected);
  EXPECT_EQ(response.dump(), fhir_questionnaire_response(seed, read.answers, "es").dump());
}

TEST(FhirQuestionnaireResponse, AnUnknownNumberHasNoAnswerAndSaysWhy) {
  const Trial& seed = trialmatch_test::study_file("NCT04979910.json");
  const AnswersFileResult read = answers_from_json(seed, {{"age", "prefer_not_to_say"}});
  const Json item = item_of(fhir_questionnaire_response(seed, read.answers, "en"), "age");
  EXPECT_FALSE(item.contains("answer"));
  EXPECT_EQ(extension(item, kDataAbsentReasonExtension)["valueCode"], "asked-declined");
}

TEST(FhirQuestionnaireResponse, IsCompletedWhenTheResultIsSettled) {
  const Trial& seed = trialmatch_test::study_file("NCT04979910.json");
  const AnswersFileResult young = answers_from_json(seed, {{"age", 12}});  // too young: nothing else matters
  EXPECT_EQ(fhir_questionnaire_response(seed, young.answers, "en")["status"], "completed");
  const AnswersFileResult none = answers_from_json(seed, Json::object());
  const Json empty = fhir_questionnaire_response(seed, none.answers, "en");
  EXPECT_EQ(empty["status"], "in-progress");
  EXPECT_TRUE(empty["item"].empty());
}

}  // namespace unit_fhir_export
