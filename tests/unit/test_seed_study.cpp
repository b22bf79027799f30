// The seed study (NCT04979910, ixekizumab for treatment-resistant depression): it validates,
// realistic journeys end where a person would expect, and every path through the
// questionnaire obeys the evaluation and safety rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "answers_file.h"
#include "diagnostic.h"
#include "evaluation.h"
#include "paths.h"
#include "report_json.h"
#include "session.h"
#include "study_files.h"
#include "trial.h"
#include "trial_loader.h"
#include "wording_checks.h"

namespace unit_seed_study {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

#ifndef TRIALMATCH_SOURCE_DIR
#error "TRIALMATCH_SOURCE_DIR must be defined by the build"
#endif

using namespace trialmatch;

namespace {

const char* const kSeedFile = "NCT04979910.json";
const std::string kSeedPath = TRIALMATCH_SOURCE_DIR "/assets/trials/NCT04979910.json";

std::string read_seed() { return trialmatch_test::study_file_text(kSeedFile); }

const Trial& seed() { return trialmatch_test::study_file(kSeedFile); }

using trialmatch_test::result_of;
using trialmatch_test::walk;

const std::set<std::string> kStudyTeamCriteria = {"consent",        "psychiatric_interview", "symptom_rating",
                                                  "treatment_history_review", "crp_blood_test",
                                                  "investigator_judgment",    "mri_safety_screen"};

const Answer kYes = Answer::of_choice("yes");
const Answer kNo = Answer::of_choice("no");

// Answers for a person who should be likely eligible: the same file the browser tests use.
std::map<std::string, Answer> eligible_answers() {
  std::ifstream in(TRIALMATCH_SOURCE_DIR "/tests/data/answers/seed-likely-eligible.json", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const AnswersFileResult read = answers_from_json(seed(), nlohmann::json::parse(text.str()));
  if (!read.errors.empty()) throw std::runtime_error("seed-likely-eligible.json: " + read.errors.front());
  std::map<std::string, Answer> answers;
  for (const Question& q : seed().questions)
    if (read.answers[static_cast<size_t>(q.index)]) answers[q.id] = *read.answers[static_cast<size_t>(q.index)];
  return answers;
}

nlohmann::json report(const Session& s, const std::string& lang = "en") {
  return evaluation_to_json(s.trial(), s.answers(), s.evaluation(), s.progress(), lang);
}

// The report's entry for one criterion, copied out of the report (so nothing refers into a
// report that is gone); null, and a failure, if the report has no such criterion.
nlohmann::json reported_criterion(const Session& s, const std::string& criterion_id, const std::string& lang = "en") {
  const nlohmann::json whole = report(s, lang);  // alive while the loop reads into it
  for (const auto& c : whole["criteria"])
    if (c["id"] == criterion_id) return c;
  ADD_FAILURE() << "the " << lang << " report has no criterion " << criterion_id;
  return nullptr;
}

TEST(SeedStudy, ValidatesWithoutErrors) {
  TrialLoadResult r = load_trial(read_seed());
  std::string errors;
  for (const Diagnostic& d : r.errors) errors += "\n  " + format_diagnostic(d, kSeedPath);
  EXPECT_TRUE(r.errors.empty()) << errors;
  ASSERT_TRUE(r.trial.has_value());
  EXPECT_EQ(r.trial->info.id, "NCT04979910");
  EXPECT_EQ(r.trial->languages, (std::vector<std::string>{"en", "es"}));
  EXPECT_TRUE(r.trial->info.mental_health);
  EXPECT_EQ(r.trial->questions.size(), 20u);
  EXPECT_EQ(r.trial->criteria.size(), 27u);
  std::set<std::string> study_team;
  for (const Criterion& c : r.trial->criteria)
    if (c.study_team_only()) study_team.insert(c.id);
  EXPECT_EQ(study_team, kStudyTeamCriteria);
}

TEST(SeedStudy, EveryTextHasEnglishAndSpanish) {
  const Trial& t = seed();
  auto both = [](const LocalText& text, const std::string& what) {
    EXPECT_EQ(text.count("en"), 1u) << what;
    EXPECT_EQ(text.count("es"), 1u) << what;
  };
  both(t.info.title, "title");
  both(t.info.summary, "summary");
  for (const Question& q : t.questions) {
    both(q.text, q.id);
    for (const Option& o : q.options)
      if (q.type != QuestionType::YesNo) both(o.text, q.id + "/" + o.id);
  }
  for (const Criterion& c : t.criteria) both(c.text, c.id);
}

TEST(SeedStudy, EligiblePersonIsLikelyEligibleWithOnlyStudyTeamChecksLeft) {
  const Trial& trial = seed();
  Session session(trial);
  EXPECT_EQ(trial.questions[static_cast<size_t>(session.progress().next_question)].id, "age");
  const std::vector<std::string> asked = walk(session, eligible_answers());
  const Evaluation& e = session.evaluation();
  EXPECT_EQ(e.verdict, Verdict::LikelyEligible);
  std::set<std::string> left;
  for (const CriterionResult& r : e.criteria) {
    const std::string& id = trial.criteria[static_cast<size_t>(r.criterion_index)].id;
    EXPECT_TRUE(r.outcome == CriterionOutcome::Passes || r.outcome == CriterionOutcome::StudyTeam)
        << id << " is " << outcome_id(r.outcome);
    if (r.outcome == CriterionOutcome::StudyTeam) left.insert(id);
  }
  EXPECT_EQ(left, kStudyTeamCriteria);
  EXPECT_TRUE(e.safety.empty());
  const nlohmann::json json = report(session);
  EXPECT_EQ(json["verdict"], "likely_eligible");
  EXPECT_TRUE(json["next_question"].is_null());
  EXPECT_TRUE(json["safety_actions"].empty());
  // Questions about pregnancy and birth control do not apply to this person.
  for (const char* skipped : {"pregnant", "birth_control", "condoms", "partner_birth_control"})
    EXPECT_EQ(std::count(asked.begin(), asked.end(), skipped), 0) << skipped;
  EXPECT_EQ(asked.front(), "age");
  EXPECT_EQ(asked[1], "can_attend_visits") << "whether the study is within reach comes before the rest";
  EXPECT_EQ(asked.back(), "mri_concerns");
}

// Someone who cannot come to the visits is not asked the study's other questions (but the
// ones that call for crisis support), and the result says plainly that the study may not be
// possible, with what would have to change; nothing open is listed as "not sure".
TEST(SeedStudy, SomeoneWhoCannotComeToTheVisitsIsToldPlainlyAndAskedNothingMore) {
  const Trial& trial = seed();
  std::map<std::string, Answer> answers = eligible_answers();
  answers["can_attend_visits"] = kNo;
  Session session(trial);
  const std::vector<std::string> asked = walk(session, answers);
  EXPECT_EQ(asked, (std::vector<std::string>{"age", "can_attend_visits", "self_harm_thoughts", "recent_suicide_attempt"}));
  EXPECT_EQ(session.evaluation().verdict, Verdict::NeedsReview) << "never 'not eligible': the team may arrange something";
  EXPECT_EQ(out_of_reach_criteria(trial, session.evaluation()),
            std::vector<int>{static_cast<int>(&result_of(trial, session.evaluation(), "can_attend_visits") -
                                              session.evaluation().criteria.data())});
  const std::string reason = reported_criterion(session, "can_attend_visits", "en")["reason"];
  EXPECT_NE(reason.find("You said you could not come"), std::string::npos) << reason;
  EXPECT_NE(reason.find("If something could change"), std::string::npos) << reason;
  // "Not sure" is not out of reach: the questions go on.
  answers["can_attend_visits"] = Answer::unknown(UnknownKind::NotSure);
  Session unsure(trial);
  EXPECT_GT(walk(unsure, answers).size(), 10u);
}

TEST(SeedStudy, PersonWhoCanBecomePregnantIsAskedAboutPregnancyAndBirthControl) {
  std::map<std::string, Answer> answers = eligible_answers();
  answers["can_become_pregnant"] = kYes;
  Session session(seed());
  const std::vector<std::string> asked = walk(session, answers);
  EXPECT_EQ(session.evaluation().verdict, Verdict::LikelyEligible);
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "pregnant"), 1);
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "breastfeeding"), 1);
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "birth_control"), 1);
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "penis_in_vagina_sex"), 0);
}

TEST(SeedStudy, SeventeenYearOldIsNotEligibleRightAfterTheFirstQuestion) {
  const Trial& trial = seed();
  Session session(trial);
  ASSERT_FALSE(session.answer("age", Answer::of_number(17)).has_value());
  EXPECT_TRUE(session.finished());
  EXPECT_EQ(session.evaluation().verdict, Verdict::NotEligible);
  EXPECT_EQ(session.progress().history, std::vector<int>{trial.question_index("age")});
  EXPECT_EQ(result_of(trial, session.evaluation(), "age_18_to_70").outcome, CriterionOutcome::RulesOut);
  const nlohmann::json json = report(session);
  EXPECT_EQ(json["verdict"], "not_eligible");
  EXPECT_TRUE(json["next_question"].is_null());
  // Spanish report: the reason is the Spanish text.
  EXPECT_EQ(reported_criterion(session, "age_18_to_70", "es")["reason"],
            "El estudio es para adultos. Su anuncio dice de 18 a 65 años, y un registro más nuevo dice de 18 a 70.");
}

// The sources differ on the upper age limit (listing 65, newer registry text 70): 66 to 70
// goes to the study team with words that say so; 71 and over fits neither.
TEST(SeedStudy, AgesTheSourcesDisagreeOnGoToTheStudyTeamAndOnlyOver70IsNotAFit) {
  const Trial& trial = seed();
  for (double age : {66.0, 70.0}) {
    std::map<std::string, Answer> answers = eligible_answers();
    answers["age"] = Answer::of_number(age);
    Session session(trial);
    walk(session, answers);
    EXPECT_EQ(session.evaluation().verdict, Verdict::NeedsReview) << age;
    EXPECT_EQ(result_of(trial, session.evaluation(), "age_66_to_70").outcome, CriterionOutcome::NeedsReview) << age;
    EXPECT_EQ(result_of(trial, session.evaluation(), "age_18_to_70").outcome, CriterionOutcome::Passes) << age;
    const std::string reason = reported_criterion(session, "age_66_to_70", "en")["reason"];
    EXPECT_NE(reason.find("newer registry record says up to 70"), std::string::npos) << reason;
    EXPECT_NE(reason.find("study team will confirm"), std::string::npos) << reason;
  }
  Session old(trial);
  ASSERT_FALSE(old.answer("age", Answer::of_number(71)).has_value());
  EXPECT_TRUE(old.finished());
  EXPECT_EQ(old.evaluation().verdict, Verdict::NotEligible);
  Session sixty_five(trial);
  ASSERT_FALSE(sixty_five.answer("age", Answer::of_number(65)).has_value());
  EXPECT_FALSE(sixty_five.finished());
  EXPECT_EQ(result_of(trial, sixty_five.evaluation(), "age_66_to_70").outcome, CriterionOutcome::Passes);
}

TEST(SeedStudy, SelfHarmThoughtsNeedReviewWithCrisisSupportNeverNotEligible) {
  const Trial& trial = seed();
  std::map<std::string, Answer> answers = eligible_answers();
  answers["self_harm_thoughts"] = kYes;
  Session session(trial);
  // The support screen comes at once, right after the answer.
  std::map<std::string, Answer> first_four;
  for (const char* id : {"age", "diagnosed_depression", "depressed_now", "self_harm_thoughts"})
    first_four[id] = answers[id];
  for (const auto& [id, a] : first_four) ASSERT_FALSE(session.answer(id, a).has_value());
  ASSERT_EQ(session.evaluation().safety.size(), 1u);
  EXPECT_EQ(session.evaluation().safety[0].action, "crisis_support");
  EXPECT_FALSE(session.finished());  // and they can continue

  walk(session, answers);
  const Evaluation& e = session.evaluation();
  EXPECT_EQ(e.verdict, Verdict::NeedsReview);
  EXPECT_EQ(result_of(trial, e, "self_harm_thoughts_talk").outcome, CriterionOutcome::NeedsReview);
  for (const CriterionResult& r : e.criteria) EXPECT_NE(r.outcome, CriterionOutcome::RulesOut);
  ASSERT_EQ(e.safety.size(), 1u);
  EXPECT_EQ(e.safety[0].question_index, trial.question_index("self_harm_thoughts"));
  EXPECT_EQ(e.safety[0].action, "crisis_support");
  const nlohmann::json json = report(session);
  EXPECT_EQ(json["verdict"], "needs_review");
  EXPECT_EQ(json["safety_actions"],
            nlohmann::json::parse(R"([{"question": "self_harm_thoughts", "action": "crisis_support"}])"));
}

TEST(SeedStudy, PathLimitStopsEarly) {
  size_t visited = 0;
  EXPECT_EQ(for_each_path(seed(), [&](const QuestionPath&) { ++visited; }, 10), 10u);
  EXPECT_EQ(visited, 10u);
}

// Every path through the seed questionnaire, walked once per test process.
const std::vector<QuestionPath>& all_paths() {
  static const std::vector<QuestionPath> paths = [] {
    std::vector<QuestionPath> out;
    const size_t count = for_each_path(seed(), [&](const QuestionPath& p) { out.push_back(p); });
    if (count != out.size()) throw std::runtime_error("for_each_path returned a count different from its visits");
    return out;
  }();
  return paths;
}

std::string describe(const QuestionPath& path) {
  const Trial& trial = seed();
  std::string steps;
  for (const PathStep& st : path.steps)
    steps += trial.questions[static_cast<size_t>(st.question_index)].id + "=" + st.answer + ", ";
  return steps + "-> " + verdict_id(path.evaluation.verdict);
}

// Reports at most 10 failures per test, each with its path.
class Failures {
 public:
  void add(const QuestionPath& path, const std::string& what) {
    if (++count_ <= 10) ADD_FAILURE() << what << "\n  path: " << describe(path);
  }
  ~Failures() {
    if (count_ > 10) ADD_FAILURE() << count_ << " failures in all";
  }

 private:
  size_t count_ = 0;
};

// The answer to question `q` on `path` is definite: known, and its branch does not also
// stand for "unknown" answers (branches group answer classes, e.g. "no | unknown").
bool definite_on(const QuestionPath& path, int q) {
  EffectiveAnswers effective(seed(), path.answers);
  const Answer* a = effective.answer_at(q);
  if (!a || a->is_unknown()) return false;
  for (const PathStep& st : path.steps) {
    if (st.question_index != q) continue;
    const std::string& label = st.answer;
    size_t start = 0;
    for (;;) {
      const size_t bar = label.find(" | ", start);
      if (label.substr(start, bar == std::string::npos ? std::string::npos : bar - start) == "unknown") return false;
      if (bar == std::string::npos) break;
      start = bar + 3;
    }
  }
  return true;
}

bool asked_on(const QuestionPath& path, int q) {
  for (const PathStep& st : path.steps)
    if (st.question_index == q) return true;
  return false;
}

TEST(SeedPaths, WalksEveryPath) {
  EXPECT_GT(all_paths().size(), 100u);
}

// (a)
TEST(SeedPaths, NotEligibleOnlyByDefiniteAnswersToHardCriteria) {
  const Trial& trial = seed();
  Failures failures;
  for (const QuestionPath& path : all_paths()) {
    const Evaluation& e = path.evaluation;
    bool any = false;
    for (const CriterionResult& r : e.criteria) {
      if (r.outcome != CriterionOutcome::RulesOut) continue;
      any = true;
      const Criterion& c = trial.criteria[static_cast<size_t>(r.criterion_index)];
      if (e.verdict != Verdict::NotEligible) failures.add(path, c.id + " rules out but the verdict is not not_eligible");
      if (c.when_fails != WhenFails::Exclude) failures.add(path, c.id + " rules out but is a review criterion");
      if (!c.rule) {
        failures.add(path, c.id + " rules out without a rule");
        continue;
      }
      for (int q : referenced_questions(*c.rule))
        if (!definite_on(path, q))
          failures.add(path, c.id + " rules out, but \"" + trial.questions[static_cast<size_t>(q)].id +
                                 "\" has no definite answer");
    }
    if (e.verdict == Verdict::NotEligible && !any) failures.add(path, "not eligible without a criterion that rules out");
  }
}

TEST(SeedPaths, QuestionsStopOnceNotEligible) {
  const Trial& trial = seed();
  Failures failures;
  for (const QuestionPath& path : all_paths()) {
    if (path.evaluation.verdict != Verdict::NotEligible || path.steps.empty()) continue;
    const int last = path.steps.back().question_index;
    bool decided_by_last = false;
    for (const CriterionResult& r : path.evaluation.criteria) {
      if (r.outcome != CriterionOutcome::RulesOut) continue;
      const auto refs = referenced_questions(*trial.criteria[static_cast<size_t>(r.criterion_index)].rule);
      decided_by_last = decided_by_last || std::count(refs.begin(), refs.end(), last) > 0;
    }
    if (!decided_by_last) failures.add(path, "questions went on after the person was not eligible");
  }
}

// (b)
TEST(SeedPaths, OnlyTheHardCriteriaCanEverRuleOut) {
  const Trial& trial = seed();
  std::set<std::string> ruling_out;
  for (const QuestionPath& path : all_paths())
    for (const CriterionResult& r : path.evaluation.criteria)
      if (r.outcome == CriterionOutcome::RulesOut) ruling_out.insert(trial.criteria[static_cast<size_t>(r.criterion_index)].id);
  // Only what the person can answer for sure: never a clinician's call (the review finding
  // moved "can attend the visits" there: the investigator judges ability to comply).
  EXPECT_EQ(ruling_out, (std::set<std::string>{"age_18_to_70", "on_antidepressant", "not_pregnant",
                                               "not_breastfeeding", "birth_control", "condoms", "mri_safe"}));
}

// (c)
TEST(SeedPaths, CrisisSupportExactlyWhenASafetyQuestionIsAnsweredYes) {
  const Trial& trial = seed();
  Failures failures;
  size_t with_crisis = 0;
  for (const char* id : {"self_harm_thoughts", "recent_suicide_attempt"}) {
    const int q = trial.question_index(id);
    for (const QuestionPath& path : all_paths()) {
      EffectiveAnswers effective(trial, path.answers);
      const Answer* a = effective.answer_at(q);
      const bool said_yes = a && !a->is_unknown() && a->choice == "yes";
      bool crisis = false;
      for (const SafetyAlert& s : path.evaluation.safety)
        crisis = crisis || (s.question_index == q && s.action == "crisis_support");
      if (crisis) ++with_crisis;
      if (crisis != said_yes)
        failures.add(path, std::string(id) + (said_yes ? ": no crisis support after \"yes\"" : ": crisis support without \"yes\""));
      for (const PathStep& st : path.steps)
        if (st.question_index == q && said_yes && st.answer != "yes")
          failures.add(path, std::string("the \"yes\" branch of ") + id + " is grouped with other answers: " + st.answer);
    }
  }
  EXPECT_GT(with_crisis, 0u);
}

TEST(SeedPaths, EveryoneNotRuledOutIsAskedTheSafetyQuestions) {
  Failures failures;
  for (const char* id : {"self_harm_thoughts", "recent_suicide_attempt"}) {
    const int q = seed().question_index(id);
    for (const QuestionPath& path : all_paths())
      if (path.evaluation.verdict != Verdict::NotEligible && !asked_on(path, q))
        failures.add(path, std::string(id) + " was never asked");
  }
}

// (d)
TEST(SeedPaths, EveryVerdictIsReachable) {
  std::map<Verdict, size_t> verdicts;
  for (const QuestionPath& path : all_paths()) ++verdicts[path.evaluation.verdict];
  EXPECT_GT(verdicts[Verdict::LikelyEligible], 0u);
  EXPECT_GT(verdicts[Verdict::NeedsReview], 0u);
  EXPECT_GT(verdicts[Verdict::NotEligible], 0u);
}

// (e)
TEST(SeedPaths, DefiniteAnswersLeaveNothingOpen) {
  const Trial& trial = seed();
  Failures failures;
  size_t checked = 0;
  for (const QuestionPath& path : all_paths()) {
    // Not eligible, or out of reach, the questions stop: what is left open was never asked.
    if (path.evaluation.verdict == Verdict::NotEligible || !out_of_reach_criteria(trial, path.evaluation).empty()) continue;
    bool all_definite = true;
    for (const PathStep& st : path.steps) all_definite = all_definite && definite_on(path, st.question_index);
    if (!all_definite) continue;
    ++checked;
    for (const CriterionResult& r : path.evaluation.criteria)
      if (r.outcome == CriterionOutcome::Open)
        failures.add(path, trial.criteria[static_cast<size_t>(r.criterion_index)].id +
                               " is open although every answer is definite");
  }
  EXPECT_GT(checked, 0u);
}

TEST(SeedPaths, EachPathIsWhatASessionAsksWithTheSameAnswers) {
  const Trial& trial = seed();
  Failures failures;
  for (const QuestionPath& path : all_paths()) {
    Session session(trial);
    bool same = true;
    for (const PathStep& st : path.steps) {
      if (session.progress().next_question != st.question_index) {
        failures.add(path, "a session asks \"" +
                               (session.finished() ? std::string("nothing")
                                                   : trial.questions[static_cast<size_t>(session.progress().next_question)].id) +
                               "\" where the path asks \"" + trial.questions[static_cast<size_t>(st.question_index)].id + "\"");
        same = false;
        break;
      }
      session.answer(st.question_index, *path.answers[static_cast<size_t>(st.question_index)]);
    }
    if (same && (!session.finished() || session.evaluation().verdict != path.evaluation.verdict))
      failures.add(path, "a session with the same answers ends differently");
  }
}

// Issue 9, case 1: surgery that prevents pregnancy does not stop breastfeeding.
TEST(SeedStudy, BreastfeedingPersonAfterSurgeryThatPreventsPregnancyIsNotEligible) {
  const Trial& trial = seed();
  std::map<std::string, Answer> answers = eligible_answers();
  answers["can_become_pregnant"] = kNo;  // had surgery that prevents pregnancy
  answers["breastfeeding"] = kYes;
  Session session(trial);
  const std::vector<std::string> asked = walk(session, answers);
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "breastfeeding"), 1);
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "pregnant"), 0);
  EXPECT_EQ(session.evaluation().verdict, Verdict::NotEligible);
  EXPECT_EQ(result_of(trial, session.evaluation(), "not_breastfeeding").outcome, CriterionOutcome::RulesOut);
  EXPECT_EQ(asked.back(), "breastfeeding") << "questions stop once the person is not eligible";
}

TEST(SeedPaths, BreastfeedingIsAskedOfEveryoneWhateverTheirFertility) {
  const int breastfeeding = seed().question_index("breastfeeding");
  ASSERT_FALSE(seed().questions[static_cast<size_t>(breastfeeding)].ask_if.has_value());
  Failures failures;
  for (const QuestionPath& path : all_paths())
    if (path.evaluation.verdict != Verdict::NotEligible && out_of_reach_criteria(seed(), path.evaluation).empty() &&
        !asked_on(path, breastfeeding))
      failures.add(path, "breastfeeding was never asked");
}

// Issue 9, case 2: a woman past menopause whose partner is a woman answers "no" to the
// partner question in either language, so she is never asked about condoms.
TEST(SeedStudy, WomanPastMenopauseWithAFemalePartnerIsNeverAskedAboutCondoms) {
  std::map<std::string, Answer> answers = eligible_answers();
  answers["can_become_pregnant"] = kNo;
  answers["penis_in_vagina_sex"] = kNo;
  answers.erase("condoms");
  answers.erase("partner_birth_control");
  Session session(seed());
  const std::vector<std::string> asked = walk(session, answers);  // fails if condoms is asked
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "penis_in_vagina_sex"), 1);
  EXPECT_EQ(session.evaluation().verdict, Verdict::LikelyEligible);
}

TEST(SeedStudy, PartnerQuestionAsksAboutTheSameActInBothLanguages) {
  // About the act during the study (penis in vagina), not about whether a partner could get
  // pregnant by anyone, nor about fertility: both languages name the same thing.
  const Question* q = seed().find_question("penis_in_vagina_sex");
  ASSERT_NE(q, nullptr);
  const std::string en = text_in(q->text, "en"), es = text_in(q->text, "es");
  for (const char* word : {"During the study", "penis", "vagina", "pregnant", "breastfeeding"})
    EXPECT_NE(en.find(word), std::string::npos) << word << " in: " << en;
  for (const char* word : {"Durante el estudio", "pene", "vagina", "embarazada", "dando pecho"})
    EXPECT_NE(es.find(word), std::string::npos) << word << " in: " << es;
  // A vasectomy or estrogen does not change the answer, in either language.
  EXPECT_NE(text_in(q->why, "en").find("vasectomy"), std::string::npos);
  EXPECT_NE(text_in(q->why, "es").find("vasectom"), std::string::npos);
}

TEST(SeedStudy, ManWhosePartnerIsPregnantIsAskedAboutCondomsAndTalksItOver) {
  const Trial& trial = seed();
  std::map<std::string, Answer> answers = eligible_answers();
  answers["penis_in_vagina_sex"] = kYes;
  answers["partner_birth_control"] = Answer::of_choice("partner_pregnant_or_breastfeeding");
  Session session(trial);
  const std::vector<std::string> asked = walk(session, answers);
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "condoms"), 1);
  const Evaluation& e = session.evaluation();
  EXPECT_EQ(e.verdict, Verdict::NeedsReview);
  EXPECT_EQ(result_of(trial, e, "partner_birth_control").outcome, CriterionOutcome::Passes);
  const CriterionResult& pregnant = result_of(trial, e, "partner_pregnant_or_breastfeeding");
  EXPECT_EQ(pregnant.outcome, CriterionOutcome::NeedsReview);
  const Criterion& c = trial.criteria[static_cast<size_t>(pregnant.criterion_index)];
  EXPECT_NE(text_in(criterion_text(c, pregnant.outcome), "en").find("You said your partner is pregnant"), std::string::npos);
}

TEST(SeedStudy, ManWhoWouldNotUseCondomsIsNotEligible) {
  std::map<std::string, Answer> answers = eligible_answers();
  answers["penis_in_vagina_sex"] = kYes;
  answers["condoms"] = kNo;
  Session session(seed());
  walk(session, answers);
  EXPECT_EQ(session.evaluation().verdict, Verdict::NotEligible);
  EXPECT_EQ(result_of(seed(), session.evaluation(), "condoms").outcome, CriterionOutcome::RulesOut);
}

TEST(SeedStudy, PregnancyQuestionsDoNotAskAboutBeingBornMale) {
  for (const char* id : {"can_become_pregnant", "pregnant", "breastfeeding"}) {
    const Question* q = seed().find_question(id);
    ASSERT_NE(q, nullptr) << id;
    for (const LocalText* t : {&q->text, &q->why})
      for (const auto& [lang, words] : *t) {
        EXPECT_EQ(words.find("born male"), std::string::npos) << id << " " << lang;
        EXPECT_EQ(words.find("nació hombre"), std::string::npos) << id << " " << lang;
      }
  }
  const Question* q = seed().find_question("can_become_pregnant");
  EXPECT_NE(text_in(q->why, "en").find("testosterone does not stop you from getting pregnant"), std::string::npos);
  // What counts is on the question itself, not behind "Why we ask".
  for (const char* part : {"12 months", "uterus", "surgery", "Birth control does not count"})
    EXPECT_NE(text_in(q->note, "en").find(part), std::string::npos) << part;
  for (const char* part : {"12 meses", "útero", "cirugía", "anticonceptivos no cuentan"})
    EXPECT_NE(text_in(q->note, "es").find(part), std::string::npos) << part;
}

// Issue 9, item 2: "Prefer not to say" is not "yes".
TEST(SeedStudy, PreferNotToSayOnSelfHarmIsNeverReportedAsSomethingTheyToldUs) {
  const Trial& trial = seed();
  std::map<std::string, Answer> answers = eligible_answers();
  answers["self_harm_thoughts"] = Answer::unknown(UnknownKind::PreferNotToSay);
  Session session(trial);
  walk(session, answers);
  const Evaluation& e = session.evaluation();
  EXPECT_TRUE(e.safety.empty());
  const CriterionResult& r = result_of(trial, e, "self_harm_thoughts_talk");
  EXPECT_EQ(r.outcome, CriterionOutcome::Open);
  for (const std::string lang : {"en", "es"}) {
    const nlohmann::json c = reported_criterion(session, "self_harm_thoughts_talk", lang);
    ASSERT_TRUE(c.is_object()) << lang;
    const std::string reason = c["reason"];
    EXPECT_FALSE(phrase_claiming_an_answer(lang, reason).has_value()) << reason;
    EXPECT_EQ(reason, text_in(trial.criteria[static_cast<size_t>(r.criterion_index)].text, lang));
  }
}

TEST(SeedStudy, YesOnSelfHarmIsReportedInWordsAboutWhatTheyToldUs) {
  const Trial& trial = seed();
  std::map<std::string, Answer> answers = eligible_answers();
  answers["self_harm_thoughts"] = kYes;
  Session session(trial);
  walk(session, answers);
  const nlohmann::json c = reported_criterion(session, "self_harm_thoughts_talk");
  ASSERT_TRUE(c.is_object());
  EXPECT_EQ(c["outcome"], "needs_review");
  EXPECT_NE(c["reason"].get<std::string>().find("You told us"), std::string::npos) << c["reason"];
}

TEST(SeedStudy, ARecentAttemptAloneCallsForCrisisSupportAndGoesToReview) {
  const Trial& trial = seed();
  std::map<std::string, Answer> answers = eligible_answers();
  answers["recent_suicide_attempt"] = kYes;
  Session session(trial);
  walk(session, answers);
  const Evaluation& e = session.evaluation();
  EXPECT_EQ(e.verdict, Verdict::NeedsReview);
  EXPECT_EQ(result_of(trial, e, "recent_attempt_talk").outcome, CriterionOutcome::NeedsReview);
  // Its words speak of the attempt, not of thoughts the person did not tell us about.
  EXPECT_EQ(result_of(trial, e, "self_harm_thoughts_talk").outcome, CriterionOutcome::Passes);
  const std::string reason = reported_criterion(session, "recent_attempt_talk")["reason"];
  EXPECT_NE(reason.find("You told us about a recent attempt"), std::string::npos) << reason;
  ASSERT_EQ(e.safety.size(), 1u);
  EXPECT_EQ(e.safety[0].question_index, trial.question_index("recent_suicide_attempt"));
}

TEST(SeedStudy, SelfHarmQuestionCoversWishingToBeDead) {
  const Question* q = seed().find_question("self_harm_thoughts");
  EXPECT_NE(text_in(q->text, "en").find("wished you were dead"), std::string::npos);
  EXPECT_NE(text_in(q->text, "es").find("deseado estar muert"), std::string::npos);
}

// Issue 9, item 2: walks every path; a criterion shown as open (the person was not sure,
// or was not asked) uses its neutral words, never words meant for a given answer; and a
// criterion that goes to review never says the person cannot join.
TEST(SeedPaths, NoOpenCriterionUsesWordsMeantForAGivenAnswer) {
  const Trial& trial = seed();
  Failures failures;
  size_t open_seen = 0, because_seen = 0;
  for (const QuestionPath& path : all_paths()) {
    for (const CriterionResult& r : path.evaluation.criteria) {
      const Criterion& c = trial.criteria[static_cast<size_t>(r.criterion_index)];
      const LocalText& shown = criterion_text(c, r.outcome);
      if (r.outcome == CriterionOutcome::Open || r.outcome == CriterionOutcome::StudyTeam) {
        ++open_seen;
        if (&shown != &c.text) failures.add(path, c.id + " is open but is not shown in its neutral words");
        for (const auto& [lang, words] : shown)
          if (auto claim = phrase_claiming_an_answer(lang, words))
            failures.add(path, c.id + " is open but its " + lang + " words say \"" + *claim + "\"");
      }
      if (r.outcome == CriterionOutcome::NeedsReview) {
        because_seen += &shown == &c.because;
        for (const auto& [lang, words] : shown)
          if (auto phrase = phrase_turning_away(lang, words))
            failures.add(path, c.id + " goes to review but its " + lang + " words say \"" + *phrase + "\"");
      }
    }
  }
  EXPECT_GT(open_seen, 0u);
  EXPECT_GT(because_seen, 0u);
}

}  // namespace

// ---- What would change the result (only_obstacle): the line a catalog's results show.
namespace {
std::optional<std::string> obstacle_after(std::map<std::string, Answer> answers) {
  Session s(seed());
  trialmatch_test::walk(s, answers);
  const std::optional<int> at = only_obstacle(s.evaluation());
  if (!at) return std::nullopt;
  return seed().criteria[static_cast<size_t>(*at)].id;
}
}  // namespace

TEST(SeedStudy, OnlyObstacleIsNoneForSomeoneRuledOutWhileQuestionsAreLeftOpen) {
  // Asked only the age: "the only reason" would be untrue, other questions could rule them out.
  EXPECT_EQ(obstacle_after({{"age", Answer::of_number(17)}}), std::nullopt);
}

TEST(SeedStudy, OnlyObstacleIsNoneForSomeoneWhoMayFit) {
  EXPECT_EQ(obstacle_after(eligible_answers()), std::nullopt);
}

TEST(SeedStudy, OnlyObstacleIsTheDoseWhenARecentDoseChangeAloneNeedsATalk) {
  std::map<std::string, Answer> answers = eligible_answers();
  answers["dose_stable"] = kNo;
  EXPECT_EQ(obstacle_after(answers), "stable_dose");
}

TEST(SeedStudy, OnlyObstacleIsNoneWhenTwoThingsNeedATalk) {
  std::map<std::string, Answer> answers = eligible_answers();
  answers["dose_stable"] = kNo;
  answers["treatments_tried"] = Answer::of_choice("none_or_one");
  Session s(seed());
  trialmatch_test::walk(s, answers);
  ASSERT_EQ(s.evaluation().verdict, Verdict::NeedsReview);
  EXPECT_EQ(only_obstacle(s.evaluation()), std::nullopt);
}

TEST(SeedStudy, OnlyObstacleOfSomeoneRuledOutIsWhatRulesThemOutNotWhatNeedsATalk) {
  std::map<std::string, Answer> answers = eligible_answers();
  answers["age"] = Answer::of_number(72);
  answers["dose_stable"] = kNo;
  Session s(seed());
  for (const auto& [id, a] : answers) s.answer(id, a);  // every answer, as if the person went on
  ASSERT_EQ(s.evaluation().verdict, Verdict::NotEligible);
  const std::optional<int> at = only_obstacle(s.evaluation());
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(seed().criteria[static_cast<size_t>(*at)].id, "age_18_to_70");
}

TEST(SeedStudy, OnlyObstacleIsTheSafetyTalkWhenADisclosureAloneNeedsATalk) {
  std::map<std::string, Answer> answers = eligible_answers();
  answers["self_harm_thoughts"] = kYes;
  answers["recent_suicide_attempt"] = kNo;
  EXPECT_EQ(obstacle_after(answers), "self_harm_thoughts_talk");
}

}  // namespace unit_seed_study
