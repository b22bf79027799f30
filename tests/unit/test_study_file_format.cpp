// The studio's file layout (app/studio/study_file_format.h): every file in assets/ is in it,
// writing what was read back gives the same text, and an edit changes only its own lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "study_file_format.h"
#include "study_files.h"

namespace unit_study_file_format {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using Json = nlohmann::ordered_json;
using trialmatch::studio::write_study_file;

// The trial files and catalogs of assets/, as paths relative to the source tree, sorted.
std::vector<std::string> asset_files() {
  std::vector<std::string> paths;
  for (const std::string folder : {"assets/trials", "assets/catalogs"}) {
    for (const auto& entry : std::filesystem::directory_iterator(TRIALMATCH_SOURCE_DIR "/" + folder))
      if (entry.is_regular_file() && entry.path().extension() == ".json")
        paths.push_back(folder + "/" + entry.path().filename().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Written, read back and written again: the same text.
void expect_stable(const Json& document) {
  const std::string once = write_study_file(document);
  EXPECT_EQ(Json::parse(once), document);
  EXPECT_EQ(write_study_file(Json::parse(once)), once);
  ASSERT_FALSE(once.empty());
  EXPECT_EQ(once.back(), '\n');
}

TEST(StudyFileFormat, EveryAssetFileIsWrittenBackToItsOwnBytes) {
  const std::vector<std::string> paths = asset_files();
  EXPECT_GE(paths.size(), 4U);
  for (const std::string& path : paths) {
    const std::string text = trialmatch_test::read_source_file(path);
    const std::string written = write_study_file(Json::parse(text));
    if (written == text) continue;
    const std::vector<std::string> want = lines_of(text);
    const std::vector<std::string> got = lines_of(written);
    std::size_t line = 0;
    while (line < want.size() && line < got.size() && want[line] == got[line]) ++line;
    ADD_FAILURE() << path << " is not in the studio's layout; first difference at line " << line + 1
                  << ":\n  file:    " << (line < want.size() ? want[line] : "(end)")
                  << "\n  written: " << (line < got.size() ? got[line] : "(end)");
  }
}

TEST(StudyFileFormat, ShortContainersGoOnOneLineAndLongOnesOneMemberToALine) {
  const Json document = Json::parse(R"({"languages": ["en", "es"], "empty": {"a": [], "b": {}},
    "long": ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"]})");
  EXPECT_EQ(write_study_file(document),
            "{\n"
            "  \"languages\": [\"en\", \"es\"],\n"
            "  \"empty\": {\"a\": [], \"b\": {}},\n"
            "  \"long\": [\n"
            "    \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\n"
            "    \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"\n"
            "  ]\n"
            "}\n");
  EXPECT_EQ(write_study_file(Json::parse(R"({"a": 1})")), "{\"a\": 1}\n");
  EXPECT_EQ(write_study_file(Json::object()), "{}\n");
}

TEST(StudyFileFormat, TheWidthCountsCharactersNotBytes) {
  const std::string spanish = "¿Sí? ¡Ñandú! áéíóú ";  // 19 characters, 27 bytes
  std::string value;
  for (int i = 0; i < 4; ++i) value += spanish;  // 76 characters
  // `  "k": ["` + 76 + `"]`: 87 columns, but 119 bytes: on one line.
  const Json short_enough = {{"k", Json::array({value})}, {"l", Json::array({value})}};
  EXPECT_EQ(write_study_file(short_enough), "{\n  \"k\": [\"" + value + "\"],\n  \"l\": [\"" + value + "\"]\n}\n");
}

TEST(StudyFileFormat, TheLayoutIsStable) {
  expect_stable(Json::parse(R"({"a": [], "b": {}, "c": [[], {}, [[]], {"d": {}}], "e": null, "f": true, "g": -3})"));
  expect_stable(Json::parse(R"({"quote": "she said \"yes\"", "slash": "a\\b\\\\c", "lines": "one\ntwo\r\n\ttab"})"));
  expect_stable(
      Json::parse(R"({"es": "¿Cuántos años tiene? ¡Sí! Niño, acción, pingüino", "mix": ["á", "ñ", "¿", "¡"]})"));
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "Una frase larga con acentos: ¿qué día es? ";
  Json nested = {{"text", {{"en", long_text}, {"es", long_text}}}, {"list", Json::array()}};
  for (int depth = 0; depth < 8; ++depth) nested = {{"level", depth}, {"inner", nested}, {"ratio", 40.7906}};
  expect_stable(nested);
  EXPECT_NE(write_study_file(nested).find("40.7906"), std::string::npos);
  for (const std::string& path : asset_files()) expect_stable(Json::parse(trialmatch_test::read_source_file(path)));
}

TEST(StudyFileFormat, UnicodeIsWrittenAsItIs) {
  const std::string written = write_study_file(Json{{"es", "¿Cuántos años tiene? ¡Ñ!"}});
  EXPECT_EQ(written, "{\"es\": \"¿Cuántos años tiene? ¡Ñ!\"}\n");
  EXPECT_EQ(written.find("\\u"), std::string::npos);
}

// How many lines of `after` are not in `before` at the same place (the files have the same
// number of lines).
std::size_t changed_lines(const std::string& before, const std::string& after) {
  const std::vector<std::string> a = lines_of(before);
  const std::vector<std::string> b = lines_of(after);
  EXPECT_EQ(a.size(), b.size());
  std::size_t changed = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) changed += a[i] != b[i] ? 1 : 0;
  return changed;
}

TEST(StudyFileFormat, AnEditChangesOnlyItsOwnLine) {
  const std::string text = trialmatch_test::study_file_text("NCT04979910.json");
  Json seed = Json::parse(text);
  Json edited = seed;
  edited["questions"][1]["text"]["en"] = "Could you come to 5 visits in person at Mount Sinai in New York?";
  EXPECT_EQ(changed_lines(write_study_file(seed), write_study_file(edited)), 1U);
  edited = seed;
  edited["criteria"][0]["rule"] = "age >= 21 and age <= 70";
  EXPECT_EQ(changed_lines(text, write_study_file(edited)), 1U);
  edited = seed;
  edited["questions"][0]["max"] = 110;
  EXPECT_EQ(changed_lines(text, write_study_file(edited)), 1U);
}

}  // namespace unit_study_file_format
