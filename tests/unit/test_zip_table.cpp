// The ZIP code table (app/core/zip_table.h): strict reading, look-ups, distances, and the
// nearest site of a study.
#include <gtest/gtest.h>

#include <string>

#include "study_files.h"
#include "zip_table.h"

namespace unit_zip_table {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

using trialmatch::LatLon;
using trialmatch::ZipTable;

const std::string kSmall =
    "# trialmatch-zips/1 test\n"
    "02114 4236 -7107\n"  // Boston (Massachusetts General Hospital)
    "10001 4075 -7400\n"  // New York
    "10025 4080 -7397\n"  // New York (Mount Sinai's site in the seed study)
    "94103 3777 -12241\n";  // San Francisco

ZipTable small() {
  std::string error;
  auto table = ZipTable::parse(kSmall, error);
  EXPECT_TRUE(table) << error;
  return *table;
}

TEST(ZipTable, ReadsTheTableAndFindsZipCodes) {
  const ZipTable t = small();
  EXPECT_EQ(t.size(), 4u);
  ASSERT_TRUE(t.find("10001"));
  EXPECT_DOUBLE_EQ(t.find("10001")->lat, 40.75);
  EXPECT_DOUBLE_EQ(t.find("10001")->lon, -74.00);
  EXPECT_TRUE(t.find("10001-1234"));  // ZIP+4
  EXPECT_FALSE(t.find("10002"));      // not in the table
  EXPECT_FALSE(t.find("1000"));
  EXPECT_FALSE(t.find("100011"));
  EXPECT_FALSE(t.find("abcde"));
  EXPECT_FALSE(t.find(""));
}

TEST(ZipTable, RefusesABadTableSayingWhichLine) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "empty"},
      {"# trialmatch-zips/1\n", "no ZIP code"},
      {"10001 4075 -7400\n", "line 1"},
      {"# trialmatch-zips/1\n10001 4075\n", "line 2"},
      {"# trialmatch-zips/1\n10001 4075 -7400 9\n", "line 2"},
      {"# trialmatch-zips/1\n1000 4075 -7400\n", "line 2"},
      {"# trialmatch-zips/1\n10001 9075 -7400\n", "out of range"},
      {"# trialmatch-zips/1\n10001 4075 -7400\n10001 4075 -7400\n", "sorted"},
      {"# trialmatch-zips/1\n10002 4075 -7400\n10001 4075 -7400\n", "line 3"},
      {"# trialmatch-zips/1\n10001 4075 -74000000\n", "line 2"},
  };
  for (const auto& [text, expected] : cases) {
    std::string error;
    EXPECT_FALSE(ZipTable::parse(text, error)) << text;
    EXPECT_NE(error.find(expected), std::string::npos) << text << " -> " << error;
  }
}

TEST(ZipTable, MilesBetweenKnownPlaces) {
  // New York to Boston is about 190 miles as the crow flies; to San Francisco about 2,570.
  const ZipTable t = small();
  EXPECT_NEAR(trialmatch::miles_between(*t.find("10001"), *t.find("02114")), 190, 10);
  EXPECT_NEAR(trialmatch::miles_between(*t.find("10001"), *t.find("94103")), 2570, 30);
  EXPECT_DOUBLE_EQ(trialmatch::miles_between(*t.find("10001"), *t.find("10001")), 0);
}

TEST(ZipTable, NearestSiteOfAStudyWithAUsSiteAndOfOneWithoutAKnownZip) {
  const ZipTable t = small();
  const auto seed = trialmatch::nearest_site_miles(trialmatch_test::study_file("NCT04979910.json"), t, *t.find("10001"));
  ASSERT_TRUE(seed);
  EXPECT_LT(*seed, 5);
  const auto boston = trialmatch::nearest_site_miles(trialmatch_test::study_file("NCT06136546.json"), t, *t.find("10001"));
  ASSERT_TRUE(boston);
  EXPECT_NEAR(*boston, 190, 10);
  // A site in another country whose postal code looks like a US ZIP code is not placed.
  trialmatch::Trial abroad = trialmatch_test::study_file("NCT04979910.json");
  abroad.info.sites = {{"Hospital", "Mexico City", "", "10001", "Mexico", std::nullopt, std::nullopt, ""}};
  EXPECT_FALSE(trialmatch::nearest_site_miles(abroad, t, *t.find("10001")));
  // The tocilizumab study's site has no ZIP code in the registry's record: distance unknown.
  EXPECT_FALSE(trialmatch::nearest_site_miles(trialmatch_test::study_file("NCT07493317.json"), t, *t.find("10001")));
}

}  // namespace

}  // namespace unit_zip_table
