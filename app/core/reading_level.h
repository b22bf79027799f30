// How hard a text is to read, as an approximate US school grade: the measure behind the
// plain-language check (tests/e2e/plain_language.test.mjs, through `trialmatch reading-level`)
// and the warnings `trialmatch validate` gives for study texts above grade 8. One
// implementation, so the app's tests and a study team's check agree.
//
// English: the Flesch-Kincaid grade level (Kincaid, Fishburne, Rogers, Chissom 1975, for the
// US Navy; the usual "grade level" of word processors):
//     grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59
// Spanish: the Fernández-Huerta reading ease (José Fernández Huerta 1959, Flesch's reading
// ease adapted to Spanish):
//     ease = 206.84 - 0.60 * P - 1.02 * F
// with P the syllables per 100 words and F the words per sentence. Like Flesch's, the ease
// goes from about 100 (very easy) down; it is turned into an approximate grade by Flesch's
// bands, joined into one line: 100 -> 4, 90 -> 5, 80 -> 6, 70 -> 7 (one grade for each 10
// points), 60 -> 8.5 (1.5 grades for those 10), then 2.5 grades for each further 10 points
// (50 -> 11, 40 -> 13.5).
//
// Words are runs of letters (any non-ASCII character counts as a letter except punctuation,
// spaces and symbols such as ¿ ¡ « » “ ” ‘ – — … • and the no-break space), with apostrophes
// and hyphens inside them ("don't", "don’t", "self-harm" are one word each). Numbers ("18",
// "12.5", "1,000") are words too, also inside a word ("SCID-5"). Sentences end at a run of
// . ! ? : ; (and, as the browser test always counted, ¿ ¡) followed by a space or the end of
// the text; a text has at least one. These are the rules tests/e2e/readability.mjs used, but
// for a hyphen or an apostrophe standing alone, which it counted as a word.
//
// English syllables are counted by rules, not a dictionary: groups of vowels (y included),
// split where English splits them ("tri-al", "o-pi-oid", "su-i-cide", "be-ing"); a silent
// final e ("make"), but not "-le" or "-re" after a consonant ("ta-ble", "a-cre"); "-ed" and
// "-es" that add no syllable ("used", "makes", but "want-ed", "pla-ces"); the silent e of
// "safe-ty", "like-ly", "base-line"; compounds of some/any/every; a short list of words the
// rules get wrong ("people", "every", "diabetes"). Words in capitals ("MRI", "IV", "SCID") are
// read letter by letter (one syllable a letter, W three), except a few read as words ("ZIP",
// "HOME", "COVID"); a number counts two syllables.
//
// Agreement with npm's `syllable` 5.0.1, the counter the browser test used before, over the
// words of the study files in assets/trials and the app's phrases (app/flow/ui_text.cpp) in
// December 2026: 6,432 words, 8,840 syllables here against 8,690 (1.7% more), the same count
// for 97.1% of the words. Words in capitals and numbers make the difference, on purpose
// (`syllable` gives "MRI" one syllable and every number one); the other 6,275 words get the
// same count for 99.3% of them and 0.2% fewer syllables in all, and where the two differ this
// counter is mostly the right one ("life-line", "ev-ery-day", "su-i-cide", "go-ing"): against
// the CMU Pronouncing Dictionary it gives the exact count for 99.8% of those words, `syllable`
// for 99.1%.
//
// Spanish syllables are counted by vowel groups, which Spanish spelling makes close to exact:
// a strong vowel (a e o á é í ó ú) starts a new syllable next to another vowel, weak ones
// (i u ü) join it ("cie-lo", "dí-a"); the u of "que", "qui", "gue", "gui" is silent; a y is a
// consonant ("a-yu-da") except at the end of a word after a vowel ("hoy", "muy"); a number
// counts two syllables.
//
// Limits: these are formulas of averages, made for passages of 100 words or more. On a short
// text one long word moves the grade by several points, so a sentence alone is only a hint.
// They count syllables and words, not meaning: names of medicines ("ixekizumab" has five
// syllables) and of conditions score high though a person may know them well, and a short
// sentence of rare words scores low. A word in capitals said as a word but not in the short
// list ("SHAPS") counts a syllable a letter. English and Spanish grades are not the same
// scale: the Spanish one is Flesch's reading ease read as a grade.
#pragma once

#include <optional>
#include <string>

namespace trialmatch {

struct ReadingLevel {
  double grade;  // approximate US school grade (below 0 for very simple texts)
  int words;
  int sentences;  // at least 1
  int syllables;
};

// The reading level of `text` (UTF-8) in `lang` ("en" or "es"); nullopt for another language
// or a text without words.
std::optional<ReadingLevel> reading_level(const std::string& lang, const std::string& text);

// The syllables of the words in `text` as reading_level counts them (normally one word).
int english_syllables(const std::string& text);
int spanish_syllables(const std::string& text);

}  // namespace trialmatch
