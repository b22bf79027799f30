#include "json_text.h"

namespace trialmatch {

namespace {

// Records the first syntax error; builds nothing (the DOM parse below does that).
class ErrorOnlySax : public nlohmann::json_sax<nlohmann::json> {
 public:
  size_t error_offset = 0;
  std::string error_message;
  bool failed = false;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
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
      error_message += " (near '" + last_token + "')";
    return false;
  }
};

}  // namespace

JsonTextResult parse_json_text(const std::string& text) {
  JsonTextResult result;
  ErrorOnlySax sax;
  nlohmann::json::sax_parse(text, &sax, nlohmann::json::input_format_t::json, true, false);
  if (sax.failed) {
    JsonLocator locator(text);
    result.error = Diagnostic{"", locator.position_of_offset(sax.error_offset),
                              "this is not valid JSON: " + sax.error_message};
    return result;
  }
  result.value = nlohmann::json::parse(text, nullptr, false);
  return result;
}

std::string json_type_name(const nlohmann::json& value) {
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "true/false";
  if (value.is_number()) return "a number";
  if (value.is_array()) return "a list";
  if (value.is_object()) return "an object";
  if (value.is_null()) return "null";
  return "a value";
}

}  // namespace trialmatch
