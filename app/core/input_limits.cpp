#include "input_limits.h"

#include <cctype>

#include "diagnostic.h"

namespace trialmatch {

namespace {

bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Byte offset where the `n`-th character (0-based) of `text` starts, or text.size().
size_t offset_of_character(const std::string& text, size_t from, size_t n) {
  size_t i = from;
  for (size_t seen = 0; i < text.size(); ++i)
    if (starts_character(text[i]) && seen++ == n) return i;
  return text.size();
}

size_t count_characters(const std::string& text) {
  size_t n = 0;
  for (char c : text) n += starts_character(c) ? 1 : 0;
  return n;
}

const char* const kEllipsis = "\xE2\x80\xA6";  // "…"

}  // namespace

std::string shorten(const std::string& text, size_t max_chars) {
  if (max_chars == 0) return "";
  if (text.size() <= max_chars || count_characters(text) <= max_chars) return text;
  return text.substr(0, offset_of_character(text, 0, max_chars - 1)) + kEllipsis;
}

std::string quoted(const std::string& text) { return "\"" + shorten(text) + "\""; }

std::string shorten_middle(const std::string& message, size_t max_chars) {
  if (message.size() <= max_chars) return message;
  const size_t chars = count_characters(message);
  if (chars <= max_chars || max_chars < 3) return chars <= max_chars ? message : shorten(message, max_chars);
  const size_t head = (max_chars - 1) * 2 / 3;
  const size_t tail = max_chars - 1 - head;
  return message.substr(0, offset_of_character(message, 0, head)) + kEllipsis +
         message.substr(offset_of_character(message, 0, chars - tail));
}

Diagnostic file_too_big() { return diagnostic("", {}, Problem::FileTooBig, {std::to_string(limits::kMaxFileBytes)}); }

std::string file_too_big_message() { return file_too_big().message; }

std::optional<LimitViolation> check_json_limits(const std::string& text) {
  if (text.size() > limits::kMaxFileBytes) return LimitViolation{0, file_too_big().said};
  size_t depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      const size_t start = i++;
      while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
      const size_t end = i < text.size() ? i : text.size();
      const std::string_view raw(text.data() + start + 1, end - start - 1);
      size_t next = end + 1;
      while (next < text.size() && std::isspace(static_cast<unsigned char>(text[next]))) ++next;
      const bool is_key = next < text.size() && text[next] == ':';
      const size_t cap = is_key ? limits::kMaxKeyBytes : limits::kMaxStringBytes;
      if (raw.size() > cap)
        return LimitViolation{start, Said{is_key ? Problem::FieldNameTooLong : Problem::TextTooLong,
                                          {std::to_string(raw.size()), std::to_string(cap), quoted(std::string(raw))}}};
      i = end;
      continue;
    }
    if (c == '{' || c == '[') {
      if (++depth > limits::kMaxDepth)
        return LimitViolation{i, Said{Problem::NestedTooDeeply, {std::to_string(limits::kMaxDepth)}}};
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

void finish_diagnostics(std::vector<Diagnostic>& errors, size_t dropped) {
  if (errors.size() > limits::kMaxErrors) {
    dropped += errors.size() - limits::kMaxErrors;
    errors.resize(limits::kMaxErrors);
  }
  for (Diagnostic& d : errors) {
    d.pointer = shorten_middle(d.pointer, limits::kMaxEchoChars * 2);
    d.message = shorten_middle(d.message);
  }
  if (dropped > 0)
    errors.push_back(diagnostic("", {}, Problem::MoreProblems, {std::to_string(dropped), std::to_string(limits::kMaxErrors)}));
}

void finish_messages(std::vector<std::string>& errors, size_t dropped) {
  if (errors.size() > limits::kMaxErrors) {
    dropped += errors.size() - limits::kMaxErrors;
    errors.resize(limits::kMaxErrors);
  }
  for (std::string& e : errors) e = shorten_middle(e);
  if (dropped > 0)
    errors.push_back("and " + std::to_string(dropped) + " more problems (only the first " +
                     std::to_string(limits::kMaxErrors) + " are listed)");
}

}  // namespace trialmatch
