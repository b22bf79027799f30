// JSON forms of the core's results, shared by the CLI, the tests and (for the summary a
// person chooses to share) the app. Reading an answers file is in answers_file.h.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "evaluation.h"
#include "navigation.h"
#include "paths.h"
#include "trial.h"

namespace trialmatch {

// {"verdict", "criteria": [...], "safety_actions": [...], "next_question", ...}; texts in `lang`.
nlohmann::json evaluation_to_json(const Trial& trial, const AnswerSet& answers, const Evaluation& evaluation,
                                  const Progress& progress, const std::string& lang);

nlohmann::json path_to_json(const Trial& trial, const QuestionPath& path);

nlohmann::json answer_to_json(const Answer& answer);

}  // namespace trialmatch
