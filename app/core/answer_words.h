// The words of the answers every trial has without writing them: the built-in "yes" and
// "no" of a yes/no question, and the unknown answers ("I'm not sure", "Prefer not to say").
// One place for them, read by the app's screens and by the documents the CLI renders.
#pragma once

#include <string>

#include "answer.h"

namespace trialmatch {

// The words for a built-in option ("yes", "no") in `lang` ("en" or "es"); "" otherwise.
const char* builtin_option_words(const std::string& option_id, const std::string& lang);

// The words for an unknown answer in `lang` ("en" or "es"); "" otherwise.
const char* unknown_answer_words(UnknownKind kind, const std::string& lang);

}  // namespace trialmatch
