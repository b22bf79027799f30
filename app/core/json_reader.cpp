#include "json_reader.h"

namespace trialmatch {

void JsonReader::error(const std::string& pointer, Problem problem, std::initializer_list<ProblemArg> args) {
  if (!room_for_error()) return;
  errors.push_back(diagnostic(pointer, locator().value_position(pointer), problem, args));
}

void JsonReader::warning(const std::string& pointer, Problem problem, std::initializer_list<ProblemArg> args) {
  if (warnings.size() < limits::kMaxErrors)
    warnings.push_back(diagnostic(pointer, locator().value_position(pointer), problem, args));
}

void JsonReader::error_in_string(const std::string& pointer, int column, Problem problem, std::vector<ProblemArg> args) {
  if (!room_for_error()) return;
  Diagnostic d = diagnostic(pointer, locator().string_char_position(pointer, column > 0 ? column - 1 : 0), problem,
                            std::move(args));
  d.message += " " + in_english(Said{Problem::AtColumn, {std::to_string(column)}});
  d.column = column;
  errors.push_back(std::move(d));
}

void JsonReader::error_in_string(const std::string& pointer, const ConditionError& e) {
  error_in_string(pointer, e.column, e.said.problem, e.said.args);
}

}  // namespace trialmatch
