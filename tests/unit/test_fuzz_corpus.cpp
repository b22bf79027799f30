// Replays every file in tests/fuzz/corpus (the seeds, and each input that once crashed a
// fuzz target, kept as a regression test) through the fuzz targets' own checks, so the
// ordinary and the ASan+UBSan unit test runs cover them too. A broken promise aborts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fuzz_support.h"

namespace unit_fuzz_corpus {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

using Target = int (*)(const uint8_t*, size_t);

size_t replay(const std::string& name, Target target) {
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(TRIALMATCH_SOURCE_DIR "/tests/fuzz/corpus/" + name)) {
    if (!entry.is_regular_file()) continue;
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string data = bytes.str();
    EXPECT_EQ(target(reinterpret_cast<const uint8_t*>(data.data()), data.size()), 0);
    ++files;
  }
  return files;
}

}  // namespace

TEST(FuzzCorpus, TrialLoaderFilesStillPass) { EXPECT_GT(replay("trial_loader", trialmatch_fuzz::fuzz_trial_loader), 5u); }
TEST(FuzzCorpus, ConditionFilesStillPass) { EXPECT_GT(replay("condition", trialmatch_fuzz::fuzz_condition), 5u); }
TEST(FuzzCorpus, AnswersFilesStillPass) { EXPECT_GT(replay("answers_file", trialmatch_fuzz::fuzz_answers_file), 5u); }
TEST(FuzzCorpus, ResultCodesStillPass) { EXPECT_GT(replay("result_code", trialmatch_fuzz::fuzz_result_code), 5u); }
TEST(FuzzCorpus, CatalogFilesStillPass) { EXPECT_GT(replay("catalog", trialmatch_fuzz::fuzz_catalog), 5u); }
TEST(FuzzCorpus, CtgovRecordsStillPass) { EXPECT_GT(replay("ctgov_record", trialmatch_fuzz::fuzz_ctgov_record), 5u); }

}  // namespace unit_fuzz_corpus
