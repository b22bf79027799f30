// The grade of a text (reading_level.h): its words, sentences and syllables, counted by
// reading_level_words.cpp and each language's syllable rules, put into that language's formula.
#include "reading_level.h"

#include <algorithm>

#include "reading_level_words.h"

namespace trialmatch {

namespace {

// Flesch's reading ease as a grade: 100 -> 4, 70 -> 7 (one grade for each 10 points),
// 60 -> 8.5, then 2.5 grades for each 10 points below 60. (tests/e2e/readability.mjs, which
// listed these bands, computed 4 + (100 - ease) * 0.15 between 70 and 60: 8.5 just below 70
// after 7 at 70, and 10 at 60 but 8.5 just below it, a harder text scoring lower.)
double grade_of_ease(double ease) {
  if (ease >= 70) return 4 + (100 - ease) / 10;
  if (ease >= 60) return 7 + (70 - ease) * 0.15;
  return 8.5 + (60 - ease) / 4;
}

}  // namespace

std::optional<ReadingLevel> reading_level(const std::string& lang, const std::string& text) {
  const bool english = lang == "en";
  if (!english && lang != "es") return std::nullopt;
  const reading::Tokens tokens = reading::tokenize(text);
  if (tokens.words.empty()) return std::nullopt;
  ReadingLevel level{};
  level.words = static_cast<int>(tokens.words.size());
  level.sentences = std::max(1, tokens.sentences);
  for (const reading::Word& word : tokens.words)
    level.syllables += english ? reading::english_word_syllables(word) : reading::spanish_word_syllables(word);
  const double words_per_sentence = static_cast<double>(level.words) / level.sentences;
  const double syllables_per_word = static_cast<double>(level.syllables) / level.words;
  if (english) {
    level.grade = 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59;
  } else {
    level.grade = grade_of_ease(206.84 - 0.60 * (100 * syllables_per_word) - 1.02 * words_per_sentence);
  }
  return level;
}

}  // namespace trialmatch
