// Random answers for the checks that compare the fast forms of evaluation with the reference
// (tests/fuzz/fuzz_trial_loader.cpp, tests/unit/test_live_evaluation.cpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "answer.h"
#include "answer_classes.h"
#include "trial.h"

namespace trialmatch_fuzz {

// Any answer that fits the question: often one of its answer classes (where rules change their
// mind), otherwise an unknown answer it offers, an option, a set of options, or a value within
// its bounds.
inline trialmatch::Answer random_answer(const std::vector<trialmatch::AnswerClass>& classes, const trialmatch::Question& q,
                                        std::mt19937& random) {
  using namespace trialmatch;
  auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  if (!classes.empty() && pick(2) == 0) return classes[pick(classes.size())].representative;
  if (!q.unknown_answers.empty() && pick(6) == 0) return Answer::unknown(q.unknown_answers[pick(q.unknown_answers.size())]);
  const bool choice = q.type == QuestionType::YesNo || q.type == QuestionType::SingleChoice || q.type == QuestionType::MultipleChoice;
  if (choice && q.options.empty()) return Answer::unknown(UnknownKind::NotSure);
  switch (q.type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice: return Answer::of_choice(q.options[pick(q.options.size())].id);
    case QuestionType::MultipleChoice: {
      const Option& first = q.options[pick(q.options.size())];
      if (first.exclusive) return Answer::of_choices({first.id});
      std::vector<std::string> chosen = {first.id};
      for (const Option& o : q.options)
        if (!o.exclusive && o.id != first.id && pick(3) == 0) chosen.push_back(o.id);
      return Answer::of_choices(chosen);
    }
    case QuestionType::Number:
    case QuestionType::MonthYear: {
      const double span = q.max - q.min;
      double value = pick(2) ? q.min : q.max;
      if (std::isfinite(span) && pick(2)) value = std::round(q.min + span * std::uniform_real_distribution<double>(0, 1)(random));
      value = std::min(q.max, std::max(q.min, value));
      return q.type == QuestionType::Number ? Answer::of_number(value) : Answer::of_month_year(static_cast<int>(value));
    }
  }
  return Answer::unknown(UnknownKind::NotSure);
}

}  // namespace trialmatch_fuzz
