// What a study's result says, in order: the verdict, the reasons the core chose for it,
// what the study team still checks, what taking part involves, and how to reach the study.
// One place decides it: the result screen draws these lines (app/ui/screen_outcome.cpp) and
// the printable summary prints them (printable_summary.h).
#pragma once

#include <string>
#include <vector>

#include "flow.h"

namespace trialmatch::flow {

struct ResultLine {
  enum class Kind {
    Title,     // the verdict's headline
    Heading,   // a section's heading
    Body,      // a sentence
    Bullet,    // one reason or step of a list
    Note,      // quieter words
    Strong,    // a name, a stage of the study
    Contact,   // a phone, e-mail or web address: `contact` 0, 1, 2 (it may act when tapped)
    Crisis,    // here go the crisis help lines, after a disclosure
    Separator, // between sections
  };
  Kind kind = Kind::Body;
  std::string text;
  int contact = -1;
};

// The help lines of every crisis block, in order: on the support screen and results after a
// disclosure (which add buttons to call and text 988), and on the printed summary.
inline constexpr Phrase kCrisisHelpLines[] = {Phrase::Lifeline988, Phrase::CrisisTextLine, Phrase::Emergency911};

// Where the lines go: the screen, or paper (no "tap ... below", no "go back to your
// results": a printed page has no buttons).
enum class ResultMedium { Screen, Paper };

// The result of `session`'s study, in the flow's language. `catalog` says the study is one
// of a catalog's (its next steps speak of the other studies).
std::vector<ResultLine> result_lines(const Flow& flow, const Session& session, bool catalog, ResultMedium medium);

}  // namespace trialmatch::flow
