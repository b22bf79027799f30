// A located problem in a trial-definition file: where (JSON pointer and line:column) and what.
#pragma once

#include <string>
#include <vector>

#include "json_locator.h"
#include "problem.h"

namespace trialmatch {

struct Diagnostic {
  std::string pointer;     // JSON pointer, "" for the whole document
  TextPosition position;   // line 0 when the text gives no position
  std::string message;     // in English (what the command-line tool prints)
  Said said;               // the message as a sentence of problem_words.def, for other languages
  int column = 0;          // in a condition, the character where reading stopped (from 1); 0 elsewhere
};

// A problem at `pointer`, its message said in English.
Diagnostic diagnostic(std::string pointer, TextPosition position, Problem problem, std::vector<ProblemArg> args);
Diagnostic diagnostic(std::string pointer, TextPosition position, Problem problem, std::initializer_list<ProblemArg> args = {});

// "FILE:LINE:COLUMN: /pointer: message" (the position is left out when unknown).
std::string format_diagnostic(const Diagnostic& d, const std::string& file_name);

}  // namespace trialmatch
