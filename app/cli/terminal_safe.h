// What the command-line tool prints comes partly from files and codes anyone could make: a
// study record, a QR code read off a screen, a saved file. A control character in them
// (ESC starts a terminal's commands: titles, colours, even keystrokes on some terminals;
// a carriage return overwrites a line; a right-to-left override hides text) must never
// reach a terminal raw. So everything the tool writes goes through a filter that shows such
// characters as visible escapes ("\x1B", "\u202E") and lets the rest through unchanged.
// JSON output is untouched (its strings escape control characters already).
#pragma once

#include <cstddef>
#include <ostream>
#include <streambuf>
#include <string>

namespace trialmatch::cli {

// `text` with every ASCII control character but newline and tab, every C1 control
// (U+0080 to U+009F), every bidirectional override or isolate (U+202A to U+202E, U+2066 to
// U+2069) and every byte that is not part of valid UTF-8 written as a visible escape.
std::string terminal_safe(const std::string& text);

// A stream buffer that writes what it is given to `out` through terminal_safe(), keeping an
// unfinished UTF-8 sequence until its last byte arrives.
class TerminalSafeBuffer : public std::streambuf {
 public:
  explicit TerminalSafeBuffer(std::streambuf* out) : out_(out) {}
  ~TerminalSafeBuffer() override;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  std::streambuf* out_;
  std::string pending_;  // bytes of a UTF-8 sequence not yet complete
  void put(const char* s, size_t n);
  void flush_pending();
};

// From here on std::cout and std::cerr write through terminal_safe(); undone when the
// returned guard goes (at the end of main).
class TerminalSafeOutput {
 public:
  TerminalSafeOutput();
  ~TerminalSafeOutput();
  TerminalSafeOutput(const TerminalSafeOutput&) = delete;
  TerminalSafeOutput& operator=(const TerminalSafeOutput&) = delete;

 private:
  std::streambuf* cout_;
  std::streambuf* cerr_;
  TerminalSafeBuffer safe_cout_, safe_cerr_;
};

}  // namespace trialmatch::cli
