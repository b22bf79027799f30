// JSON forms of the core's results and of an answers file, shared by the CLI, the tests
// and (for the person's own printable summary) the app.
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

struct AnswersFileResult {
  AnswerSet answers;
  std::vector<std::string> errors;  // one plain message per bad entry
};

// Reads {"question_id": answer, ...}: "yes"/"no" or an option id, a list of option ids for
// multiple choice, a number, "YYYY-MM" for month/year, and "unknown" (or "not_sure" /
// "prefer_not_to_say") for an unknown answer.
AnswersFileResult answers_from_json(const Trial& trial, const nlohmann::json& document);

}  // namespace trialmatch
