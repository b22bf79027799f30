// `trialmatch render`: the whole questionnaire as a document a study team and an ethics
// board can review and sign off, in Markdown or HTML, in one of the trial's languages.
// Every question (text, why we ask, answers, when it is asked: in words and as the rule),
// every criterion (rule, effect, the words shown for each outcome, source), the safety
// triggers, and a summary of every path through the questionnaire.
#pragma once

#include <string>

#include "trial.h"

namespace trialmatch {

enum class DocumentFormat { Markdown, Html };

// `lang` must be one of the trial's languages; the document's own words exist in English
// and Spanish (other languages get English headings around the trial's own texts).
std::string render_questionnaire(const Trial& trial, const std::string& lang, DocumentFormat format);

// A condition in plain words ("Q6 is not “No” and Q7 is at least 18"), for `lang`.
std::string condition_in_words(const Trial& trial, const Condition& condition, const std::string& lang);

}  // namespace trialmatch
