// The words of a text as the reading level reads them (reading_level.h): each word cut into
// pieces (its runs of letters and its numbers), the count of sentences, and an accented
// letter's plain one. The syllables of one word are counted by the rules of each language:
// english_syllables.cpp, spanish_syllables.cpp; reading_level.cpp turns the counts into a grade.
#pragma once

#include <string>
#include <vector>

namespace trialmatch::reading {

// A word is a run of letters and numbers, which apostrophes and hyphens join: "self-harm",
// "don't", "SCID-5", "18th". Its pieces are its runs of letters (apostrophes left out) and its
// numbers; a hyphen starts a new piece.
struct Piece {
  bool number = false;
  bool after_hyphen = false;
  std::u32string letters;
};
using Word = std::vector<Piece>;

struct Tokens {
  std::vector<Word> words;
  int sentences = 0;
};

// The words and the sentences of `text` (UTF-8), by the rules in reading_level.h.
Tokens tokenize(const std::string& text);

// The Latin letter an accented one is written with, in lower case ('\0' for none); ñ and ü
// are kept when `spanish`.
char32_t fold(char32_t c, bool spanish);

int english_word_syllables(const Word& word);
int spanish_word_syllables(const Word& word);

}  // namespace trialmatch::reading
