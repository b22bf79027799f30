// A person's answers as a FHIR R4 QuestionnaireResponse to the Questionnaire of
// fhir_questionnaire.h: what the result screen saves when the person chooses to (never at
// a kiosk), and what `trialmatch export-fhir --response` prints. Only answers to questions
// that apply are included, with the codings the Questionnaire offers. It names no person
// and carries no time, so the same answers always give the same bytes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "evaluation.h"
#include "trial.h"

namespace trialmatch {

// Status "completed" when the questionnaire is settled (no question left that could change
// the result), "in-progress" otherwise. Texts in `lang`.
nlohmann::json fhir_questionnaire_response(const Trial& trial, const AnswerSet& answers, const std::string& lang);

}  // namespace trialmatch
