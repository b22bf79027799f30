// The printable summary of a result, made on the device: the study (or, from a catalog's
// results, every study in the order shown), the verdict and its reasons, what the study
// team will still check, how to reach the study, the person's answers, and which study
// file gave the result (its version and SHA-256). As JSON for the page, which lays it out
// as real text in a print-only part of the page (web/print.js) and opens the print dialog.
#pragma once

#include <string>

#include "flow.h"

namespace trialmatch::flow {

// The summary of what the flow shows: the Result screen's study, or all of a catalog's
// Results. {"lang", "title", "made" (with "{date}" for the page to fill in the person's
// calendar), "intro", "crisis": [texts] (the crisis help, once an answer called for it),
// "crisis_line" (the gentle 988 line after "Prefer not to say" to such a question, or ""), "studies": [{"title", "file", "lines": [{"kind",
// "text"}]}], "answers_heading", "answers": [{"question", "answer"}], "footer": [texts]}.
std::string printable_summary_json(const Flow& flow);

}  // namespace trialmatch::flow
