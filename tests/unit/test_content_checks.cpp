// The content checks `trialmatch validate` runs on every study file and catalog
// (content_checks.h): each class of defect a clinical review found is tripped by a small
// file, with its exact message; every file in assets/ passes them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog.h"
#include "content_checks.h"
#include "study_files.h"
#include "test_support.h"
#include "trial_loader.h"

namespace unit_content_checks {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;
using trialmatch_test::load_valid;
using trialmatch_test::trial_document;

namespace {

std::string messages(const std::vector<Diagnostic>& list) {
  std::string out;
  for (const Diagnostic& d : list) out += d.pointer + ": " + d.message + "\n";
  return out;
}

const char* const kCanBecomePregnant =
    R"json(    {"id": "can_become_pregnant", "concept": "can-become-pregnant", "type": "yes_no", "text": {"en": "Could you become pregnant?"}, "unknown": ["not_sure"]},
    {"id": "pregnant", "concept": "pregnant", "type": "yes_no", "ask_if": "can_become_pregnant != \"no\"", "text": {"en": "Are you pregnant?"}, "unknown": ["not_sure"]},
    {"id": "birth_control", "concept": "birth-control", "type": "yes_no", "ask_if": "can_become_pregnant != \"no\" and pregnant != \"yes\"", "text": {"en": "Would you use birth control?"}, "unknown": ["not_sure"]})json";

std::string pregnancy_trial(const std::string& pregnancy_outcome, const std::string& birth_control_rule) {
  return trial_document(kCanBecomePregnant,
                        R"json(    {"id": "pregnancy", "type": "exclusion", "rule": "can_become_pregnant != \"no\" and pregnant = \"yes\"", )json" +
                            pregnancy_outcome +
                            R"json("text": {"en": "Pregnancy is talked over."}, "source": "Exclusion 1"},
    {"id": "birth_control", "type": "inclusion", "rule": ")json" + birth_control_rule +
                            R"json(", "text": {"en": "Birth control is needed."}, "source": "Inclusion 2"})json");
}

// --- A criterion left open only because its question was skipped ------------------------

TEST(ContentChecks, ACriterionLeftOpenByASkippedQuestionWhereTheResultShowsItIsAnError) {
  const Trial trial = load_valid(pregnancy_trial(R"("when_fails": "review", )",
                                                 R"(can_become_pregnant = \"no\" or birth_control = \"yes\")"));
  const ContentFindings found = check_trial_content(trial);
  ASSERT_EQ(found.errors.size(), 1u) << messages(found.errors);
  EXPECT_EQ(found.errors[0].pointer, "/criteria/1");
  EXPECT_EQ(found.errors[0].message,
            "criterion \"birth_control\" is left open though the person gave no unknown answer to its questions, "
            "for example after can_become_pregnant = yes, pregnant = yes (\"birth_control\" not asked): the result "
            "would list it among the things they were not sure about. Write its rule so that it is decided when its "
            "question is skipped");
}

TEST(ContentChecks, ARuleThatAccountsForTheSkipPasses) {
  const Trial trial = load_valid(pregnancy_trial(
      R"("when_fails": "review", )", R"(can_become_pregnant = \"no\" or pregnant = \"yes\" or birth_control = \"yes\")"));
  EXPECT_TRUE(check_trial_content(trial).errors.empty()) << messages(check_trial_content(trial).errors);
}

// Open criteria are listed only under "let's talk it over": when the skip comes with "not a
// match" (pregnancy rules out), the open criterion is never shown, so it is not an error.
TEST(ContentChecks, ASkipThatOnlyHappensAlongsideNotAMatchIsNotAnError) {
  const Trial trial = load_valid(pregnancy_trial("", R"(can_become_pregnant = \"no\" or birth_control = \"yes\")"));
  EXPECT_TRUE(check_trial_content(trial).errors.empty()) << messages(check_trial_content(trial).errors);
}

// "Not sure" is the person's own: a criterion open because of it is not a defect.
TEST(ContentChecks, ACriterionOpenBecauseThePersonWasNotSureIsNotAnError) {
  const Trial trial = load_valid(trial_document(
      R"json(    {"id": "smoker", "concept": "smoker", "type": "yes_no", "text": {"en": "Do you smoke?"}, "unknown": ["not_sure"]})json",
      R"json(    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "text": {"en": "No smokers."}, "source": "E1"})json"));
  EXPECT_TRUE(check_trial_content(trial).errors.empty());
}

// --- Words that claim an answer the person may not have given ----------------------------

const char* const kSafetyQuestions =
    R"json(    {"id": "thoughts", "concept": "thoughts", "type": "yes_no", "text": {"en": "Thoughts of self-harm?"}, "unknown": ["prefer_not_to_say"], "safety": {"when": "thoughts = \"yes\"", "action": "crisis_support"}},
    {"id": "attempt", "concept": "attempt", "type": "yes_no", "text": {"en": "A recent attempt?"}, "unknown": ["prefer_not_to_say"], "safety": {"when": "attempt = \"yes\"", "action": "crisis_support"}})json";

TEST(ContentChecks, BecauseWordsThatOneOfSeveralAnswersCanDecideAreAnError) {
  const Trial trial = load_valid(trial_document(
      kSafetyQuestions,
      R"json(    {"id": "talk", "type": "exclusion", "rule": "thoughts = \"yes\" or attempt = \"yes\"", "when_fails": "review", "text": {"en": "A doctor talks about safety first."}, "because": {"en": "You told us about thoughts of self-harm and an attempt."}, "source": "E1"})json"));
  const ContentFindings found = check_trial_content(trial);
  ASSERT_EQ(found.errors.size(), 1u) << messages(found.errors);
  EXPECT_EQ(found.errors[0].pointer, "/criteria/0/because/en");
  EXPECT_EQ(found.errors[0].message,
            "these words say what the person told us (\"you told us\"), but they are also shown when \"attempt\" has "
            "no answer or an unknown one, for example with thoughts = yes, attempt not answered. Give each answer a "
            "criterion of its own, or write \"because\" without saying what they told us");
}

TEST(ContentChecks, BecauseWordsOfACriterionWithOneQuestionEachPass) {
  const Trial trial = load_valid(trial_document(
      kSafetyQuestions,
      R"json(    {"id": "thoughts_talk", "type": "exclusion", "rule": "thoughts = \"yes\"", "when_fails": "review", "text": {"en": "A doctor talks about safety first."}, "because": {"en": "You told us about thoughts of self-harm."}, "source": "E1"},
    {"id": "attempt_talk", "type": "exclusion", "rule": "attempt = \"yes\"", "when_fails": "review", "text": {"en": "A doctor talks about safety first."}, "because": {"en": "You told us about an attempt."}, "source": "E1"})json"));
  EXPECT_TRUE(check_trial_content(trial).errors.empty()) << messages(check_trial_content(trial).errors);
}

// --- A safety question that decides "not a match" ----------------------------------------

// The loader already refuses a rule that names a safety question without "review"; here the
// answer decides which questions are asked, and so whether an exclusion can apply.
TEST(ContentChecks, ASafetyAnswerThatDecidesWhetherAnExclusionIsAskedIsAnError) {
  const Trial trial = load_valid(trial_document(
      R"json(    {"id": "thoughts", "concept": "thoughts", "type": "yes_no", "text": {"en": "Thoughts of self-harm?"}, "safety": {"when": "thoughts = \"yes\"", "action": "crisis_support"}},
    {"id": "shift_work", "concept": "shift-work", "type": "yes_no", "ask_if": "thoughts = \"no\"", "text": {"en": "Night shifts?"}})json",
      R"json(    {"id": "talk", "type": "exclusion", "rule": "thoughts = \"yes\"", "when_fails": "review", "text": {"en": "A doctor talks about safety first."}, "source": "E1"},
    {"id": "no_shifts", "type": "exclusion", "rule": "shift_work = \"yes\"", "text": {"en": "No night shifts."}, "source": "E2"})json"));
  const ContentFindings found = check_trial_content(trial);
  const Diagnostic* safety = nullptr;
  for (const Diagnostic& d : found.errors) safety = d.pointer == "/criteria/1/rule" ? &d : safety;
  ASSERT_NE(safety, nullptr) << messages(found.errors);
  EXPECT_EQ(safety->message,
            "this criterion can rule a person out, and the answer to \"thoughts\", which has a safety trigger, decides "
            "it: it rules the person out with thoughts not answered, shift_work = yes, but not with thoughts = yes. An "
            "answer that calls for crisis support must never decide \"not a match\": use \"when_fails\": \"review\", or "
            "do not let it decide which questions are asked");
}

// --- Reading level (a warning) ------------------------------------------------------------

// A short text is not graded (one long word would move it by several grades): "Do you
// smoke?" is never reported, whatever its words.
TEST(ContentChecks, AHardTextIsAWarningWithItsGradeAndAPlainOneIsNot) {
  const Trial trial = load_valid(trial_document(
      R"json(    {"id": "smoker", "concept": "smoker", "type": "yes_no", "text": {"en": "Do you smoke?"}, "why": {"en": "Concomitant utilization of combustible nicotine-delivery preparations substantially complicates pharmacokinetic characterization of investigational therapeutics."}})json",
      R"json(    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "text": {"en": "People who smoke cannot join this study."}, "source": "E1"})json"));
  const ContentFindings found = check_trial_content(trial);
  EXPECT_TRUE(found.errors.empty()) << messages(found.errors);
  ASSERT_EQ(found.warnings.size(), 1u) << messages(found.warnings);
  EXPECT_EQ(found.warnings[0].pointer, "/questions/0/why/en");
  EXPECT_EQ(found.warnings[0].message,
            "reads at about grade 39.4 (Flesch-Kincaid), above grade 8: use shorter sentences and everyday words");
}

// --- Catalogs: one agreed reason, no shared question asked for one study, answers in hand --

// A study that asks "age" with this reason and, when it has `extra_criteria`, "smoker".
std::string study_trial(const std::string& id, const std::string& why, const std::string& extra_criteria,
                        const std::string& answers_not_used = "") {
  std::string text = trial_document(
      R"json(    {"id": "age", "concept": "age", "type": "number", "text": {"en": "How old are you?"}, "why": {"en": ")json" + why +
          R"json("}, "min": 0, "max": 120})json" +
          (extra_criteria.empty() ? "" : R"json(,
    {"id": "smoker", "concept": "smoker", "type": "yes_no", "text": {"en": "Do you smoke?"}})json"),
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults only."}, "source": "I1"})json" +
          extra_criteria);
  text.replace(text.find("NCT00000000"), 11, id);
  if (!answers_not_used.empty())
    text.replace(text.find("  \"criteria\""), 0, "  \"answers_not_used\": " + answers_not_used + ",\n");
  return text;
}

const char* const kNoSmokers =
    R"json(,
    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "text": {"en": "No smokers."}, "source": "E1"})json";

// A catalog of `count` recruiting studies, NCT0000000N in N.json.
Catalog catalog_of(const std::string& shared, int count = 2) {
  std::string studies;
  for (int n = 1; n <= count; ++n)
    studies += std::string(n > 1 ? ",\n" : "") + R"json(      {"id": "NCT0000000)json" + std::to_string(n) +
               R"json(", "trial": ")json" + std::to_string(n) +
               R"json(.json", "status": "recruiting", "status_date": "2026-11-29", "title": {"en": "A study"}})json";
  const CatalogLoadResult r = load_catalog(R"json({"format": "trialmatch-catalog/1", "languages": ["en"],
    "title": {"en": "Studies"}, "shared_questions": )json" + shared + R"json(, "studies": [
)json" + studies + "]}");
  if (!r.catalog) throw std::runtime_error("the test catalog is not valid");
  return *r.catalog;
}

TEST(CatalogContentChecks, ASharedQuestionWhoseWhyDiffersIsRefused) {
  const Trial a = load_valid(study_trial("NCT00000001", "This study is for adults.", kNoSmokers));
  const Trial b = load_valid(study_trial("NCT00000002", "Studies take adults of certain ages.", kNoSmokers));
  const std::vector<Diagnostic> errors = check_catalog_studies(catalog_of(R"(["age", "smoker"])"), {&a, &b});
  ASSERT_EQ(errors.size(), 1u) << messages(errors);
  EXPECT_EQ(errors[0].pointer, "/studies/1/trial");
  EXPECT_EQ(errors[0].message,
            "shared question \"age\" differs in its \"why\" from the one in 1.json: a shared question must be the same "
            "in every study, so it can be asked once");
}

TEST(CatalogContentChecks, AnAnswerInHandThatAStudyIgnoresWithoutSayingWhyIsAnError) {
  const Trial a = load_valid(study_trial("NCT00000001", "Studies take adults.", kNoSmokers));
  const Trial b = load_valid(study_trial("NCT00000002", "Studies take adults.", ""));
  const Trial c = load_valid(study_trial("NCT00000003", "Studies take adults.", kNoSmokers));
  const Catalog catalog = catalog_of(R"(["age", "smoker"])", 3);
  const ContentFindings found = check_catalog_content(catalog, {&a, &b, &c});
  ASSERT_EQ(found.errors.size(), 1u) << messages(found.errors);
  EXPECT_EQ(found.errors[0].pointer, "/studies/1");
  EXPECT_EQ(found.errors[0].message,
            "the catalog asks shared question \"smoker\", but the criteria of NCT00000002 do not use its answer: use "
            "it in a criterion, or say why not in \"answers_not_used\" of 2.json");
  // Saying why, in the study's own file, is enough.
  const Trial b_says_why = load_valid(study_trial("NCT00000002", "Studies take adults.", "",
                                                  R"({"smoker": "The registry lists no rule about smoking."})"));
  EXPECT_TRUE(check_catalog_content(catalog, {&a, &b_says_why, &c}).errors.empty());
}

TEST(CatalogContentChecks, ASharedQuestionOnlyOneStudyAsksIsAnError) {
  const Trial a = load_valid(study_trial("NCT00000001", "Studies take adults.", kNoSmokers));
  const Trial b = load_valid(
      study_trial("NCT00000002", "Studies take adults.", "", R"({"smoker": "No rule about smoking was found."})"));
  const ContentFindings found = check_catalog_content(catalog_of(R"(["age", "smoker"])"), {&a, &b});
  ASSERT_EQ(found.errors.size(), 1u) << messages(found.errors);
  EXPECT_EQ(found.errors[0].pointer, "/shared_questions/1");
  EXPECT_EQ(found.errors[0].message,
            "only NCT00000001 asks \"smoker\": make it that study's own (remove it here), so the screen says which "
            "study asks it");
}

TEST(CatalogContentChecks, AReasonForAnAnswerTheCriteriaDoUseIsRefusedWhenLoading) {
  const TrialLoadResult r =
      load_trial(study_trial("NCT00000001", "Studies take adults.", kNoSmokers, R"({"smoker": "Not used."})"));
  ASSERT_EQ(r.errors.size(), 1u) << messages(r.errors);
  EXPECT_EQ(r.errors[0].pointer, "/answers_not_used/smoker");
  EXPECT_EQ(r.errors[0].message, "the criteria use \"smoker\", so its answer is used: remove it here");
}

// A question asked in other words under a concept of its own: the words give it away. Two
// questions about the same weeks that ask different things (condoms, a partner's birth
// control) are not taken for one.
TEST(CatalogContentChecks, TwoQuestionsInNearlyTheSameWordsAreReported) {
  const std::string age = R"json(    {"id": "age", "concept": "age", "type": "number", "text": {"en": "How old are you?"}, "why": {"en": "Ages."}, "min": 0, "max": 120})json";
  std::string first = trial_document(
      age + R"json(,
    {"id": "birth_control", "concept": "birth-control", "type": "yes_no", "text": {"en": "If you join, would you use birth control every time you have sex that could make you pregnant? This is for as long as the study asks."}},
    {"id": "condoms", "concept": "condoms", "type": "yes_no", "text": {"en": "If you join, would you use condoms during the study and for 6 months after your last dose?"}},
    {"id": "partner_birth_control", "concept": "partner-birth-control", "type": "yes_no", "text": {"en": "Would your partner also use birth control during the study and for 6 months after your last dose?"}})json",
      R"json(    {"id": "c", "type": "inclusion", "rule": "age >= 18 and birth_control = \"yes\" and condoms = \"yes\" and partner_birth_control = \"yes\"", "text": {"en": "Adults."}, "source": "I1"})json");
  first.replace(first.find("NCT00000000"), 11, "NCT00000001");
  std::string second = trial_document(
      age + R"json(,
    {"id": "mgh_birth_control", "concept": "mgh-birth-control", "type": "yes_no", "text": {"en": "If you join, would you use birth control, or not have sex, for as long as the study asks?"}})json",
      R"json(    {"id": "c", "type": "inclusion", "rule": "age >= 18 and mgh_birth_control = \"yes\"", "text": {"en": "Adults."}, "source": "I1"})json");
  second.replace(second.find("NCT00000000"), 11, "NCT00000002");
  const Trial a = load_valid(first), b = load_valid(second);
  const ContentFindings found = check_catalog_content(catalog_of(R"(["age"])"), {&a, &b});
  EXPECT_TRUE(found.errors.empty()) << messages(found.errors);
  ASSERT_EQ(found.warnings.size(), 1u) << messages(found.warnings);
  EXPECT_EQ(found.warnings[0].pointer, "/studies/1");
  EXPECT_EQ(found.warnings[0].message,
            "\"NCT00000002/mgh_birth_control\" reads almost the same as \"NCT00000001/birth_control\": if they ask the "
            "same thing, give them one concept and ask it once, as a shared question");
}

// A file built so its paths never merge stops the walk at its limit, with a warning, in
// about a second, instead of taking the tool down.
TEST(ContentChecks, AWalkThatWouldNeverEndStopsWithAWarning) {
  std::string questions, rule;
  for (int i = 0; i < 30; ++i) {
    std::string options;
    for (int k = 0; k < 8; ++k) options += std::string(k ? ", " : "") + R"({"id": "o)" + std::to_string(k) + R"(", "text": {"en": "Option"}})";
    questions += std::string(i ? ",\n" : "") + R"(    {"id": "q)" + std::to_string(i) +
                 R"(", "type": "single", "text": {"en": "Which?"}, "unknown": ["not_sure"], "options": [)" + options + "]}";
    rule += std::string(i ? " or " : "") + "(q" + std::to_string(i) + R"( = \"o1\" and q)" + std::to_string((i + 1) % 30) +
            R"( = \"o2\"))";
  }
  const Trial trial = load_valid(trial_document(
      questions, R"(    {"id": "c", "type": "inclusion", "rule": ")" + rule +
                     R"(", "when_fails": "review", "text": {"en": "A rule."}, "source": "I1"})"));
  const ContentFindings found = check_trial_content(trial);
  ASSERT_FALSE(found.warnings.empty());
  EXPECT_EQ(found.warnings[0].message,
            "too many ways through the questionnaire to walk them all (200000 states): criteria left open by a skipped "
            "question were checked only on the paths walked");
}

// --- Every file the project ships passes them ----------------------------------------------

TEST(ContentChecks, EveryShippedStudyFileHasNoContentErrors) {
  for (const std::string& name : trialmatch_test::study_file_names()) {
    const ContentFindings found = check_trial_content(trialmatch_test::study_file(name));
    EXPECT_TRUE(found.errors.empty()) << name << ":\n" << messages(found.errors);
  }
}

TEST(ContentChecks, TheShippedCatalogHasNoContentErrors) {
  const CatalogLoadResult r = load_catalog(trialmatch_test::read_source_file("assets/catalogs/depression.json"));
  ASSERT_TRUE(r.catalog.has_value()) << messages(r.errors);
  std::vector<const Trial*> trials;
  for (const CatalogStudy& s : r.catalog->studies)
    trials.push_back(s.trial_file.empty() ? nullptr : &trialmatch_test::study_file(s.trial_file.substr(s.trial_file.rfind('/') + 1)));
  EXPECT_TRUE(check_catalog_studies(*r.catalog, trials).empty());
  const ContentFindings found = check_catalog_content(*r.catalog, trials);
  EXPECT_TRUE(found.errors.empty()) << messages(found.errors);
}

}  // namespace

}  // namespace unit_content_checks
