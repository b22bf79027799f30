// Parses JSON text without exceptions and turns a syntax error into a located Diagnostic.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "diagnostic.h"

namespace trialmatch {

struct JsonTextResult {
  nlohmann::json value;
  std::optional<Diagnostic> error;
};

JsonTextResult parse_json_text(const std::string& text);

// A short name for a JSON value's type, for messages: "a string", "a number", ...
std::string json_type_name(const nlohmann::json& value);
// The same, as a word of problem_words.def (Problem::TypeString...).
Problem json_type_word(const nlohmann::json& value);

}  // namespace trialmatch
