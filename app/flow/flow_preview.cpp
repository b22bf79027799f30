// The studio's live preview of the flow (flow.h): answers carried over to an edited file, and
// a question shown at once.
#include "flow.h"

namespace trialmatch::flow {

std::vector<std::pair<std::string, Answer>> Flow::answers_given() const {
  std::vector<std::pair<std::string, Answer>> given;
  if (!questionnaire_) return given;
  for (int q : questionnaire_->path())
    if (const auto& answer = questionnaire_->answer_to(q)) given.emplace_back(questionnaire_->id(q), *answer);
  return given;
}

void Flow::give_answers_again(const std::vector<std::pair<std::string, Answer>>& answers, Screen screen,
                              const std::string& question_id) {
  if (!questionnaire_ || screen_ != Screen::Welcome) return;
  int shown = -1;
  for (int q = 0; q < questionnaire_->count(); ++q) {
    const std::string id = questionnaire_->id(q);
    if (id == question_id) shown = q;
    for (const auto& [given_id, answer] : answers)
      if (given_id == id) questionnaire_->answer(q, answer);  // an answer that no longer fits is left out
  }
  if (screen == Screen::Welcome) return;
  if (screen == Screen::Question && shown >= 0) show_question(shown);
  else begin_questions();
}

bool Flow::preview_question(int question_index) {
  if (!questionnaire_ || question_index < 0 || question_index >= questionnaire_->count()) return false;
  show_question(question_index);
  return true;
}

}  // namespace trialmatch::flow
