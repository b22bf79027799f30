// The words of the answers every trial has without writing them: the built-in "yes" and
// "no" of a yes/no question, and the unknown answers ("I'm not sure", "Prefer not to say").
// One place for them, read by the app's screens and by the documents the CLI renders.
#pragma once

#include <functional>
#include <string>

#include "answer.h"
#include "trial.h"

namespace trialmatch {

// An option's words in `lang`: its own text, or for the built-in "yes" and "no" of a yes/no
// question the words here ("en" or "es"; "" in another language).
std::string option_words(const Option& option, const std::string& lang);

// The words for an unknown answer in `lang` ("en" or "es"); "" otherwise.
const char* unknown_answer_words(UnknownKind kind, const std::string& lang);

// An answer in the words a person would say it, in `lang`: the option's words (several joined
// by "; ", in the question's order), the unknown answer's words, a number with its unit, and
// a month and year as `month_year` writes it ("2024-03" by default). Where `lang` has no
// words for an option or an unknown answer, its id.
std::string answer_words(const Question& q, const Answer& a, const std::string& lang,
                         const std::function<std::string(int month_number)>& month_year = format_month_year);

}  // namespace trialmatch
