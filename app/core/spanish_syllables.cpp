// Spanish syllables, by groups of vowels (reading_level.h says how), which Spanish spelling
// makes close to exact.
#include <algorithm>

#include "reading_level.h"
#include "reading_level_words.h"

namespace trialmatch {

namespace reading {

namespace {

bool is_strong(char32_t c) {
  return c == 'a' || c == 'e' || c == 'o' || c == 0xE1 || c == 0xE9 || c == 0xED || c == 0xF3 || c == 0xFA;
}
bool is_weak(char32_t c) {
  return c == 'i' || c == 'u' || c == 0xFC;
}

int spanish_piece(const Piece& piece) {
  if (piece.number) return 2;
  std::u32string w;
  for (char32_t c : piece.letters)
    if (const char32_t f = fold(c, true)) w += f;
  // A final y after a vowel is the vowel i of the diphthong ("hoy", "muy"); elsewhere y is a
  // consonant ("a-yu-da", "ma-yo").
  if (w.size() >= 2 && w.back() == 'y' && (is_strong(w[w.size() - 2]) || is_weak(w[w.size() - 2]))) w.back() = 'i';
  // The u of "que", "qui", "gue", "gui" is not said.
  std::u32string said;
  for (size_t i = 0; i < w.size(); ++i) {
    const bool silent_u = w[i] == 'u' && i > 0 && (w[i - 1] == 'q' || w[i - 1] == 'g') && i + 1 < w.size() &&
                          (w[i + 1] == 'e' || w[i + 1] == 'i' || w[i + 1] == 0xE9 || w[i + 1] == 0xED);
    if (!silent_u) said += w[i];
  }
  // Groups of vowels, as /[iuü]?[aeoáéíóú][iuü]?|[iuü]+/g finds them: a strong vowel with the
  // weak ones on either side of it, or weak vowels alone.
  int count = 0;
  for (size_t i = 0; i < said.size();) {
    if (is_weak(said[i]) && i + 1 < said.size() && is_strong(said[i + 1])) {
      i += 2;
      if (i < said.size() && is_weak(said[i])) ++i;
      ++count;
    } else if (is_strong(said[i])) {
      ++i;
      if (i < said.size() && is_weak(said[i])) ++i;
      ++count;
    } else if (is_weak(said[i])) {
      while (i < said.size() && is_weak(said[i])) ++i;
      ++count;
    } else {
      ++i;
    }
  }
  return std::max(1, count);
}

}  // namespace

int spanish_word_syllables(const Word& word) {
  int count = 0;
  for (const Piece& piece : word) count += spanish_piece(piece);
  return count;
}

}  // namespace reading

int spanish_syllables(const std::string& text) {
  int count = 0;
  for (const reading::Word& word : reading::tokenize(text).words) count += reading::spanish_word_syllables(word);
  return count;
}

}  // namespace trialmatch
