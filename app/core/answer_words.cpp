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

std::string answer_words(const Question& q, const Answer& a, const std::string& lang,
                         const std::function<std::string(int month_number)>& month_year) {
  auto option = [&](const std::string& id) {
    const Option* o = q.find_option(id);
    const std::string words = o ? option_words(*o, lang) : "";
    return words.empty() ? id : words;
  };
  switch (a.kind) {
    case Answer::Kind::Unknown: {
      const std::string words = unknown_answer_words(a.unknown_kind, lang);
      return words.empty() ? unknown_kind_id(a.unknown_kind) : words;
    }
    case Answer::Kind::Choice: return option(a.choice);
    case Answer::Kind::Choices: {
      std::string out;
      for (const Option& o : q.options)
        if (a.has_choice(o.id)) out += (out.empty() ? "" : "; ") + option(o.id);
      return out;
    }
    case Answer::Kind::Number: return format_number(a.number) + (q.unit.empty() ? "" : " " + text_in(q.unit, lang));
    case Answer::Kind::MonthYear: return month_year(static_cast<int>(a.number));
  }
  return "";
}

}  // namespace trialmatch
