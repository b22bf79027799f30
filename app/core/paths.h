// Every distinct path through a questionnaire, to the verdict it ends in: a review aid for
// study teams ("show us every way through it") and a test oracle.
//
// Answers are grouped twice so the list stays readable:
//  - within a question, into the classes the conditions can tell apart (numbers into
//    ranges, see answer_classes.h);
//  - at each step, answer classes that leave the questionnaire in the same state share one
//    branch (labelled "yes | not sure"). Two states are the same when they have the same
//    worst outcome so far, the same safety actions, the same criteria still open to change,
//    and the same answers to the questions those criteria and the remaining ask_ifs name:
//    from there on, every question, verdict and safety action is the same.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "evaluation.h"
#include "trial.h"

namespace trialmatch {

struct PathStep {
  int question_index = 0;
  std::string answer;  // the answer classes of this branch, e.g. "18 to 65" or "no | unknown"
};

struct QuestionPath {
  std::vector<PathStep> steps;
  AnswerSet answers;      // one representative answer per step
  Evaluation evaluation;  // where it ends
};

// Calls `visit` for every path, depth first in questionnaire order. Returns the number
// of paths, or stops early (returning the count so far) once `limit` paths were visited.
size_t for_each_path(const Trial& trial, const std::function<void(const QuestionPath&)>& visit,
                     size_t limit = static_cast<size_t>(-1));

// Everything about these answers that can still matter later, as text: two answer sets with
// the same key lead to the same later questions, verdict and safety actions (above).
std::string path_state_key(const Trial& trial, const AnswerSet& answers, const Evaluation& evaluation);

}  // namespace trialmatch
