#include "wording_checks.h"

#include <cctype>
#include <utility>
#include <vector>

namespace trialmatch {

namespace {

using Phrases = std::vector<std::string>;

// Characters that separate words besides ASCII punctuation and spaces: no-break space,
// inverted marks, angle quotes, curly quotes and apostrophes, dashes, ellipsis. So "can’t"
// reads as "can't", and "join—" as "join".
bool is_separator(unsigned long cp) {
  switch (cp) {
    case 0x00A0: case 0x00A1: case 0x00AB: case 0x00BB: case 0x00BF: case 0x2010: case 0x2011: case 0x2012:
    case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2026: case 0x202F:
      return true;
    default:
      return false;
  }
}

// Lower-case words of `text`: runs of letters. A multi-byte UTF-8 character is a letter
// unless it is a separator above; Latin-1 capitals (Á, Ñ...) are lowered too.
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalpha(c)) word += static_cast<char>(std::tolower(c));
      else flush();
      ++i;
      continue;
    }
    const size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    unsigned long cp = length == 1 ? c : c & (0xFF >> (length + 1));
    for (size_t k = 1; k < length && i + k < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    if (is_separator(cp)) {
      flush();
    } else if (length == 2 && cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
      cp += 0x20;  // Latin-1 capital to small
      word += static_cast<char>(0xC0 | (cp >> 6));
      word += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      word += text.substr(i, length);
    }
    i += length;
  }
  flush();
  return words;
}

// Phrases with their words, split once (a study file's texts are checked against them on
// every load, in the app too).
struct PhraseWords {
  Phrases phrases;
  std::vector<std::vector<std::string>> words;  // words[i]: words_of(phrases[i])
  explicit PhraseWords(Phrases list) : phrases(std::move(list)) {
    for (const std::string& phrase : phrases) words.push_back(words_of(phrase));
  }
};

std::optional<std::string> find_phrase(const PhraseWords& list, const std::string& text) {
  const std::vector<std::string> words = words_of(text);
  for (size_t i = 0; i < list.phrases.size(); ++i) {
    const std::vector<std::string>& wanted = list.words[i];
    for (size_t at = 0; at + wanted.size() <= words.size(); ++at) {
      bool same = true;
      for (size_t k = 0; k < wanted.size() && same; ++k) same = words[at + k] == wanted[k];
      if (same) return list.phrases[i];
    }
  }
  return std::nullopt;
}

const PhraseWords* phrases_for(const std::string& lang, const PhraseWords& en, const PhraseWords& es) {
  if (lang == "en") return &en;
  if (lang == "es") return &es;
  return nullptr;
}

}  // namespace

std::optional<std::string> phrase_claiming_an_answer(const std::string& lang, const std::string& text) {
  static const PhraseWords en({"you told us", "you have told us", "you've told us", "you said", "you have said",
                              "you answered", "you mentioned", "you reported", "you chose", "your answer",
                              "your answers", "because you", "since you"});
  static const PhraseWords es({"nos dijo", "nos ha dicho", "nos contó", "nos indicó", "usted dijo", "respondió",
                              "mencionó", "usted eligió", "su respuesta", "sus respuestas", "como usted",
                              "porque usted", "ya que usted"});
  const PhraseWords* phrases = phrases_for(lang, en, es);
  return phrases ? find_phrase(*phrases, text) : std::nullopt;
}

std::optional<std::string> phrase_turning_away(const std::string& lang, const std::string& text) {
  static const PhraseWords en({"cannot join", "can't join", "can not join", "not able to join", "won't be able to join",
                              "will not be able to join", "cannot take part", "can't take part", "not eligible",
                              "rules you out", "ruled out"});
  static const PhraseWords es({"no puede participar", "no pueden participar", "no podría participar",
                              "no podrían participar", "no podrá participar", "no podrán participar",
                              "no es elegible", "no califica", "no cumple"});
  const PhraseWords* phrases = phrases_for(lang, en, es);
  return phrases ? find_phrase(*phrases, text) : std::nullopt;
}

std::optional<std::string> phrase_promising_privacy(const std::string& lang, const std::string& text) {
  static const PhraseWords en({"on this device", "on your device", "never leaves", "nothing is sent", "is not sent",
                              "are not sent", "stays private", "stay private"});
  static const PhraseWords es({"en este dispositivo", "en su dispositivo", "no se envía", "no se envían",
                              "nunca sale", "nunca salen"});
  const PhraseWords* phrases = phrases_for(lang, en, es);
  return phrases ? find_phrase(*phrases, text) : std::nullopt;
}

}  // namespace trialmatch
