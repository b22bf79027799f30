#include "answer_words.h"

namespace trialmatch {

namespace {
const char* pick(const std::string& lang, const char* en, const char* es) {
  if (lang == "en") return en;
  if (lang == "es") return es;
  return "";
}
}  // namespace

const char* builtin_option_words(const std::string& option_id, const std::string& lang) {
  if (option_id == "yes") return pick(lang, "Yes", "Sí");
  if (option_id == "no") return pick(lang, "No", "No");
  return "";
}

const char* unknown_answer_words(UnknownKind kind, const std::string& lang) {
  return kind == UnknownKind::NotSure ? pick(lang, "I'm not sure", "No lo sé")
                                      : pick(lang, "Prefer not to say", "Prefiero no decirlo");
}

}  // namespace trialmatch
