// `trialmatch export-fhir`: a trial's questionnaire as a FHIR R4 Questionnaire, or a
// person's answers file as a QuestionnaireResponse to it (docs/fhir-export.md).
#pragma once

#include <string>
#include <vector>

namespace trialmatch::cli {

// trialmatch export-fhir TRIAL.json [--lang CODE] [--response ANSWERS.json]
// Returns the exit code; `usage_error` reports a wrongly given command.
int cmd_export_fhir(const std::vector<std::string>& args, int (*usage_error)(const std::string&));

}  // namespace trialmatch::cli
