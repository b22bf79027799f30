// Groups every possible answer to a question into the classes the trial's conditions can
// tell apart (numbers into ranges, choices into options that lead the same way). Used to
// decide whether a question can still change anything, and to list every path.
#pragma once

#include <string>
#include <vector>

#include "answer.h"
#include "trial.h"

namespace trialmatch {

struct AnswerClass {
  Answer representative;  // any answer of the class; all behave the same
  std::string label;      // "18 to 65", "female", "yes", "unknown", "pacemaker (or 3 other selections alike)"
};

std::vector<AnswerClass> answer_classes(const Trial& trial, const Question& question);

// The classes of each of the trial's questions, in the trial's order.
std::vector<std::vector<AnswerClass>> answer_classes_of_each_question(const Trial& trial);

}  // namespace trialmatch
