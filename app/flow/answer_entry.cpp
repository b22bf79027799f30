#include "answer_entry.h"

#include <algorithm>
#include <cstdlib>

#include "answer.h"

namespace trialmatch::flow {

void AnswerEntry::begin(const Question& q, const std::optional<Answer>& previous, int this_year) {
  clear();
  if (previous && previous->kind == Answer::Kind::Number) {
    number_ = format_number(previous->number);
    prefilled_ = true;  // the first digit typed replaces it, like selected text
  }
  if (previous && previous->kind == Answer::Kind::Choices) ticked_ = previous->choices;
  if (q.type == QuestionType::MonthYear) {
    const int year = previous && previous->kind == Answer::Kind::MonthYear ? static_cast<int>(previous->number) / 12 : this_year;
    year_shown_ = std::clamp(year, static_cast<int>(q.min) / 12, static_cast<int>(q.max) / 12);
  }
}

void AnswerEntry::clear() {
  number_.clear();
  prefilled_ = false;
  ticked_.clear();
}

void AnswerEntry::type_digit(int digit) {
  if (prefilled_ || number_ == "0") number_.clear();
  prefilled_ = false;
  if (number_.size() < 6) number_ += static_cast<char>('0' + digit);
}

void AnswerEntry::delete_digit() {
  if (!number_.empty()) number_.pop_back();
  prefilled_ = false;
}

void AnswerEntry::clear_number() {
  number_.clear();
  prefilled_ = false;
}

void AnswerEntry::toggle(const Question& q, const Option& option) {
  auto it = std::find(ticked_.begin(), ticked_.end(), option.id);
  if (it != ticked_.end()) {
    ticked_.erase(it);
  } else if (option.exclusive) {
    ticked_ = {option.id};
  } else {
    ticked_.erase(std::remove_if(ticked_.begin(), ticked_.end(),
                                 [&](const std::string& id) { return q.find_option(id)->exclusive; }),
                  ticked_.end());
    ticked_.push_back(option.id);
  }
}

void AnswerEntry::step_year(const Question& q, int delta) {
  year_shown_ = std::clamp(year_shown_ + delta, static_cast<int>(q.min) / 12, static_cast<int>(q.max) / 12);
}

AnswerEntry::Outcome AnswerEntry::submit(const Question& q) const {
  if (q.type == QuestionType::MultipleChoice) {
    if (ticked_.empty()) return {std::nullopt, EntryProblem::ChooseAtLeastOne};
    return {Answer::of_choices(ticked_)};
  }
  if (q.type == QuestionType::Number) {
    const double value = number_.empty() ? -1 : std::atof(number_.c_str());
    if (number_.empty() || value < q.min || value > q.max) return {std::nullopt, EntryProblem::NumberOutOfRange};
    return {Answer::of_number(value)};
  }
  return {};
}

AnswerEntry::Outcome AnswerEntry::pick_month(const Question& q, int month) const {
  if (month < 0 || month > 11) return {};
  const int value = year_shown_ * 12 + month;
  if (value < q.min || value > q.max) return {std::nullopt, EntryProblem::MonthOutOfRange};
  return {Answer::of_month_year(value)};
}

bool AnswerEntry::ticked(const std::string& option_id) const {
  return std::find(ticked_.begin(), ticked_.end(), option_id) != ticked_.end();
}

}  // namespace trialmatch::flow
