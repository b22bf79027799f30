#include "json_text.h"

#include "input_limits.h"

namespace trialmatch {

namespace {

// Records the first syntax error and counts values; builds nothing (the DOM parse below
// does that, once the text is known to be valid and within limits::kMaxValues).
class ErrorOnlySax : public nlohmann::json_sax<nlohmann::json> {
 public:
  size_t error_offset = 0;
  std::string error_message;
  bool failed = false;
  size_t values = 0;

  bool count() { return ++values <= limits::kMaxValues; }
  bool null() override { return count(); }
  bool boolean(bool) override { return count(); }
  bool number_integer(number_integer_t) override { return count(); }
  bool number_unsigned(number_unsigned_t) override { return count(); }
  bool number_float(number_float_t, const string_t&) override { return count(); }
  bool string(string_t&) override { return count(); }
  bool binary(binary_t&) override { return count(); }
  bool start_object(std::size_t) override { return count(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return count(); }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    failed = true;
    error_offset = position > 0 ? position - 1 : 0;
    std::string what = ex.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
    size_t colon = what.find(": ", what.find("column"));
    error_message = colon == std::string::npos ? what : what.substr(colon + 2);
    if (!last_token.empty() && error_message.find("last read") == std::string::npos)
      error_message += " (near '" + shorten(last_token) + "')";
    return false;
  }
};

// Values as the pass above counts them: every text, number, true/false, null, list and
// object (not the keys).
size_t count_values(const nlohmann::json& value) {
  size_t n = 1;
  if (value.is_object() || value.is_array())
    for (const auto& item : value) n += count_values(item);
  return n;
}

Diagnostic too_many_values() {
  return diagnostic("", {}, Problem::TooManyValues, {std::to_string(limits::kMaxValues)});
}

}  // namespace

JsonTextResult parse_json_text(const std::string& text) {
  JsonTextResult result;
  if (text.size() > limits::kMaxFileBytes) {  // no position: the file is not even scanned
    result.error = file_too_big();
    return result;
  }
  if (auto violation = check_json_limits(text)) {
    result.error = diagnostic("", JsonLocator(text).position_of_offset(violation->offset), violation->said.problem,
                              violation->said.args);
    return result;
  }
  // Most files are valid: they are parsed once. Only a file that fails is read again, by the
  // pass that finds where and why (a study file is read at every page load: about 10 ms).
  nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  if (!value.is_discarded()) {
    if (count_values(value) <= limits::kMaxValues) {
      result.value = std::move(value);
      return result;
    }
    result.error = too_many_values();
    return result;
  }
  ErrorOnlySax sax;
  const bool complete = nlohmann::json::sax_parse(text, &sax, nlohmann::json::input_format_t::json, true, false);
  if (sax.failed) {
    JsonLocator locator(text);
    result.error = diagnostic("", locator.position_of_offset(sax.error_offset), Problem::NotJsonAt,
                              {shorten_middle(sax.error_message)});
    return result;
  }
  if (!complete) {  // a callback stopped the parse: too many values
    result.error = too_many_values();
    return result;
  }
  result.error = diagnostic("", {}, Problem::NotJson);  // not expected: the first parse failed
  return result;
}

Problem json_type_word(const nlohmann::json& value) {
  if (value.is_string()) return Problem::TypeString;
  if (value.is_boolean()) return Problem::TypeFlag;
  if (value.is_number()) return Problem::TypeNumber;
  if (value.is_array()) return Problem::TypeList;
  if (value.is_object()) return Problem::TypeObject;
  if (value.is_null()) return Problem::TypeNull;
  return Problem::TypeValue;
}

std::string json_type_name(const nlohmann::json& value) { return in_english(Said{json_type_word(value), {}}); }

}  // namespace trialmatch
