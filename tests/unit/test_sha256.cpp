// SHA-256 against the published test vectors (FIPS 180-4 examples, NIST CAVP), and the
// hash a loaded trial carries is that of its file's bytes.
#include <gtest/gtest.h>

#include "sha256.h"
#include "study_files.h"
#include "trial_loader.h"

namespace unit_sha256 {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using trialmatch::sha256_hex;

TEST(Sha256, MatchesThePublishedVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PaddingEdgesDifferFromEachOther) {
  // 55, 56 and 64 bytes put the length in the same block, the next block, and a block of
  // padding alone: each must still give its own hash.
  EXPECT_EQ(sha256_hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256_hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256_hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, ALoadedTrialCarriesItsFilesHash) {
  const std::string text = trialmatch_test::study_file_text("NCT04979910.json");
  const auto loaded = trialmatch::load_trial(text);
  ASSERT_TRUE(loaded.trial);
  EXPECT_EQ(loaded.trial->sha256, sha256_hex(text));
  const auto changed = trialmatch::load_trial(text + "\n");
  ASSERT_TRUE(changed.trial);
  EXPECT_NE(changed.trial->sha256, loaded.trial->sha256);
}

}  // namespace unit_sha256
