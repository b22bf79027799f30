// The complete example in docs/trial-format.md must stay valid, and must stay the same as
// tests/data/trials/docs-example.json (which the WebAssembly comparison also runs).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "paths.h"
#include "trial_loader.h"

namespace unit_docs_example {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

std::string read(const std::string& relative) {
  std::ifstream in(std::string(TRIALMATCH_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string example_from_docs() {
  const std::string doc = read("docs/trial-format.md");
  const std::string heading = "## A complete small example";
  const size_t at = doc.find(heading);
  if (at == std::string::npos) return "";
  const size_t start = doc.find("```json\n", at);
  if (start == std::string::npos) return "";
  const size_t end = doc.find("```", start + 8);
  return doc.substr(start + 8, end - start - 8);
}

}  // namespace

TEST(DocsExample, IsValidAndMatchesTheTestCopy) {
  const std::string example = example_from_docs();
  ASSERT_FALSE(example.empty()) << "docs/trial-format.md lost its complete example";
  EXPECT_EQ(example, read("tests/data/trials/docs-example.json"));
  trialmatch::TrialLoadResult loaded = trialmatch::load_trial(example);
  ASSERT_TRUE(loaded.trial.has_value()) << (loaded.errors.empty() ? "" : loaded.errors.front().message);
}

TEST(DocsExample, HasTheFourPathsTheDocsDescribe) {
  trialmatch::TrialLoadResult loaded = trialmatch::load_trial(example_from_docs());
  ASSERT_TRUE(loaded.trial.has_value());
  std::vector<std::string> verdicts;
  trialmatch::for_each_path(*loaded.trial, [&](const trialmatch::QuestionPath& p) {
    verdicts.push_back(trialmatch::verdict_id(p.evaluation.verdict));
  });
  EXPECT_EQ(verdicts, (std::vector<std::string>{"not_eligible", "not_eligible", "likely_eligible", "needs_review"}));
}

}  // namespace unit_docs_example
