// Reading a text into words and sentences, character by character (reading_level_words.h).
#include "reading_level_words.h"

#include <cstddef>

namespace trialmatch::reading {

namespace {

// ---------------------------------------------------------------------------------------
// Characters
// ---------------------------------------------------------------------------------------

// A code point that is not valid UTF-8: a stray byte, read as a letter.
constexpr char32_t kStrayByte = 0x110000;

// The code point at `i` and its length in bytes (at least 1). A byte that does not start
// valid UTF-8 is a stray byte on its own (overlong forms, surrogates and code points past
// U+10FFFF included, so that no stray byte reads as ASCII).
char32_t decode(const std::string& s, size_t i, size_t& length) {
  const auto lead = static_cast<unsigned char>(s[i]);
  length = 1;
  if (lead < 0x80) return lead;
  const size_t n = lead >= 0xF8 ? 0 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) return kStrayByte;
  char32_t c = lead & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    const auto next = static_cast<unsigned char>(s[i + k]);
    if ((next & 0xC0) != 0x80) return kStrayByte;
    c = (c << 6) | (next & 0x3F);
  }
  constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kSmallest[n] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return kStrayByte;
  length = n;
  return c;
}

// JavaScript's \s, the space the browser test's sentence rule looked for.
bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_sentence_end(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0xA1 || c == 0xBF;
}

// Inside a word: the apostrophes of "don't" and "don’t", and the hyphen of "self-harm".
bool is_joiner(char32_t c) {
  return c == '\'' || c == 0x2019 || c == '-';
}

bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

// Unicode letters, near enough: ASCII letters, and any other character outside the blocks of
// punctuation, spaces and symbols (Latin-1's ¿ ¡ « » and no-break space; general punctuation
// with “ ” ‘ ’ – — … •; arrows, mathematical and other symbols; CJK and full-width
// punctuation; emoji). Accents written as combining marks stay in their word.
bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c <= 0xBF) return c == 0xAA || c == 0xB5 || c == 0xBA;  // ª µ º
  if (c == 0xD7 || c == 0xF7) return false;                   // × ÷
  if (c >= 0x2000 && c <= 0x2BFF) return c == 0x2071 || c == 0x207F || (c >= 0x2090 && c <= 0x209C);
  if (c >= 0x2E00 && c <= 0x2E7F) return false;
  if (c >= 0x3000 && c <= 0x303F)
    return c == 0x3005 || c == 0x3006 || (c >= 0x3031 && c <= 0x3035) || c == 0x303B || c == 0x303C;
  if (c >= 0xFE00 && c <= 0xFE6F) return false;
  if (c == 0xFEFF) return false;
  if (c >= 0xFF00 && c <= 0xFF65) return (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
  if (c >= 0xFFE0 && c <= 0xFFEF) return false;
  if (c >= 0x1F000 && c <= 0x1FBFF) return false;
  if (c >= 0xE0000 && c <= 0xE01EF) return false;
  return true;
}

}  // namespace

Tokens tokenize(const std::string& text) {
  Tokens out;
  Word word;
  bool hyphen = false;      // a hyphen since the last piece
  bool in_letters = false;  // the last piece takes more letters
  auto end_word = [&] {
    if (!word.empty()) out.words.push_back(std::move(word));
    word.clear();
    hyphen = false;
    in_letters = false;
  };
  size_t length = 0;
  for (size_t i = 0; i < text.size(); i += length) {
    const char32_t c = decode(text, i, length);
    if (is_digit(c)) {
      // A number: digits, and one decimal point or comma with digits after it ("12.5",
      // "1,000"); as the browser test replaced /[0-9]+([.,][0-9]+)?/.
      size_t j = i;
      while (j < text.size() && is_digit(static_cast<unsigned char>(text[j]))) ++j;
      if (j + 1 < text.size() && (text[j] == '.' || text[j] == ',') &&
          is_digit(static_cast<unsigned char>(text[j + 1]))) {
        ++j;
        while (j < text.size() && is_digit(static_cast<unsigned char>(text[j]))) ++j;
      }
      length = j - i;
      word.push_back({true, hyphen, {}});
      hyphen = false;
      in_letters = false;
    } else if (is_letter(c)) {
      if (!in_letters) word.push_back({false, hyphen, {}});
      word.back().letters += c;
      hyphen = false;
      in_letters = true;
    } else if (is_joiner(c)) {
      if (c == '-') {
        hyphen = true;
        in_letters = false;
      }
    } else {
      end_word();
      if (is_sentence_end(c)) {
        // A run of marks ends a sentence when a space or the end of the text follows it.
        size_t j = i + length, next_length = 0;
        while (j < text.size() && is_sentence_end(decode(text, j, next_length))) j += next_length;
        if (j == text.size() || is_space(decode(text, j, next_length))) ++out.sentences;
        length = j - i;
      }
    }
  }
  end_word();
  return out;
}

char32_t fold(char32_t c, bool spanish) {
  if (c >= 'A' && c <= 'Z') return c + ('a' - 'A');
  if (c < 0x80) return c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) c += 0x20;  // Latin-1 capitals
  if (spanish && (c == 0xE1 || c == 0xE9 || c == 0xED || c == 0xF3 || c == 0xFA || c == 0xFC || c == 0xF1)) return c;
  if (c >= 0xE0 && c <= 0xE5) return 'a';
  if (c == 0xE7) return 'c';
  if (c >= 0xE8 && c <= 0xEB) return 'e';
  if (c >= 0xEC && c <= 0xEF) return 'i';
  if (c == 0xF1) return 'n';
  if ((c >= 0xF2 && c <= 0xF6) || c == 0xF8) return 'o';
  if (c >= 0xF9 && c <= 0xFC) return 'u';
  if (c == 0xFD || c == 0xFF) return 'y';
  return 0;
}

}  // namespace trialmatch::reading
