// English syllables, counted by rules (reading_level.h says which): a word in capitals letter
// by letter, a number as two, any other piece by its groups of vowels, split and joined where
// English spelling does.
#include <algorithm>
#include <cstddef>
#include <string_view>

#include "reading_level.h"
#include "reading_level_words.h"

namespace trialmatch {

namespace reading {

namespace {

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

}  // namespace

int english_word_syllables(const Word& word) {
  int count = 0;
  for (size_t k = 0; k < word.size(); ++k) count += english_piece(word, k);
  return count;
}

}  // namespace reading

int english_syllables(const std::string& text) {
  int count = 0;
  for (const reading::Word& word : reading::tokenize(text).words) count += reading::english_word_syllables(word);
  return count;
}

}  // namespace trialmatch
