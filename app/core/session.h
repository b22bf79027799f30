// One person's pass through a trial's questionnaire: their answers (in memory only),
// the evaluation of those answers, and where to go next. `reset` forgets everything.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "evaluation.h"
#include "navigation.h"
#include "trial.h"

namespace trialmatch {

// Why an answer does not fit its question. Screens choose their own words from `fault`;
// `message` (English, naming ids) is for the CLI and the tests.
struct AnswerProblem {
  enum class Fault { NoSuchQuestion, WrongKind, NoSuchOption, NothingChosen, NotAlone, OutOfRange, NotWhole };
  Fault fault;
  std::string message;
};
std::ostream& operator<<(std::ostream& out, const AnswerProblem& problem);

// Checks that `answer` fits `question` (an option it has, a number in its bounds, ...).
// Unknown answers always fit.
std::optional<AnswerProblem> check_answer(const Question& question, const Answer& answer);
// The same, and an unknown answer must be one the question offers: for answers read back
// from a file or a code, which must be answers the person could have given (a safety
// question that offers no "Prefer not to say" must not be left unanswered that way).
std::optional<AnswerProblem> check_offered_answer(const Question& question, const Answer& answer);

class Session {
 public:
  // The trial must outlive the session.
  explicit Session(const Trial& trial);

  const Trial& trial() const { return trial_; }

  // Records an answer (replacing any earlier one). Returns the problem, and changes
  // nothing, when the answer does not fit the question.
  std::optional<AnswerProblem> answer(int question_index, const Answer& answer);
  std::optional<AnswerProblem> answer(const std::string& question_id, const Answer& answer);

  void clear_answer(int question_index);
  void reset();  // "Start over": every answer is forgotten

  const std::optional<Answer>& answer_to(int question_index) const;
  const AnswerSet& answers() const { return answers_; }

  const Navigator& navigator() const { return navigator_; }
  const Evaluation& evaluation() const { return evaluation_; }
  const Progress& progress() const { return progress_; }
  bool finished() const { return progress_.next_question < 0; }

  // The question before `question_index` in the person's path (for Back); -1 if none.
  // Pass -1 for the result screen: its previous question is the last one answered.
  int previous_question(int question_index) const;

 private:
  const Trial& trial_;
  Navigator navigator_;
  AnswerSet answers_;
  Evaluation evaluation_;
  Progress progress_;

  void update();
};

}  // namespace trialmatch
