// Reads and strictly validates a trial-definition file (format "trialmatch/1").
// Every problem is reported with its JSON pointer and line:column; nothing is ignored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "trial.h"

namespace trialmatch {

inline constexpr const char* kTrialFormat = "trialmatch/1";

struct TrialLoadResult {
  std::optional<Trial> trial;       // set only when there are no errors
  std::vector<Diagnostic> errors;
  // Allowed in a file being written, but not in one people use: each draft criterion, a
  // registry status that is not recruiting. The app refuses a trial with drafts
  // (Trial::has_drafts); `trialmatch validate` lists these and still says "valid".
  std::vector<Diagnostic> warnings;
};

TrialLoadResult load_trial(const std::string& json_text);

}  // namespace trialmatch
