// libFuzzer target: any bytes as a trial-definition file. The loader must never crash,
// hang or allocate without bound; it either loads a trial with no errors, or lists at most
// limits::kMaxErrors (+1 counting the rest) located, shortened problems. A trial that loads
// must also run: a session with no answers evaluates and reports. And on random answers
// (drawn from a seed made of the input), its two faster forms give what the reference gives:
// the compiled programs (compiled_trial.h) what the condition trees give, and the live
// evaluation, answer by answer (live_evaluation.h), what evaluating all the answers again gives.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "answer_classes.h"
#include "fuzz_support.h"
#include "random_answer.h"
#include "report_json.h"
#include "session.h"

using namespace trialmatch;
using trialmatch_fuzz::random_answer;
using trialmatch_fuzz::require;

namespace {

// FNV-1a over the input: the same input, the same answers (so a crash reproduces).
std::uint32_t seed_of(const std::string& text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) h = (h ^ c) * 16777619u;
  return h;
}

// The compiled programs against the conditions they come from: each rule as every question
// it names holds it, and each question's ask_if, on random answers (some questions
// unanswered, some not applying).
void check_compiled_against_trees(const Trial& trial, const Navigator& navigator, std::mt19937& random) {
  const CompiledTrial& compiled = navigator.compiled();
  const size_t n = trial.questions.size();
  for (int person = 0; person < 4; ++person) {
    AnswerSet answers(n);
    std::vector<bool> applies(n);
    for (const Question& q : trial.questions) {
      if (random() % 4 != 0) answers[static_cast<size_t>(q.index)] = random_answer(navigator.classes(q.index), q, random);
      applies[static_cast<size_t>(q.index)] = random() % 5 != 0;
    }
    std::vector<CodedAnswer> coded;
    code_answers(trial, answers, coded);
    const std::vector<unsigned char> applying(applies.begin(), applies.end());
    const CodedView view(coded.data(), applying.data());
    const AnswerView tree(answers, applies);
    for (const Question& q : trial.questions) {
      std::vector<int> held, naming;
      for (const CompiledTrial::CriterionEntry entry : compiled.criteria_naming(q.index)) {
        const Criterion& criterion = trial.criteria[static_cast<size_t>(entry.index())];
        require(criterion.rule.has_value(), "a compiled criterion has a rule");
        require(entry.rule_value(view) == evaluate_condition(*criterion.rule, tree), "a compiled rule gives what its condition gives");
        held.push_back(entry.index());
      }
      for (size_t c = 0; c < trial.criteria.size(); ++c) {
        const std::optional<Condition>& rule = trial.criteria[c].rule;
        const std::vector<int>* named = rule ? &referenced_questions(*rule) : nullptr;
        if (named && std::count(named->begin(), named->end(), q.index)) naming.push_back(static_cast<int>(c));
      }
      require(held == naming, "a question's record holds exactly the rules that name it");
      require(compiled.applies(q.index, view) == question_applies(q, applies, tree), "a compiled ask_if gives what its condition gives");
    }
  }
}

// The session's kept-up-to-date state against everything worked out again from its answers.
void check_as_worked_out_again(const Session& s, const Navigator& navigator) {
  const Evaluation whole = evaluate(s.trial(), s.answers());
  const Evaluation& live = s.evaluation();
  require(live.verdict == whole.verdict, "live evaluation: the verdict evaluating again gives");
  require(live.applies == whole.applies, "live evaluation: the questions that apply");
  require(live.criteria.size() == whole.criteria.size(), "live evaluation: every criterion");
  for (size_t c = 0; c < whole.criteria.size(); ++c) {
    require(live.criteria[c].criterion_index == whole.criteria[c].criterion_index, "live evaluation: criteria in order");
    require(live.criteria[c].status == whole.criteria[c].status, "live evaluation: each criterion's status");
    require(live.criteria[c].outcome == whole.criteria[c].outcome, "live evaluation: each criterion's outcome");
  }
  require(live.safety.size() == whole.safety.size(), "live evaluation: the safety alerts");
  for (size_t i = 0; i < whole.safety.size(); ++i)
    require(live.safety[i].question_index == whole.safety[i].question_index && live.safety[i].action == whole.safety[i].action,
            "live evaluation: each safety alert");
  const Progress expected = navigator.progress(s.answers(), whole);
  const Progress& p = s.progress();
  require(p.next_question == expected.next_question && s.next_question() == expected.next_question,
          "live evaluation: the next question");
  require(p.relevant == expected.relevant && p.history == expected.history, "live evaluation: the questions still relevant");
  require(p.step == expected.step && p.estimated_total == expected.estimated_total, "live evaluation: the step and total");
  require(s.finished() == (expected.next_question < 0), "live evaluation: finished when nothing is relevant");
}

// Random answer sequences, mostly the next question as a person would answer, sometimes any
// question (going back to change an answer, or one that no longer applies) or an answer
// cleared; after each, the live state is checked, and so is whether an answer to the next
// question would finish the questionnaire.
void check_live_against_whole(const Trial& trial, const Navigator& navigator, std::mt19937& random) {
  const int questions = static_cast<int>(trial.questions.size());
  for (int person = 0; person < 2; ++person) {
    Session s(trial);
    for (int step = 0; step < std::min(2 * questions, 30); ++step) {
      const int roll = static_cast<int>(random() % 10);
      int q = s.next_question();
      if (q < 0 || roll < 3) q = static_cast<int>(random() % static_cast<unsigned>(questions));
      const Question& question = trial.questions[static_cast<size_t>(q)];
      if (roll == 0) s.clear_answer(q);
      else if (s.answer(q, random_answer(navigator.classes(q), question, random))) continue;  // did not fit: nothing changed
      check_as_worked_out_again(s, navigator);
      const int next = s.next_question();
      if (next < 0) continue;
      const std::vector<AnswerClass>& classes = navigator.classes(next);
      for (size_t k = 0; k < std::min<size_t>(classes.size(), 8); ++k) {
        AnswerSet tried = s.answers();
        tried[static_cast<size_t>(next)] = classes[k].representative;
        require(s.would_finish(next, classes[k].representative) == navigator.settled(tried, evaluate(trial, tried)),
                "would_finish is what answering, then evaluating again, gives");
      }
    }
  }
}

}  // namespace

int trialmatch_fuzz::fuzz_trial_loader(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  TrialLoadResult loaded = load_trial(text);
  require(loaded.trial.has_value() == loaded.errors.empty(), "a trial loads exactly when there are no errors");
  require(loaded.errors.size() <= limits::kMaxErrors + 1, "at most kMaxErrors problems are listed");
  for (const Diagnostic& d : loaded.errors) {
    trialmatch_fuzz::require_short(d.message);
    trialmatch_fuzz::require_short(format_diagnostic(d, "trial.json"));
  }
  if (loaded.trial) {
    Session session(*loaded.trial);
    const std::string lang = loaded.trial->languages.front();
    (void)evaluation_to_json(*loaded.trial, session.answers(), session.evaluation(), session.progress(), lang)
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (!loaded.trial->questions.empty()) {
      std::mt19937 random(seed_of(text));
      const Navigator navigator(*loaded.trial);
      check_compiled_against_trees(*loaded.trial, navigator, random);
      check_live_against_whole(*loaded.trial, navigator, random);
    }
  }
  return 0;
}

#ifndef TRIALMATCH_FUZZ_REPLAY  // the unit tests replay the corpus through fuzz_trial_loader directly
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return trialmatch_fuzz::fuzz_trial_loader(data, size);
}
#endif
