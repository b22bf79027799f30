// Shared by the fuzz targets: the seed study and the shipped study files (read once from the
// source tree), and the promises every reader of outside input keeps, checked on every
// input. A broken promise aborts, which libFuzzer reports as a crash and saves as a
// reproducer.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "input_limits.h"
#include "trial_loader.h"

namespace trialmatch_fuzz {

// One input each; libFuzzer calls them through LLVMFuzzerTestOneInput, and
// tests/unit/test_fuzz_corpus.cpp replays tests/fuzz/corpus through them.
int fuzz_trial_loader(const uint8_t* data, size_t size);
int fuzz_condition(const uint8_t* data, size_t size);
int fuzz_answers_file(const uint8_t* data, size_t size);
int fuzz_result_code(const uint8_t* data, size_t size);
int fuzz_catalog(const uint8_t* data, size_t size);
int fuzz_ctgov_record(const uint8_t* data, size_t size);

inline void require(bool ok, const char* promise) {
  if (ok) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

// A message is never longer than the cap (counted in bytes here: at most 4 per character).
inline void require_short(const std::string& message) {
  require(message.size() <= 4 * trialmatch::limits::kMaxMessageChars, "every message is shortened");
}

// Every listed problem or warning, alone and as the tool prints it, is short.
inline void require_short(const trialmatch::Diagnostic& d, const char* file_name) {
  require_short(d.message);
  require_short(trialmatch::format_diagnostic(d, file_name));
}

inline std::string read_source_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline const trialmatch::Trial& seed_trial() {
  static const trialmatch::Trial trial = [] {
    trialmatch::TrialLoadResult loaded =
        trialmatch::load_trial(read_source_file(TRIALMATCH_SOURCE_DIR "/assets/trials/NCT04979910.json"));
    require(loaded.trial.has_value(), "the seed study loads");
    return *loaded.trial;
  }();
  return trial;
}

// The study files shipped in assets/trials, each loaded once, with its path made absolute and
// lexically normal (a catalog's "trial" is resolved the same way to find one of them).
struct ShippedTrial {
  std::string path;
  std::unique_ptr<trialmatch::Trial> trial;
};
inline const std::vector<ShippedTrial>& shipped_trials() {
  static const std::vector<ShippedTrial> trials = [] {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(TRIALMATCH_SOURCE_DIR "/assets/trials"))
      if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<ShippedTrial> out;
    for (const auto& file : files) {
      trialmatch::TrialLoadResult loaded = trialmatch::load_trial(read_source_file(file.string()));
      require(loaded.trial.has_value(), "every shipped study file loads");
      out.push_back({file.lexically_normal().string(), std::make_unique<trialmatch::Trial>(std::move(*loaded.trial))});
    }
    require(!out.empty(), "there are shipped study files");
    return out;
  }();
  return trials;
}

}  // namespace trialmatch_fuzz
