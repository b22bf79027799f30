// One person's pass through a trial's questionnaire: their answers (in memory only),
// the evaluation of those answers, and where to go next. `reset` forgets everything.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "evaluation.h"
#include "live_evaluation.h"
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
  // A session of the plan's trial that shares the plan (a catalog's copies of one study).
  explicit Session(std::shared_ptr<const LiveEvaluation::Plan> plan);
  const std::shared_ptr<const LiveEvaluation::Plan>& plan() const { return live_.plan(); }

  const Trial& trial() const { return trial_; }

  // Records an answer (replacing any earlier one). Returns the problem, and changes
  // nothing, when the answer does not fit the question.
  std::optional<AnswerProblem> answer(int question_index, const Answer& answer);
  std::optional<AnswerProblem> answer(const std::string& question_id, const Answer& answer);

  void clear_answer(int question_index);
  void reset();  // "Start over": every answer is forgotten

  const std::optional<Answer>& answer_to(int question_index) const;
  const AnswerSet& answers() const { return answers_; }

  const Navigator& navigator() const { return live_.navigator(); }
  const Evaluation& evaluation() const { return live_.evaluation(); }
  // Worked out when first asked for after a change (a catalog changes thousands of
  // sessions per answer and reads few of their progress bars).
  const Progress& progress() const;
  bool finished() const { return live_.settled(); }
  // The question to ask next (progress().next_question), -1 when finished; and whether a
  // question can still change the outcome (it is in progress().relevant).
  int next_question() const { return live_.first_relevant(); }
  bool relevant(int question_index) const { return live_.relevant(question_index); }
  Verdict verdict() const { return live_.verdict(); }  // evaluation().verdict
  bool applies(int question_index) const { return live_.applies(question_index); }  // evaluation().applies
  bool calls_for_crisis_support() const { return trialmatch::calls_for_crisis_support(live_.safety()); }
  // The safety alerts the answers raise now, kept up to date with each answer (reading them
  // does not work out the whole evaluation, as evaluation() does).
  const std::vector<SafetyAlert>& safety_alerts() const { return live_.safety(); }
  // Whether answering the question so would finish the questionnaire; changes nothing.
  bool would_finish(int question_index, const Answer& answer) const {
    return live_.would_settle(question_index, code_answer(trial_.questions[static_cast<size_t>(question_index)], answer));
  }
  // Whether an answer to the question, of this settle reach (CompiledTrial::settle_reach),
  // might finish it: when not, would_finish says no for every answer to that question.
  bool might_finish(int question_index, int settle_reach) const { return live_.might_settle(question_index, settle_reach); }
  // The same for an answer coded for the question (the compiled trial's answer classes).
  bool would_finish(int question_index, const CodedAnswer& answer) const {
    return live_.would_settle(question_index, answer);
  }
  // The question is answered (whether or not it still applies), read from the coded answers.
  bool answered(int question_index) const { return live_.answered(question_index); }
  bool gated(int question_index) const { return live_.gated(question_index); }  // it has an ask_if
  bool carries_safety(int question_index) const { return live_.carries_safety(question_index); }
  const CompiledTrial& compiled() const { return live_.compiled(); }

  // The question before `question_index` in the person's path (for Back); -1 if none.
  // Pass -1 for the result screen: its previous question is the last one answered.
  int previous_question(int question_index) const;

 private:
  // What every answer reads and writes first (see LiveEvaluation's members).
  mutable bool progress_stale_ = true;
  AnswerSet answers_;
  LiveEvaluation live_;
  const Trial& trial_;
  mutable Progress progress_;

  void changed(int question_index);

  // A catalog records an answer in thousands of sessions in steps (see CatalogSession::answer):
  // it reads ahead, then stores the answer and brings each session up to date; `answer` does
  // the last two. The catalog has checked the answer already.
  friend class CatalogSession;
  // Stores the answer, coded for the question, without the update (changed() brings the
  // session up to date).
  void store_answer(int question_index, const Answer& answer, const CodedAnswer& coded) {
    answers_[static_cast<size_t>(question_index)] = answer;
    live_.store(question_index, coded);
  }
  // Reads, in steps, the memory an answer to the question then uses (see
  // LiveEvaluation::read_ahead); returns a value of no meaning, so the reads are not left out.
  static constexpr int kReadSteps = LiveEvaluation::kReadSteps;
  unsigned read_ahead(int question_index, int step) const {
    const unsigned own = step == 1 ? static_cast<unsigned>(answers_[static_cast<size_t>(question_index)].has_value()) : 0;
    return own + live_.read_ahead(question_index, step);
  }
};

}  // namespace trialmatch
