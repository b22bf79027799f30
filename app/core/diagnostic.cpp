#include "diagnostic.h"

namespace trialmatch {

Diagnostic diagnostic(std::string pointer, TextPosition position, Problem problem, std::initializer_list<ProblemArg> args) {
  return diagnostic(std::move(pointer), position, problem, std::vector<ProblemArg>(args));
}

Diagnostic diagnostic(std::string pointer, TextPosition position, Problem problem, std::vector<ProblemArg> args) {
  Said said{problem, std::move(args)};
  std::string message = in_english(said);
  return Diagnostic{std::move(pointer), position, std::move(message), std::move(said), 0};
}

std::string format_diagnostic(const Diagnostic& d, const std::string& file_name) {
  std::string out = file_name;
  if (d.position.line > 0)
    out += ":" + std::to_string(d.position.line) + ":" + std::to_string(d.position.column);
  out += ": ";
  if (!d.pointer.empty()) out += d.pointer + ": ";
  else out += "(document): ";
  out += d.message;
  return out;
}

}  // namespace trialmatch
