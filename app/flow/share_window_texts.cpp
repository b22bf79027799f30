#include "share_window_texts.h"

#include <nlohmann/json.hpp>

namespace trialmatch::flow {

std::string share_window_texts(const std::string& study_title, const std::string& host_site, Lang lang) {
  const auto say = [lang](Phrase p) { return std::string(phrase(p, lang)); };
  const nlohmann::json texts = {
      {"lang", lang_code(lang)},
      {"heading", say(Phrase::ShareHeading)},
      {"study", fill(phrase(Phrase::ShareWindowStudy, lang), {{"title", study_title}})},
      {"body", say(Phrase::ShareBody)},
      {"receiver", fill(phrase(Phrase::ShareReceiver, lang), {{"site", host_site}})},
      {"yes", say(Phrase::ShareConfirm)},
      {"no", say(Phrase::ShareCancel)},
      {"sent", say(Phrase::ShareWindowSent)},
      {"not_sent", say(Phrase::ShareWindowNotSent)},
  };
  // A study's title may hold anything: bad UTF-8 is replaced, never an abort.
  return texts.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace trialmatch::flow
