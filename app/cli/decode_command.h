// `trialmatch decode`: the study team's side of the QR code. A scanned result code
// (docs/result-code.md) read back with the trial file it was made with, as the readable
// summary: the study and file, the verdict, each criterion with its reason, and the answers.
#pragma once

#include <string>
#include <vector>

namespace trialmatch::cli {

// trialmatch decode TRIAL.json|CATALOG.json CODE|- [--lang CODE] [--json]
int cmd_decode(const std::vector<std::string>& args);

}  // namespace trialmatch::cli
