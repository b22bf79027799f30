#include "coded_answer.h"

namespace trialmatch {

namespace {

std::uint32_t option_bit(const Question& question, const std::string& option_id) {
  const Option* o = question.find_option(option_id);
  return o ? std::uint32_t{1} << (o - question.options.data()) : 0;
}

}  // namespace

CodedAnswer::Kind answer_kind_of(const Question& question) {
  switch (question.type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice: return CodedAnswer::Choice;
    case QuestionType::MultipleChoice: return CodedAnswer::Choices;
    case QuestionType::Number: return CodedAnswer::Number;
    case QuestionType::MonthYear: return CodedAnswer::MonthYear;
  }
  return CodedAnswer::Unknown;
}

CodedAnswer code_answer(const Question& question, const Answer& answer) {
  CodedAnswer coded;
  coded.number = answer.number;
  switch (answer.kind) {
    case Answer::Kind::Unknown: coded.kind = CodedAnswer::Unknown; break;
    case Answer::Kind::Choice:
      coded.kind = CodedAnswer::Choice;
      coded.options = option_bit(question, answer.choice);
      break;
    case Answer::Kind::Choices:
      coded.kind = CodedAnswer::Choices;
      for (const std::string& id : answer.choices) coded.options |= option_bit(question, id);
      break;
    case Answer::Kind::Number: coded.kind = CodedAnswer::Number; break;
    case Answer::Kind::MonthYear: coded.kind = CodedAnswer::MonthYear; break;
  }
  return coded;
}

void code_answers(const Trial& trial, const std::vector<std::optional<Answer>>& answers, std::vector<CodedAnswer>& out) {
  // One per question of the trial (a shorter set leaves the rest unanswered).
  out.resize(trial.questions.size());
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = i < answers.size() && answers[i] ? code_answer(trial.questions[i], *answers[i]) : CodedAnswer{};
}

}  // namespace trialmatch
