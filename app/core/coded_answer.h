// An answer as a few numbers: the chosen options as bits of the question's option list, or
// the number. Live evaluation compares these on every answer for thousands of studies, where
// comparing option ids as strings would read each study's question and option texts.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "answer.h"
#include "trial.h"

namespace trialmatch {

struct CodedAnswer {
  // Answer::Kind, and None for a question not answered.
  enum Kind : std::uint8_t { None, Unknown, Choice, Choices, Number, MonthYear };
  Kind kind = None;
  std::uint32_t options = 0;  // Choice, Choices: bit i for the question's option i
  double number = 0;          // Number, MonthYear: as Answer::number
};
static_assert(kMaxOptions <= 32, "an option must have a bit in CodedAnswer::options");

// The answer, which must fit the question (check_answer), coded against its options.
CodedAnswer code_answer(const Question& question, const Answer& answer);

// The kind of answer that fits a question.
CodedAnswer::Kind answer_kind_of(const Question& question);

// The answers as live evaluation sees them, coded (one per question, kind None when not
// answered), with the per-question "applies" flags kept beside them. As AnswerView: the answer
// given even where its question no longer applies, the answer that counts (answer_at), and one
// question's answer tried in place of the real one (what if the person answered so), and on top
// of that one more (what if, then, this question got that answer: the navigator's probe).
class CodedView {
 public:
  // Per question: its coded answer, and whether it applies (1 or 0).
  CodedView(const CodedAnswer* answers, const unsigned char* applies) : answers_(answers), applies_(applies) {}
  const CodedAnswer* given(int question) const {
    if (question == probed_question_) return probed_;
    if (question == tried_question_) return tried_;
    const CodedAnswer& a = answers_[static_cast<size_t>(question)];
    return a.kind == CodedAnswer::None ? nullptr : &a;
  }
  bool answered(int question) const { return given(question) != nullptr; }
  bool applies(int question) const { return applies_[static_cast<size_t>(question)] != 0; }
  const CodedAnswer* answer_at(int question) const { return applies(question) ? given(question) : nullptr; }
  // Reads `answer` (which must outlive the view) as the answer to `question`.
  void try_answer(int question, const CodedAnswer* answer) {
    tried_question_ = question;
    tried_ = answer;
  }
  // The view with `answer` (which must outlive it) as the answer to `question` as well.
  CodedView probing(int question, const CodedAnswer* answer) const {
    CodedView v = *this;
    v.probed_question_ = question;
    v.probed_ = answer;
    return v;
  }

 private:
  const CodedAnswer* answers_;
  const unsigned char* applies_;
  int tried_question_ = -1;
  const CodedAnswer* tried_ = nullptr;
  int probed_question_ = -1;
  const CodedAnswer* probed_ = nullptr;
};

// Every answer of the set coded, one per question of the trial, into `out` (kept in place:
// assigned one by one).
void code_answers(const Trial& trial, const std::vector<std::optional<Answer>>& answers, std::vector<CodedAnswer>& out);

}  // namespace trialmatch
