#include "wording_checks.h"

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

// The lower-case words of `text` (runs of letters), each after one space and the last
// followed by one: " you told us ". A multi-byte UTF-8 character is a letter unless it is a
// separator above; Latin-1 capitals (Á, Ñ...) are lowered too. A phrase's words come one
// after another in a text's exactly when its string is inside the text's.
std::string spaced_words(const std::string& text) {
  std::string out = " ";
  out.reserve(text.size() + 2);
  bool in_word = false;
  auto end_word = [&] {
    if (in_word) out += ' ';
    in_word = false;
  };
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {  // an ASCII letter, lowered
        out += static_cast<char>(c | 0x20);
        in_word = true;
      } else {
        end_word();
      }
      ++i;
      continue;
    }
    const size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    unsigned long cp = length == 1 ? c : c & (0xFF >> (length + 1));
    for (size_t k = 1; k < length && i + k < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    if (is_separator(cp)) {
      end_word();
    } else if (length == 2 && cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
      cp += 0x20;  // Latin-1 capital to small
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
      in_word = true;
    } else {
      out.append(text, i, length);
      in_word = true;
    }
    i += length;
  }
  end_word();
  return out;
}

// Phrases with their words, spaced once (a study file's texts are checked against them on
// every load, in the app too).
struct PhraseWords {
  Phrases phrases;
  std::vector<std::string> spaced;  // spaced[i]: spaced_words(phrases[i])
  explicit PhraseWords(Phrases list) : phrases(std::move(list)) {
    for (const std::string& phrase : phrases) spaced.push_back(spaced_words(phrase));  // each has a word
  }
};

// The first of `list`'s phrases whose words come one after another in `text`'s. Each word of
// the text is a place a phrase may start, compared only where the first letters agree.
std::optional<std::string> find_phrase(const PhraseWords& list, const std::string& text) {
  const std::string words = spaced_words(text);
  std::vector<size_t> starts;  // the space before each word
  for (size_t at = 0; at + 1 < words.size(); ++at)
    if (words[at] == ' ') starts.push_back(at);
  for (size_t i = 0; i < list.phrases.size(); ++i) {
    const std::string& phrase = list.spaced[i];
    for (size_t at : starts)
      if (words[at + 1] == phrase[1] && words.compare(at, phrase.size(), phrase) == 0) return list.phrases[i];
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
