#include "problem_spanish.h"

#include "input_limits.h"

namespace trialmatch::studio {

namespace {

const char* const kSpanish[] = {
#define TM_PROBLEM(name, english, spanish) spanish,
#include "problem_words.def"
#undef TM_PROBLEM
};

const char* const kNotesSpanish[] = {
#define TM_NOTE(name, english, spanish) spanish,
#include "import_notes.def"
#undef TM_NOTE
};

}  // namespace

std::string in_spanish(const Diagnostic& d) {
  if (d.said.problem == Problem::None) return d.message;
  std::string out = shorten_middle(say_with(kSpanish, d.said));  // as the English one (finish_diagnostics)
  if (d.column > 0) out += " " + say_with(kSpanish, Said{Problem::AtColumn, {std::to_string(d.column)}});
  return out;
}

std::string in_spanish(const cli::DraftNote& note) { return cli::say_with(kNotesSpanish, note); }

}  // namespace trialmatch::studio
