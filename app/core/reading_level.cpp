#include "reading_level.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace trialmatch {

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

// ---------------------------------------------------------------------------------------
// Words and sentences
// ---------------------------------------------------------------------------------------

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

// Words in capitals that are read as words, not letter by letter: "your ZIP code", "text
// HOME to 741741".
constexpr std::u32string_view kCapitalWords[] = {U"AIDS",  U"AYUDA", U"AYUDAME", U"COVID", U"FHIR", U"HELP",
                                                 U"HIPAA", U"HOME",  U"NASA",    U"STOP",  U"ZIP"};

// A piece of capitals, read letter by letter: "MRI", "IV", "SCID", and "MRIs".
bool is_capitals(const std::u32string& s) {
  const size_t n = s.size() >= 3 && s.back() == 's' ? s.size() - 1 : s.size();
  if (n == 0) return false;
  for (size_t i = 0; i < n; ++i)
    if (s[i] < 'A' || s[i] > 'Z') return false;
  for (std::u32string_view word : kCapitalWords)
    if (std::u32string_view(s).substr(0, n) == word) return false;
  return true;
}

// The Latin letter an accented one is written with, in lower case ('\0' for none); ñ and ü
// are kept when `spanish`.
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

// ---------------------------------------------------------------------------------------
// English syllables
// ---------------------------------------------------------------------------------------

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool is_aeiou(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}
bool one_of(char c, std::string_view set) {
  return set.find(c) != std::string_view::npos;
}

// Words the rules below count wrong.
struct Known {
  std::string_view word;
  int syllables;
};
constexpr Known kKnownWords[] = {
    {"acne", 2},    {"business", 2},  {"cafe", 2},      {"diabetes", 4}, {"element", 3},  {"every", 2},
    {"herpes", 2},  {"maybe", 2},     {"moreover", 3},  {"naive", 2},    {"people", 2},   {"recipe", 3},
    {"syncope", 3}, {"therefore", 2}, {"wednesday", 2}, {"whereas", 2},  {"behavior", 3}, {"behaviour", 3},
};

int known_word(std::string_view w) {
  for (const Known& k : kKnownWords)
    if (k.word == w) return k.syllables;
  if (w.size() > 3 && w.back() == 's')
    for (const Known& k : kKnownWords)
      if (k.word == w.substr(0, w.size() - 1)) return k.syllables;
  return 0;
}

// Prefixes after which a vowel starts a new syllable ("re-act", "pre-ex-ist-ing"): the length
// of the prefix, or 0.
size_t prefix_before_vowel(std::string_view w) {
  for (std::string_view p : {"anti", "semi", "multi"})
    if (starts_with(w, p)) return p.size();
  if (starts_with(w, "pre") && !starts_with(w, "preach")) return 3;
  for (std::string_view p : {"react", "reapp", "reass", "reeval", "reent", "reexam", "reinf", "reinst", "reint",
                             "reinv", "reopen", "reuse", "reali", "reagent", "readj", "readm", "reaff"})
    if (starts_with(w, p)) return 2;
  for (std::string_view p : {"coop", "coord", "coex", "coauth"})
    if (starts_with(w, p)) return 2;
  return 0;
}

class EnglishWord {
 public:
  explicit EnglishWord(std::string w) : w_(std::move(w)), n_(w_.size()) {}

  int syllables() const {
    if (n_ == 0) return 1;
    if (const int known = known_word(w_)) return known;
    // Compounds whose first part ends in a silent e, or that the rules would split wrong.
    const std::string_view w = w_;
    if (starts_with(w, "some") && n_ > 6 && w[4] != 'r') return 1 + EnglishWord(w_.substr(4)).syllables();
    if (starts_with(w, "every") && n_ > 6) return 2 + EnglishWord(w_.substr(5)).syllables();
    if (starts_with(w, "any") && n_ > 5) return 2 + EnglishWord(w_.substr(3)).syllables();

    const size_t forced = prefix_before_vowel(w);
    int count = 0;
    for (size_t i = 0; i < n_; ++i)
      if (vowel(i) && (i == 0 || !vowel(i - 1) || (i == forced && is_aeiou(w[i])) || splits(i))) ++count;

    // A silent final e: "make", "here", "one"; not "-le" or "-re" after a consonant
    // ("ta-ble", "a-cre"), nor an e that is not a syllable of its own ("see", "true").
    if (w.back() == 'e' && n_ >= 3 && !vowel(n_ - 2) && !syllabic_l_or_r(n_ - 2)) --count;
    // "-es" and "-ed" that add no syllable: "makes", "times", "used", "called"; but
    // "pla-ces", "chang-es", "box-es", "wash-es", "ta-bles", and "want-ed", "need-ed",
    // "han-dled", "hun-dred".
    if (n_ >= 4 && ends_with(w, "es") && !vowel(n_ - 3)) {
      const char c = w[n_ - 3];
      const bool sounded = one_of(c, "sxzcg") || (c == 'h' && one_of(w[n_ - 4], "cs")) || syllabic_l_or_r(n_ - 3);
      if (!sounded) --count;
    }
    if (n_ >= 4 && ends_with(w, "ed") && !vowel(n_ - 3)) {
      const char c = w[n_ - 3];
      if (c != 't' && c != 'd' && !syllabic_l_or_r(n_ - 3)) --count;
    }
    // The silent ue of "unique", "techniques", "league", "tongue", "fatigue" (not "argue").
    if (ends_with(w, "que") || ends_with(w, "ques")) --count;
    const size_t g = ends_with(w, "gue") ? n_ - 3 : ends_with(w, "gues") ? n_ - 4 : 0;
    if (g > 0 && (is_aeiou(w[g - 1]) || w[g - 1] == 'n')) --count;
    // A silent e before an ending: "safe-ty", "like-ly", "state-ment", "care-ful", "home-less",
    // "base-line", "life-time", "pace-mak-er"; not "set-tle-ment" or "in-cre-ment".
    for (std::string_view suffix : {"ly", "ment", "ments", "ful", "fully", "less", "ness", "ty", "line", "lines",
                                    "time", "times", "work", "where", "maker", "makers", "giver", "givers"}) {
      if (n_ < suffix.size() + 3 || !ends_with(w, suffix)) continue;
      const size_t e = n_ - suffix.size() - 1;
      if (w[e] != 'e' || vowel(e - 1) || syllabic_l_or_r(e - 1) || !has_vowel_before(e - 1)) continue;
      --count;
      break;
    }
    // "is-n't", "does-n't", "did-n't", "must-n't" (the apostrophe is left out).
    if (n_ >= 4 && ends_with(w, "nt") && one_of(w[n_ - 3], "sdzt")) ++count;
    // "au-tis-m", "spa-sm", "rhy-thm": a syllable with no vowel.
    for (std::string_view suffix : {"ism", "isms", "asm", "asms", "thm", "thms"})
      if (ends_with(w, suffix)) {
        ++count;
        break;
      }
    return std::max(1, count);
  }

 private:
  char at(size_t i) const { return i < n_ ? w_[i] : '\0'; }
  // Before position i (0 is none), and from position i on.
  char before(size_t i, size_t back) const { return i >= back ? w_[i - back] : '\0'; }
  std::string_view rest(size_t i) const { return i <= n_ ? std::string_view(w_).substr(i) : std::string_view(); }

  // Vowels: a e i o u, and y except as the first letter before a vowel ("yes", "you").
  bool vowel(size_t i) const {
    const char c = at(i);
    if (is_aeiou(c)) return true;
    return c == 'y' && !(i == 0 && is_aeiou(at(1)));
  }

  bool has_vowel_before(size_t i) const {
    for (size_t k = 0; k < i; ++k)
      if (vowel(k)) return true;
    return false;
  }

  // An l or r at i that makes a syllable with the e after it: after a different consonant
  // ("ta-ble", "han-dled", "hun-dred", "a-cre"), not after a vowel ("whole") or doubled
  // ("called", "gazelle").
  bool syllabic_l_or_r(size_t i) const {
    const char c = at(i);
    if ((c != 'l' && c != 'r') || i == 0) return false;
    return !vowel(i - 1) && w_[i - 1] != c;
  }

  // Whether the vowel at i, after the vowel at i - 1, starts a syllable of its own.
  bool splits(size_t i) const {
    const char a = w_[i - 1], b = w_[i];
    const char p = before(i - 1, 1), pp = before(i - 1, 2);  // the letters before a
    const std::string_view after = rest(i + 1);
    // A y between vowels is a consonant that starts a syllable: "be-yond", "play-er",
    // "buy-ing"; not in "played", "plays", "eye", "eyes".
    if (b == 'y') return vowel(i + 1) && after != "e" && after != "ed" && after != "es";
    // A vowel, then "ing": "be-ing", "do-ing", "see-ing", "con-tin-u-ing", "try-ing",
    // "cop-y-ing"; but the y of "say-ing" already started the syllable.
    if (a == 'y') return i >= 2 && !vowel(i - 2) && b == 'i' && (after == "ng" || after == "ngs");
    if (b == 'i' && (after == "ng" || after == "ngs")) return true;
    switch (a) {
      case 'i':
        if (b == 'a') {
          // "tri-al", "di-a-be-tes", "psy-chi-a-trist", "me-di-a", "an-o-rex-i-a"; not "spe-cial",
          // "ini-tial", "de-men-tia", "A-sia", "phy-si-cian", "bril-liant", "mis-car-riage";
          // but "as-so-ci-ate".
          if (p == '\0') return true;
          if ((p == 'l' && pp == 'l') || after == "ge" || after == "ges") return false;
          return !one_of(p, "ctsg") || at(i + 1) == 't';
        }
        if (b == 'o') {
          // "pe-ri-od", "o-pi-oid", "bi-ol-o-gy", "se-ri-ous", "pre-vi-ous"; not "-tion",
          // "-sion", "anx-ious", "re-li-gion", "fash-ion", "mil-lion", "o-pin-ion",
          // "sen-ior", "be-hav-ior".
          if (p == '\0') return true;
          if (one_of(p, "tscxg") || (p == 'h' && pp == 's') || (p == 'l' && pp == 'l')) return false;
          if (p == 'n' && one_of(at(i + 1), "nr")) return false;
          if (p == 'v' && at(i + 1) == 'r') return false;
          return true;
        }
        if (b == 'e') {
          // "di-et", "qui-et", "anx-i-e-ty", "so-ci-e-ty"; "cli-ent", "ex-pe-ri-ence",
          // "sci-ence"; "ear-li-er", "eas-i-est". Not "pa-tient", "an-cient", "con-ven-ience",
          // "piece", "field", "stud-ies", "tried", "priest".
          if (at(i + 1) == 't') return true;
          if (starts_with(after, "nt") || starts_with(after, "nc")) {
            if (p == 't' || p == 'n') return false;
            if (p == 'c') return starts_with(w_, "sci");
            return true;
          }
          if ((after == "r" || after == "rs" || after == "st") && has_vowel_before(i - 1)) return true;
          return false;
        }
        return b == 'i' || b == 'u';  // "ra-di-i", "me-di-um"
      case 'e':
        if (b == 'a') {
          // "i-de-a", "ar-e-a", "cre-ate", "pan-cre-as"; not "each", "great", "tea", "in-crease",
          // "crea-ture".
          if (i + 1 == n_ && has_vowel_before(i - 1)) return true;
          if (p == 'r' && pp == 'c') return (at(i + 1) == 't' && !starts_with(after, "tu")) || after == "s";
          return false;
        }
        // "vid-e-o", "ge-og-ra-phy", "the-o-ry"; not "sur-geon", "gor-geous".
        if (b == 'o') return !one_of(p, "gc") || i == 2;
        if (b == 'u') return ends_with(w_, "eum") || ends_with(w_, "eums");  // "mu-se-um"
        return false;
      case 'a':
        // "a-or-ta", "cha-os"; not "ex-traor-di-nar-y".
        return b == 'o' && w_.find("traord") == std::string::npos;
      case 'o':
        // "co-op", "co-or-di-nate", "po-et", "po-em"; not "cool", "does".
        if (b == 'o') return i == 2 && starts_with(w_, "coo") && one_of(at(i + 1), "pr");
        if (b == 'e') return one_of(at(i + 1), "tm");
        return false;
      case 'u':
        if (p == 'q') return false;     // "qual-i-ty", "quote", "quiet"
        if (b == 'a') return p != 'g';  // "u-su-al", "ac-tu-al"; not "lan-guage"
        if (b == 'o') return true;      // "du-o", "con-tin-u-ous"
        if (b == 'e') {
          // "fu-el", "cru-el", "flu-ent", "in-flu-ence"; not "true", "is-sue", "guess".
          if (p == 'g') return false;
          return one_of(at(i + 1), "lt") || starts_with(after, "nt") || starts_with(after, "nc");
        }
        if (b == 'i') {
          // "su-i-cide", "flu-id", "ru-in", "gen-u-ine", "in-tu-i-tive"; not "guide", "build",
          // "juice", "cruise", "fruit", "suit-a-ble", "re-cruit-ing".
          if (one_of(p, "gbj")) return false;
          if (after == "ce" || after == "ces" || after == "se" || after == "sed" || after == "ses") return false;
          if (at(i + 1) == 't') {
            for (std::string_view ending :
                 {"", "s", "e", "es", "ed", "er", "ers", "ing", "ings", "ment", "ments", "able", "y"})
              if (after.substr(1) == ending) return false;
          }
          return true;
        }
        return false;
      default: return false;
    }
  }

  std::string w_;
  size_t n_;
};

// The syllables of one piece of an English word.
int english_piece(const Word& word, size_t k) {
  const Piece& piece = word[k];
  if (piece.number) return 2;
  if (is_capitals(piece.letters)) {
    int count = 0;
    for (char32_t c : piece.letters) count += c == 'W' ? 3 : c == 's' ? 0 : 1;  // the s of "MRIs" adds none
    return count;
  }
  std::string folded;
  for (char32_t c : piece.letters)
    if (const char32_t f = fold(c, false); f >= 'a' && f <= 'z') folded += static_cast<char>(f);
  // Letters written onto a number without a vowel: the "th" of "18th", the "s" of "1990s".
  const bool on_number = (k > 0 && word[k - 1].number && !piece.after_hyphen) ||
                         (k + 1 < word.size() && word[k + 1].number && !word[k + 1].after_hyphen);
  if (on_number && folded.find_first_of("aeiouy") == std::string::npos) return 0;
  return EnglishWord(folded).syllables();
}

int english_word_syllables(const Word& word) {
  int count = 0;
  for (size_t k = 0; k < word.size(); ++k) count += english_piece(word, k);
  return count;
}

// ---------------------------------------------------------------------------------------
// Spanish syllables
// ---------------------------------------------------------------------------------------

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

int spanish_word_syllables(const Word& word) {
  int count = 0;
  for (const Piece& piece : word) count += spanish_piece(piece);
  return count;
}

// ---------------------------------------------------------------------------------------
// Grades
// ---------------------------------------------------------------------------------------

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
  const Tokens tokens = tokenize(text);
  if (tokens.words.empty()) return std::nullopt;
  ReadingLevel level{};
  level.words = static_cast<int>(tokens.words.size());
  level.sentences = std::max(1, tokens.sentences);
  for (const Word& word : tokens.words)
    level.syllables += english ? english_word_syllables(word) : spanish_word_syllables(word);
  const double words_per_sentence = static_cast<double>(level.words) / level.sentences;
  const double syllables_per_word = static_cast<double>(level.syllables) / level.words;
  if (english) {
    level.grade = 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59;
  } else {
    level.grade = grade_of_ease(206.84 - 0.60 * (100 * syllables_per_word) - 1.02 * words_per_sentence);
  }
  return level;
}

int english_syllables(const std::string& text) {
  int count = 0;
  for (const Word& word : tokenize(text).words) count += english_word_syllables(word);
  return count;
}

int spanish_syllables(const std::string& text) {
  int count = 0;
  for (const Word& word : tokenize(text).words) count += spanish_word_syllables(word);
  return count;
}

}  // namespace trialmatch
