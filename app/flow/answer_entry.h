// What the person has entered on a question screen before it becomes an answer: digits on
// the keypad, ticked boxes, the year shown on a month stepper. Continue (or a month) turns
// it into an Answer, or says what is wrong; the flow hands the answer to the questionnaire.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trial.h"

namespace trialmatch::flow {

// What keeps an entry from being an answer, as the screen says it.
enum class EntryProblem { None, ChooseAtLeastOne, NumberOutOfRange, MonthOutOfRange };

class AnswerEntry {
 public:
  // A question screen opens: an earlier answer is shown (a number as typed digits that the
  // first new digit replaces, the boxes ticked, its year on the stepper); `this_year` is where
  // the stepper starts without one. Both kept within the question's range.
  void begin(const Question& q, const std::optional<Answer>& previous, int this_year);
  void clear();  // nothing entered (start over, a saved file opened)

  // The keypad: at most six digits; a leading 0 is replaced.
  void type_digit(int digit);
  void delete_digit();
  void clear_number();
  // A tick: "None of these" (an exclusive option) clears the others, and any other clears it.
  void toggle(const Question& q, const Option& option);
  // The month stepper's year, within the question's range.
  void step_year(const Question& q, int delta);

  struct Outcome {
    std::optional<Answer> answer;
    EntryProblem problem = EntryProblem::None;
  };
  // Continue on a multiple-choice or number question.
  Outcome submit(const Question& q) const;
  // A month picked on a month/year question (0 January .. 11 December) of the year shown.
  Outcome pick_month(const Question& q, int month) const;

  const std::string& number() const { return number_; }
  int year_shown() const { return year_shown_; }
  bool ticked(const std::string& option_id) const;

 private:
  std::string number_;     // digits typed on the keypad
  bool prefilled_ = false;  // number_ shows an earlier answer
  int year_shown_ = 0;
  std::vector<std::string> ticked_;
};

}  // namespace trialmatch::flow
