// Reading an answers file: {"question_id": answer, ...}, as the CLI and the tests give a
// person's answers. Every problem is reported, one plain message per bad entry.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "evaluation.h"
#include "trial.h"

namespace trialmatch {

struct AnswersFileResult {
  AnswerSet answers;
  std::vector<std::string> errors;  // one plain message per bad entry
};

// Reads {"question_id": answer, ...}: "yes"/"no" or an option id, a list of option ids for
// multiple choice, a number, "YYYY-MM" for month/year, and "unknown" (or "not_sure" /
// "prefer_not_to_say") for an unknown answer.
AnswersFileResult answers_from_json(const Trial& trial, const nlohmann::json& document);

// One answer as an answers file writes it, for question `q`; nullopt with `error` (what the
// question expects) when it is not of the question's kind. check_answer still applies.
std::optional<Answer> answer_from_json(const Question& q, const nlohmann::json& value, std::string& error);

}  // namespace trialmatch
