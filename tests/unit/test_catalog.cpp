// Catalogs (app/core/catalog.h): strict reading with located errors, the checks that make
// a shared question mean the same in every study, and matching one person against several
// studies (catalog_session.h): each shared question asked once, the next question chosen
// to settle the most studies, safety questions after the others, closed studies never matched.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog.h"
#include "catalog_session.h"
#include "study_files.h"
#include "test_support.h"
#include "trial_loader.h"

namespace unit_catalog {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

using namespace trialmatch;

std::string with_id(std::string document, const std::string& id) {
  const std::string placeholder = "NCT00000000";
  document.replace(document.find(placeholder), placeholder.size(), id);
  return document;
}

const char* const kAge = R"({"id": "age", "concept": "age", "type": "number", "text": {"en": "How old are you?"}, "min": 0, "max": 120})";
const char* const kDepressed = R"({"id": "depressed_now", "concept": "depressed-now", "type": "yes_no", "text": {"en": "Are you depressed now?"}})";
const char* const kSelfHarm =
    R"({"id": "self_harm", "concept": "self-harm", "type": "yes_no", "text": {"en": "Thoughts of hurting yourself?"},
        "safety": {"when": "self_harm = \"yes\"", "action": "crisis_support"}})";

// Study A: adults 18 to 65 who are depressed now, and it asks about self-harm.
Trial study_a() {
  return trialmatch_test::load_valid(with_id(
      trialmatch_test::trial_document(
          std::string(kAge) + ",\n" + kDepressed + ",\n" + kSelfHarm,
          R"({"id": "adult", "type": "inclusion", "rule": "age >= 18 and age <= 65", "text": {"en": "Adults."}, "source": "I1"},
             {"id": "depressed", "type": "inclusion", "rule": "depressed_now = \"yes\"", "text": {"en": "Depressed."}, "source": "I2"},
             {"id": "safe", "type": "exclusion", "rule": "self_harm = \"yes\"", "when_fails": "review", "text": {"en": "Safety first."}, "source": "E1"})"),
      "NCT00000001"));
}

// Study B: ages 25 to 50, depressed now, and willing to have an infusion (its own question).
Trial study_b() {
  return trialmatch_test::load_valid(with_id(
      trialmatch_test::trial_document(
          std::string(kAge) + ",\n" + kDepressed + ",\n" +
              R"({"id": "infusion_ok", "concept": "infusion-ok", "type": "yes_no", "text": {"en": "Is a drip in your arm OK?"}})",
          R"({"id": "ages", "type": "inclusion", "rule": "age >= 25 and age <= 50", "text": {"en": "Ages 25 to 50."}, "source": "I1"},
             {"id": "depressed", "type": "inclusion", "rule": "depressed_now = \"yes\"", "text": {"en": "Depressed."}, "source": "I2"},
             {"id": "infusion", "type": "inclusion", "rule": "infusion_ok = \"yes\"", "text": {"en": "Infusion."}, "source": "I3"})"),
      "NCT00000002"));
}

std::string catalog_text(const std::string& studies, const std::string& shared = R"(["age", "depressed_now", "self_harm"])") {
  return R"({"format": "trialmatch-catalog/1", "languages": ["en"], "title": {"en": "Depression studies"},
             "shared_questions": )" + shared + R"(, "studies": [)" + studies + "]}";
}

const char* const kStudies =
    R"({"id": "NCT00000001", "trial": "trials/a.json", "status": "recruiting", "status_date": "2025-05-07", "title": {"en": "A"}},
       {"id": "NCT00000002", "trial": "trials/b.json", "status": "recruiting", "status_date": "2025-05-07", "title": {"en": "B"}},
       {"id": "NCT00000003", "status": "completed", "status_date": "2025-01-09", "title": {"en": "C, finished"}})";

Catalog load_valid_catalog(const std::string& text) {
  CatalogLoadResult r = load_catalog(text);
  EXPECT_TRUE(r.errors.empty()) << (r.errors.empty() ? "" : format_diagnostic(r.errors[0], "catalog.json"));
  return r.catalog ? *r.catalog : Catalog{};
}

std::vector<std::string> messages(const std::vector<Diagnostic>& errors) {
  std::vector<std::string> out;
  for (const Diagnostic& d : errors) out.push_back(format_diagnostic(d, "catalog.json"));
  return out;
}

bool any_contains(const std::vector<std::string>& all, const std::string& piece) {
  for (const std::string& m : all)
    if (m.find(piece) != std::string::npos) return true;
  return false;
}

TEST(CatalogLoader, ReadsStudiesWithTheirStatusAndSharedQuestions) {
  const Catalog c = load_valid_catalog(catalog_text(kStudies));
  ASSERT_EQ(c.studies.size(), 3u);
  EXPECT_TRUE(c.studies[0].open());
  EXPECT_FALSE(c.studies[2].open());
  EXPECT_EQ(c.studies[2].status, StudyStatus::Completed);
  EXPECT_TRUE(c.is_shared("age"));
  EXPECT_FALSE(c.is_shared("infusion_ok"));
}

TEST(CatalogLoader, ReportsEveryBadFieldWithItsPlace) {
  const std::string text = catalog_text(
      R"({"id": "NCT00000001", "trial": "trials/../../secret.json", "status": "open", "status_date": "May 2025", "title": {"en": "A"}},
         {"id": "NCT00000001", "status": "recruiting", "status_date": "2025-05-07", "title": {"en": "A again"}, "extra": 1})",
      R"(["age", "age", "Not An Id"])");
  const auto all = messages(load_catalog(text).errors);
  for (const char* expected :
       {"/studies/0/trial: the trial file is a relative path from the catalog's folder", "/studies/0/status: unknown status \"open\"",
        "/studies/0/status_date: the date of the record the status was read from", "/studies/1/id: study \"NCT00000001\" is listed twice",
        "/studies/1: a recruiting study needs its trial file", "/studies/1/extra: unknown field \"extra\"",
        "/shared_questions/1: question \"age\" is listed twice", "/shared_questions/2: a shared question is named by its question id"})
    EXPECT_TRUE(any_contains(all, expected)) << expected;
  EXPECT_TRUE(any_contains(all, "catalog.json:3:")) << "errors say line and column";
}

TEST(CatalogLoader, RefusesAnotherFormatAndBrokenJson) {
  EXPECT_TRUE(any_contains(messages(load_catalog(R"({"format": "trialmatch/1", "languages": ["en"], "title": {"en": "x"}, "studies": []})").errors),
                           "a catalog is \"trialmatch-catalog/1\""));
  EXPECT_FALSE(load_catalog("{\"format\": ").errors.empty());
  EXPECT_FALSE(load_catalog("").errors.empty());
}

TEST(CatalogStudies, TheCatalogAndTheTrialFilesMustAgree) {
  const Catalog c = load_valid_catalog(catalog_text(kStudies));
  const Trial a = study_a(), b = study_b();
  EXPECT_TRUE(check_catalog_studies(c, {&a, &b, nullptr}).empty());
  EXPECT_TRUE(any_contains(messages(check_catalog_studies(c, {&a, nullptr, nullptr})), "is recruiting, but its trial file is missing"));
  EXPECT_TRUE(any_contains(messages(check_catalog_studies(c, {&b, &a, nullptr})), "the catalog says \"NCT00000001\" but trials/a.json is study \"NCT00000002\""));
}

TEST(CatalogStudies, ASharedQuestionMustBeTheSameInEveryStudy) {
  const Catalog c = load_valid_catalog(catalog_text(kStudies));
  const Trial a = study_a();
  const Trial other_age = trialmatch_test::load_valid(with_id(
      trialmatch_test::trial_document(
          R"({"id": "age", "concept": "age", "type": "number", "text": {"en": "Your age?"}, "min": 0, "max": 120},)" + std::string(kDepressed),
          R"({"id": "ages", "type": "inclusion", "rule": "age >= 25 and depressed_now = \"yes\"", "text": {"en": "Ages."}, "source": "I1"})"),
      "NCT00000002"));
  EXPECT_TRUE(any_contains(messages(check_catalog_studies(c, {&a, &other_age, nullptr})),
                           "shared question \"age\" differs in its text from the one in trials/a.json"));
}

TEST(CatalogStudies, ASharedQuestionIsAskedDependingOnSharedQuestionsOnly) {
  const Catalog c = load_valid_catalog(catalog_text(kStudies, R"(["age", "depressed_now", "self_harm", "how_long"])"));
  const Trial a = study_a();
  const Trial b = trialmatch_test::load_valid(with_id(
      trialmatch_test::trial_document(
          std::string(kDepressed) + R"(, {"id": "private_q", "concept": "private-q", "type": "yes_no", "text": {"en": "Q?"}},
             {"id": "how_long", "concept": "how-long", "type": "yes_no", "text": {"en": "Long?"}, "ask_if": "private_q = \"yes\""})",
          R"({"id": "x", "type": "inclusion", "rule": "how_long = \"yes\" and depressed_now = \"yes\"", "text": {"en": "X."}, "source": "I1"})"),
      "NCT00000002"));
  EXPECT_TRUE(any_contains(messages(check_catalog_studies(c, {&a, &b, nullptr})),
                           "shared question \"how_long\" is asked depending on \"private_q\""));
}

TEST(CatalogStudies, ASharedQuestionNoStudyAsksIsReported) {
  const Catalog c = load_valid_catalog(catalog_text(kStudies, R"(["age", "agee"])"));
  const Trial a = study_a(), b = study_b();
  EXPECT_TRUE(any_contains(messages(check_catalog_studies(c, {&a, &b, nullptr})), "no study asks \"agee\""));
}

// Study B with one question of its own (`question`, JSON, with id `id`) that its rule needs.
Trial study_b_asking(const std::string& question, const std::string& id) {
  return trialmatch_test::load_valid(with_id(
      trialmatch_test::trial_document(
          std::string(kAge) + ",\n" + kDepressed + ",\n" + question,
          R"({"id": "ages", "type": "inclusion", "rule": "age >= 25 and depressed_now = \"yes\" and )" + id +
              R"( = \"yes\"", "text": {"en": "Ages."}, "source": "I1"})"),
      "NCT00000002"));
}

// Study B again, asking about self-harm in words of its own but naming study A's concept.
TEST(CatalogStudies, TwoQuestionsOfOneConceptInACatalogAreRefused) {
  const Catalog c = load_valid_catalog(catalog_text(kStudies));
  const Trial a = study_a();
  const Trial b = study_b_asking(
      R"({"id": "hurting_yourself", "concept": "self-harm", "type": "yes_no", "text": {"en": "Do you think of hurting yourself?"}})",
      "hurting_yourself");
  const std::vector<Diagnostic> errors = check_catalog_studies(c, {&a, &b, nullptr});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "/studies/1/trial");
  EXPECT_EQ(errors[0].message,
            "\"NCT00000002/hurting_yourself\" asks the same thing as \"self_harm\" (concept \"self-harm\"): a person "
            "would be asked it twice. Ask one question, listed in \"shared_questions\", in both studies");
}

TEST(CatalogStudies, EveryQuestionInACatalogNamesItsConcept) {
  const Catalog c = load_valid_catalog(catalog_text(kStudies));
  const Trial a = study_a();
  const Trial b = study_b_asking(R"({"id": "infusion_ok", "type": "yes_no", "text": {"en": "Is a drip in your arm OK?"}})",
                                 "infusion_ok");
  const std::vector<Diagnostic> missing = check_catalog_studies(c, {&a, &b, nullptr});
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].pointer, "/studies/1/trial");
  EXPECT_EQ(missing[0].message,
            "question \"infusion_ok\" of trials/b.json has no \"concept\": in a catalog each question names what it "
            "asks, so the same thing is not asked twice in other words");
  // A shared question names the same concept in every study, like the rest of its definition.
  const Trial other = trialmatch_test::load_valid(with_id(
      trialmatch_test::trial_document(
          R"({"id": "age", "concept": "age-in-years", "type": "number", "text": {"en": "How old are you?"}, "min": 0, "max": 120},)" +
              std::string(kDepressed),
          R"({"id": "ages", "type": "inclusion", "rule": "age >= 25 and depressed_now = \"yes\"", "text": {"en": "Ages."}, "source": "I1"})"),
      "NCT00000002"));
  EXPECT_TRUE(any_contains(messages(check_catalog_studies(c, {&a, &other, nullptr})),
                           "shared question \"age\" differs in its \"concept\" from the one in trials/a.json"));
}

// ---------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------
struct Fixture {
  Catalog catalog = load_valid_catalog(catalog_text(kStudies));
  Trial a = study_a(), b = study_b();
  CatalogSession session{catalog, {&a, &b, nullptr}};
};

TEST(CatalogMatch, ASharedAnswerReachesEveryStudyThatAsksIt) {
  Fixture f;
  ASSERT_FALSE(f.session.answer("age", Answer::of_number(30)));
  EXPECT_EQ(*f.session.session(0).answer_to(0), Answer::of_number(30));
  EXPECT_EQ(*f.session.session(1).answer_to(0), Answer::of_number(30));
  EXPECT_EQ(f.session.history(), std::vector<int>{f.session.find_key("age")});
}

TEST(CatalogMatch, AStudysOwnQuestionIsKeyedByTheStudy) {
  Fixture f;
  EXPECT_EQ(f.session.key(1, 2), "NCT00000002/infusion_ok");
  EXPECT_TRUE(f.session.holders("infusion_ok").empty()) << "not shared: only by its study's key";
  ASSERT_FALSE(f.session.answer("NCT00000002/infusion_ok", Answer::of_choice("yes")));
  EXPECT_TRUE(f.session.answer("NCT00000003/anything", Answer::of_choice("yes"))) << "a closed study asks nothing";
  EXPECT_TRUE(f.session.answer("age", Answer::of_choice("yes"))) << "an answer that does not fit changes nothing";
}

TEST(CatalogMatch, TheFirstQuestionIsTheOneThatCanSettleTheMostStudies) {
  Fixture f;
  // "depressed_now = no" settles both studies; age settles some classes of both; the
  // infusion question concerns one study only.
  const auto next = f.session.next_question();
  ASSERT_TRUE(next);
  EXPECT_TRUE(next->key == "depressed_now" || next->key == "age") << next->key;
  EXPECT_NE(next->key, "self_harm") << "a safety question comes after the others";
}

// Answers every question the session asks, in its order: age 30, "no" to self-harm, "yes" to
// the rest. Returns the keys asked.
std::vector<std::string> answer_everything(CatalogSession& session) {
  std::vector<std::string> asked;
  for (int guard = 0; guard < 10; ++guard) {
    const auto next = session.next_question();
    if (!next) break;
    asked.push_back(next->key);
    const Question& q = session.trial(next->study).questions[static_cast<size_t>(next->question)];
    if (q.type == QuestionType::Number) session.answer(next->key, Answer::of_number(30));
    else session.answer(next->key, Answer::of_choice(q.id == "self_harm" ? "no" : "yes"));
  }
  return asked;
}

TEST(CatalogMatch, NoStudyAsksTheSameThingTwiceAndEveryStudyEndsSettled) {
  Fixture f;
  const std::vector<std::string> asked = answer_everything(f.session);
  EXPECT_EQ(asked.size(), 4u) << "age, depressed_now, the infusion and self-harm: each once";
  EXPECT_EQ(asked.back(), "self_harm") << "the safety question last";
  const auto ranking = f.session.ranking();
  ASSERT_EQ(ranking.size(), 2u) << "the closed study is never matched";
  for (const auto& m : ranking) {
    EXPECT_EQ(m.verdict, Verdict::LikelyEligible);
    EXPECT_TRUE(m.settled);
  }
  EXPECT_EQ(f.session.closed_studies(), std::vector<int>{2});
}

// A person too far from study B's site sets it aside: its own question is never asked, though
// the answers it shares still reach it; brought back, it asks what it still needs.
TEST(CatalogMatch, AStudySetAsideAsksNothingUntilItIsBroughtBack) {
  Fixture f;
  f.session.set_aside(1, true);
  f.session.set_aside(2, true);  // closed: nothing to set aside
  EXPECT_TRUE(f.session.is_set_aside(1));
  EXPECT_FALSE(f.session.in_play(1));
  EXPECT_FALSE(f.session.is_set_aside(2));
  const std::vector<std::string> asked = answer_everything(f.session);
  EXPECT_EQ(asked, (std::vector<std::string>{"age", "depressed_now", "self_harm"})) << "only study A's questions";
  EXPECT_EQ(*f.session.session(1).answer_to(0), Answer::of_number(30)) << "the shared answers reached B";
  EXPECT_FALSE(f.session.session(1).finished());
  f.session.set_aside(1, false);
  const auto next = f.session.next_question();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->key, "NCT00000002/infusion_ok") << "brought back, B asks only what it still needs";
  f.session.set_aside(1, true);
  f.session.reset();
  EXPECT_FALSE(f.session.is_set_aside(1)) << "a fresh start sets nothing aside";
}

TEST(CatalogMatch, LikelyFitsComeFirstThenConversationsThenNotAFit) {
  Fixture f;
  f.session.answer("age", Answer::of_number(60));  // too old for B only
  f.session.answer("depressed_now", Answer::of_choice("yes"));
  f.session.answer("self_harm", Answer::of_choice("yes"));  // A: talk it over
  const auto ranking = f.session.ranking();
  ASSERT_EQ(ranking.size(), 2u);
  EXPECT_EQ(ranking[0].study, 0);
  EXPECT_EQ(ranking[0].verdict, Verdict::NeedsReview);
  EXPECT_EQ(ranking[1].study, 1);
  EXPECT_EQ(ranking[1].verdict, Verdict::NotEligible);
  EXPECT_TRUE(f.session.calls_for_crisis_support());
  EXPECT_FALSE(f.session.next_question()) << "B is settled by age; A by its answers";
}

TEST(CatalogMatch, AStudyAlreadySettledAsksNothingMore) {
  Fixture f;
  f.session.answer("age", Answer::of_number(20));  // B: too young
  for (int guard = 0; guard < 10; ++guard) {
    const auto next = f.session.next_question();
    if (!next) break;
    EXPECT_NE(next->key, "NCT00000002/infusion_ok") << "study B is settled: its own question is not asked";
    f.session.answer(next->key, Answer::of_choice("no"));
  }
}

TEST(CatalogMatch, StartingOverForgetsEveryAnswerInEveryStudy) {
  Fixture f;
  f.session.answer("age", Answer::of_number(30));
  f.session.reset();
  EXPECT_FALSE(f.session.session(0).answer_to(0));
  EXPECT_FALSE(f.session.session(1).answer_to(0));
  EXPECT_TRUE(f.session.history().empty());
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The shipped depression catalog (assets/catalogs/depression.json)
// ---------------------------------------------------------------------------------------
namespace shipped {

struct DepressionCatalog {
  Catalog catalog;
  std::vector<Trial> trials;  // per study; empty trials for closed studies are not used
  std::vector<const Trial*> pointers;
  DepressionCatalog() {
    catalog = load_valid_catalog(trialmatch_test::read_source_file("assets/catalogs/depression.json"));
    trials.reserve(catalog.studies.size());
    for (const CatalogStudy& s : catalog.studies) {
      if (s.trial_file.empty()) {
        trials.emplace_back();
        continue;
      }
      trials.push_back(trialmatch_test::study_file(s.trial_file.substr(s.trial_file.find_last_of('/') + 1)));
    }
    for (size_t i = 0; i < trials.size(); ++i) pointers.push_back(catalog.studies[i].trial_file.empty() ? nullptr : &trials[i]);
  }
};

// A person who may fit every study: each question answered as such a person would.
Answer fitting_answer(const Question& q) {
  if (q.id == "age") return Answer::of_number(34);
  if (q.type == QuestionType::Number) return Answer::of_number(q.min);
  if (q.type == QuestionType::MultipleChoice) {
    for (const Option& o : q.options)
      if (o.exclusive) return Answer::of_choices({o.id});
    return Answer::of_choices({q.options.front().id});
  }
  static const std::vector<std::string> no = {"self_harm_thoughts", "recent_suicide_attempt", "psychosis_or_bipolar",
                                              "memory_condition", "substance_problems", "pregnant", "breastfeeding",
                                              "can_become_pregnant", "penis_in_vagina_sex"};
  if (std::find(no.begin(), no.end(), q.id) != no.end()) return Answer::of_choice("no");
  if (q.find_option("yes")) return Answer::of_choice("yes");
  return Answer::of_choice(q.options.back().id);
}

TEST(DepressionCatalog, TheStudiesFitTheCatalog) {
  DepressionCatalog d;
  EXPECT_TRUE(check_catalog_studies(d.catalog, d.pointers).empty());
  size_t open = 0;
  for (const CatalogStudy& s : d.catalog.studies) open += s.open() ? 1 : 0;
  EXPECT_GE(open, 3u);
}

TEST(DepressionCatalog, EachQuestionIsAskedOnceAndFewerThanStudyByStudy) {
  DepressionCatalog d;
  CatalogSession session(d.catalog, d.pointers);
  std::vector<std::string> asked;
  for (int guard = 0; guard < 100; ++guard) {
    const auto next = session.next_question();
    if (!next) break;
    ASSERT_TRUE(std::find(asked.begin(), asked.end(), next->key) == asked.end()) << next->key << " asked twice";
    asked.push_back(next->key);
    ASSERT_FALSE(session.answer(next->key, fitting_answer(session.trial(next->study).questions[static_cast<size_t>(next->question)])));
  }
  // The same person, study by study: every study's own questionnaire in turn.
  size_t in_turn = 0;
  for (size_t i = 0; i < d.catalog.studies.size(); ++i) {
    if (!session.open(static_cast<int>(i))) continue;
    Session alone(d.trials[i]);
    while (!alone.finished()) {
      const int q = alone.progress().next_question;
      alone.answer(q, fitting_answer(d.trials[i].questions[static_cast<size_t>(q)]));
      ++in_turn;
    }
    EXPECT_EQ(alone.evaluation().verdict, session.session(static_cast<int>(i)).evaluation().verdict)
        << d.catalog.studies[i].id << ": the same answers give the same verdict alone and in the catalog";
  }
  EXPECT_LT(asked.size(), in_turn) << "shared questions are asked once";
  for (const auto& m : session.ranking()) EXPECT_TRUE(m.settled);
  EXPECT_FALSE(session.calls_for_crisis_support());
}

TEST(DepressionCatalog, ClosedStudiesAreListedNeverMatched) {
  DepressionCatalog d;
  CatalogSession session(d.catalog, d.pointers);
  for (const auto& m : session.ranking()) EXPECT_TRUE(d.catalog.studies[static_cast<size_t>(m.study)].open());
  for (int c : session.closed_studies()) EXPECT_FALSE(d.catalog.studies[static_cast<size_t>(c)].open());
  EXPECT_EQ(session.ranking().size() + session.closed_studies().size(), d.catalog.studies.size());
}

}  // namespace shipped

}  // namespace unit_catalog
