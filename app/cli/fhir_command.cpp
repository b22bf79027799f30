#include "fhir_command.h"

#include <iostream>

#include "cli_files.h"
#include "fhir_questionnaire.h"
#include "fhir_questionnaire_response.h"

namespace trialmatch::cli {

int cmd_export_fhir(const std::vector<std::string>& args, int (*usage_error)(const std::string&)) {
  std::vector<std::string> rest, files;
  std::string answers_path, lang;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--response") {
      rest.push_back(args[i]);
    } else if (i + 1 < args.size()) {
      answers_path = args[++i];
    } else {
      return usage_error("--response needs an answers file, like --response answers.json");
    }
  }
  if (const std::string problem = read_files_and_lang(rest, files, lang); !problem.empty()) return usage_error(problem);
  if (files.size() != 1) return usage_error("export-fhir takes one trial file: trialmatch export-fhir TRIAL.json");
  std::string text;
  TrialLoadResult loaded;
  if (!load_trial_file(files[0], text, loaded)) return 1;
  const Trial& trial = *loaded.trial;
  lang = pick_language(trial, lang);
  if (lang.empty()) return 1;
  nlohmann::json out;
  if (answers_path.empty()) {
    out = fhir_questionnaire(trial, lang);
  } else {
    AnswerSet answers;
    if (!load_answers_file(answers_path, trial, answers)) return 1;
    out = fhir_questionnaire_response(trial, answers, lang);
  }
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

}  // namespace trialmatch::cli
