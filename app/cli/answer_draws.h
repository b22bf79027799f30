// Answers for simulated people in the benchmark commands (time-answers, time-match): a
// fixed-seed linear congruential generator picks one of a question's answer classes, so
// every run, natively and in WebAssembly, draws the same people.
#pragma once

#include <cstddef>
#include <vector>

#include "answer_classes.h"

namespace trialmatch::cli {

class AnswerDraws {
 public:
  explicit AnswerDraws(unsigned long long seed) : seed_(seed) {}

  // A number in [0, count), count > 0.
  size_t index(size_t count) {
    seed_ = seed_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>((seed_ >> 33) % count);
  }
  // Any answer of one of the classes, each class equally likely.
  const Answer& pick(const std::vector<AnswerClass>& classes) { return classes[index(classes.size())].representative; }

 private:
  unsigned long long seed_;
};

}  // namespace trialmatch::cli
