#include "terminal_safe.h"

#include <cstdio>
#include <iostream>

namespace trialmatch::cli {

namespace {

// The length of the UTF-8 sequence `lead` begins, 0 when it cannot begin one.
size_t sequence_length(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// The code point of the valid sequence of `n` bytes at `s`, or -1 (a bad continuation byte,
// an overlong form, a surrogate, or past U+10FFFF).
long code_point(const unsigned char* s, size_t n) {
  long cp = s[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t i = 1; i < n; ++i) {
    if ((s[i] & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return -1;
  return cp;
}

bool shown_escaped(long cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void append_escape(std::string& out, const char* format, long value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, static_cast<unsigned>(value));
  out += buffer;
}

// Where the unfinished UTF-8 sequence at the end of `text` begins (text.size() if none).
size_t complete_part(const std::string& text) {
  const size_t n = text.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    const unsigned char c = static_cast<unsigned char>(text[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const size_t length = sequence_length(c);
    return length > back ? n - back : n;
  }
  return n;
}

}  // namespace

std::string terminal_safe(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) append_escape(out, "\\x%02X", c);
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    const size_t length = sequence_length(c);
    const long cp = length && i + length <= text.size() ? code_point(bytes + i, length) : -1;
    if (cp < 0) {
      append_escape(out, "\\x%02X", c);
      ++i;
    } else {
      if (shown_escaped(cp)) append_escape(out, "\\u%04X", cp);
      else out.append(text, i, length);
      i += length;
    }
  }
  return out;
}

TerminalSafeBuffer::~TerminalSafeBuffer() { flush_pending(); }

void TerminalSafeBuffer::put(const char* s, size_t n) {
  pending_.append(s, n);
  const size_t cut = complete_part(pending_);
  if (cut == 0) return;
  const std::string safe = terminal_safe(pending_.substr(0, cut));
  pending_.erase(0, cut);
  out_->sputn(safe.data(), static_cast<std::streamsize>(safe.size()));
}

void TerminalSafeBuffer::flush_pending() {
  if (pending_.empty()) return;
  const std::string safe = terminal_safe(pending_);  // an unfinished sequence: escaped
  pending_.clear();
  out_->sputn(safe.data(), static_cast<std::streamsize>(safe.size()));
}

TerminalSafeBuffer::int_type TerminalSafeBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  put(&ch, 1);
  return c;
}

std::streamsize TerminalSafeBuffer::xsputn(const char* s, std::streamsize n) {
  put(s, static_cast<size_t>(n));
  return n;
}

int TerminalSafeBuffer::sync() { return out_->pubsync(); }

TerminalSafeOutput::TerminalSafeOutput()
    : cout_(std::cout.rdbuf()), cerr_(std::cerr.rdbuf()), safe_cout_(cout_), safe_cerr_(cerr_) {
  std::cout.rdbuf(&safe_cout_);
  std::cerr.rdbuf(&safe_cerr_);
}

TerminalSafeOutput::~TerminalSafeOutput() {
  std::cout.flush();
  std::cerr.flush();
  std::cout.rdbuf(cout_);
  std::cerr.rdbuf(cerr_);
}

}  // namespace trialmatch::cli
