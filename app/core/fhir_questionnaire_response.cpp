#include "fhir_questionnaire_response.h"

#include "fhir_codes.h"
#include "navigation.h"

namespace trialmatch {

namespace {

using Json = nlohmann::json;

Json with_display(Json coding, const LocalText& words, const std::string& lang) {
  if (const auto it = words.find(lang); it != words.end() && !it->second.empty()) coding["display"] = it->second;
  return coding;
}

Json choice_answer(const Trial& trial, const Question& q, const std::string& option_id, const std::string& lang) {
  const Option* option = q.find_option(option_id);
  const LocalText words = option ? option_words_by_language(trial, *option) : LocalText{};
  return {{"valueCoding", with_display(fhir_option_coding(trial, q, option_id), words, lang)}};
}

// The answers of one item. An unknown answer to a number or month/year question has no
// value FHIR could hold: the item then has no answer and says why (data-absent-reason).
void add_answers(const Trial& trial, const Question& q, const Answer& answer, const std::string& lang, Json& item) {
  Json values = Json::array();
  switch (answer.kind) {
    case Answer::Kind::Unknown:
      if (q.type == QuestionType::Number || q.type == QuestionType::MonthYear) {
        item["extension"] = Json::array(
            {{{"url", kDataAbsentReasonExtension}, {"valueCode", fhir_unknown_code(answer.unknown_kind)}}});
        return;
      }
      values.push_back({{"valueCoding", with_display(fhir_unknown_coding(answer.unknown_kind),
                                                     unknown_words_by_language(trial, answer.unknown_kind), lang)}});
      break;
    case Answer::Kind::Choice: values.push_back(choice_answer(trial, q, answer.choice, lang)); break;
    case Answer::Kind::Choices:
      // In the question's order of options, as a form shows them (the answer keeps them sorted).
      for (const Option& option : q.options)
        if (answer.has_choice(option.id)) values.push_back(choice_answer(trial, q, option.id, lang));
      break;
    case Answer::Kind::Number:
      if (q.integer) values.push_back({{"valueInteger", static_cast<long long>(answer.number)}});
      else values.push_back({{"valueDecimal", answer.number}});
      break;
    case Answer::Kind::MonthYear:
      values.push_back({{"valueDate", format_month_year(static_cast<int>(answer.number))}});
      break;
  }
  item["answer"] = values;
}

}  // namespace

Json fhir_questionnaire_response(const Trial& trial, const AnswerSet& answers, const std::string& lang) {
  const Evaluation evaluation = evaluate(trial, answers);
  const bool settled = Navigator(trial).settled(answers, evaluation);
  Json items = Json::array();
  for (const Question& q : trial.questions) {
    if (static_cast<size_t>(q.index) >= answers.size()) break;
    const auto& answer = answers[static_cast<size_t>(q.index)];
    if (!answer || !evaluation.applies[static_cast<size_t>(q.index)]) continue;
    Json item = {{"linkId", q.id}};
    const LocalText text = fhir_question_text(q);
    if (const auto it = text.find(lang); it != text.end()) item["text"] = it->second;
    add_answers(trial, q, *answer, lang, item);
    items.push_back(item);
  }
  return {{"resourceType", "QuestionnaireResponse"},
          {"questionnaire", fhir_questionnaire_url(trial) + "|" + fhir_questionnaire_version(trial)},
          {"status", settled ? "completed" : "in-progress"},
          {"language", lang},
          {"item", items}};
}

}  // namespace trialmatch
