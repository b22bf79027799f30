// app/core/input_limits.h: each limit on outside input is enforced with a located message,
// and nothing from the file is echoed back whole (a 1 MB key is shortened, on whole UTF-8
// characters).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "condition.h"
#include "diagnostic.h"
#include "input_limits.h"
#include "json_text.h"
#include "answers_file.h"
#include "report_json.h"
#include "trial_loader.h"

#include "test_support.h"

namespace unit_input_limits {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;

namespace {

const char* const kAge =
    R"json(    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "min": 0, "max": 120})json";
const char* const kAdult =
    R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults only."}, "source": "I1"})json";

std::string valid_trial() { return trialmatch_test::trial_document(kAge, kAdult); }

// True when `s` is well-formed UTF-8 (no cut characters).
bool is_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

size_t characters(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The only problem the loader reports for `text`.
Diagnostic only_error(const std::string& text) {
  TrialLoadResult r = load_trial(text);
  EXPECT_FALSE(r.trial.has_value());
  EXPECT_EQ(r.errors.size(), 1u);
  return r.errors.empty() ? Diagnostic{} : r.errors.front();
}

}  // namespace

TEST(Shorten, LeavesShortTextAlone) {
  EXPECT_EQ(shorten("age", 60), "age");
  EXPECT_EQ(shorten(std::string(60, 'a'), 60), std::string(60, 'a'));
}

TEST(Shorten, CutsOnWholeCharactersAndEndsWithAnEllipsis) {
  std::string spanish;
  for (int i = 0; i < 100; ++i) spanish += "\xC3\xB1";  // ñ
  const std::string cut = shorten(spanish, 10);
  EXPECT_TRUE(is_utf8(cut));
  EXPECT_EQ(characters(cut), 10u);
  EXPECT_EQ(cut.substr(cut.size() - 3), "\xE2\x80\xA6");
  std::string emoji;
  for (int i = 0; i < 50; ++i) emoji += "\xF0\x9F\x98\x80";
  EXPECT_TRUE(is_utf8(shorten(emoji, 7)));
  EXPECT_EQ(characters(shorten(emoji, 7)), 7u);
}

TEST(Shorten, MiddleKeepsTheStartAndTheAdvice) {
  const std::string message = "unknown question type \"" + std::string(5000, 'x') + "\" (use yes_no, single, multiple)";
  const std::string cut = shorten_middle(message, 100);
  EXPECT_EQ(characters(cut), 100u);
  EXPECT_EQ(cut.rfind("unknown question type", 0), 0u);
  EXPECT_NE(cut.find("(use yes_no, single, multiple)"), std::string::npos);
}

TEST(FileSize, AFileOverTheCapIsRefusedWithoutBeingRead) {
  std::string text = valid_trial();
  text.append(limits::kMaxFileBytes + 1 - text.size(), ' ');
  const Diagnostic d = only_error(text);
  EXPECT_NE(d.message.find("too big"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find(std::to_string(limits::kMaxFileBytes)), std::string::npos) << d.message;
  EXPECT_EQ(d.position.line, 0);  // not scanned, so no position
}

TEST(FileSize, AFileAtTheCapIsRead) {
  std::string text = valid_trial();
  text.append(limits::kMaxFileBytes - text.size(), ' ');
  EXPECT_TRUE(load_trial(text).trial.has_value());
}

TEST(KeyLength, AMegabyteKeyIsLocatedAndNotEchoedWhole) {
  const std::string key(1000000, 'k');
  const std::string text = "{\n  \"format\": \"trialmatch/1\",\n  \"" + key + "\": 1\n}\n";
  const Diagnostic d = only_error(text);
  EXPECT_EQ(d.position.line, 3);
  EXPECT_EQ(d.position.column, 3);
  EXPECT_NE(d.message.find("field name is too long"), std::string::npos) << d.message;
  EXPECT_LT(d.message.size(), 200u);
  EXPECT_NE(d.message.find(std::string(limits::kMaxEchoChars - 1, 'k') + "\xE2\x80\xA6"), std::string::npos);
}

TEST(KeyLength, AKeyAtTheCapIsOnlyAnUnknownField) {
  const std::string key(limits::kMaxKeyBytes, 'k');
  std::string text = valid_trial();
  text.insert(text.find("\"format\""), "\"" + key + "\": 1,\n");
  const Diagnostic d = only_error(text);
  EXPECT_NE(d.message.find("unknown field"), std::string::npos) << d.message;
  const std::string longer = std::string(limits::kMaxKeyBytes + 1, 'k');
  text = valid_trial();
  text.insert(text.find("\"format\""), "\"" + longer + "\": 1,\n");
  EXPECT_NE(only_error(text).message.find("too long"), std::string::npos);
}

TEST(StringLength, ALongTextIsLocatedAndShortened) {
  std::string text = valid_trial();
  const std::string value = std::string(limits::kMaxStringBytes + 1, 'v');
  const size_t at = text.find("Test sponsor");
  text.replace(at, std::string("Test sponsor").size(), value);
  const Diagnostic d = only_error(text);
  EXPECT_NE(d.message.find("this text is too long"), std::string::npos) << d.message;
  const TextPosition expected = JsonLocator(text).position_of_offset(at - 1);
  EXPECT_EQ(d.position.line, expected.line);
  EXPECT_EQ(d.position.column, expected.column);
  EXPECT_LT(d.message.size(), 200u);
}

TEST(StringLength, ATextAtTheCapIsRead) {
  std::string text = valid_trial();
  text.replace(text.find("Test sponsor"), std::string("Test sponsor").size(), std::string(limits::kMaxStringBytes, 'v'));
  EXPECT_TRUE(load_trial(text).trial.has_value());
}

TEST(Depth, NestingPastTheCapIsLocatedAtTheBracket) {
  const std::string ok = "[" + std::string(limits::kMaxDepth - 1, '[') + std::string(limits::kMaxDepth, ']');
  EXPECT_FALSE(parse_json_text(ok).error.has_value());
  const std::string deep = "\n  " + std::string(100000, '[') + std::string(100000, ']');
  JsonTextResult r = parse_json_text(deep);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_NE(r.error->message.find("nested too deeply"), std::string::npos) << r.error->message;
  EXPECT_EQ(r.error->position.line, 2);
  EXPECT_EQ(r.error->position.column, static_cast<int>(3 + limits::kMaxDepth));
}

TEST(ValueCount, AFileWithTooManyValuesIsRefused) {
  auto list_of = [](size_t n) {
    std::string s = "[";
    for (size_t i = 0; i < n; ++i) s += i ? ",0" : "0";
    return s + "]";
  };
  EXPECT_FALSE(parse_json_text(list_of(limits::kMaxValues - 1)).error.has_value());  // and the list itself
  JsonTextResult r = parse_json_text(list_of(limits::kMaxValues));
  ASSERT_TRUE(r.error.has_value());
  EXPECT_NE(r.error->message.find("too many values"), std::string::npos) << r.error->message;
}

TEST(ErrorCount, AtMostTheCapIsListedAndTheRestAreCounted) {
  std::string text = valid_trial();
  std::string extra;
  for (int i = 0; i < 250; ++i) extra += "\"unknown_" + std::to_string(i) + "\": 1,\n";
  text.insert(text.find("\"format\""), extra);
  TrialLoadResult r = load_trial(text);
  ASSERT_EQ(r.errors.size(), limits::kMaxErrors + 1);
  EXPECT_EQ(r.errors.back().message, "and 150 more problems (only the first 100 are listed)");
  EXPECT_NE(r.errors.front().message.find("unknown_0"), std::string::npos);
}

TEST(ErrorCount, AnAnswersFileListsAtMostTheCap) {
  const Trial trial = trialmatch_test::load_valid(valid_trial());
  nlohmann::json answers = nlohmann::json::object();
  for (int i = 0; i < 130; ++i) answers["q" + std::to_string(i)] = "yes";
  answers[std::string(limits::kMaxKeyBytes, 'z')] = "yes";
  AnswersFileResult r = answers_from_json(trial, answers);
  ASSERT_EQ(r.errors.size(), limits::kMaxErrors + 1);
  EXPECT_EQ(r.errors.back(), "and 31 more problems (only the first 100 are listed)");
}

TEST(Messages, ALongKeyInAnAnswersFileIsShortened) {
  const Trial trial = trialmatch_test::load_valid(valid_trial());
  nlohmann::json answers = {{std::string(limits::kMaxKeyBytes, 'z'), "yes"}, {"age", std::string(5000, 'y')}};
  AnswersFileResult r = answers_from_json(trial, answers);
  ASSERT_EQ(r.errors.size(), 2u);
  for (const std::string& e : r.errors) EXPECT_LT(e.size(), 300u) << e;
}

TEST(Messages, ALongConditionStringIsShortened) {
  const std::string source = "age = \"" + std::string(3000, 's') + "\" \"again\"";
  ParseResult r = parse_condition(source);
  ASSERT_TRUE(r.error.has_value());
  EXPECT_LT(r.error->message.size(), 200u) << r.error->message;
}

TEST(Messages, NotJsonNearAHugeTokenIsShortened) {
  JsonTextResult r = parse_json_text("{\"a\": tru" + std::string(5000, 'e') + "}");
  ASSERT_TRUE(r.error.has_value());
  EXPECT_LT(r.error->message.size(), 300u) << r.error->message;
}

// docs/trial-format.md lists the limits: it must say what the code does.
TEST(Limits, AreTheOnesTheFormatDocumentLists) {
  std::ifstream in(TRIALMATCH_SOURCE_DIR "/docs/trial-format.md");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string doc = buffer.str();
  auto with_commas = [](size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return out;
  };
  for (const std::string& expected :
       {"| file size | 1 MiB (" + with_commas(limits::kMaxFileBytes) + " bytes)",
        "| " + std::to_string(limits::kMaxDepth) + " levels |", "| " + std::to_string(limits::kMaxKeyBytes) + " bytes |",
        "| " + with_commas(limits::kMaxStringBytes) + " bytes |", "| " + with_commas(limits::kMaxValues) + " |",
        "| " + std::to_string(limits::kMaxErrors) + " |",
        with_commas(limits::kMaxConditionLength) + " bytes, " + std::to_string(limits::kMaxConditionOperators) +
            " `and`/`or`, " + std::to_string(limits::kMaxConditionNesting) + " levels",
        "cut to " + std::to_string(limits::kMaxEchoChars) + " characters",
        "message to " + std::to_string(limits::kMaxMessageChars) + " characters"})
    EXPECT_NE(doc.find(expected), std::string::npos) << "docs/trial-format.md does not say: " << expected;
}

}  // namespace unit_input_limits
