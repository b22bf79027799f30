#include "answer_words.h"

namespace trialmatch {

namespace {
const char* pick(const std::string& lang, const char* en, const char* es) {
  if (lang == "en") return en;
  if (lang == "es") return es;
  return "";
}
}  // namespace

std::string option_words(const Option& option, const std::string& lang) {
  if (!option.text.empty()) return text_in(option.text, lang);
  if (option.id == "yes") return pick(lang, "Yes", "Sí");
  if (option.id == "no") return pick(lang, "No", "No");
  return "";
}

const char* unknown_answer_words(UnknownKind kind, const std::string& lang) {
  return kind == UnknownKind::NotSure ? pick(lang, "I'm not sure", "No lo sé")
                                      : pick(lang, "Prefer not to say", "Prefiero no decirlo");
}

}  // namespace trialmatch
