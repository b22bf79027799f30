// `trialmatch reading-level`: the reading level of texts (app/core/reading_level.h), for the
// browser test of plain language (tests/e2e/readability.mjs), so it uses the same formula as
// `trialmatch validate`.
#pragma once

#include <string>
#include <vector>

namespace trialmatch::cli {

// trialmatch reading-level --lang en|es
// Reads texts from stdin, one per line, and prints one JSON object per line:
// {"grade": 6.4, "words": 12, "sentences": 1, "syllables": 17} (grade rounded to 0.1), or null
// for a line without words. Returns 2 with a usage message on wrong arguments.
int cmd_reading_level(const std::vector<std::string>& args);

}  // namespace trialmatch::cli
