#include "study_file_format.h"

#include <cstddef>

namespace trialmatch::studio {

namespace {

using Json = nlohmann::ordered_json;

// The widest line an array or object is written on whole: its indentation, its key and its
// one-line form (the comma after it not counted, so that adding a member after it never
// changes it). Wider ones get one member to a line.
constexpr std::size_t kLineLimit = 100;
constexpr int kIndent = 2;

// A scalar or a key as JSON text: UTF-8 as it is, invalid bytes replaced (U+FFFD).
std::string scalar_text(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string key_text(const std::string& key) {
  return scalar_text(Json(key));
}

// The value on one line: `{"a": 1, "b": [2, 3]}`.
std::string one_line(const Json& value) {
  if (value.is_object()) {
    if (value.empty()) return "{}";
    std::string text = "{";
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (it != value.begin()) text += ", ";
      text += key_text(it.key()) + ": " + one_line(it.value());
    }
    return text + "}";
  }
  if (value.is_array()) {
    if (value.empty()) return "[]";
    std::string text = "[";
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (i != 0) text += ", ";
      text += one_line(value[i]);
    }
    return text + "]";
  }
  return scalar_text(value);
}

// Columns on screen: UTF-8 characters (code points), not bytes.
std::size_t columns(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
  }
  return n;
}

// Appends `value` at `indent` spaces, after `prefix` (its key and ": ", or nothing) and
// followed by `suffix` ("," or nothing), ending the line.
void write_value(std::string& out, const Json& value, int indent, const std::string& prefix, const char* suffix) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  const std::string whole = one_line(value);
  const bool container = value.is_object() || value.is_array();
  if (!container || value.empty() || pad.size() + columns(prefix) + columns(whole) <= kLineLimit) {
    out += pad + prefix + whole + suffix + "\n";
    return;
  }
  out += pad + prefix + (value.is_object() ? "{" : "[") + "\n";
  std::size_t left = value.size();
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      write_value(out, it.value(), indent + kIndent, key_text(it.key()) + ": ", --left != 0 ? "," : "");
    }
  } else {
    for (const Json& element : value) write_value(out, element, indent + kIndent, "", --left != 0 ? "," : "");
  }
  out += pad + (value.is_object() ? "}" : "]") + suffix + "\n";
}

}  // namespace

std::string write_study_file(const nlohmann::ordered_json& document) {
  std::string out;
  write_value(out, document, 0, "", "");
  return out;
}

}  // namespace trialmatch::studio
