// Shared by the fuzz targets: the seed study (read once from the source tree) and the
// promises every reader of outside input keeps, checked on every input. A broken promise
// aborts, which libFuzzer reports as a crash and saves as a reproducer.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "input_limits.h"
#include "trial_loader.h"

namespace trialmatch_fuzz {

// One input each; libFuzzer calls them through LLVMFuzzerTestOneInput, and
// tests/unit/test_fuzz_corpus.cpp replays tests/fuzz/corpus through them.
int fuzz_trial_loader(const uint8_t* data, size_t size);
int fuzz_condition(const uint8_t* data, size_t size);
int fuzz_answers_file(const uint8_t* data, size_t size);

inline void require(bool ok, const char* promise) {
  if (ok) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

// A message is never longer than the cap (counted in bytes here: at most 4 per character).
inline void require_short(const std::string& message) {
  require(message.size() <= 4 * trialmatch::limits::kMaxMessageChars, "every message is shortened");
}

inline const trialmatch::Trial& seed_trial() {
  static const trialmatch::Trial trial = [] {
    std::ifstream in(TRIALMATCH_SOURCE_DIR "/assets/trials/NCT04979910.json", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    trialmatch::TrialLoadResult loaded = trialmatch::load_trial(text.str());
    require(loaded.trial.has_value(), "the seed study loads");
    return *loaded.trial;
  }();
  return trial;
}

}  // namespace trialmatch_fuzz
