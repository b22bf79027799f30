// libFuzzer target: any bytes as a condition (ask_if, rule, safety.when). Parsing never
// crashes; a condition that parses is checked against the seed study's questions and, if
// it checks, evaluated with every answer unknown and with one fixed set of answers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "answer.h"
#include "condition.h"
#include "fuzz_support.h"
#include "trial.h"

using namespace trialmatch;

namespace {

class Lookup : public AnswerLookup {
 public:
  explicit Lookup(std::vector<Answer> answers) : answers_(std::move(answers)) {}
  const Answer* answer_at(int index) const override {
    return index >= 0 && static_cast<size_t>(index) < answers_.size() ? &answers_[static_cast<size_t>(index)] : nullptr;
  }

 private:
  std::vector<Answer> answers_;
};

// One plausible answer per seed question: the first option, a middle number, a month.
Lookup first_answers(const Trial& trial) {
  std::vector<Answer> answers;
  for (const Question& q : trial.questions) {
    if (q.type == QuestionType::Number) answers.push_back(Answer::of_number((q.min + q.max) / 2));
    else if (q.type == QuestionType::MonthYear) answers.push_back(Answer::of_month_year(2020 * 12));
    else if (q.type == QuestionType::MultipleChoice) answers.push_back(Answer::of_choices({q.options.front().id}));
    else answers.push_back(Answer::of_choice(q.options.front().id));
  }
  return Lookup(std::move(answers));
}

}  // namespace

int trialmatch_fuzz::fuzz_condition(const uint8_t* data, size_t size) {
  const std::string source(reinterpret_cast<const char*>(data), size);
  ParseResult parsed = parse_condition(source);
  trialmatch_fuzz::require(parsed.condition.has_value() != parsed.error.has_value(), "a condition parses or has an error");
  if (parsed.error) {
    trialmatch_fuzz::require(parsed.error->column >= 1, "a condition error has a column");
    trialmatch_fuzz::require_short(parsed.error->message);
    return 0;
  }
  const Trial& trial = trialmatch_fuzz::seed_trial();
  Condition condition = *parsed.condition;
  const std::vector<ConditionError> errors =
      check_condition(condition, trial.questions, static_cast<int>(trial.questions.size()), "the criteria");
  if (!errors.empty()) return 0;
  static const Lookup unknown({});
  static const Lookup answered = first_answers(trial);
  (void)evaluate_condition(condition, unknown);
  (void)evaluate_condition(condition, answered);
  for (int q : referenced_questions(condition)) {
    std::vector<const ConditionNode*> parts;
    collect_single_question_parts(*condition.root, q, parts);
  }
  return 0;
}

#ifndef TRIALMATCH_FUZZ_REPLAY  // the unit tests replay the corpus through fuzz_condition directly
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return trialmatch_fuzz::fuzz_condition(data, size);
}
#endif
