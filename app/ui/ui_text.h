// Every sentence the interface itself shows (trial texts come from the trial file), in
// English and Spanish. Plain words, kind tone.
#pragma once

#include <string>

namespace trialmatch::ui {

enum class Lang { En, Es };

enum class Phrase {
  Loading,
  ErrorTitle,
  ErrorBody,
  ErrorFileLabel,
  ErrorProblemsLabel,
  FirstQuestion,
  Yes,
  No,
  NotSure,
  PreferNotToSay,
  WhyWeAsk,
  PrivacyPromise,
  NotMedicalAdvice,
  LanguageSwitch,
  Count
};

const char* phrase(Phrase p, Lang lang);
const char* lang_code(Lang lang);  // "en" / "es"

}  // namespace trialmatch::ui
