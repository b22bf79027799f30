#include "answer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace trialmatch {

namespace {

// `value` with `digits` significant digits, as printf's %g writes it (and as an ostream with
// that precision would: the same text, without pulling C++ streams and locales into app.wasm).
std::string with_digits(double value, int digits) {
  char text[40];
  std::snprintf(text, sizeof text, "%.*g", digits, value);
  return text;
}

}  // namespace

const char* unknown_kind_id(UnknownKind kind) {
  return kind == UnknownKind::NotSure ? "not_sure" : "prefer_not_to_say";
}

std::string format_number(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  return with_digits(value, 10);
}

Answer Answer::unknown(UnknownKind why) {
  Answer a;
  a.kind = Kind::Unknown;
  a.unknown_kind = why;
  return a;
}

Answer Answer::of_choice(std::string option_id) {
  Answer a;
  a.kind = Kind::Choice;
  a.choice = std::move(option_id);
  return a;
}

Answer Answer::of_choices(std::vector<std::string> option_ids) {
  Answer a;
  a.kind = Kind::Choices;
  std::sort(option_ids.begin(), option_ids.end());
  option_ids.erase(std::unique(option_ids.begin(), option_ids.end()), option_ids.end());
  a.choices = std::move(option_ids);
  return a;
}

Answer Answer::of_number(double value) {
  Answer a;
  a.kind = Kind::Number;
  a.number = value;
  return a;
}

Answer Answer::of_month_year(int month_number) {
  Answer a;
  a.kind = Kind::MonthYear;
  a.number = month_number;
  return a;
}

bool Answer::has_choice(const std::string& option_id) const {
  return std::binary_search(choices.begin(), choices.end(), option_id);
}

bool Answer::operator==(const Answer& other) const {
  if (kind != other.kind) return false;
  switch (kind) {
    case Kind::Unknown: return unknown_kind == other.unknown_kind;
    case Kind::Choice: return choice == other.choice;
    case Kind::Choices: return choices == other.choices;
    case Kind::Number:
    case Kind::MonthYear: return number == other.number;
  }
  return false;
}

std::string Answer::key() const {
  switch (kind) {
    case Kind::Unknown: return std::string("u:") + unknown_kind_id(unknown_kind);
    case Kind::Choice: return "c:" + choice;
    case Kind::Choices: {
      std::string out = "s:";
      for (const std::string& c : choices) out += c + ",";
      return out;
    }
    case Kind::Number:
    case Kind::MonthYear: {
      return "n:" + with_digits(number, 17);  // round-trips every double
    }
  }
  return "?";
}

}  // namespace trialmatch
