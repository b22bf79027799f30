// The checks' problems and the importer's notes in Spanish, for the studio's Spanish
// interface: the Spanish columns of app/core/problem_words.def and app/cli/import_notes.def
// (the core and the command-line tool use only the English ones).
#pragma once

#include <string>

#include "ctgov_import.h"
#include "diagnostic.h"

namespace trialmatch::studio {

// `d`'s message in Spanish (a message made outside the list stays as it was written), with
// the condition's column where it has one.
std::string in_spanish(const Diagnostic& d);
std::string in_spanish(const cli::DraftNote& note);

}  // namespace trialmatch::studio
