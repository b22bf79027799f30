#include "wording_checks.h"

#include <cctype>
#include <vector>

namespace trialmatch {

namespace {

using Phrases = std::vector<std::string>;

// Lower-case words of `text`: runs of letters (any byte of a multi-byte UTF-8 character
// counts as a letter, so "contó" stays one word).
std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

std::optional<std::string> find_phrase(const Phrases& phrases, const std::string& text) {
  const std::vector<std::string> words = words_of(text);
  for (const std::string& phrase : phrases) {
    const std::vector<std::string> wanted = words_of(phrase);
    for (size_t at = 0; at + wanted.size() <= words.size(); ++at) {
      bool same = true;
      for (size_t k = 0; k < wanted.size() && same; ++k) same = words[at + k] == wanted[k];
      if (same) return phrase;
    }
  }
  return std::nullopt;
}

const Phrases* phrases_for(const std::string& lang, const Phrases& en, const Phrases& es) {
  if (lang == "en") return &en;
  if (lang == "es") return &es;
  return nullptr;
}

}  // namespace

std::optional<std::string> phrase_claiming_an_answer(const std::string& lang, const std::string& text) {
  static const Phrases en = {"you told us", "you have told us", "you said", "you answered", "you mentioned",
                             "you reported", "your answer", "your answers", "because you", "since you"};
  static const Phrases es = {"nos dijo", "nos ha dicho", "nos contó", "usted dijo", "respondió", "mencionó",
                             "su respuesta", "sus respuestas", "como usted", "porque usted", "ya que usted"};
  const Phrases* phrases = phrases_for(lang, en, es);
  return phrases ? find_phrase(*phrases, text) : std::nullopt;
}

std::optional<std::string> phrase_turning_away(const std::string& lang, const std::string& text) {
  static const Phrases en = {"cannot join", "can't join", "can not join", "not able to join", "cannot take part",
                             "can't take part", "not eligible", "rules you out", "ruled out"};
  static const Phrases es = {"no puede participar", "no pueden participar", "no podría participar",
                             "no podrían participar", "no es elegible", "no cumple"};
  const Phrases* phrases = phrases_for(lang, en, es);
  return phrases ? find_phrase(*phrases, text) : std::nullopt;
}

std::optional<std::string> phrase_promising_privacy(const std::string& lang, const std::string& text) {
  static const Phrases en = {"on this device", "on your device", "never leaves", "nothing is sent", "is not sent",
                             "are not sent", "stays private", "stay private"};
  static const Phrases es = {"en este dispositivo", "en su dispositivo", "no se envía", "no se envían",
                             "nunca sale", "nunca salen"};
  const Phrases* phrases = phrases_for(lang, en, es);
  return phrases ? find_phrase(*phrases, text) : std::nullopt;
}

}  // namespace trialmatch
