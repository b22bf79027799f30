// A located problem in a trial-definition file: where (JSON pointer and line:column) and what.
#pragma once

#include <string>
#include <vector>

#include "json_locator.h"

namespace trialmatch {

struct Diagnostic {
  std::string pointer;     // JSON pointer, "" for the whole document
  TextPosition position;   // line 0 when the text gives no position
  std::string message;
};

// "FILE:LINE:COLUMN: /pointer: message" (the position is left out when unknown).
std::string format_diagnostic(const Diagnostic& d, const std::string& file_name);

}  // namespace trialmatch
