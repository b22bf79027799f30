// A trial's questionnaire as a FHIR R4 Questionnaire (`trialmatch export-fhir`), so other
// software (an EHR, a REDCap-like tool, NLM's LHC-Forms) can show the same questions with
// the same skip logic. Deterministic; builds JSON only, with nlohmann's non-throwing API, so
// it runs in the app too. The mapping, and what FHIR cannot say, is in docs/fhir-export.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "trial.h"

namespace trialmatch {

// The Questionnaire with texts in `lang` (one of the trial's languages) and the trial's
// other languages as FHIR translation extensions.
nlohmann::json fhir_questionnaire(const Trial& trial, const std::string& lang);

// The item of one question (with its "why we ask" as a help item, its skip logic).
nlohmann::json fhir_questionnaire_item(const Trial& trial, const Question& question, const std::string& lang);

}  // namespace trialmatch
