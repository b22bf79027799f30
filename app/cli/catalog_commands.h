// The CLI's catalog commands: `validate` of a catalog, `match` (catalog_commands.cpp), and the
// `time-match` benchmark (time_match.cpp).
#pragma once

#include <string>
#include <vector>

namespace trialmatch::cli {

// Checks a catalog and every trial file it names; prints a summary or the located errors.
int validate_catalog(const std::string& path);

// Says on stderr what is wrong with the command line, and where the commands are listed;
// returns 2, the exit status for it.
int usage(const std::string& message);

// trialmatch match CATALOG.json ANSWERS.json [--lang CODE]
int cmd_match(const std::vector<std::string>& args);

// trialmatch time-match CATALOG.json [--respondents N] [--generated-studies K [--own-trials] [--seconds S]]
// A benchmark, not a test (build-scripts/bench.sh); prints one line of JSON.
// Without --generated-studies: N simulated people (answers drawn from each question's
// answer classes, the same people on every run) walk the catalog adaptively, and study by
// study in turn; prints the mean number of questions each way asks.
// With --generated-studies K: a catalog of K copies of the recruiting studies (sharing each
// study's trial in memory, or with --own-trials each with its own copy); prints the time of
// one answer plus choosing the next question, in microseconds (medians, overall and for the
// slowest class of answers), in the catalog session and through the app's own flow
// (answer_through_flow.h).
int cmd_time_match(const std::vector<std::string>& args);

}  // namespace trialmatch::cli
