// Finds where things are in a JSON text, so that errors can say "line:column" and not only
// a JSON pointer. nlohmann::json keeps no positions, so this is a small scanner of its own.
// It also notices duplicate object keys, which the JSON parser silently merges.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace trialmatch {

struct TextPosition {
  int line = 0;    // 1-based; 0 means unknown
  int column = 0;  // 1-based, in characters
};

struct DuplicateKey {
  std::string pointer;  // pointer of the repeated member
  TextPosition position;
};

class JsonLocator {
 public:
  // `text` must outlive the locator. Scans leniently: on malformed text it stops quietly.
  explicit JsonLocator(const std::string& text);

  // Position of the value at `pointer` ("" is the whole document); unknown if absent.
  TextPosition value_position(const std::string& pointer) const;

  // Position of the `index`-th character (0-based, after JSON unescaping) inside the string
  // value at `pointer`.
  TextPosition string_char_position(const std::string& pointer, size_t index) const;

  TextPosition position_of_offset(size_t byte_offset) const;

  const std::vector<DuplicateKey>& duplicate_keys() const { return duplicates_; }

 private:
  const std::string& text_;
  std::vector<size_t> line_starts_;
  std::map<std::string, size_t> value_offsets_;
  std::vector<DuplicateKey> duplicates_;
  size_t pos_ = 0;
  size_t recorded_bytes_ = 0;  // bytes of pointers in value_offsets_ (see limits::kMaxLocatorBytes)
  bool failed_ = false;

  void skip_space();
  void scan_value(const std::string& pointer, int depth);
  void scan_object(const std::string& pointer, int depth);  // pos_ at its '{'
  void scan_array(const std::string& pointer, int depth);   // pos_ at its '['
  std::string scan_string();  // returns the decoded string; pos_ after the closing quote
};

// Whether `text`, a JSON text the parser accepted, may have an object with a key twice. A
// quick scan that records no places: false only when it surely has none. A key written with
// escapes, or nesting deeper than limits::kMaxDepth, answers true, and the caller asks a
// JsonLocator, which decodes every key and says where the repeated ones are.
bool may_repeat_a_key(const std::string& text);

// Escapes a member name for use in a JSON pointer (RFC 6901).
std::string pointer_escape(const std::string& key);

}  // namespace trialmatch
