// The reading-level formulas (app/core/reading_level.h): grades worked out by hand for a few
// sentences in English and Spanish, the syllables of words the rules must get right, the word
// and sentence rules the browser test used, and what has no level.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "reading_level.h"

namespace unit_reading_level {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using trialmatch::english_syllables;
using trialmatch::reading_level;
using trialmatch::ReadingLevel;
using trialmatch::spanish_syllables;

namespace {

ReadingLevel level_of(const std::string& lang, const std::string& text) {
  const std::optional<ReadingLevel> level = reading_level(lang, text);
  EXPECT_TRUE(level.has_value()) << text;
  return level.value_or(ReadingLevel{-100, 0, 0, 0});
}

}  // namespace

TEST(ReadingLevel, EnglishGradesWorkedOutByHand) {
  // Flesch-Kincaid: 0.39 * words / sentences + 11.8 * syllables / words - 15.59.
  // 6 words of one syllable: 0.39 * 6 + 11.8 - 15.59 = -1.45.
  ReadingLevel l = level_of("en", "The cat sat on the mat.");
  EXPECT_EQ(l.words, 6);
  EXPECT_EQ(l.sentences, 1);
  EXPECT_EQ(l.syllables, 6);
  EXPECT_NEAR(l.grade, -1.45, 1e-9);

  // you can stop at an-y time (7), your an-swers stay on this de-vice (8):
  // 0.39 * 12 / 2 + 11.8 * 15 / 12 - 15.59 = 2.34 + 14.75 - 15.59 = 1.5.
  l = level_of("en", "You can stop at any time. Your answers stay on this device.");
  EXPECT_EQ(l.words, 12);
  EXPECT_EQ(l.sentences, 2);
  EXPECT_EQ(l.syllables, 15);
  EXPECT_NEAR(l.grade, 1.5, 1e-9);

  // Capitals letter by letter, a number two syllables: the (1) M-R-I (3) takes (1) 45 (2)
  // min-utes (2): 0.39 * 5 + 11.8 * 9 / 5 - 15.59 = 7.6.
  l = level_of("en", "The MRI takes 45 minutes.");
  EXPECT_EQ(l.words, 5);
  EXPECT_EQ(l.syllables, 9);
  EXPECT_NEAR(l.grade, 7.6, 1e-9);

  // Par-tic-i-pants (4) dem-on-strat-ing (4) in-ad-e-quate (4) ther-a-peu-tic (4)
  // re-spon-sive-ness (4) to (1) con-ven-tion-al (4) an-ti-de-pres-sant (5)
  // phar-ma-co-ther-a-py (6) will (1) sub-se-quent-ly (4) un-der-go (3) com-pre-hen-sive (4)
  // neu-ro-psy-cho-log-i-cal (7) e-val-u-a-tion (5): 15 words, 60 syllables;
  // 0.39 * 15 + 11.8 * 4 - 15.59 = 37.46.
  l = level_of("en",
               "Participants demonstrating inadequate therapeutic responsiveness to conventional antidepressant "
               "pharmacotherapy will subsequently undergo comprehensive neuropsychological evaluation.");
  EXPECT_EQ(l.words, 15);
  EXPECT_EQ(l.syllables, 60);
  EXPECT_NEAR(l.grade, 37.46, 1e-9);
}

TEST(ReadingLevel, SpanishGradesWorkedOutByHand) {
  // Fernández-Huerta: ease = 206.84 - 0.60 * (syllables per 100 words) - 1.02 * (words per
  // sentence), then the bands. El (1) ga-to (2) co-me (2) pan (1): 206.84 - 90 - 4.08 =
  // 112.76, and 4 + (100 - 112.76) / 10 = 2.724.
  ReadingLevel l = level_of("es", "El gato come pan.");
  EXPECT_EQ(l.words, 4);
  EXPECT_EQ(l.syllables, 6);
  EXPECT_NEAR(l.grade, 2.724, 1e-9);

  // Us-ted pue-de pa-rar en cual-quier mo-men-to: 12 syllables in 6 words; 206.84 - 120 - 6.12
  // = 80.72, and 4 + 19.28 / 10 = 5.928.
  l = level_of("es", "Usted puede parar en cualquier momento.");
  EXPECT_EQ(l.words, 6);
  EXPECT_EQ(l.syllables, 12);
  EXPECT_NEAR(l.grade, 5.928, 1e-9);

  // Between 70 and 60 the grade goes from 7 to 8.5: te-ne-mos cin-co ca-sas, 7 syllables in 3
  // words: 206.84 - 140 - 3.06 = 63.78, and 7 + (70 - 63.78) * 0.15 = 7.933.
  l = level_of("es", "Tenemos cinco casas.");
  EXPECT_EQ(l.syllables, 7);
  EXPECT_NEAR(l.grade, 7.933, 1e-9);

  // Below 60, 2.5 grades for 10 points: 18 words, 66 syllables (Los par-ti-ci-pan-tes que
  // de-mues-tren u-na res-pues-ta te-ra-péu-ti-ca in-su-fi-cien-te al tra-ta-mien-to
  // an-ti-de-pre-si-vo con-ven-cio-nal re-ci-bi-rán pos-te-rior-men-te u-na e-va-lua-ción
  // neu-ro-psi-co-ló-gi-ca ex-haus-ti-va): 206.84 - 220 - 18.36 = -31.52, 8.5 + 91.52 / 4 = 31.38.
  l = level_of("es",
               "Los participantes que demuestren una respuesta terapéutica insuficiente al tratamiento antidepresivo "
               "convencional recibirán posteriormente una evaluación neuropsicológica exhaustiva.");
  EXPECT_EQ(l.words, 18);
  EXPECT_EQ(l.syllables, 66);
  EXPECT_NEAR(l.grade, 31.38, 1e-9);
}

TEST(ReadingLevel, EnglishSyllablesOfTrickyWords) {
  // Vowel groups, and where English splits them.
  EXPECT_EQ(english_syllables("trial"), 2);
  EXPECT_EQ(english_syllables("suicide"), 3);
  EXPECT_EQ(english_syllables("opioid"), 3);
  EXPECT_EQ(english_syllables("anxiety"), 4);
  EXPECT_EQ(english_syllables("being"), 2);
  EXPECT_EQ(english_syllables("area"), 3);
  EXPECT_EQ(english_syllables("questionnaire"), 3);
  EXPECT_EQ(english_syllables("yes"), 1);
  // Silent e, but not "-le" after a consonant.
  EXPECT_EQ(english_syllables("the"), 1);
  EXPECT_EQ(english_syllables("table"), 2);
  EXPECT_EQ(english_syllables("people"), 2);
  EXPECT_EQ(english_syllables("safety"), 2);
  EXPECT_EQ(english_syllables("likely"), 2);
  EXPECT_EQ(english_syllables("unique"), 2);
  // "-ed" and "-es" that add a syllable or not.
  EXPECT_EQ(english_syllables("used"), 1);
  EXPECT_EQ(english_syllables("wanted"), 2);
  EXPECT_EQ(english_syllables("handled"), 2);
  EXPECT_EQ(english_syllables("hundred"), 2);
  EXPECT_EQ(english_syllables("makes"), 1);
  EXPECT_EQ(english_syllables("places"), 2);
  // Compounds, contractions, hyphens.
  EXPECT_EQ(english_syllables("every"), 2);
  EXPECT_EQ(english_syllables("everyone"), 3);
  EXPECT_EQ(english_syllables("something"), 2);
  EXPECT_EQ(english_syllables("isn't"), 2);
  EXPECT_EQ(english_syllables("self-harm"), 2);
  // Capitals letter by letter (W has three), numbers two, letters on a number none.
  EXPECT_EQ(english_syllables("MRI"), 3);
  EXPECT_EQ(english_syllables("MRIs"), 3);
  EXPECT_EQ(english_syllables("IV"), 2);
  EXPECT_EQ(english_syllables("W"), 3);
  EXPECT_EQ(english_syllables("ZIP"), 1);  // read as a word
  EXPECT_EQ(english_syllables("18"), 2);
  EXPECT_EQ(english_syllables("12.5"), 2);
  EXPECT_EQ(english_syllables("18th"), 2);
  EXPECT_EQ(english_syllables("SCID-5"), 6);
}

TEST(ReadingLevel, SpanishSyllablesOfTrickyWords) {
  EXPECT_EQ(spanish_syllables("cuidado"), 3);    // cui-da-do: weak vowels together
  EXPECT_EQ(spanish_syllables("ciudad"), 2);     // ciu-dad
  EXPECT_EQ(spanish_syllables("día"), 2);        // dí-a: an accented weak vowel is strong
  EXPECT_EQ(spanish_syllables("país"), 2);       // pa-ís
  EXPECT_EQ(spanish_syllables("leer"), 2);       // le-er: two strong vowels
  EXPECT_EQ(spanish_syllables("aéreo"), 4);      // a-é-re-o
  EXPECT_EQ(spanish_syllables("quiero"), 2);     // quie-ro: the u of "qui" is silent
  EXPECT_EQ(spanish_syllables("cualquier"), 2);  // cual-quier
  EXPECT_EQ(spanish_syllables("siguiente"), 3);  // si-guien-te
  EXPECT_EQ(spanish_syllables("psiquiatra"), 3);
  EXPECT_EQ(spanish_syllables("pingüino"), 3);  // pin-güi-no: ü is said
  EXPECT_EQ(spanish_syllables("averigüé"), 4);
  EXPECT_EQ(spanish_syllables("ayuda"), 3);  // a-yu-da: y is a consonant
  EXPECT_EQ(spanish_syllables("hoy"), 1);    // a final y after a vowel is the diphthong's i
  EXPECT_EQ(spanish_syllables("muy"), 1);
  EXPECT_EQ(spanish_syllables("y"), 1);
  EXPECT_EQ(spanish_syllables("ÁREA"), 3);
  EXPECT_EQ(spanish_syllables("988"), 2);
}

TEST(ReadingLevel, WordsAndSentencesAsTheBrowserTestCounted) {
  // : and ; end sentences when a space follows; a point inside "ClinicalTrials.gov" does not.
  EXPECT_EQ(level_of("en", "Hello: yes; no.").sentences, 3);
  ReadingLevel l = level_of("en", "ClinicalTrials.gov is a site");
  EXPECT_EQ(l.words, 5);
  EXPECT_EQ(l.sentences, 1);  // at least one
  // Apostrophes (straight or curly) and hyphens stay inside a word; dashes, quotes and the
  // ellipsis do not.
  EXPECT_EQ(level_of("en", "don’t stop, self-harm").words, 3);
  EXPECT_EQ(level_of("en", "“Quoted” – dash… end").words, 3);
  // A number with its decimals is one word.
  EXPECT_EQ(level_of("en", "Take 3.5 mg or 1,000 mg.").words, 6);
  // ¿ and ¡ open a sentence without ending one.
  l = level_of("es", "¿Qué pasa? ¡Nada!");
  EXPECT_EQ(l.words, 3);
  EXPECT_EQ(l.sentences, 2);
  // Bytes that are not UTF-8 count as letters: an overlong "0" (C0 B0) is no number.
  l = level_of("en", "\xC0\xB0 ok \xFF.");
  EXPECT_EQ(l.words, 3);
  EXPECT_EQ(l.syllables, 3);
  // A no-break space separates words.
  EXPECT_EQ(level_of("es",
                     "Llame al\xC2\xA0"
                     "988.")
                .words,
            3);
}

TEST(ReadingLevel, NoLevelForAnUnknownLanguageOrATextWithoutWords) {
  EXPECT_FALSE(reading_level("fr", "Bonjour tout le monde.").has_value());
  EXPECT_FALSE(reading_level("", "Hello.").has_value());
  EXPECT_FALSE(reading_level("en", "").has_value());
  EXPECT_FALSE(reading_level("es", "").has_value());
  EXPECT_FALSE(reading_level("en", " ... !! — ").has_value());
  EXPECT_TRUE(reading_level("en", "18").has_value());  // a number is a word
}

TEST(ReadingLevel, LongWindedTextsScoreAboveGradeEightAndPlainOnesBelow) {
  const std::string plain_en = "You can stop at any time. Your answers stay on this device. Nothing is sent anywhere.";
  const std::string hard_en =
      "Individuals experiencing persistent depressive symptomatology despite adequate pharmacological intervention "
      "may be considered for participation, contingent upon comprehensive psychiatric evaluation.";
  EXPECT_LT(level_of("en", plain_en).grade, 8);
  EXPECT_GT(level_of("en", hard_en).grade, 8);

  const std::string plain_es = "Puede parar en cualquier momento. Sus respuestas se quedan en este dispositivo.";
  const std::string hard_es =
      "Las personas que experimenten sintomatología depresiva persistente a pesar de una intervención farmacológica "
      "adecuada podrían ser consideradas para participar, dependiendo de una evaluación psiquiátrica exhaustiva.";
  EXPECT_LT(level_of("es", plain_es).grade, 8);
  EXPECT_GT(level_of("es", hard_es).grade, 8);
}

}  // namespace unit_reading_level
