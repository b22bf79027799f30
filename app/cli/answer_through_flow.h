// time-match's answer as the app takes it: a catalog opened in the app's own flow (app/flow),
// an answer to its first question given as the person's intents (the keypad's digits and
// Continue, a tap on an option), and the screen model of the screen that follows, as the next
// frame reads it. Nothing is drawn: what is timed is all the app's own work for an answer
// short of the drawing.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "catalog.h"
#include "flow.h"

namespace trialmatch::cli {

class AnswerThroughFlow {
 public:
  // `trials[i]` is catalog.studies[i]'s (nullptr for a closed study); they outlive this.
  AnswerThroughFlow(const Catalog& catalog, const std::vector<const Trial*>& trials);
  // The flow shows the catalog's first question (after Start, the ZIP code skipped).
  bool on_first_question() const { return first_ >= 0; }
  // Gives `answer` to the first question and reads the next screen's model; microseconds.
  // The last answer is replaced: Back to the first question first (not timed), as a person
  // changing it does, which leaves the studies as a fresh person's with this one answer.
  // -1 when the benchmark cannot enter it (a month, a fraction, several ticks).
  double time_answer(const Answer& answer);

 private:
  flow::Flow flow_;
  int first_ = -1;  // the first question, as the flow numbers it
};

}  // namespace trialmatch::cli
