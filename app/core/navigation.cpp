#include "navigation.h"

namespace trialmatch {

namespace {

// The answers with one question's answer replaced by a trial value.
class WithTrialAnswer : public AnswerLookup {
 public:
  WithTrialAnswer(const AnswerLookup& base, int index, const Answer& answer) : base_(base), index_(index), answer_(answer) {}
  const Answer* answer_at(int question_index) const override {
    return question_index == index_ ? &answer_ : base_.answer_at(question_index);
  }

 private:
  const AnswerLookup& base_;
  int index_;
  const Answer& answer_;
};

}  // namespace

IndexLists::IndexLists(const std::vector<std::vector<int>>& lists) {
  int start = static_cast<int>(lists.size()) + 1;
  for (const std::vector<int>& list : lists) {
    block_.push_back(start);
    start += static_cast<int>(list.size());
  }
  block_.push_back(start);
  for (const std::vector<int>& list : lists) block_.insert(block_.end(), list.begin(), list.end());
}

namespace {

// Per question: the criteria whose rule names it.
std::vector<std::vector<int>> criteria_naming_each(const Trial& trial) {
  std::vector<std::vector<int>> out(trial.questions.size());
  for (size_t c = 0; c < trial.criteria.size(); ++c)
    if (trial.criteria[c].rule)
      for (int ref : referenced_questions(*trial.criteria[c].rule)) out[static_cast<size_t>(ref)].push_back(static_cast<int>(c));
  return out;
}

// Per question: the later questions whose ask_if names it.
std::vector<std::vector<int>> later_questions_asking_if_each(const Trial& trial) {
  std::vector<std::vector<int>> out(trial.questions.size());
  for (const Question& q : trial.questions)
    if (q.ask_if)
      for (int ref : referenced_questions(*q.ask_if)) out[static_cast<size_t>(ref)].push_back(q.index);
  return out;
}

}  // namespace

Navigator::Navigator(const Trial& trial)
    : trial_(trial),
      classes_(trial.questions.size()),
      criteria_naming_(criteria_naming_each(trial)),
      later_questions_asking_if_(later_questions_asking_if_each(trial)) {
  for (const Question& q : trial.questions) classes_[static_cast<size_t>(q.index)] = answer_classes(trial, q);
  decides_alone_.assign(trial.criteria.size(), kDependsOnAnswers);
  const AnswerSet none;
  const std::vector<bool> no_applies;
  for (size_t c = 0; c < trial.criteria.size(); ++c) {
    const Condition* rule = trial.criteria[c].rule ? &*trial.criteria[c].rule : nullptr;
    if (!rule || referenced_questions(*rule).size() != 1) continue;
    const bool decides = some_class_decides(referenced_questions(*rule).front(), *rule, AnswerView(none, no_applies));
    decides_alone_[c] = decides ? kCanDecide : kNeverDecides;
  }
}

// Can some answer to `question` decide the undecided `criterion`? When the criterion also
// names other questions still unanswered, the combination might, so the answer is yes.
bool Navigator::can_decide(int question, int criterion, const AnswerView& answers) const {
  const signed char alone = decides_alone_[static_cast<size_t>(criterion)];
  if (alone != kDependsOnAnswers) return alone == kCanDecide;
  const Criterion& c = trial_.criteria[static_cast<size_t>(criterion)];
  for (int ref : referenced_questions(*c.rule))
    if (ref != question && answers.applies(ref) && !answers.answered(ref)) return true;
  return some_class_decides(question, *c.rule, answers);
}

// Whether one of the question's answer classes, with the other answers as they are, makes the
// rule true or false.
bool Navigator::some_class_decides(int question, const Condition& rule, const AnswerLookup& answers) const {
  for (const AnswerClass& k : classes(question)) {
    WithTrialAnswer lookup(answers, question, k.representative);
    if (evaluate_condition(rule, lookup) != Tri::Unknown) return true;
  }
  return false;
}

bool Navigator::relevant_at(int question, const AnswerView& answers, const std::vector<CriterionResult>& criteria,
                            const std::vector<bool>& relevant) const {
  if (answers.answered(question) || !answers.applies(question)) return false;
  if (trial_.questions[static_cast<size_t>(question)].safety) return true;
  for (int c : criteria_naming(question))
    if (criteria[static_cast<size_t>(c)].status == CriterionStatus::Unknown && can_decide(question, c, answers))
      return true;
  for (int later : later_questions_asking_if(question))
    if (relevant[static_cast<size_t>(later)]) return true;
  return false;
}

bool Navigator::mark_relevant(const AnswerView& answers, const Evaluation& evaluation, bool any,
                              std::vector<bool>& relevant) const {
  const size_t n = trial_.questions.size();
  relevant.assign(n, false);
  if (evaluation.verdict == Verdict::NotEligible) return false;
  bool found = false;
  // From the last question to the first, so "decides whether a later relevant question
  // applies" can look at later questions already classified.
  for (size_t i = n; i-- > 0;) {
    relevant[i] = relevant_at(static_cast<int>(i), answers, evaluation.criteria, relevant);
    found = found || relevant[i];
    if (found && any) break;
  }
  return found;
}

void Navigator::mark_relevant(const AnswerView& answers, const Evaluation& evaluation, std::vector<bool>& relevant) const {
  mark_relevant(answers, evaluation, false, relevant);
}

std::vector<int> Navigator::relevant_questions(const AnswerSet& answers, const Evaluation& evaluation) const {
  std::vector<bool> relevant;
  mark_relevant(AnswerView(answers, evaluation.applies), evaluation, false, relevant);
  std::vector<int> out;
  for (size_t i = 0; i < relevant.size(); ++i)
    if (relevant[i]) out.push_back(static_cast<int>(i));
  return out;
}

bool Navigator::settled(const AnswerSet& answers, const Evaluation& evaluation) const {
  std::vector<bool> relevant;
  return !mark_relevant(AnswerView(answers, evaluation.applies), evaluation, true, relevant);
}

Progress Navigator::progress(const AnswerSet& answers, const Evaluation& evaluation) const {
  std::vector<bool> relevant;
  mark_relevant(AnswerView(answers, evaluation.applies), evaluation, false, relevant);
  return make_progress(answers, evaluation.applies, relevant);
}

Progress make_progress(const AnswerSet& answers, const std::vector<bool>& applies, const std::vector<bool>& relevant) {
  Progress p;
  for (size_t i = 0; i < answers.size(); ++i) {
    if (answers[i] && applies[i]) p.history.push_back(static_cast<int>(i));
    if (relevant[i]) p.relevant.push_back(static_cast<int>(i));
  }
  p.next_question = p.relevant.empty() ? -1 : p.relevant.front();
  int answered = static_cast<int>(p.history.size());
  p.estimated_total = answered + static_cast<int>(p.relevant.size());
  p.step = p.next_question < 0 ? answered : answered + 1;
  if (p.next_question >= 0) {
    // "3 of about 9": count only answered questions that come before the next one.
    p.step = 1;
    for (int h : p.history)
      if (h < p.next_question) ++p.step;
  }
  return p;
}

}  // namespace trialmatch
