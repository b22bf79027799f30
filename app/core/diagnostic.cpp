#include "diagnostic.h"

namespace trialmatch {

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
