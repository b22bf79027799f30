#include "navigation.h"

namespace trialmatch {

Navigator::Navigator(const Trial& trial)
    : trial_(trial), classes_(answer_classes_of_each_question(trial)), compiled_(trial, classes_) {
  for (size_t c = 0; c < trial.criteria.size(); ++c)
    if (trial.criteria[c].out_of_reach) out_of_reach_.emplace_back(static_cast<int>(c), trial.criteria[c].kind);
}

bool Navigator::out_of_reach(StatusBytes statuses) const {
  for (const auto& [c, kind] : out_of_reach_)
    if (criterion_fails(kind, statuses[c])) return true;
  return false;
}

void Navigator::lay_out(CompiledTrial compiled) { compiled_ = std::move(compiled); }

// Can some answer to `question` decide the undecided `criterion`? When the criterion also
// names other questions still unanswered, the combination might, so the answer is yes.
bool Navigator::can_decide(int question, const CompiledTrial::CriterionEntry& criterion, const CodedView& answers) const {
  const CompiledTrial::DecidesAlone alone = criterion.decides_alone();
  if (alone != CompiledTrial::kDependsOnAnswers) return alone == CompiledTrial::kCanDecide;
  for (int ref : criterion.rule_questions())
    if (ref != question && answers.applies(ref) && !answers.answered(ref)) return true;
  return criterion.some_class_decides(question, compiled_.classes(question), answers);
}

bool Navigator::relevant_at(int question, const CodedView& answers, StatusBytes statuses,
                            const unsigned char* relevant) const {
  if (answers.answered(question) || !answers.applies(question)) return false;
  if (compiled_.has_safety(question)) return true;
  for (const CompiledTrial::CriterionEntry c : compiled_.criteria_naming(question))
    if (statuses[c.index()] == CriterionStatus::Unknown && can_decide(question, c, answers)) return true;
  for (int later : compiled_.later_questions_asking_if(question))
    if (relevant[later]) return true;
  return false;
}

bool Navigator::mark_relevant(const CodedView& answers, Verdict verdict, StatusBytes statuses, bool any,
                              unsigned char* relevant) const {
  const size_t n = static_cast<size_t>(compiled_.question_count());
  std::fill(relevant, relevant + n, 0);
  if (verdict == Verdict::NotEligible) return false;
  if (out_of_reach(statuses))
    return mark_crisis_questions_only(answers, n, [this](int q) { return compiled_.has_safety(q); }, relevant);
  bool found = false;
  // From the last question to the first, so "decides whether a later relevant question
  // applies" can look at later questions already classified.
  for (size_t i = n; i-- > 0;) {
    relevant[i] = relevant_at(static_cast<int>(i), answers, statuses, relevant) ? 1 : 0;
    found = found || relevant[i];
    if (found && any) break;
  }
  return found;
}

void Navigator::mark_relevant(const CodedView& answers, Verdict verdict, StatusBytes statuses,
                              unsigned char* relevant) const {
  mark_relevant(answers, verdict, statuses, false, relevant);
}

bool Navigator::mark_relevant(const AnswerSet& answers, const Evaluation& evaluation, bool any,
                              std::vector<unsigned char>& relevant) const {
  std::vector<CodedAnswer> coded;
  code_answers(trial_, answers, coded);
  const std::vector<unsigned char> applies(evaluation.applies.begin(), evaluation.applies.end());
  std::vector<unsigned char> statuses;
  for (const CriterionResult& r : evaluation.criteria) statuses.push_back(static_cast<unsigned char>(r.status));
  relevant.assign(coded.size(), 0);
  return mark_relevant(CodedView(coded.data(), applies.data()), evaluation.verdict, StatusBytes(statuses.data()), any,
                       relevant.data());
}

std::vector<bool> Navigator::relevant_flags(const AnswerSet& answers, const Evaluation& evaluation) const {
  std::vector<unsigned char> relevant;
  mark_relevant(answers, evaluation, false, relevant);
  return std::vector<bool>(relevant.begin(), relevant.end());
}

std::vector<int> Navigator::relevant_questions(const AnswerSet& answers, const Evaluation& evaluation) const {
  std::vector<unsigned char> relevant;
  mark_relevant(answers, evaluation, false, relevant);
  std::vector<int> out;
  for (size_t i = 0; i < relevant.size(); ++i)
    if (relevant[i]) out.push_back(static_cast<int>(i));
  return out;
}

bool Navigator::settled(const AnswerSet& answers, const Evaluation& evaluation) const {
  std::vector<unsigned char> relevant;
  return !mark_relevant(answers, evaluation, true, relevant);
}

Progress Navigator::progress(const AnswerSet& answers, const Evaluation& evaluation) const {
  return make_progress(answers, evaluation.applies, relevant_flags(answers, evaluation));
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
