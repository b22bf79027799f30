#include "session.h"

#include <cmath>
#include <utility>

namespace trialmatch {

std::ostream& operator<<(std::ostream& out, const AnswerProblem& problem) { return out << problem.message; }

std::optional<AnswerProblem> check_offered_answer(const Question& q, const Answer& a) {
  if (a.is_unknown() && !q.offers(a.unknown_kind))
    return AnswerProblem{AnswerProblem::Fault::WrongKind,
                         "question \"" + q.id + "\" does not offer \"" + unknown_kind_id(a.unknown_kind) + "\""};
  return check_answer(q, a);
}

std::optional<AnswerProblem> check_answer(const Question& q, const Answer& a) {
  using Fault = AnswerProblem::Fault;
  auto problem = [](Fault fault, std::string message) { return AnswerProblem{fault, std::move(message)}; };
  if (a.is_unknown()) return std::nullopt;
  switch (q.type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice:
      if (a.kind != Answer::Kind::Choice) return problem(Fault::WrongKind, "question \"" + q.id + "\" takes one of its options");
      if (!q.find_option(a.choice))
        return problem(Fault::NoSuchOption, "question \"" + q.id + "\" has no option \"" + a.choice +
                                                "\" (its options are " + q.option_ids() + ")");
      return std::nullopt;
    case QuestionType::MultipleChoice: {
      if (a.kind != Answer::Kind::Choices)
        return problem(Fault::WrongKind, "question \"" + q.id + "\" takes a list of its options");
      if (a.choices.empty()) return problem(Fault::NothingChosen, "question \"" + q.id + "\" needs at least one option chosen");
      for (const std::string& id : a.choices) {
        const Option* o = q.find_option(id);
        if (!o) return problem(Fault::NoSuchOption, "question \"" + q.id + "\" has no option \"" + id + "\"");
        if (o->exclusive && a.choices.size() > 1)
          return problem(Fault::NotAlone,
                         "option \"" + id + "\" of question \"" + q.id + "\" cannot be chosen together with others");
      }
      return std::nullopt;
    }
    case QuestionType::Number:
      if (a.kind != Answer::Kind::Number) return problem(Fault::WrongKind, "question \"" + q.id + "\" takes a number");
      if (!std::isfinite(a.number) || a.number < q.min || a.number > q.max)
        return problem(Fault::OutOfRange, "the answer to \"" + q.id + "\" must be between " + format_number(q.min) +
                                              " and " + format_number(q.max));
      if (q.integer && std::floor(a.number) != a.number)
        return problem(Fault::NotWhole, "the answer to \"" + q.id + "\" must be a whole number");
      return std::nullopt;
    case QuestionType::MonthYear:
      if (a.kind != Answer::Kind::MonthYear)
        return problem(Fault::WrongKind, "question \"" + q.id + "\" takes a month and year like \"2024-05\"");
      if (a.number < q.min || a.number > q.max)
        return problem(Fault::OutOfRange, "the answer to \"" + q.id + "\" must be between " +
                                              format_month_year(static_cast<int>(q.min)) + " and " +
                                              format_month_year(static_cast<int>(q.max)));
      return std::nullopt;
  }
  return problem(Fault::WrongKind, "unsupported question type");
}

Session::Session(const Trial& trial) : Session(std::make_shared<const LiveEvaluation::Plan>(trial)) {}

Session::Session(std::shared_ptr<const LiveEvaluation::Plan> plan)
    : answers_(plan->trial().questions.size()), live_(std::move(plan)), trial_(live_.plan()->trial()) {
  live_.reset();
}

std::optional<AnswerProblem> Session::answer(int question_index, const Answer& a) {
  if (question_index < 0 || static_cast<size_t>(question_index) >= trial_.questions.size())
    return AnswerProblem{AnswerProblem::Fault::NoSuchQuestion, "there is no such question"};
  if (auto problem = check_answer(trial_.questions[static_cast<size_t>(question_index)], a)) return problem;
  answers_[static_cast<size_t>(question_index)] = a;
  live_.store(question_index, code_answer(trial_.questions[static_cast<size_t>(question_index)], a));
  changed(question_index);
  return std::nullopt;
}

std::optional<AnswerProblem> Session::answer(const std::string& question_id, const Answer& a) {
  const int i = trial_.question_index(question_id);
  if (i < 0) return AnswerProblem{AnswerProblem::Fault::NoSuchQuestion, "there is no question with id \"" + question_id + "\""};
  return answer(i, a);
}

void Session::clear_answer(int question_index) {
  if (question_index < 0 || static_cast<size_t>(question_index) >= answers_.size()) return;
  answers_[static_cast<size_t>(question_index)].reset();
  live_.store(question_index, CodedAnswer{});
  changed(question_index);
}

void Session::reset() {
  // Cleared in place (each answer's own storage is freed), so the session stays where it was
  // laid out in memory (see LiveEvaluation::reset).
  for (auto& a : answers_) a.reset();
  live_.reset();
  progress_stale_ = true;
}

const std::optional<Answer>& Session::answer_to(int question_index) const {
  return answers_[static_cast<size_t>(question_index)];
}

int Session::previous_question(int question_index) const {
  int previous = -1;
  for (int h : progress().history) {
    if (question_index >= 0 && h >= question_index) break;
    previous = h;
  }
  return previous;
}

const Progress& Session::progress() const {
  if (progress_stale_) {
    progress_ = make_progress(answers_, live_.evaluation().applies, live_.relevant_questions());
    progress_stale_ = false;
  }
  return progress_;
}

void Session::changed(int question_index) {
  live_.answer_changed(answers_, question_index);
  progress_stale_ = true;
}

}  // namespace trialmatch
