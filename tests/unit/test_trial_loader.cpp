// load_trial: a valid minimal trial loads; every kind of mistake in a trial-definition file
// is reported with the right JSON pointer, the right line:column and a helpful message.
//
// Each test starts from the same minimal valid trial (Spec) and changes one thing. Expected
// positions are found by searching the document text for the offending characters, so they
// do not depend on the document layout; a few tests also pin the position literally.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diagnostic.h"
#include "json_locator.h"
#include "study_files.h"
#include "test_support.h"
#include "trial.h"
#include "trial_loader.h"
#include "wording_checks.h"

namespace unit_trial_loader {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;

namespace {

const char* const kAge =
    R"json(    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "min": 0, "max": 120, "unknown": ["prefer_not_to_say"]})json";
const char* const kSmoker =
    R"json(    {"id": "smoker", "type": "yes_no", "text": {"en": "Do you smoke?"}, "unknown": ["not_sure"]})json";
const char* const kAdult =
    R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults only."}, "source": "Inclusion 1"})json";
const char* const kNoSmoking =
    R"json(    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "text": {"en": "No smokers."}, "source": "Exclusion 1"})json";

// The minimal valid trial; a test changes one member.
struct Spec {
  std::vector<std::string> questions = {kAge};
  std::vector<std::string> criteria = {kAdult};
  std::vector<std::string> languages = {"en"};
  std::string format = "trialmatch/1";

  std::string text() const {
    auto join = [](const std::vector<std::string>& items) {
      std::string out;
      for (const std::string& s : items) out += (out.empty() ? "" : ",\n") + s;
      return out;
    };
    return trialmatch_test::trial_document(join(questions), join(criteria), languages, format);
  }
};

// Line and column (1-based, in characters) of the `skip`-th character of `needle` in `text`.
// `needle` must occur exactly once (or, with `last`, the last occurrence is used).
TextPosition position_of(const std::string& text, const std::string& needle, size_t skip = 0, bool last = false) {
  const size_t found = last ? text.rfind(needle) : text.find(needle);
  EXPECT_NE(found, std::string::npos) << "the test document has no " << needle;
  if (found == std::string::npos) return {};
  if (!last) {
    EXPECT_EQ(text.find(needle, found + 1), std::string::npos) << needle << " occurs twice";
  }
  size_t offset = found;
  for (size_t i = 0; i < skip; ++i) {  // skip whole UTF-8 characters
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
  }
  TextPosition p{1, 1};
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

std::string all_errors(const TrialLoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.errors) out += "\n  " + format_diagnostic(d, "trial.json");
  return out;
}

// Expects exactly one error, with this pointer, position and message fragment.
void expect_only_error(const std::string& text, const std::string& pointer, TextPosition where,
                       const std::string& fragment) {
  TrialLoadResult r = load_trial(text);
  EXPECT_FALSE(r.trial.has_value());
  ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
  const Diagnostic& d = r.errors[0];
  EXPECT_EQ(d.pointer, pointer) << all_errors(r);
  EXPECT_EQ(d.position.line, where.line) << all_errors(r);
  EXPECT_EQ(d.position.column, where.column) << all_errors(r);
  EXPECT_NE(d.message.find(fragment), std::string::npos) << "message: " << d.message << "\nexpected: " << fragment;
}

// The error with `pointer` among several.
const Diagnostic* error_at(const TrialLoadResult& r, const std::string& pointer) {
  for (const Diagnostic& d : r.errors)
    if (d.pointer == pointer) return &d;
  return nullptr;
}

TEST(TrialLoader, MinimalTrialIsValid) {
  const Spec spec;
  TrialLoadResult r = load_trial(spec.text());
  ASSERT_TRUE(r.trial.has_value()) << all_errors(r);
  EXPECT_TRUE(r.errors.empty());
  const Trial& t = *r.trial;
  EXPECT_EQ(t.format, "trialmatch/1");
  EXPECT_EQ(t.languages, std::vector<std::string>{"en"});
  EXPECT_EQ(t.info.id, "NCT00000000");
  EXPECT_EQ(t.info.contact.email, "study@example.org");
  ASSERT_EQ(t.questions.size(), 1u);
  const Question& age = t.questions[0];
  EXPECT_EQ(age.id, "age");
  EXPECT_EQ(age.index, 0);
  EXPECT_EQ(age.type, QuestionType::Number);
  EXPECT_EQ(age.min, 0);
  EXPECT_EQ(age.max, 120);
  EXPECT_TRUE(age.integer);
  EXPECT_TRUE(age.offers(UnknownKind::PreferNotToSay));
  EXPECT_FALSE(age.offers(UnknownKind::NotSure));
  EXPECT_EQ(text_in(age.text, "en"), "How old are you?");
  ASSERT_EQ(t.criteria.size(), 1u);
  const Criterion& adult = t.criteria[0];
  EXPECT_EQ(adult.kind, CriterionKind::Inclusion);
  EXPECT_EQ(adult.when_fails, WhenFails::Exclude);
  ASSERT_TRUE(adult.rule.has_value());
  EXPECT_EQ(adult.rule->source, "age >= 18");
  EXPECT_EQ(referenced_questions(*adult.rule), std::vector<int>{0});
}

TEST(TrialLoader, YesNoQuestionsGetYesAndNoOptions) {
  Spec spec;
  spec.questions.push_back(kSmoker);
  spec.criteria.push_back(kNoSmoking);
  TrialLoadResult r = load_trial(spec.text());
  ASSERT_TRUE(r.trial.has_value()) << all_errors(r);
  const Question& smoker = r.trial->questions[1];
  ASSERT_EQ(smoker.options.size(), 2u);
  EXPECT_EQ(smoker.options[0].id, "yes");
  EXPECT_EQ(smoker.options[1].id, "no");
  EXPECT_EQ(r.trial->criteria[1].kind, CriterionKind::Exclusion);
}

TEST(TrialLoader, InvalidJsonGivesLineAndColumn) {
  // A trailing comma in a list: the error is at the ']' on line 3, column 22.
  const std::string text = "{\n  \"format\": \"trialmatch/1\",\n  \"languages\": [\"en\",]\n}\n";
  expect_only_error(text, "", {3, 22}, "this is not valid JSON");

  // The file ends in the middle of an object.
  const std::string cut = "{\n  \"format\": \"trialmatch/1\",\n";
  expect_only_error(cut, "", {3, 1}, "unexpected end of input");

  // Columns count characters, not bytes: "é" is one column.
  const std::string accented = "{\n  \"a\": \"é\" x\n}";
  expect_only_error(accented, "", {2, 12}, "this is not valid JSON");
}

TEST(TrialLoader, MissingCommaIsReportedOnTheLineOfTheUnexpectedKey) {
  const std::string text = "{\n  \"format\": \"trialmatch/1\"\n  \"languages\": [\"en\"]\n}\n";
  TrialLoadResult r = load_trial(text);
  ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
  EXPECT_EQ(r.errors[0].position.line, 3);
  // Somewhere on the unexpected "languages" key (columns 3 to 13).
  EXPECT_GE(r.errors[0].position.column, 3);
  EXPECT_LE(r.errors[0].position.column, 13);
}

TEST(TrialLoader, UnknownFieldInAQuestion) {
  Spec spec;
  spec.questions[0] =
      R"json(    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "colour": "red", "min": 0, "max": 120})json";
  const std::string text = spec.text();
  expect_only_error(text, "/questions/0/colour", position_of(text, "\"red\""),
                    "unknown field \"colour\" in a question (allowed: ");
}

TEST(TrialLoader, UnknownTopLevelField) {
  std::string text = Spec().text();
  const std::string anchor = "  \"languages\"";
  text.insert(text.find(anchor), "  \"sponsor_notes\": 42,\n");
  expect_only_error(text, "/sponsor_notes", position_of(text, "42,"), "unknown field \"sponsor_notes\"");
}

TEST(TrialLoader, UnknownFieldInACriterionIsATypoNotIgnored) {
  Spec spec;
  spec.criteria[0] =
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "when_fail": "review", "text": {"en": "Adults only."}, "source": "Inclusion 1"})json";
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/0/when_fail", position_of(text, "\"review\""), "unknown field \"when_fail\"");
}

TEST(TrialLoader, DuplicateJsonKeyPointsAtTheRepeat) {
  Spec spec;
  spec.questions[0] =
      R"json(    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "min": 0, "max": 120, "max": 99})json";
  const std::string text = spec.text();
  expect_only_error(text, "/questions/0/max", position_of(text, "\"max\": 99"),
                    "this field appears more than once in the same object");
}

TEST(TrialLoader, DuplicateQuestionId) {
  Spec spec;
  spec.questions.push_back(
      R"json(    {"id": "age", "type": "number", "text": {"en": "Your age again?"}, "min": 0, "max": 120})json");
  const std::string text = spec.text();
  expect_only_error(text, "/questions/1/id", position_of(text, "\"age\"", 0, /*last=*/true),
                    "question id \"age\" is used by an earlier question too");
}

TEST(TrialLoader, TwoQuestionsOfOneConceptAreTheSameQuestionAskedTwice) {
  Spec spec;
  spec.questions = {
      R"json(    {"id": "birth_control", "concept": "birth-control", "type": "yes_no", "text": {"en": "Would you use birth control?"}})json",
      R"json(    {"id": "contraception", "concept": "birth-control", "type": "yes_no", "text": {"en": "Would you use contraception?"}})json"};
  spec.criteria = {
      R"json(    {"id": "bc", "type": "inclusion", "rule": "birth_control = \"yes\" and contraception = \"yes\"", "text": {"en": "Birth control."}, "source": "I1"})json"};
  const std::string text = spec.text();
  expect_only_error(text, "/questions/1/concept", position_of(text, "\"birth-control\"", 0, /*last=*/true),
                    "question \"contraception\" asks the same thing as \"birth_control\" (concept \"birth-control\"): ask it once");
}

TEST(TrialLoader, AConceptIsAPlainName) {
  Spec spec;
  spec.questions = {R"json(    {"id": "age", "concept": "Age In Years", "type": "number", "text": {"en": "Your age?"}, "min": 0, "max": 120})json"};
  const std::string text = spec.text();
  expect_only_error(text, "/questions/0/concept", position_of(text, "\"Age In Years\""),
                    "a concept starts with a lower-case letter and uses only a-z, 0-9, - and _");
}

TEST(TrialLoader, WhatToFindOutBeforeCallingIsForAStudyTeamCheck) {
  Spec spec;
  spec.criteria = {
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults."}, "find_out": {"en": "Ask your doctor."}, "source": "I1"})json",
      R"json(    {"id": "crp", "type": "inclusion", "checked_by": "study_team", "text": {"en": "A blood test."}, "find_out": {"en": "Your doctor's office can tell you your last result."}, "source": "I2"})json"};
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/0/find_out", position_of(text, "{\"en\": \"Ask your doctor.\"}"),
                    "\"find_out\" is for a study-team check: what a person could find out before calling");
}

TEST(TrialLoader, DuplicateCriterionId) {
  Spec spec;
  spec.criteria.push_back(
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age <= 65", "text": {"en": "Not too old."}, "source": "Inclusion 2"})json");
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/1/id", position_of(text, "\"adult\"", 0, /*last=*/true),
                    "criterion id \"adult\" is used by an earlier criterion too");
}

TEST(TrialLoader, RuleNamingAMissingQuestion) {
  Spec spec;
  spec.criteria[0] =
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18 and weight < 200", "text": {"en": "Adults only."}, "source": "Inclusion 1"})json";
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/0/rule", position_of(text, "weight < 200"),
                    "there is no question with id \"weight\" (column 15 of the condition)");
}

TEST(TrialLoader, AskIfNamingALaterQuestion) {
  Spec spec;
  spec.questions = {
      kAge,
      R"json(    {"id": "pregnant", "type": "yes_no", "ask_if": "can_preg != \"no\"", "text": {"en": "Are you pregnant?"}})json",
      R"json(    {"id": "can_preg", "type": "yes_no", "text": {"en": "Could you become pregnant?"}})json",
  };
  spec.criteria.push_back(
      R"json(    {"id": "not_pregnant", "type": "exclusion", "rule": "can_preg != \"no\" and pregnant = \"yes\"", "text": {"en": "Not pregnant."}, "source": "Exclusion 1"})json");
  const std::string text = spec.text();
  expect_only_error(text, "/questions/1/ask_if", position_of(text, "can_preg != \\\"no\\\"\", \"text\""),
                    "question \"can_preg\" comes later than this question; a condition may only use questions asked before it");
}

TEST(TrialLoader, AskIfNamingItsOwnQuestion) {
  Spec spec;
  spec.questions.push_back(
      R"json(    {"id": "smoker", "type": "yes_no", "ask_if": "smoker != \"no\"", "text": {"en": "Do you smoke?"}})json");
  spec.criteria.push_back(kNoSmoking);
  const std::string text = spec.text();
  expect_only_error(text, "/questions/1/ask_if", position_of(text, "smoker != \\\"no\\\""),
                    "question \"smoker\" comes later than this question");
}

TEST(TrialLoader, WrongTypeComparison) {
  Spec spec;
  spec.criteria[0] =
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age = \"old\"", "text": {"en": "Adults only."}, "source": "Inclusion 1"})json";
  const std::string text = spec.text();
  // Column 7 of the condition is the opening quote of "old", written \" in the file.
  expect_only_error(text, "/criteria/0/rule", position_of(text, "\\\"old"),
                    "question \"age\" is a number, so compare it with a number, not \"old\" (column 7 of the condition)");
}

TEST(TrialLoader, OptionTheQuestionDoesNotHave) {
  Spec spec;
  spec.questions.push_back(kSmoker);
  spec.criteria.push_back(
      R"json(    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"sometimes\"", "text": {"en": "No smokers."}, "source": "Exclusion 1"})json");
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/1/rule", position_of(text, "\\\"sometimes"),
                    "question \"smoker\" has no option \"sometimes\"; its options are \"yes\", \"no\"");
}

TEST(TrialLoader, MissingTranslation) {
  Spec spec;
  spec.languages = {"en", "es"};
  spec.questions[0] =
      R"json(    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "min": 0, "max": 120})json";
  spec.criteria[0] =
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults only.", "es": "Solo adultos."}, "source": "Inclusion 1"})json";
  const std::string text = spec.text();
  expect_only_error(text, "/questions/0/text", position_of(text, "{\"en\": \"How old"),
                    "missing the \"es\" translation of \"text\"");
}

TEST(TrialLoader, TranslationInALanguageTheTrialDoesNotDeclare) {
  Spec spec;
  spec.questions[0] =
      R"json(    {"id": "age", "type": "number", "text": {"en": "How old are you?", "fr": "Quel âge avez-vous ?"}, "min": 0, "max": 120})json";
  const std::string text = spec.text();
  expect_only_error(text, "/questions/0/text/fr", position_of(text, "\"Quel"),
                    "\"fr\" is not one of the trial's languages");
}

TEST(TrialLoader, UnparsableRuleColumnCountsEscapedQuotesInTheFile) {
  Spec spec;
  spec.questions.push_back(
      R"json(    {"id": "sex", "type": "single", "text": {"en": "Sex?"}, "options": [{"id": "female", "text": {"en": "Female"}}, {"id": "male", "text": {"en": "Male"}}]})json");
  spec.criteria[0] =
      R"json(    {"id": "adult", "type": "inclusion", "rule": "sex = \"female\" and age >= eighteen", "text": {"en": "Adults only."}, "source": "Inclusion 1"})json";
  const std::string text = spec.text();
  // In the condition, "eighteen" starts at column 27; in the file the two \" before it add
  // two characters: the rule string opens at column 50 of line 17, so 50 + 27 + 2 = 79.
  const TextPosition found = position_of(text, "eighteen");
  EXPECT_EQ(found.line, 17);
  EXPECT_EQ(found.column, 79);
  expect_only_error(text, "/criteria/0/rule", {17, 79},
                    "cannot read the condition: text values need double quotes: write \"eighteen\" (column 27 of the condition)");
}

TEST(TrialLoader, ConditionErrorColumnCountsCharactersBeforeTheRuleOnTheLine) {
  Spec spec;
  spec.criteria[0] =
      R"json(    {"id": "adult", "text": {"en": "Años ≥ 18"}, "type": "inclusion", "rule": "age >= dieciocho", "source": "Inclusion 1"})json";
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/0/rule", position_of(text, "dieciocho"), "write \"dieciocho\"");
}

TEST(TrialLoader, ConditionErrorAfterANonAsciiLiteralIsLocatedOnTheRightCharacter) {
  // "sí" is 2 characters but 3 bytes; the error must still point at "dieciocho" in the file,
  // and the column reported in the message must be the character column (26).
  Spec spec;
  spec.questions.push_back(kSmoker);
  spec.criteria.push_back(
      R"json(    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"sí\" and age >= dieciocho", "text": {"en": "No smokers."}, "source": "Exclusion 1"})json");
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/1/rule", position_of(text, "dieciocho"),
                    "write \"dieciocho\" (column 26 of the condition)");
}

TEST(TrialLoader, UnsupportedFormat) {
  Spec spec;
  spec.format = "trialmatch/2";
  const std::string text = spec.text();
  const TextPosition where = position_of(text, "\"trialmatch/2\"");
  EXPECT_EQ(where.line, 2);
  EXPECT_EQ(where.column, 13);
  expect_only_error(text, "/format", where, "unsupported format \"trialmatch/2\"; this tool reads \"trialmatch/1\"");
}

TEST(TrialLoader, NumberQuestionWithoutMinOrMax) {
  Spec spec;
  spec.questions[0] = R"json(    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "max": 120})json";
  std::string text = spec.text();
  expect_only_error(text, "/questions/0", position_of(text, "{\"id\": \"age\""), "a number question needs \"min\" and \"max\"");

  spec.questions[0] = R"json(    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "min": 0})json";
  text = spec.text();
  expect_only_error(text, "/questions/0", position_of(text, "{\"id\": \"age\""), "a number question needs \"min\" and \"max\"");
}

TEST(TrialLoader, UnusedQuestion) {
  Spec spec;
  spec.questions.push_back(kSmoker);
  const std::string text = spec.text();
  expect_only_error(text, "/questions/1", position_of(text, "{\"id\": \"smoker\""),
                    "question \"smoker\" is not used by any rule, ask_if or safety trigger, so it would never be asked");
}

TEST(TrialLoader, AQuestionUsedOnlyByASafetyTriggerIsUsed) {
  Spec spec;
  spec.questions.push_back(
      R"json(    {"id": "self_harm", "type": "yes_no", "text": {"en": "Thoughts of self-harm?"}, "safety": {"when": "self_harm = \"yes\"", "action": "crisis_support"}})json");
  TrialLoadResult r = load_trial(spec.text());
  ASSERT_TRUE(r.trial.has_value()) << all_errors(r);
  ASSERT_TRUE(r.trial->questions[1].safety.has_value());
  EXPECT_EQ(r.trial->questions[1].safety->action, "crisis_support");
}

TEST(TrialLoader, UnknownSafetyAction) {
  Spec spec;
  spec.questions.push_back(
      R"json(    {"id": "self_harm", "type": "yes_no", "text": {"en": "Thoughts of self-harm?"}, "safety": {"when": "self_harm = \"yes\"", "action": "call_police"}})json");
  const std::string text = spec.text();
  expect_only_error(text, "/questions/1/safety/action", position_of(text, "\"call_police\""),
                    "unknown safety action \"call_police\"");
}

TEST(TrialLoader, CriterionNeedsExactlyOneOfRuleOrCheckedBy) {
  Spec spec;
  spec.criteria.push_back(
      R"json(    {"id": "consent", "type": "inclusion", "rule": "age >= 18", "checked_by": "study_team", "text": {"en": "Consent."}, "source": "Inclusion 2"})json");
  std::string text = spec.text();
  expect_only_error(text, "/criteria/1", position_of(text, "{\"id\": \"consent\""),
                    "a criterion needs exactly one of \"rule\"");

  spec.criteria[1] = R"json(    {"id": "consent", "type": "inclusion", "text": {"en": "Consent."}, "source": "Inclusion 2"})json";
  text = spec.text();
  expect_only_error(text, "/criteria/1", position_of(text, "{\"id\": \"consent\""),
                    "a criterion needs exactly one of \"rule\"");

  spec.criteria[1] =
      R"json(    {"id": "consent", "type": "inclusion", "checked_by": "study_team", "text": {"en": "Consent."}, "source": "Inclusion 2"})json";
  TrialLoadResult ok = load_trial(spec.text());
  ASSERT_TRUE(ok.trial.has_value()) << all_errors(ok);
  EXPECT_TRUE(ok.trial->criteria[1].study_team_only());
}

TEST(TrialLoader, MissingRequiredField) {
  Spec spec;
  spec.criteria[0] = R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults only."}})json";
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/0", position_of(text, "{\"id\": \"adult\""),
                    "a criterion is missing the required field \"source\"");
}

TEST(TrialLoader, EveryProblemIsReportedSortedByPosition) {
  Spec spec;
  spec.format = "trialmatch/9";
  spec.questions[0] =
      R"json(    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "colour": "red", "min": 0, "max": 120})json";
  spec.criteria[0] =
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18 and weight < 200", "text": {"en": "Adults only."}, "source": "Inclusion 1"})json";
  const std::string text = spec.text();
  TrialLoadResult r = load_trial(text);
  EXPECT_FALSE(r.trial.has_value());
  ASSERT_EQ(r.errors.size(), 3u) << all_errors(r);
  EXPECT_EQ(r.errors[0].pointer, "/format");
  EXPECT_EQ(r.errors[1].pointer, "/questions/0/colour");
  EXPECT_EQ(r.errors[2].pointer, "/criteria/0/rule");
  ASSERT_NE(error_at(r, "/criteria/0/rule"), nullptr);
}

TEST(TrialLoader, FormattedDiagnosticNamesFileLineColumnPointerAndMessage) {
  Spec spec;
  spec.format = "trialmatch/2";
  TrialLoadResult r = load_trial(spec.text());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(format_diagnostic(r.errors[0], "study.json"),
            "study.json:2:13: /format: unsupported format \"trialmatch/2\"; this tool reads \"trialmatch/1\"");
}

}  // namespace

// Review finding: "when_f\u0061ils" is the same key as "when_fails"; a second copy must not
// slip past and silently turn "review" into "exclude".
TEST(TrialLoader, DuplicateKeyWrittenWithAnEscapeIsStillADuplicate) {
  Spec spec;
  spec.criteria[0] =
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "when_fails": "review", "when_f\u0061ils": "exclude", "text": {"en": "Adults only."}, "source": "Inclusion 1"})json";
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/0/when_fails", position_of(text, "\"when_f\\u0061ils\""),
                    "this field appears more than once in the same object");
}

// The quick scan that lets a file without a repeated key skip the JsonLocator: it must
// never miss a repeat, and it must let the project's own files through (or the app pays for
// places it never shows).
TEST(RepeatedKeyScan, FindsARepeatAtAnyDepth) {
  EXPECT_TRUE(may_repeat_a_key(R"({"a": 1, "a": 2})"));
  EXPECT_TRUE(may_repeat_a_key(R"({"x": {"b": 1, "c": {"b": 2}, "b": 3}})"));
  EXPECT_TRUE(may_repeat_a_key(R"([{"x": [1, {"k": [], "j": {}, "k": null}]}])"));
  EXPECT_TRUE(may_repeat_a_key(R"({"a b":1,"z":0,"a b" :2})"));
}

TEST(RepeatedKeyScan, TheSameKeyInTwoObjectsIsNoRepeat) {
  EXPECT_FALSE(may_repeat_a_key(R"({"x": [{"a": 1}, {"a": 2}], "a": {"a": {"a": 3}}})"));
  EXPECT_FALSE(may_repeat_a_key(R"({"a:": 1, "a": 2, "t": "\"a\": 3, \\", "u": ["a", "a"]})"));
  EXPECT_FALSE(may_repeat_a_key(R"({"text": {"en": "x", "es": "y"}, "why": {"en": "x", "es": "y"}})"));
}

TEST(RepeatedKeyScan, AnEscapedKeyOrDeepNestingIsLeftToTheLocator) {
  EXPECT_TRUE(may_repeat_a_key(R"({"when_fails": 1, "when_f\u0061ils": 2})"));
  EXPECT_TRUE(may_repeat_a_key(R"({"a\"b": 1})"));
  EXPECT_TRUE(may_repeat_a_key(std::string(30, '[') + std::string(30, ']')));
}

TEST(RepeatedKeyScan, TheProjectsStudyFilesAndCatalogPassQuickly) {
  for (const std::string& name : trialmatch_test::study_file_names())
    EXPECT_FALSE(may_repeat_a_key(trialmatch_test::study_file_text(name))) << name;
  EXPECT_FALSE(may_repeat_a_key(trialmatch_test::read_source_file("assets/catalogs/depression.json")));
}

TEST(TrialLoader, ACriterionUsingASafetyQuestionMustGoToReview) {
  Spec spec;
  spec.questions.push_back(
      R"json(    {"id": "harm", "type": "yes_no", "text": {"en": "Thoughts of harming yourself?"}, "safety": {"when": "harm = \"yes\"", "action": "crisis_support"}})json");
  spec.criteria.push_back(
      R"json(    {"id": "no_harm", "type": "exclusion", "rule": "harm = \"yes\"", "text": {"en": "Safety first."}, "source": "Exclusion 1"})json");
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/1/rule", position_of(text, "\"harm = \\\"yes\\\"\", \"text\""),
                    "needs \"when_fails\": \"review\"");
}

TEST(TrialLoader, ASafetyTriggerTestsOnlyItsOwnQuestion) {
  Spec spec;
  spec.questions.push_back(
      R"json(    {"id": "harm", "type": "yes_no", "text": {"en": "Thoughts of harming yourself?"}, "safety": {"when": "harm = \"yes\" and age >= 40", "action": "crisis_support"}})json");
  spec.criteria.push_back(
      R"json(    {"id": "no_harm", "type": "exclusion", "rule": "harm = \"yes\"", "when_fails": "review", "text": {"en": "Safety first."}, "source": "Exclusion 1"})json");
  const std::string text = spec.text();
  expect_only_error(text, "/questions/1/safety/when", position_of(text, "\"harm = \\\"yes\\\" and age"),
                    "must test only the answer to its own question");
}

namespace {

const char* const kHarmQuestion =
    R"json(    {"id": "harm", "type": "yes_no", "text": {"en": "Thoughts of harming yourself?"}, "unknown": ["prefer_not_to_say"], "safety": {"when": "harm = \"yes\"", "action": "crisis_support"}})json";

TEST(TrialLoader, BecauseGivesWordsForWhenTheAnswersDecided) {
  Spec spec;
  spec.questions.push_back(kHarmQuestion);
  spec.criteria.push_back(
      R"json(    {"id": "no_harm", "type": "exclusion", "rule": "harm = \"yes\"", "when_fails": "review", "text": {"en": "A study doctor talks with everyone about safety."}, "because": {"en": "You told us about thoughts of harming yourself."}, "source": "Exclusion 1"})json");
  const Trial t = trialmatch_test::load_valid(spec.text());
  const Criterion& c = t.criteria[1];
  EXPECT_EQ(text_in(c.text, "en"), "A study doctor talks with everyone about safety.");
  EXPECT_EQ(text_in(c.because, "en"), "You told us about thoughts of harming yourself.");
  EXPECT_TRUE(t.criteria[0].because.empty());
}

TEST(TrialLoader, BecauseOnAStudyTeamCheckIsAnError) {
  Spec spec;
  spec.criteria.push_back(
      R"json(    {"id": "blood", "type": "inclusion", "checked_by": "study_team", "text": {"en": "A blood test."}, "because": {"en": "Your blood test."}, "source": "Inclusion 2"})json");
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/1/because", position_of(text, "{\"en\": \"Your blood test.\"}"),
                    "\"because\" only applies to a criterion with a \"rule\"");
}

TEST(TrialLoader, ANeutralTextThatClaimsAnAnswerIsAnError) {
  Spec spec;
  spec.questions.push_back(kHarmQuestion);
  spec.criteria.push_back(
      R"json(    {"id": "no_harm", "type": "exclusion", "rule": "harm = \"yes\"", "when_fails": "review", "text": {"en": "Because you told us about thoughts of hurting yourself, a doctor talks with you."}, "source": "Exclusion 1"})json");
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/1/text/en", position_of(text, "\"Because you told us"),
                    "must not say what they told us; put such words in \"because\"");
}

TEST(TrialLoader, ASpanishNeutralTextThatClaimsAnAnswerIsAnError) {
  Spec spec;
  spec.languages = {"es"};
  spec.questions = {R"json(    {"id": "age", "type": "number", "text": {"es": "¿Cuántos años tiene?"}, "min": 0, "max": 120})json",
                    R"json(    {"id": "harm", "type": "yes_no", "text": {"es": "¿Pensamientos de hacerse daño?"}, "safety": {"when": "harm = \"yes\"", "action": "crisis_support"}})json"};
  spec.criteria = {R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"es": "Solo adultos."}, "source": "Inclusión 1"})json",
                   R"json(    {"id": "no_harm", "type": "exclusion", "rule": "harm = \"yes\"", "when_fails": "review", "text": {"es": "Como nos contó que tiene esos pensamientos, un médico habla con usted."}, "source": "Exclusión 1"})json"};
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/1/text/es", position_of(text, "\"Como nos contó"), "\"nos contó\"");
}

TEST(TrialLoader, AReviewCriterionThatSaysCannotJoinIsAnError) {
  Spec spec;
  spec.questions.push_back(kSmoker);
  spec.criteria.push_back(
      R"json(    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "when_fails": "review", "text": {"en": "Smokers can't join. The team talks it over."}, "source": "Exclusion 1"})json");
  const std::string text = spec.text();
  expect_only_error(text, "/criteria/1/text/en", position_of(text, "\"Smokers can't join."),
                    "goes to review, so it never rules anyone out");
}

TEST(TrialLoader, AnExcludingCriterionMaySayCannotJoin) {
  Spec spec;
  spec.questions.push_back(kSmoker);
  spec.criteria.push_back(
      R"json(    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "text": {"en": "People who smoke cannot join."}, "source": "Exclusion 1"})json");
  EXPECT_EQ(trialmatch_test::load_valid(spec.text()).criteria.size(), 2u);
}

}  // namespace

namespace {

TEST(TrialLoader, ATrialTextThatPromisesWhereAnswersGoIsAnError) {
  Spec spec;
  spec.questions = {R"json(    {"id": "age", "type": "number", "text": {"en": "How old are you?"}, "why": {"en": "Your answer stays on this device."}, "min": 0, "max": 120})json"};
  const std::string text = spec.text();
  expect_only_error(text, "/questions/0/why/en", position_of(text, "\"Your answer stays"),
                    "a trial file must not promise it");
}

}  // namespace

namespace {

TEST(WordingChecks, CurlyApostrophesNoBreakSpacesAndDashesDoNotHideAPhrase) {
  EXPECT_EQ(phrase_turning_away("en", "Smokers can\xE2\x80\x99t join."), "can't join");
  EXPECT_EQ(phrase_turning_away("en", "Smokers cannot join\xE2\x80\x94sorry."), "cannot join");
  EXPECT_EQ(phrase_claiming_an_answer("es", "Como nos\xC2\xA0" "dijo, un médico habla con usted."), "nos dijo");
  EXPECT_EQ(phrase_claiming_an_answer("en", "You\xE2\x80\x99ve told us about it."), "you've told us");
  EXPECT_EQ(phrase_turning_away("es", "USTED NO PODRÁ PARTICIPAR."), "no podrá participar");
  EXPECT_FALSE(phrase_claiming_an_answer("en", "Nothing here speaks of an answer.").has_value());
  EXPECT_FALSE(phrase_turning_away("fr", "cannot join").has_value()) << "only English and Spanish are checked";
}

}  // namespace

}  // namespace unit_trial_loader
