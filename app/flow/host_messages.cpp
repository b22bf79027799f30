#include "host_messages.h"

#include <nlohmann/json.hpp>

#include "report_json.h"

namespace trialmatch::flow {

namespace {
std::string message(const nlohmann::json& m) {
  // Answers and trial texts may hold anything: bad UTF-8 is replaced, never an abort.
  return m.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
}  // namespace

std::string ready_message() { return message({{"type", "ready"}}); }

std::string height_message(int css_height) { return message({{"type", "height"}, {"height", css_height}}); }

std::string share_message(const Session& session, Lang lang) {
  const Trial& trial = session.trial();
  nlohmann::json summary =
      evaluation_to_json(trial, session.answers(), session.evaluation(), session.progress(), lang_code(lang));
  nlohmann::json answers = nlohmann::json::object();
  for (int h : session.progress().history)
    answers[trial.questions[static_cast<size_t>(h)].id] = answer_to_json(*session.answer_to(h));
  summary["answers"] = answers;
  summary.erase("next_question");
  return message({{"type", "share"}, {"summary", summary}});
}

}  // namespace trialmatch::flow
