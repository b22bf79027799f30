// Every limit on input the core reads (trial files, answers files, conditions), in one
// place, and the helpers that apply them. A hostile or broken file meets one of these
// limits and gets a located error; nothing it contains can make the app allocate without
// bound or print a megabyte back at the reader. docs/trial-format.md lists them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"

namespace trialmatch {

struct Diagnostic;

namespace limits {

// ---- JSON files (trial definitions and answers files) -------------------------------
inline constexpr size_t kMaxFileBytes = 1024 * 1024;  // 1 MiB; the seed study is about 30 KB
inline constexpr size_t kMaxDepth = 20;               // nested objects and lists; the format needs 7
inline constexpr size_t kMaxKeyBytes = 128;           // a field name, as written in the file
inline constexpr size_t kMaxStringBytes = 10000;      // a text value, as written in the file
inline constexpr size_t kMaxValues = 50000;           // values of every kind in one file
inline constexpr size_t kMaxErrors = 100;             // problems listed for one file; the rest are counted

// ---- Conditions (ask_if, rule, safety.when) -------------------------------------------
inline constexpr size_t kMaxConditionLength = 4000;  // bytes
inline constexpr int kMaxConditionOperators = 200;   // "and" / "or"
inline constexpr int kMaxConditionNesting = 64;      // "not" and parentheses

// ---- Messages ---------------------------------------------------------------------------
inline constexpr size_t kMaxEchoChars = 60;      // a key or value repeated in a message
inline constexpr size_t kMaxMessageChars = 400;  // one whole message

// ---- Internal bookkeeping -----------------------------------------------------------------
// The JSON locator keeps each value's JSON pointer to find line:column. Past this many bytes
// of pointers it stops recording, and later messages give the pointer without line:column.
inline constexpr size_t kMaxLocatorBytes = 8 * 1024 * 1024;

}  // namespace limits

// `text` cut to at most `max_chars` characters, ending in "…" when cut. Cuts only between
// whole UTF-8 characters.
std::string shorten(const std::string& text, size_t max_chars = limits::kMaxEchoChars);

// `"text"`, shortened: for repeating a key or value from the file in a message.
std::string quoted(const std::string& text);

// A message cut in the middle ("head … tail") to at most `max_chars` characters, so both
// what is wrong and the advice at the end survive.
std::string shorten_middle(const std::string& message, size_t max_chars = limits::kMaxMessageChars);

// "the file is too big: ... at most 1 MB": for the loader, and for the browser, which stops
// downloading a file at the limit.
std::string file_too_big_message();
// The same, as a Diagnostic of the whole file.
Diagnostic file_too_big();

// The first limit a JSON text breaks: where (a byte offset) and what. nullopt if within
// every limit that can be checked before parsing (size, depth, key and string length).
struct LimitViolation {
  size_t offset = 0;
  Said said;  // what is wrong (problem.h)
};
std::optional<LimitViolation> check_json_limits(const std::string& text);

// Caps a list of problems at kMaxErrors (adding one last line that counts the rest:
// `dropped` more were never recorded) and shortens every message.
void finish_diagnostics(std::vector<Diagnostic>& errors, size_t dropped);
void finish_messages(std::vector<std::string>& errors, size_t dropped);

}  // namespace trialmatch
