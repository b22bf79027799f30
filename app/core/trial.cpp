#include "trial.h"

#include <algorithm>

namespace trialmatch {

const std::string& text_in(const LocalText& text, const std::string& lang) {
  static const std::string empty;
  auto it = text.find(lang);
  if (it != text.end()) return it->second;
  return text.empty() ? empty : text.begin()->second;
}

const char* question_type_id(QuestionType type) {
  switch (type) {
    case QuestionType::YesNo: return "yes_no";
    case QuestionType::SingleChoice: return "single";
    case QuestionType::MultipleChoice: return "multiple";
    case QuestionType::Number: return "number";
    case QuestionType::MonthYear: return "month_year";
  }
  return "?";
}

const Option* Question::find_option(const std::string& option_id) const {
  for (const Option& o : options)
    if (o.id == option_id) return &o;
  return nullptr;
}

std::string Question::option_ids() const {
  std::string list;
  for (const Option& o : options) list += (list.empty() ? "\"" : ", \"") + o.id + "\"";
  return list;
}

bool Question::offers(UnknownKind kind) const {
  return std::find(unknown_answers.begin(), unknown_answers.end(), kind) != unknown_answers.end();
}

const Question* Trial::find_question(const std::string& question_id) const {
  int i = question_index(question_id);
  return i < 0 ? nullptr : &questions[static_cast<size_t>(i)];
}

int Trial::question_index(const std::string& question_id) const {
  for (const Question& q : questions)
    if (q.id == question_id) return q.index;
  return -1;
}

bool Trial::has_drafts() const {
  for (const Criterion& c : criteria)
    if (c.draft) return true;
  return false;
}

}  // namespace trialmatch
