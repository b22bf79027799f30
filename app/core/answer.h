// One person's answer to one question. Unknown answers ("I'm not sure", "Prefer not to
// say") are answers too: they are remembered, and rules treat them as unknown.
#pragma once

#include <string>
#include <vector>

namespace trialmatch {

enum class UnknownKind { NotSure, PreferNotToSay };

const char* unknown_kind_id(UnknownKind kind);  // "not_sure" / "prefer_not_to_say"

// A number as people write it: "34", "12.5" (no trailing zeros, no exponent for ages).
std::string format_number(double value);

struct Answer {
  enum class Kind { Unknown, Choice, Choices, Number, MonthYear };
  Kind kind = Kind::Unknown;
  UnknownKind unknown_kind = UnknownKind::NotSure;
  std::string choice;                // yes_no and single choice: the option id
  std::vector<std::string> choices;  // multiple choice: sorted option ids
  double number = 0;                 // number; month/year as year * 12 + month - 1

  static Answer unknown(UnknownKind why);
  static Answer of_choice(std::string option_id);
  static Answer of_choices(std::vector<std::string> option_ids);
  static Answer of_number(double value);
  static Answer of_month_year(int month_number);

  bool is_unknown() const { return kind == Kind::Unknown; }
  bool has_choice(const std::string& option_id) const;
  bool operator==(const Answer& other) const;
  bool operator!=(const Answer& other) const { return !(*this == other); }

  // A short text that is equal for two answers exactly when they are equal ("c:yes",
  // "n:34"): to compare states by text.
  std::string key() const;
};

}  // namespace trialmatch
