// Answer-by-answer evaluation (live_evaluation.h) and the catalog's next-question race that
// stops counting once the leader cannot be overtaken (catalog_session.cpp): on random answer
// sequences over the real study files, each must give exactly what working everything out
// again from the answers gives (evaluate(), Navigator::progress(), and every candidate's
// gain counted in full).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "answer_classes.h"
#include "catalog.h"
#include "catalog_session.h"
#include "random_answer.h"
#include "session.h"
#include "study_files.h"
#include "test_support.h"
#include "trial_loader.h"

namespace unit_live_evaluation {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

using namespace trialmatch;

// Any answer that fits the question (random_answer.h), one of its answer classes half the time.
Answer random_answer(const Trial& trial, const Question& q, std::mt19937& random) {
  return trialmatch_fuzz::random_answer(answer_classes(trial, q), q, random);
}

std::vector<const Trial*> study_files_and_docs_example() {
  std::vector<const Trial*> trials;
  for (const std::string& name : trialmatch_test::study_file_names()) trials.push_back(&trialmatch_test::study_file(name));
  static const Trial docs_example = [] {
    const TrialLoadResult r = load_trial(trialmatch_test::read_source_file("tests/data/trials/docs-example.json"));
    return r.trial ? *r.trial : Trial{};
  }();
  trials.push_back(&docs_example);
  // Gates the real files do not have: a question that matters only through the question it
  // opens (`gate`), and a gate behind a gate (`inner` opens `detail` only when `outer` does).
  static const Trial gates = trialmatch_test::load_valid(trialmatch_test::trial_document(
      R"({"id": "age", "type": "number", "text": {"en": "Age?"}, "min": 0, "max": 120, "unknown": ["prefer_not_to_say"]},
         {"id": "gate", "type": "yes_no", "text": {"en": "Gate?"}, "unknown": ["not_sure"]},
         {"id": "behind", "type": "yes_no", "ask_if": "gate = \"yes\"", "text": {"en": "Behind?"}},
         {"id": "other", "type": "yes_no", "text": {"en": "Other?"}, "unknown": ["not_sure"]},
         {"id": "outer", "type": "yes_no", "text": {"en": "Outer?"}},
         {"id": "inner", "type": "yes_no", "ask_if": "outer != \"no\"", "text": {"en": "Inner?"}},
         {"id": "detail", "type": "yes_no", "ask_if": "inner = \"yes\"", "text": {"en": "Detail?"}, "unknown": ["not_sure"]})",
      R"({"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults."}, "source": "I1"},
         {"id": "either", "type": "inclusion", "rule": "behind = \"yes\" or other = \"yes\"", "text": {"en": "Either."}, "source": "I2"},
         {"id": "older", "type": "exclusion", "rule": "other = \"no\" and age > 60", "when_fails": "review", "text": {"en": "Older."}, "source": "E1"},
         {"id": "detail", "type": "exclusion", "rule": "detail = \"yes\"", "text": {"en": "Detail."}, "source": "E2"})"));
  trials.push_back(&gates);
  return trials;
}

// The session's kept-up-to-date state against everything worked out again from its answers.
void expect_as_worked_out_again(const Session& s, const std::string& where) {
  const Trial& trial = s.trial();
  const Evaluation whole = evaluate(trial, s.answers());
  const Evaluation& live = s.evaluation();
  ASSERT_EQ(live.verdict, whole.verdict) << where;
  ASSERT_EQ(live.applies, whole.applies) << where;
  ASSERT_EQ(live.criteria.size(), whole.criteria.size()) << where;
  for (size_t c = 0; c < whole.criteria.size(); ++c) {
    EXPECT_EQ(live.criteria[c].criterion_index, whole.criteria[c].criterion_index) << where;
    EXPECT_EQ(live.criteria[c].status, whole.criteria[c].status) << where << ", criterion " << trial.criteria[c].id;
    EXPECT_EQ(live.criteria[c].outcome, whole.criteria[c].outcome) << where << ", criterion " << trial.criteria[c].id;
  }
  ASSERT_EQ(live.safety.size(), whole.safety.size()) << where;
  for (size_t i = 0; i < whole.safety.size(); ++i) {
    EXPECT_EQ(live.safety[i].question_index, whole.safety[i].question_index) << where;
    EXPECT_EQ(live.safety[i].action, whole.safety[i].action) << where;
  }
  const Progress expected = Navigator(trial).progress(s.answers(), whole);
  const Progress& p = s.progress();
  EXPECT_EQ(p.next_question, expected.next_question) << where;
  EXPECT_EQ(p.history, expected.history) << where;
  EXPECT_EQ(p.relevant, expected.relevant) << where;
  EXPECT_EQ(p.step, expected.step) << where;
  EXPECT_EQ(p.estimated_total, expected.estimated_total) << where;
  EXPECT_EQ(s.next_question(), expected.next_question) << where;
  EXPECT_EQ(s.finished(), expected.next_question < 0) << where;
  for (const Question& q : trial.questions) {
    const bool listed = std::find(expected.relevant.begin(), expected.relevant.end(), q.index) != expected.relevant.end();
    EXPECT_EQ(s.relevant(q.index), listed) << where << ", question " << q.id;
  }
}

// A safety trigger that holds before any answer (the language allows "or true") raises its
// alert in a new session and after "start over", as evaluating the answers again does.
TEST(LiveEvaluation, ASafetyTriggerThatHoldsBeforeAnyAnswerIsThereFromTheStart) {
  const Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(
      R"({"id": "hurt", "type": "yes_no", "text": {"en": "Hurt?"},
          "safety": {"when": "hurt = \"yes\" or true", "action": "crisis_support"}},
         {"id": "age", "type": "number", "text": {"en": "Age?"}, "min": 0, "max": 120})",
      R"({"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults."}, "source": "I1"})"));
  Session s(trial);
  ASSERT_EQ(evaluate(trial, s.answers()).safety.size(), 1u);
  EXPECT_TRUE(s.calls_for_crisis_support());
  ASSERT_FALSE(s.answer("age", Answer::of_number(30)));
  s.reset();
  EXPECT_TRUE(s.calls_for_crisis_support());
  ASSERT_NO_FATAL_FAILURE(expect_as_worked_out_again(s, "after start over"));
}

// The compiled programs (compiled_trial.h) against the conditions they come from: every rule
// and ask_if of each trial, on random answers (some questions unanswered, some not applying).
TEST(LiveEvaluation, CompiledConditionsGiveWhatTheConditionsGive) {
  std::mt19937 random(11);
  for (const Trial* trial : study_files_and_docs_example()) {
    const Navigator navigator(*trial);
    const CompiledTrial& compiled = navigator.compiled();
    const size_t n = trial->questions.size();
    // Every rule is in the record of every question it names, and only those.
    for (const Question& q : trial->questions) {
      std::vector<int> held, naming;
      for (const CompiledTrial::CriterionEntry entry : compiled.criteria_naming(q.index)) held.push_back(entry.index());
      for (size_t c = 0; c < trial->criteria.size(); ++c) {
        const Criterion& criterion = trial->criteria[c];
        const std::vector<int>* named = criterion.rule ? &referenced_questions(*criterion.rule) : nullptr;
        if (named && std::count(named->begin(), named->end(), q.index)) naming.push_back(static_cast<int>(c));
      }
      ASSERT_EQ(held, naming) << trial->info.id << ", question " << q.id;
    }
    for (int person = 0; person < 400; ++person) {
      AnswerSet answers(n);
      std::vector<bool> applies(n);
      for (const Question& q : trial->questions) {
        if (random() % 4 != 0) answers[static_cast<size_t>(q.index)] = random_answer(*trial, q, random);
        applies[static_cast<size_t>(q.index)] = random() % 5 != 0;
      }
      std::vector<CodedAnswer> coded;
      code_answers(*trial, answers, coded);
      const std::vector<unsigned char> applying(applies.begin(), applies.end());
      const CodedView view(coded.data(), applying.data());
      const AnswerView tree(answers, applies);
      const std::string where = trial->info.id + ", person " + std::to_string(person);
      // Each rule as the record of each question it names holds it.
      for (const Question& q : trial->questions)
        for (const CompiledTrial::CriterionEntry entry : compiled.criteria_naming(q.index)) {
          const Criterion& criterion = trial->criteria[static_cast<size_t>(entry.index())];
          ASSERT_TRUE(criterion.rule) << where;
          ASSERT_EQ(entry.rule_value(view), evaluate_condition(*criterion.rule, tree))
              << where << ", question " << q.id << ", criterion " << criterion.id << ": " << criterion.rule->source;
        }
      for (const Question& q : trial->questions)
        ASSERT_EQ(compiled.applies(q.index, view), question_applies(q, applies, tree))
            << where << ", question " << q.id << (q.ask_if ? ": " + q.ask_if->source : "");
    }
  }
}

// A catalog lays out the compiled trials of all its studies in one block, record by record in
// the order it reads them; each trial must read there exactly as it does alone.
TEST(LiveEvaluation, CompiledTrialsLaidOutTogetherReadAsEachAlone) {
  std::mt19937 random(13);
  const std::vector<const Trial*> trials = study_files_and_docs_example();
  std::vector<Navigator> alone;
  std::vector<CompiledTrial> compiled;
  for (const Trial* t : trials) {
    alone.emplace_back(*t);
    compiled.push_back(alone.back().compiled());
  }
  // Some records in a shuffled order, the rest left for lay_out_together to place.
  std::vector<std::pair<int, int>> order;
  for (size_t t = 0; t < trials.size(); ++t)
    for (const Question& q : trials[t]->questions)
      if (random() % 3 != 0) order.emplace_back(static_cast<int>(t), q.index);
  std::shuffle(order.begin(), order.end(), random);
  const std::vector<CompiledTrial> together = CompiledTrial::lay_out_together(compiled, order);
  ASSERT_EQ(together.size(), trials.size());
  auto same_indexes = [](CompiledTrial::Indexes a, CompiledTrial::Indexes b) { return std::vector<int>(a.begin(), a.end()) == std::vector<int>(b.begin(), b.end()); };
  size_t entries = 0;  // criteria entries compared
  for (size_t t = 0; t < trials.size(); ++t) {
    const Trial& trial = *trials[t];
    const CompiledTrial& a = compiled[t];
    const CompiledTrial& b = together[t];
    ASSERT_EQ(b.question_count(), a.question_count());
    ASSERT_EQ(b.criterion_count(), a.criterion_count());
    EXPECT_TRUE(same_indexes(b.gated(), a.gated())) << trial.info.id;
    for (const Question& q : trial.questions) {
      const int i = q.index;
      const std::string where = trial.info.id + ", question " + q.id;
      EXPECT_EQ(b.has_ask_if(i), a.has_ask_if(i)) << where;
      EXPECT_EQ(b.has_safety(i), a.has_safety(i)) << where;
      EXPECT_EQ(b.opens_later(i), a.opens_later(i)) << where;
      EXPECT_EQ(b.names_in_safety(i), a.names_in_safety(i)) << where;
      EXPECT_EQ(b.settle_reach(i), a.settle_reach(i)) << where;
      EXPECT_TRUE(same_indexes(b.ask_if_questions(i), a.ask_if_questions(i))) << where;
      EXPECT_TRUE(same_indexes(b.later_questions_asking_if(i), a.later_questions_asking_if(i))) << where;
      ASSERT_EQ(b.classes(i).size(), a.classes(i).size()) << where;
      for (size_t k = 0; k < a.classes(i).size(); ++k) {
        EXPECT_EQ(b.classes(i)[k].kind, a.classes(i)[k].kind) << where;
        EXPECT_EQ(b.classes(i)[k].options, a.classes(i)[k].options) << where;
        EXPECT_EQ(b.classes(i)[k].number, a.classes(i)[k].number) << where;
      }
      // Each criterion naming it: which one, whether an answer decides it alone, what it names.
      auto held = [](const CompiledTrial& c, int question) {
        std::vector<std::vector<int>> out;
        for (const CompiledTrial::CriterionEntry e : c.criteria_naming(question)) {
          out.push_back({e.index(), e.decides_alone()});
          out.back().insert(out.back().end(), e.rule_questions().begin(), e.rule_questions().end());
        }
        return out;
      };
      ASSERT_EQ(held(b, i), held(a, i)) << where;
      entries += held(a, i).size();
    }
    // The same programs: every rule and ask_if gives the same value on random answers.
    for (int person = 0; person < 100; ++person) {
      AnswerSet answers(trial.questions.size());
      std::vector<unsigned char> applying(trial.questions.size());
      for (const Question& q : trial.questions) {
        if (random() % 4 != 0) answers[static_cast<size_t>(q.index)] = random_answer(trial, q, random);
        applying[static_cast<size_t>(q.index)] = random() % 5 != 0;
      }
      std::vector<CodedAnswer> coded;
      code_answers(trial, answers, coded);
      const CodedView view(coded.data(), applying.data());
      for (const Question& q : trial.questions) {
        const std::string where = trial.info.id + ", person " + std::to_string(person) + ", question " + q.id;
        EXPECT_EQ(b.applies(q.index, view), a.applies(q.index, view)) << where;
        auto value = a.criteria_naming(q.index).begin();
        for (const CompiledTrial::CriterionEntry e : b.criteria_naming(q.index)) {
          EXPECT_EQ(e.rule_value(view), (*value).rule_value(view)) << where << ", criterion " << e.index();
          ++value;
        }
      }
    }
  }
  EXPECT_GT(entries, 50u);
}

// A catalog for the tests: the shipped depression catalog, its recruiting studies repeated
// `copies` times (so shared questions have many holders and gains come close), its own study
// questions kept apart. With `own_trials`, each study has its own copy of its trial in memory
// (as a real catalog's files, each loaded on its own), else the copies share it.
struct Catalogue {
  Catalog catalog;
  std::vector<const Trial*> trials;
  std::vector<std::unique_ptr<Trial>> own;  // the copies, with own_trials
};

Catalogue depression_catalog(int copies, bool own_trials = false) {
  Catalogue out;
  const CatalogLoadResult r = load_catalog(trialmatch_test::read_source_file("assets/catalogs/depression.json"));
  EXPECT_TRUE(r.catalog);
  if (!r.catalog) return out;
  out.catalog = *r.catalog;
  out.catalog.studies.clear();
  for (int n = 0; n < copies; ++n)
    for (const CatalogStudy& s : r.catalog->studies) {
      if (!s.open() || s.trial_file.empty()) continue;
      out.catalog.studies.push_back(s);
      out.catalog.studies.back().id += "-" + std::to_string(n);
      const Trial& trial = trialmatch_test::study_file(s.trial_file.substr(s.trial_file.find_last_of('/') + 1));
      if (own_trials) out.own.push_back(std::make_unique<Trial>(trial));
      out.trials.push_back(own_trials ? out.own.back().get() : &trial);
    }
  return out;
}

// Every study of a catalog, each with its own trial in memory (as a real catalog's files are
// each loaded on their own) so their compiled trials are laid out together, keeps exactly the
// state its answers give when worked out again alone.
TEST(LiveEvaluation, EachStudyOfACatalogWithItsOwnTrialsGivesWhatItGivesAlone) {
  std::mt19937 random(14);
  const Catalogue c = depression_catalog(3, true);
  ASSERT_EQ(c.own.size(), c.trials.size());
  const Catalog& catalog = c.catalog;
  const std::vector<const Trial*>& trials = c.trials;
  CatalogSession session(catalog, trials);
  for (int person = 0; person < 40; ++person) {
    session.reset();
    for (int step = 0; step < 25; ++step) {
      // Mostly the next question; sometimes any study's any question.
      std::optional<CatalogSession::Next> next = session.next_question();
      if (!next || random() % 3 == 0) {
        const int study = static_cast<int>(random() % trials.size());
        const int question = static_cast<int>(random() % trials[static_cast<size_t>(study)]->questions.size());
        next = CatalogSession::Next{session.key_id(study, question), session.key(study, question), study, question};
      }
      const Trial& trial = *trials[static_cast<size_t>(next->study)];
      ASSERT_FALSE(session.answer(next->key, random_answer(trial, trial.questions[static_cast<size_t>(next->question)], random)));
      for (size_t i = 0; i < trials.size(); ++i)
        ASSERT_NO_FATAL_FAILURE(expect_as_worked_out_again(session.session(static_cast<int>(i)),
                                                           catalog.studies[i].id + ", person " + std::to_string(person) + ", step " + std::to_string(step)));
      if (HasFailure()) return;
    }
  }
}

TEST(LiveEvaluation, EachAnswerGivesWhatEvaluatingAllTheAnswersAgainGives) {
  std::mt19937 random(20261129);
  for (const Trial* trial : study_files_and_docs_example()) {
    ASSERT_FALSE(trial->questions.empty());
    for (int person = 0; person < 150; ++person) {
      Session s(*trial);
      for (int step = 0; step < 40; ++step) {
        const std::string where = trial->info.id + ", person " + std::to_string(person) + ", step " + std::to_string(step);
        // Mostly the question asked next, as a person would; sometimes any question (going
        // back and changing an answer, or one that no longer applies), or an answer cleared.
        const int roll = static_cast<int>(random() % 10);
        int q = s.next_question();
        if (q < 0 || roll < 3) q = static_cast<int>(random() % trial->questions.size());
        if (roll == 0) s.clear_answer(q);
        else ASSERT_FALSE(s.answer(q, random_answer(*trial, trial->questions[static_cast<size_t>(q)], random))) << where;
        ASSERT_NO_FATAL_FAILURE(expect_as_worked_out_again(s, where));
        if (HasFailure()) return;
      }
    }
  }
}

TEST(LiveEvaluation, WouldFinishIsWhatAnsweringThenEvaluatingAgainGivesAndChangesNothing) {
  std::mt19937 random(7);
  for (const Trial* trial : study_files_and_docs_example()) {
    const Navigator navigator(*trial);
    for (int person = 0; person < 60; ++person) {
      Session s(*trial);
      for (int step = 0; step < 12 && !s.finished(); ++step) {
        for (const Question& q : trial->questions) {
          for (const AnswerClass& c : navigator.classes(q.index)) {
            AnswerSet tried = s.answers();
            tried[static_cast<size_t>(q.index)] = c.representative;
            const bool settled = navigator.settled(tried, evaluate(*trial, tried));
            EXPECT_EQ(s.would_finish(q.index, c.representative), settled)
                << trial->info.id << ", person " << person << ", " << q.id << " = " << c.label;
          }
        }
        ASSERT_NO_FATAL_FAILURE(expect_as_worked_out_again(s, trial->info.id + ": after trying answers"));
        const int next = s.next_question();
        ASSERT_FALSE(s.answer(next, random_answer(*trial, trial->questions[static_cast<size_t>(next)], random)));
        if (HasFailure()) return;
      }
    }
  }
}

// Random small trials, with what the real files have little of: gates behind gates, safety
// questions, criteria that put a study out of reach (its questions stop but for safety
// ones), criteria naming several questions, most of them "review" (so an answer seldom
// rules anyone out, and would_settle's shortcut, from how many questions an answer could make
// irrelevant, is what decides). Questions q0 (a number) to qN, each named by some criterion.
std::string random_trial_document(std::mt19937& random) {
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const int n = 4 + pick(9);
  std::vector<bool> named(static_cast<size_t>(n), false), safety(static_cast<size_t>(n), false);
  bool names_safety = false;  // the last rule names a question with a safety trigger
  auto test_of = [&](int q) {
    named[static_cast<size_t>(q)] = true;
    names_safety = names_safety || safety[static_cast<size_t>(q)];
    if (q == 0) return std::string("q0 ") + (pick(2) ? ">= " : "< ") + std::to_string(20 + pick(50));
    return "q" + std::to_string(q) + (pick(2) ? " = " : " != ") + (pick(2) ? R"(\"yes\")" : R"(\"no\")");
  };
  auto rule_over = [&](int below, int most) {  // names questions before `below`
    std::string rule;
    names_safety = false;
    for (int k = 0, tests = 1 + pick(most); k < tests; ++k) rule += (k ? (pick(2) ? " and " : " or ") : "") + test_of(pick(below));
    return rule;
  };
  std::string questions, criteria;
  for (int i = 0; i < n; ++i) {
    const std::string id = "q" + std::to_string(i);
    questions += (i ? ", " : "") + std::string(R"({"id": ")") + id + "\", " +
                 (i == 0 ? R"("type": "number", "min": 0, "max": 120)" : R"("type": "yes_no")") +
                 R"(, "text": {"en": "Q?"})" + (pick(2) ? (i == 0 ? R"(, "unknown": ["prefer_not_to_say"])" : R"(, "unknown": ["not_sure"])") : "");
    if (i > 0 && pick(3) == 0) questions += R"(, "ask_if": ")" + rule_over(i, 2) + "\"";
    if (i > 0 && pick(7) == 0) {
      questions += R"(, "safety": {"when": ")" + id + R"( = \"yes\"", "action": "crisis_support"})";
      named[static_cast<size_t>(i)] = true;
      safety[static_cast<size_t>(i)] = true;
    }
    questions += "}";
  }
  const bool all_review = pick(2) == 0;
  // A rule that names a question with a safety trigger may only send a person to review.
  for (int k = 0, count = 1 + pick(n); k < count; ++k) {
    const std::string type = pick(2) ? "inclusion" : "exclusion", rule = rule_over(n, 3);
    criteria += (k ? ", " : "") + std::string(R"({"id": "c)") + std::to_string(k) + R"(", "type": ")" + type +
                R"(", "rule": ")" + rule + "\", " +
                (all_review || names_safety || pick(100) < 85
                     ? std::string(R"("when_fails": "review", )") + (pick(5) == 0 ? R"("out_of_reach": true, )" : "")
                     : std::string()) +
                R"("text": {"en": "C."}, "source": "S"})";
  }
  for (int i = 0; i < n; ++i)
    if (!named[static_cast<size_t>(i)])
      criteria += R"(, {"id": "u)" + std::to_string(i) + R"(", "type": "inclusion", "rule": ")" + test_of(i) +
                  R"(", "when_fails": "review", "text": {"en": "C."}, "source": "S"})";
  return trialmatch_test::trial_document(questions, criteria);
}

TEST(LiveEvaluation, WouldFinishIsWhatAnsweringThenEvaluatingAgainGivesOnRandomTrials) {
  std::mt19937 random(20261129);
  int trials = 0, settling = 0;
  for (int t = 0; t < 200; ++t) {
    const std::string text = random_trial_document(random);
    const TrialLoadResult loaded = load_trial(text);
    ASSERT_TRUE(loaded.trial && loaded.errors.empty()) << text << "\n" << (loaded.errors.empty() ? "" : loaded.errors.front().message);
    const Trial& trial = *loaded.trial;
    const Navigator navigator(trial);
    ++trials;
    for (int person = 0; person < 8; ++person) {
      Session s(trial);
      for (int step = 0; step < 12; ++step) {
        for (const Question& q : trial.questions) {
          std::vector<Answer> tries;
          for (const AnswerClass& c : navigator.classes(q.index)) tries.push_back(c.representative);
          tries.push_back(random_answer(trial, q, random));
          for (const Answer& a : tries) {
            AnswerSet tried = s.answers();
            tried[static_cast<size_t>(q.index)] = a;
            const bool settled = navigator.settled(tried, evaluate(trial, tried));
            settling += settled ? 1 : 0;
            ASSERT_EQ(s.would_finish(q.index, a), settled) << text << "\nperson " << person << ", step " << step << ", " << q.id;
          }
        }
        // Mostly the next question; sometimes any question, or an answer cleared.
        const int roll = static_cast<int>(random() % 10);
        int q = s.next_question();
        if (q < 0 || roll < 3) q = static_cast<int>(random() % trial.questions.size());
        if (roll == 0) s.clear_answer(q);
        else ASSERT_FALSE(s.answer(q, random_answer(trial, trial.questions[static_cast<size_t>(q)], random)));
        // The live state asks what evaluating everything again asks.
        ASSERT_EQ(s.progress().relevant, navigator.relevant_questions(s.answers(), evaluate(trial, s.answers())))
            << text << "\nperson " << person << ", step " << step;
      }
    }
  }
  EXPECT_EQ(trials, 200);
  EXPECT_GT(settling, 1000) << "answers that settle a trial were tried";
}

// ---------------------------------------------------------------------------------------
// The catalog's next question, against every candidate's gain counted in full (the
// algorithm as it was before counting stopped early).
// ---------------------------------------------------------------------------------------
double gain_of(const CatalogSession& session, int study, int question) {
  const Session& s = session.session(study);
  const std::vector<AnswerClass>& classes = s.navigator().classes(question);
  if (classes.empty()) return 0;
  int settling = 0;
  for (const AnswerClass& c : classes) {
    AnswerSet answers = s.answers();
    answers[static_cast<size_t>(question)] = c.representative;
    if (s.navigator().settled(answers, evaluate(s.trial(), answers))) ++settling;
  }
  return static_cast<double>(settling) / static_cast<double>(classes.size());
}

std::optional<std::string> next_key_counting_everything(const CatalogSession& session) {
  struct Candidate {
    std::string key;
    double gain = 0;
    int studies = 0;
    bool sensitive = false;
  };
  std::vector<Candidate> candidates;
  std::optional<std::string> fallback;
  for (size_t i = 0; i < session.catalog().studies.size(); ++i) {
    const int study = static_cast<int>(i);
    if (!session.open(study) || session.session(study).finished()) continue;
    const Session& s = session.session(study);
    const int q = s.progress().next_question;
    const Question& question = s.trial().questions[static_cast<size_t>(q)];
    bool waiting = false;
    if (question.ask_if) {
      const EffectiveAnswers effective(s.trial(), s.answers());
      for (int d : referenced_questions(*question.ask_if)) waiting = waiting || (!s.answer_to(d) && effective.applies(d));
    }
    const std::string& key = session.key(study, q);
    if (waiting) {
      if (!fallback) fallback = key;
      continue;
    }
    if (std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) { return c.key == key; })) continue;
    Candidate c{key};
    for (const auto& [holder, hq] : session.holders(key)) {
      const Session& h = session.session(holder);
      const std::vector<int>& relevant = h.progress().relevant;
      if (h.finished() || std::find(relevant.begin(), relevant.end(), hq) == relevant.end()) continue;
      c.gain += gain_of(session, holder, hq);
      c.studies += 1;
      c.sensitive = c.sensitive || h.trial().questions[static_cast<size_t>(hq)].safety.has_value();
    }
    candidates.push_back(c);
  }
  if (candidates.empty()) return fallback;
  auto better = [](const Candidate& a, const Candidate& b) {
    if (a.sensitive != b.sensitive) return !a.sensitive;
    if (a.gain != b.gain) return a.gain > b.gain;
    return a.studies > b.studies;
  };
  const Candidate* best = &candidates.front();
  for (const Candidate& c : candidates)
    if (better(c, *best)) best = &c;
  return best->key;
}

TEST(CatalogNextQuestion, StoppingTheCountEarlyChoosesWhatCountingEverythingChooses) {
  std::mt19937 random(12);
  for (int copies : {1, 7}) {
    const Catalogue c = depression_catalog(copies);
    CatalogSession session(c.catalog, c.trials);
    for (int person = 0; person < (copies == 1 ? 120 : 25); ++person) {
      session.reset();
      for (int step = 0; step < 40; ++step) {
        const auto next = session.next_question();
        const auto expected = next_key_counting_everything(session);
        ASSERT_EQ(next.has_value(), expected.has_value()) << copies << " copies, person " << person << ", step " << step;
        if (!next) break;
        ASSERT_EQ(next->key, *expected) << copies << " copies, person " << person << ", step " << step;
        // Often a different question than the one proposed (as going back would), so the
        // copies of a study part ways and the questions they propose compete.
        std::string key = next->key;
        int study = next->study, question = next->question;
        if (random() % 2 == 0) {
          study = static_cast<int>(random() % c.catalog.studies.size());
          question = static_cast<int>(random() % c.trials[static_cast<size_t>(study)]->questions.size());
          key = session.key(study, question);
        }
        const Question& q = c.trials[static_cast<size_t>(study)]->questions[static_cast<size_t>(question)];
        ASSERT_FALSE(session.answer(key, random_answer(*c.trials[static_cast<size_t>(study)], q, random)));
      }
    }
  }
}

}  // namespace

}  // namespace unit_live_evaluation
