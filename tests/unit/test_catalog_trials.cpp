// The catalog's other depression studies: NCT06136546 (infliximab, Massachusetts General
// Hospital) and NCT07493317 (tocilizumab, Mount Sinai). Each file loads cleanly; people the
// sources speak of get the verdict they should; every path keeps the safety and wording
// rules; and a question that shares its id with another study's question is that question,
// word for word, so a catalog can ask it once.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "evaluation.h"
#include "paths.h"
#include "report_json.h"
#include "session.h"
#include "study_files.h"
#include "trial.h"
#include "trial_loader.h"
#include "wording_checks.h"

namespace unit_catalog_trials {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;
using trialmatch_test::result_of;
using trialmatch_test::study_file;
using trialmatch_test::walk;

namespace {

const char* const kInfliximab = "NCT06136546.json";
const char* const kTocilizumab = "NCT07493317.json";
const char* const kSeed = "NCT04979910.json";

const Answer kYes = Answer::of_choice("yes");
const Answer kNo = Answer::of_choice("no");

using Answers = std::map<std::string, Answer>;

// A person who fits the infliximab study as far as a prescreen can tell.
Answers infliximab_fit() {
  return {{"age", Answer::of_number(35)},      {"mgh_reads_english", kYes},
          {"diagnosed_depression", kYes},      {"depressed_now", kYes},
          {"self_harm_thoughts", kNo},         {"recent_suicide_attempt", kNo},
          {"psychosis_or_bipolar", kNo},       {"on_antidepressant", kYes},
          {"dose_stable", kYes},
          {"mgh_keep_treatment_same", kYes},   {"can_become_pregnant", kNo},
          {"mgh_iv_and_blood_draws_ok", kYes}, {"mgh_can_attend_visits", kYes}};
}

// A person who fits the tocilizumab study as far as a prescreen can tell.
Answers tocilizumab_fit() {
  return {{"age", Answer::of_number(45)}, {"diagnosed_depression", kYes},  {"depressed_now", kYes},
          {"self_harm_thoughts", kNo},    {"recent_suicide_attempt", kNo}, {"psychosis_or_bipolar", kNo},
          {"on_antidepressant", kNo},     {"can_become_pregnant", kNo},    {"penis_in_vagina_sex", kNo},
          {"il6_can_attend_visits", kYes}};
}

std::set<std::string> criteria_with_outcome(const Trial& trial, const Evaluation& e, CriterionOutcome outcome) {
  std::set<std::string> ids;
  for (const CriterionResult& r : e.criteria)
    if (r.outcome == outcome) ids.insert(trial.criteria[static_cast<size_t>(r.criterion_index)].id);
  return ids;
}

// The reason the report gives for one criterion, in `lang`.
std::string reported_reason(const Session& s, const std::string& criterion_id, const std::string& lang) {
  const nlohmann::json whole = evaluation_to_json(s.trial(), s.answers(), s.evaluation(), s.progress(), lang);
  for (const auto& c : whole["criteria"])
    if (c["id"] == criterion_id) return c["reason"].get<std::string>();
  ADD_FAILURE() << "the " << lang << " report has no criterion " << criterion_id;
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// --- Loading -------------------------------------------------------------------------------

TEST(CatalogStudies, EachFileLoadsWithNoProblemsAndNamesNoInventedContact) {
  for (const char* file : {kInfliximab, kTocilizumab}) {
    const TrialLoadResult r = load_trial(trialmatch_test::study_file_text(file));
    std::string problems;
    for (const Diagnostic& d : r.errors) problems += "\n  " + format_diagnostic(d, file);
    EXPECT_TRUE(r.errors.empty()) << file << problems;
    ASSERT_TRUE(r.trial.has_value()) << file;
    const Trial& t = *r.trial;
    EXPECT_EQ(t.info.id + ".json", file);
    EXPECT_EQ(t.languages, (std::vector<std::string>{"en", "es"})) << file;
    EXPECT_TRUE(t.info.mental_health) << file;
    // No phone or email was found for either team: the listing is where to look.
    EXPECT_EQ(t.info.contact.url, "https://clinicaltrials.gov/study/" + t.info.id);
    EXPECT_TRUE(t.info.contact.phone.empty()) << file;
    EXPECT_TRUE(t.info.contact.email.empty()) << file;
    for (const Criterion& c : t.criteria) EXPECT_FALSE(c.source.empty()) << file << " " << c.id;
  }
}

// --- Shared questions ----------------------------------------------------------------------

std::string words_of(const LocalText& text) {
  std::string out;
  for (const auto& [lang, words] : text) out += lang + ":" + words + "|";
  return out;
}

// How question `b` differs from question `a` in what a person sees and how it is answered:
// everything but the "Why we ask" help, which may speak of each study's own rule.
std::vector<std::string> differences(const Question& a, const Question& b) {
  std::vector<std::string> out;
  auto differ = [&](bool same, const std::string& what) {
    if (!same) out.push_back(what);
  };
  differ(a.type == b.type, "type");
  differ(a.text == b.text, "text: " + words_of(a.text) + " vs " + words_of(b.text));
  differ(a.options.size() == b.options.size(), "number of options");
  for (size_t i = 0; i < std::min(a.options.size(), b.options.size()); ++i) {
    const Option &x = a.options[i], &y = b.options[i];
    differ(x.id == y.id, "option " + std::to_string(i) + " id: " + x.id + " vs " + y.id);
    differ(x.text == y.text, "option " + x.id + " words: " + words_of(x.text) + " vs " + words_of(y.text));
    differ(x.exclusive == y.exclusive, "option " + x.id + " exclusive");
  }
  differ(a.unknown_answers == b.unknown_answers, "unknown answers offered");
  differ(a.min == b.min && a.max == b.max, "min/max");
  differ(a.integer == b.integer, "integer");
  differ(a.unit == b.unit, "unit: " + words_of(a.unit) + " vs " + words_of(b.unit));
  differ(a.ask_if.has_value() == b.ask_if.has_value() && (!a.ask_if || a.ask_if->source == b.ask_if->source), "ask_if");
  differ(a.safety.has_value() == b.safety.has_value() &&
             (!a.safety || (a.safety->when.source == b.safety->when.source && a.safety->action == b.safety->action)),
         "safety");
  return out;
}

TEST(CatalogStudies, AQuestionSharingAnIdWithAnotherStudyIsTheSameQuestion) {
  const std::vector<std::string> files = trialmatch_test::study_file_names();
  ASSERT_GE(files.size(), 3u);
  size_t compared = 0;
  for (size_t i = 0; i < files.size(); ++i)
    for (size_t j = i + 1; j < files.size(); ++j)
      for (const Question& q : study_file(files[j]).questions) {
        const Question* first = study_file(files[i]).find_question(q.id);
        if (!first) continue;
        ++compared;
        for (const std::string& d : differences(*first, q))
          ADD_FAILURE() << q.id << " differs between " << files[i] << " and " << files[j] << ": " << d;
      }
  EXPECT_GT(compared, 20u);
}

TEST(CatalogStudies, EachStudyUsesTheSeedsSharedConceptsAndSafetyQuestions) {
  const Trial& seed = study_file(kSeed);
  const std::vector<std::string> everywhere = {"age",
                                               "diagnosed_depression",
                                               "depressed_now",
                                               "self_harm_thoughts",
                                               "recent_suicide_attempt",
                                               "psychosis_or_bipolar",
                                               "on_antidepressant",
                                               "dose_stable",
                                               "can_become_pregnant",
                                               "pregnant"};
  for (const char* file : {kInfliximab, kTocilizumab}) {
    const Trial& t = study_file(file);
    for (const std::string& id : everywhere) {
      const Question* q = t.find_question(id);
      ASSERT_NE(q, nullptr) << file << " does not ask " << id;
      EXPECT_TRUE(differences(*seed.find_question(id), *q).empty()) << file << " " << id;
    }
    for (const char* id : {"self_harm_thoughts", "recent_suicide_attempt"}) {
      ASSERT_TRUE(t.find_question(id)->safety.has_value()) << file << " " << id;
      EXPECT_EQ(t.find_question(id)->safety->action, kCrisisSupport);
    }
    // A question no other study asks has an id of its own, not a seed id.
    for (const Question& q : t.questions) {
      const bool own_prefix = q.id.rfind("mgh_", 0) == 0 || q.id.rfind("il6_", 0) == 0;
      EXPECT_TRUE(seed.find_question(q.id) != nullptr || own_prefix) << file << " " << q.id;
    }
  }
}

// One person's way through a study: the answers of `base`, with `changes` on top, given to
// whatever the session asks next.
struct Journey {
  std::unique_ptr<Session> session;
  std::vector<std::string> asked;

  const Trial& trial() const { return session->trial(); }
  Verdict verdict() const { return session->evaluation().verdict; }
  CriterionOutcome outcome(const std::string& criterion_id) const {
    return result_of(trial(), session->evaluation(), criterion_id).outcome;
  }
  std::set<std::string> criteria(CriterionOutcome outcome) const {
    return criteria_with_outcome(trial(), session->evaluation(), outcome);
  }
  bool was_asked(const std::string& question_id) const {
    return std::find(asked.begin(), asked.end(), question_id) != asked.end();
  }
};

Journey journey(const char* file, Answers base, const Answers& changes = {}) {
  for (const auto& [id, answer] : changes) base[id] = answer;
  Journey j{std::make_unique<Session>(study_file(file)), {}};
  j.asked = walk(*j.session, base);
  return j;
}

// An age outside [lowest, highest] ends the questionnaire at once, ruled out by the age
// criterion; the bounds themselves go on to the next question.
void expect_age_range(const char* file, const std::string& age_criterion, double lowest, double highest) {
  const Trial& trial = study_file(file);
  Session session(trial);
  for (double age : {lowest - 1, highest + 1, 0.0, 120.0}) {
    ASSERT_FALSE(session.answer("age", Answer::of_number(age)).has_value());
    EXPECT_TRUE(session.finished()) << age;
    EXPECT_EQ(session.progress().history, std::vector<int>{trial.question_index("age")}) << age;
    EXPECT_EQ(result_of(trial, session.evaluation(), age_criterion).outcome, CriterionOutcome::RulesOut) << age;
  }
  for (double age : {lowest, highest}) {
    ASSERT_FALSE(session.answer("age", Answer::of_number(age)).has_value());
    EXPECT_FALSE(session.finished()) << age;
  }
}

// --- NCT06136546: infliximab, Massachusetts General Hospital ---------------------------------

TEST(InfliximabStudy, LikelyFitIsLikelyEligibleWithOnlyStudyTeamChecksLeft) {
  const Journey j = journey(kInfliximab, infliximab_fit());
  EXPECT_EQ(j.verdict(), Verdict::LikelyEligible);
  EXPECT_EQ(
      j.criteria(CriterionOutcome::StudyTeam),
      (std::set<std::string>{"consent", "diagnosis_check", "symptom_rating", "crp_blood_test", "pregnancy_test",
                             "breastfeeding_check"}));
  EXPECT_TRUE(j.session->evaluation().safety.empty());
  for (const char* skipped : {"pregnant", "birth_control", "mgh_antidepressant_past_4_weeks"})
    EXPECT_FALSE(j.was_asked(skipped)) << skipped;
}

TEST(InfliximabStudy, AgesOutsideTwentyFiveToFiftyAreNotEligibleRightAway) {
  expect_age_range(kInfliximab, "age_25_to_50", 25, 50);
  const Journey j = journey(kInfliximab, {{"age", Answer::of_number(55)}});
  EXPECT_EQ(j.verdict(), Verdict::NotEligible);
  EXPECT_EQ(reported_reason(*j.session, "age_25_to_50", "es"), "El estudio es para adultos de 25 a 50 años.");
}

TEST(InfliximabStudy, NoDiagnosisYetGoesToTheStudyTeamNeverOut) {
  const Journey j = journey(kInfliximab, infliximab_fit(), {{"diagnosed_depression", kNo}});
  EXPECT_EQ(j.verdict(), Verdict::NeedsReview);
  EXPECT_EQ(j.criteria(CriterionOutcome::NeedsReview), std::set<std::string>{"depression_now"});
  EXPECT_FALSE(j.was_asked("depressed_now")) << "it can no longer change anything";
}

TEST(InfliximabStudy, SomeoneWhoDoesNotReadEnglishIsToldPlainlyAndNotRuledOut) {
  const Journey j = journey(kInfliximab, infliximab_fit(), {{"mgh_reads_english", kNo}});
  EXPECT_EQ(j.verdict(), Verdict::NeedsReview);
  EXPECT_EQ(j.outcome("reads_english"), CriterionOutcome::NeedsReview);
  const std::string es = reported_reason(*j.session, "reads_english", "es");
  EXPECT_TRUE(contains(es, "necesitan leer y entender inglés")) << es;
  EXPECT_TRUE(contains(es, "estudios en español")) << es;
  EXPECT_FALSE(phrase_turning_away("es", es).has_value()) << es;
  const std::string en = reported_reason(*j.session, "reads_english", "en");
  EXPECT_TRUE(contains(en, "read and understand English")) << en;
  EXPECT_FALSE(phrase_turning_away("en", en).has_value()) << en;
  // The summary says it before the first question, in both languages.
  EXPECT_TRUE(contains(text_in(j.trial().info.summary, "es"), "inglés"));
  EXPECT_TRUE(contains(text_in(j.trial().info.summary, "en"), "English"));
}

TEST(InfliximabStudy, AnAntidepressantTakenInThePastFourWeeksGoesToTheStudyTeam) {
  for (const Answer& took_one : {kYes, kNo}) {
    const Journey j = journey(kInfliximab, infliximab_fit(),
                              {{"on_antidepressant", kNo}, {"mgh_antidepressant_past_4_weeks", took_one}});
    const bool recent = took_one == kYes;
    EXPECT_FALSE(j.was_asked("dose_stable"));
    EXPECT_EQ(j.verdict(), recent ? Verdict::NeedsReview : Verdict::LikelyEligible);
    EXPECT_EQ(j.outcome("antidepressant_steady"), recent ? CriterionOutcome::NeedsReview : CriterionOutcome::Passes);
  }
}

TEST(InfliximabStudy, PregnantPersonIsNotEligible) {
  const Journey j = journey(kInfliximab, infliximab_fit(), {{"can_become_pregnant", kYes}, {"pregnant", kYes}});
  EXPECT_EQ(j.verdict(), Verdict::NotEligible);
  EXPECT_EQ(j.outcome("not_pregnant"), CriterionOutcome::RulesOut);
  EXPECT_EQ(j.asked.back(), "pregnant") << "questions stop once the person is not eligible";
}

TEST(InfliximabStudy, SelfHarmThoughtsBringCrisisSupportAndAConversationNeverARuleOut) {
  const Journey j = journey(kInfliximab, infliximab_fit(), {{"self_harm_thoughts", kYes}});
  EXPECT_EQ(j.verdict(), Verdict::NeedsReview);
  const Evaluation& e = j.session->evaluation();
  ASSERT_EQ(e.safety.size(), 1u);
  EXPECT_EQ(e.safety[0].question_index, j.trial().question_index("self_harm_thoughts"));
  EXPECT_EQ(j.outcome("self_harm_thoughts_talk"), CriterionOutcome::NeedsReview);
  EXPECT_TRUE(contains(reported_reason(*j.session, "self_harm_thoughts_talk", "en"), "You told us"));
}

// Both studies need major depression (registry notes §3.1, §3.2): a yes to bipolar disorder
// or psychosis is never ignored, and never rules out on its own either.
TEST(CatalogStudies, BipolarDisorderOrPsychosisGoesToTheStudyTeamInEveryStudy) {
  for (auto [file, fit] : {std::pair{kInfliximab, infliximab_fit()}, std::pair{kTocilizumab, tocilizumab_fit()}}) {
    const Journey j = journey(file, fit, {{"psychosis_or_bipolar", kYes}});
    EXPECT_EQ(j.verdict(), Verdict::NeedsReview) << file;
    EXPECT_EQ(j.criteria(CriterionOutcome::NeedsReview), std::set<std::string>{"no_other_main_diagnosis"}) << file;
    for (const char* lang : {"en", "es"}) {
      const std::string why = reported_reason(*j.session, "no_other_main_diagnosis", lang);
      EXPECT_TRUE(contains(why, lang == std::string("en") ? "major depression" : "depresión mayor")) << why;
      EXPECT_FALSE(phrase_turning_away(lang, why).has_value()) << why;
    }
  }
}

// "Will not have sex that could make me pregnant" is a way to meet the rule, not a no: a person
// with no partner who could get them pregnant is never ruled out for birth control.
TEST(CatalogStudies, NoSexThatCouldCausePregnancyMeetsTheBirthControlRuleInEveryStudy) {
  for (auto [file, fit] : {std::pair{kInfliximab, infliximab_fit()}, std::pair{kTocilizumab, tocilizumab_fit()}}) {
    for (const char* choice : {"yes", "no_such_sex", "no"}) {
      const Journey j = journey(file, fit, {{"can_become_pregnant", kYes}, {"pregnant", kNo},
                                            {"birth_control", Answer::of_choice(choice)}});
      const bool refuses = choice == std::string("no");
      EXPECT_EQ(j.outcome("birth_control"), refuses ? CriterionOutcome::RulesOut : CriterionOutcome::Passes)
          << file << " " << choice;
    }
  }
}

// --- NCT07493317: tocilizumab, Mount Sinai -------------------------------------------------

TEST(TocilizumabStudy, LikelyFitIsLikelyEligibleWithOnlyStudyTeamChecksLeft) {
  const Journey j = journey(kTocilizumab, tocilizumab_fit());
  EXPECT_EQ(j.verdict(), Verdict::LikelyEligible);
  EXPECT_EQ(j.criteria(CriterionOutcome::StudyTeam),
            (std::set<std::string>{"consent", "diagnosis_check", "monocyte_blood_test", "pleasure_scale",
                                   "investigator_judgment", "brain_scan_safety", "breastfeeding_check"}));
  EXPECT_FALSE(j.was_asked("dose_stable")) << "no antidepressant, no dose question";
}

TEST(TocilizumabStudy, AgesOutsideEighteenToSeventyAreNotEligibleRightAway) {
  expect_age_range(kTocilizumab, "age_18_to_70", 18, 70);
}

// Healthy volunteers are accepted in a control group: lacking depression never rules out.
TEST(TocilizumabStudy, APersonWithoutDepressionIsPointedToTheTeamNotRuledOut) {
  const Journey j = journey(kTocilizumab, tocilizumab_fit(), {{"diagnosed_depression", kNo}});
  EXPECT_EQ(j.verdict(), Verdict::NeedsReview);
  EXPECT_EQ(j.criteria(CriterionOutcome::NeedsReview), std::set<std::string>{"depression_now"});
  EXPECT_TRUE(contains(reported_reason(*j.session, "depression_now", "en"), "adults without depression"));
  EXPECT_TRUE(contains(reported_reason(*j.session, "depression_now", "es"), "adultos sin depresión"));
  EXPECT_TRUE(contains(text_in(j.trial().info.summary, "en"), "without depression"));
  EXPECT_TRUE(contains(text_in(j.trial().info.summary, "es"), "sin depresión"));
}

TEST(TocilizumabStudy, ARecentDoseChangeGoesToTheStudyTeam) {
  const Journey j = journey(kTocilizumab, tocilizumab_fit(), {{"on_antidepressant", kYes}, {"dose_stable", kNo}});
  EXPECT_EQ(j.verdict(), Verdict::NeedsReview);
  EXPECT_EQ(j.outcome("stable_dose"), CriterionOutcome::NeedsReview);
}

// The exclusion list was not found, so pregnancy is talked over, not ruled on. The birth
// control question is skipped for a pregnant person, and that skip is never shown as
// something they were not sure about.
TEST(TocilizumabStudy, PregnancyGoesToTheStudyTeam) {
  const Journey j = journey(kTocilizumab, tocilizumab_fit(), {{"can_become_pregnant", kYes}, {"pregnant", kYes}});
  EXPECT_EQ(j.verdict(), Verdict::NeedsReview);
  EXPECT_EQ(j.outcome("pregnancy_talk"), CriterionOutcome::NeedsReview);
  EXPECT_TRUE(j.criteria(CriterionOutcome::RulesOut).empty());
  EXPECT_FALSE(j.was_asked("birth_control"));
  EXPECT_TRUE(j.criteria(CriterionOutcome::Open).empty());
}

TEST(TocilizumabStudy, PersonWhoWouldNotUseCondomsIsNotEligible) {
  const Journey j = journey(kTocilizumab, tocilizumab_fit(), {{"penis_in_vagina_sex", kYes}, {"condoms", kNo}});
  EXPECT_EQ(j.verdict(), Verdict::NotEligible);
  EXPECT_EQ(j.outcome("condoms"), CriterionOutcome::RulesOut);
}

// --- Every path through each questionnaire -------------------------------------------------

struct PathFacts {
  std::set<std::string> ruling_out;  // criteria that rule someone out on some path
  std::map<Verdict, size_t> verdicts;
  std::vector<std::string> failures;
};

PathFacts walk_every_path(const Trial& trial) {
  PathFacts facts;
  const int thoughts = trial.question_index("self_harm_thoughts"),
            attempt = trial.question_index("recent_suicide_attempt");
  for_each_path(trial, [&](const QuestionPath& path) {
    const Evaluation& e = path.evaluation;
    ++facts.verdicts[e.verdict];
    bool rules_out = false;
    for (const CriterionResult& r : e.criteria) {
      const Criterion& c = trial.criteria[static_cast<size_t>(r.criterion_index)];
      if (r.outcome == CriterionOutcome::RulesOut) {
        rules_out = true;
        facts.ruling_out.insert(c.id);
      }
      const LocalText& shown = criterion_text(c, r.outcome);
      for (const auto& [lang, words] : shown) {
        if ((r.outcome == CriterionOutcome::Open || r.outcome == CriterionOutcome::StudyTeam) &&
            phrase_claiming_an_answer(lang, words))
          facts.failures.push_back(c.id + " is open but speaks of an answer");
        if (r.outcome == CriterionOutcome::NeedsReview && phrase_turning_away(lang, words))
          facts.failures.push_back(c.id + " goes to review but turns the person away");
      }
    }
    if (rules_out != (e.verdict == Verdict::NotEligible)) facts.failures.push_back("verdict and criteria disagree");
    EffectiveAnswers effective(trial, path.answers);
    for (int q : {thoughts, attempt}) {
      const Answer* a = effective.answer_at(q);
      const bool said_yes = a && !a->is_unknown() && a->choice == "yes";
      bool crisis = false;
      for (const SafetyAlert& s : e.safety) crisis = crisis || s.question_index == q;
      if (crisis != said_yes)
        facts.failures.push_back(trial.questions[static_cast<size_t>(q)].id + ": crisis support is not exactly a yes");
      bool asked = false;
      for (const PathStep& st : path.steps) asked = asked || st.question_index == q;
      if (!asked && e.verdict != Verdict::NotEligible)
        facts.failures.push_back(trial.questions[static_cast<size_t>(q)].id + " was never asked");
    }
  });
  return facts;
}

void expect_paths_keep_the_rules(const char* file, const std::set<std::string>& hard_criteria) {
  const PathFacts facts = walk_every_path(study_file(file));
  EXPECT_EQ(facts.ruling_out, hard_criteria) << file;
  EXPECT_GT(facts.verdicts.count(Verdict::LikelyEligible), 0u) << file;
  EXPECT_GT(facts.verdicts.count(Verdict::NeedsReview), 0u) << file;
  EXPECT_GT(facts.verdicts.count(Verdict::NotEligible), 0u) << file;
  for (size_t i = 0; i < std::min<size_t>(facts.failures.size(), 10); ++i)
    ADD_FAILURE() << file << ": " << facts.failures[i];
  EXPECT_TRUE(facts.failures.empty()) << facts.failures.size() << " failures in " << file;
}

// Only what a person can answer for sure and the sources support rules anyone out.
TEST(CatalogPaths, InfliximabOnlyRulesOutOnAgePregnancyBirthControlAndTheInfusion) {
  expect_paths_keep_the_rules(kInfliximab, {"age_25_to_50", "not_pregnant", "birth_control", "iv_and_blood_draws"});
}

TEST(CatalogPaths, TocilizumabOnlyRulesOutOnAgeAndBirthControl) {
  expect_paths_keep_the_rules(kTocilizumab, {"age_18_to_70", "birth_control", "condoms"});
}

}  // namespace

}  // namespace unit_catalog_trials
