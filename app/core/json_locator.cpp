#include "json_locator.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <string_view>

#include "input_limits.h"

namespace trialmatch {

std::string pointer_escape(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

JsonLocator::JsonLocator(const std::string& text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  skip_space();
  scan_value("", 0);
}

TextPosition JsonLocator::position_of_offset(size_t byte_offset) const {
  if (byte_offset > text_.size()) byte_offset = text_.size();
  size_t line = 0;
  size_t lo = 0, hi = line_starts_.size();
  while (lo < hi) {  // last line start <= byte_offset
    size_t mid = (lo + hi) / 2;
    if (line_starts_[mid] <= byte_offset) {
      line = mid;
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  int column = 1;
  for (size_t i = line_starts_[line]; i < byte_offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // count UTF-8 characters
  return TextPosition{static_cast<int>(line) + 1, column};
}

TextPosition JsonLocator::value_position(const std::string& pointer) const {
  auto it = value_offsets_.find(pointer);
  if (it == value_offsets_.end()) return {};
  return position_of_offset(it->second);
}

TextPosition JsonLocator::string_char_position(const std::string& pointer, size_t index) const {
  auto it = value_offsets_.find(pointer);
  if (it == value_offsets_.end() || it->second >= text_.size() || text_[it->second] != '"') return {};
  size_t p = it->second + 1;
  for (size_t decoded = 0; decoded < index && p < text_.size() && text_[p] != '"'; ++decoded) {
    if (text_[p] == '\\') {
      p += (p + 1 < text_.size() && text_[p + 1] == 'u') ? 6 : 2;
    } else {
      ++p;
      while (p < text_.size() && (static_cast<unsigned char>(text_[p]) & 0xC0) == 0x80) ++p;
    }
  }
  return position_of_offset(p);
}

void JsonLocator::skip_space() {
  while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
}

namespace {
void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}
}  // namespace

std::string JsonLocator::scan_string() {
  std::string out;
  ++pos_;  // opening quote
  while (pos_ < text_.size() && text_[pos_] != '"') {
    if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) {
      char e = text_[pos_ + 1];
      if (e == 'u') {
        // Decode the code point (and a surrogate pair), so "a" and "\u0061" are one key.
        unsigned long cp = std::strtoul(text_.substr(pos_ + 2, 4).c_str(), nullptr, 16);
        pos_ += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF && pos_ + 6 <= text_.size() && text_[pos_] == '\\' && text_[pos_ + 1] == 'u') {
          const unsigned long low = std::strtoul(text_.substr(pos_ + 2, 4).c_str(), nullptr, 16);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            pos_ += 6;
          }
        }
        append_utf8(out, cp);
        continue;
      }
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
      pos_ += 2;
      continue;
    }
    out += text_[pos_++];
  }
  if (pos_ >= text_.size()) {
    failed_ = true;
    return out;
  }
  ++pos_;  // closing quote
  return out;
}

void JsonLocator::scan_value(const std::string& pointer, int depth) {
  recorded_bytes_ += pointer.size();
  if (failed_ || pos_ >= text_.size() || depth > static_cast<int>(limits::kMaxDepth) ||
      recorded_bytes_ > limits::kMaxLocatorBytes) {
    failed_ = true;
    return;
  }
  value_offsets_[pointer] = pos_;
  char c = text_[pos_];
  if (c == '{') {
    scan_object(pointer, depth);
    return;
  }
  if (c == '[') {
    scan_array(pointer, depth);
    return;
  }
  if (c == '"') {
    scan_string();
    return;
  }
  // number, true, false, null
  while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
         text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']')
    ++pos_;
}

// An object's members, from its "{": each key noted (a repeated one as a duplicate) and its
// value scanned.
void JsonLocator::scan_object(const std::string& pointer, int depth) {
  ++pos_;
  std::set<std::string> seen;
  skip_space();
  if (pos_ < text_.size() && text_[pos_] == '}') {
    ++pos_;
    return;
  }
  while (!failed_ && pos_ < text_.size()) {
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != '"') {
      failed_ = true;
      return;
    }
    size_t key_offset = pos_;
    std::string key = scan_string();
    std::string child = pointer + "/" + pointer_escape(key);
    const bool duplicate = !seen.insert(key).second;
    if (duplicate) duplicates_.push_back({child, position_of_offset(key_offset)});
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != ':') {
      failed_ = true;
      return;
    }
    ++pos_;
    skip_space();
    // A duplicate keeps the position of its first occurrence, like the first error a reader sees.
    const size_t first = duplicate ? value_offsets_[child] : 0;
    scan_value(child, depth + 1);
    if (duplicate) value_offsets_[child] = first;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return;
    }
    failed_ = true;
    return;
  }
}

// An array's elements, from its "[".
void JsonLocator::scan_array(const std::string& pointer, int depth) {
  ++pos_;
  skip_space();
  if (pos_ < text_.size() && text_[pos_] == ']') {
    ++pos_;
    return;
  }
  for (size_t index = 0; !failed_ && pos_ < text_.size(); ++index) {
    skip_space();
    scan_value(pointer + "/" + std::to_string(index), depth + 1);
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ',') {
      ++pos_;
      continue;
    }
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return;
    }
    failed_ = true;
    return;
  }
}

namespace {

// Sorts an object's keys and says whether one is there twice.
bool has_twice(std::vector<std::string_view>& keys) {
  std::sort(keys.begin(), keys.end());
  return std::adjacent_find(keys.begin(), keys.end()) != keys.end();
}

// From the opening quote at `i`: moves `i` to the closing quote (text.size() if there is none)
// and says whether the string has an escape.
bool skip_string(const std::string& text, size_t& i) {
  bool escaped = false;
  for (++i; i < text.size() && text[i] != '"'; ++i)
    if (text[i] == '\\') {
      escaped = true;
      ++i;
    }
  return escaped;
}

}  // namespace

bool may_repeat_a_key(const std::string& text) {
  std::vector<char> open;                                  // '{' or '[' for each one open here
  std::vector<std::vector<std::string_view>> object_keys;  // the keys of each open object
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{' || c == '[') {
      if (open.size() >= limits::kMaxDepth) return true;
      open.push_back(c);
      if (c == '{') object_keys.emplace_back();
    } else if (c == '}' || c == ']') {
      if (open.empty() || open.back() != (c == '}' ? '{' : '[')) return true;
      open.pop_back();
      if (c == ']') continue;
      if (has_twice(object_keys.back())) return true;
      object_keys.pop_back();
    } else if (c == '"') {
      const size_t start = i + 1;
      const bool escaped = skip_string(text, i);
      if (i >= text.size()) return true;
      size_t next = i + 1;
      while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next]))) ++next;
      if (next >= text.size() || text[next] != ':') continue;  // a value, not a key
      if (open.empty() || open.back() != '{' || escaped) return true;
      object_keys.back().emplace_back(text.data() + start, i - start);
    }
  }
  return !open.empty();
}

}  // namespace trialmatch
