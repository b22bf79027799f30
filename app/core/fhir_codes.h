// The names a FHIR export gives a trial's things: the Questionnaire's canonical URL and
// version, the code system of each question's options, the codes of the unknown answers,
// and texts with their translations. Shared by the Questionnaire and the
// QuestionnaireResponse, so an answer always carries the coding its question offers.
// The mapping is documented in docs/fhir-export.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "answer.h"
#include "trial.h"

namespace trialmatch {

// "I'm not sure" and "Prefer not to say" are FHIR's data-absent-reason codes
// asked-unknown and asked-declined: other software reads them as "asked, no answer".
constexpr const char* kDataAbsentReasonSystem = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
constexpr const char* kDataAbsentReasonExtension = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
const char* fhir_unknown_code(UnknownKind kind);

// "urn:trialmatch:questionnaire:NCT04979910".
std::string fhir_questionnaire_url(const Trial& trial);
// The file's `version`, or "sha256:<hash>" when it has none.
std::string fhir_questionnaire_version(const Trial& trial);
// "urn:trialmatch:option:NCT04979910:mri_concerns": an option id means something only
// within its question, so each question has its own code system.
std::string fhir_option_system(const Trial& trial, const Question& question);

// {"system", "code"} of an option of `question`, and of an unknown answer. The words
// (`display`) are added by the caller: with translations in a Questionnaire, in one
// language in a QuestionnaireResponse.
nlohmann::json fhir_option_coding(const Trial& trial, const Question& question, const std::string& option_id);
nlohmann::json fhir_unknown_coding(UnknownKind kind);

// An option's words in every language of the trial: its own text, or for the built-in yes
// and no the app's words (answer_words.h). A language without words is left out.
LocalText option_words_by_language(const Trial& trial, const Option& option);
LocalText unknown_words_by_language(const Trial& trial, UnknownKind kind);

// A question's words as a FHIR item's text: its text and, when it has one, its note (what
// counts, how to answer), which is part of the question. One place for the Questionnaire and
// the QuestionnaireResponse, which must agree.
LocalText fhir_question_text(const Question& question);

// Sets object[field] to `words` in `lang` and object["_" + field] to FHIR's translation
// extension with the trial's other languages. Nothing when there are no words in `lang`.
void set_fhir_text(nlohmann::json& object, const std::string& field, const LocalText& words, const Trial& trial,
                   const std::string& lang);

}  // namespace trialmatch
