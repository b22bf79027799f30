#include "screen_model.h"

#include <nlohmann/json.hpp>

namespace trialmatch::ui {

const char* text_role_id(TextRole role) {
  switch (role) {
    case TextRole::Title: return "title";
    case TextRole::Heading: return "heading";
    case TextRole::Body: return "body";
    case TextRole::Note: return "note";
    case TextRole::Strong: return "strong";
    case TextRole::Progress: return "progress";
    case TextRole::Problem: return "problem";
  }
  return "";
}

const char* button_role_id(ButtonRole role) {
  switch (role) {
    case ButtonRole::Action: return "action";
    case ButtonRole::Option: return "option";
    case ButtonRole::Link: return "link";
    case ButtonRole::Key: return "key";
  }
  return "";
}

ScreenModel screen_model(const Flow& flow, const DrawnFrame& frame) {
  ScreenModel m;
  m.view = frame.view;
  m.screen = screen_id(flow.screen());
  m.heading = flow.heading();
  m.lang = lang_code(flow.lang());
  m.texts = frame.texts;
  m.buttons = frame.buttons;
  m.focus = frame.focus;
  m.scroll_y = frame.scroll_y;
  m.scroll_max = frame.scroll_max;
  m.kiosk = flow.kiosk();
  m.text_size = flow.text_size_percent();
  m.still_there = flow.still_there_shown();
  if (flow.screen() == Screen::Error) {
    m.file = flow.file_name();
    m.errors = flow.errors();
  }
  if (!flow.has_trial()) return m;
  m.title = flow.words(flow.trial().info.title);
  m.progress = flow.path_step();
  for (const ScreenText& t : frame.texts)
    if (t.role == TextRole::Progress) m.progress_text = t.text;
  const Session& session = flow.session();
  if (flow.screen() == Screen::Question) {
    const Question& q = flow.question();
    const auto& given = session.answer_to(flow.question_index());
    m.question = ScreenModel::QuestionShown{
        q.id, flow.words(q.text), question_type_id(q.type),
        given ? std::optional<std::string>(flow.answer_words(q, *given)) : std::nullopt, flow.number_entry(),
        flow.input_message()};
  }
  if (flow.screen() == Screen::Result) m.verdict = verdict_id(session.evaluation().verdict);
  for (int h : session.progress().history) {
    const Question& q = flow.trial().questions[static_cast<size_t>(h)];
    m.answers.emplace_back(q.id, flow.answer_words(q, *session.answer_to(h)));
  }
  return m;
}

std::string screen_model_json(const ScreenModel& m) {
  nlohmann::json d;
  d["view"] = m.view;
  d["screen"] = m.screen;
  d["heading"] = m.heading;
  d["lang"] = m.lang;
  if (!m.title.empty()) d["title"] = m.title;
  nlohmann::json texts = nlohmann::json::array();
  for (const ScreenText& t : m.texts) texts.push_back({{"role", text_role_id(t.role)}, {"text", t.text}});
  d["texts"] = texts;
  nlohmann::json buttons = nlohmann::json::array();
  for (const ScreenButton& b : m.buttons)
    buttons.push_back({{"id", b.id}, {"label", b.label}, {"role", button_role_id(b.role)},
                       {"pressed", b.role == ButtonRole::Option ? nlohmann::json(b.pressed) : nlohmann::json(nullptr)},
                       {"x", b.rect.x}, {"y", b.rect.y}, {"w", b.rect.w}, {"h", b.rect.h}, {"visible", b.visible}});
  d["buttons"] = buttons;
  if (m.progress) d["progress"] = {{"step", m.progress->step}, {"total", m.progress->total}, {"text", m.progress_text}};
  if (m.question)
    d["question"] = {{"id", m.question->id},
                     {"text", m.question->text},
                     {"type", m.question->type},
                     {"answer", m.question->answer ? nlohmann::json(*m.question->answer) : nlohmann::json(nullptr)},
                     {"entry", m.question->entry},
                     {"message", m.question->message}};
  if (m.progress) {
    d["verdict"] = m.verdict ? nlohmann::json(*m.verdict) : nlohmann::json(nullptr);
    nlohmann::json answers = nlohmann::json::object();
    for (const auto& [id, words] : m.answers) answers[id] = words;
    d["answers"] = answers;
  }
  if (m.screen == "error") {
    d["file"] = m.file;
    d["errors"] = m.errors;
  }
  d["focus"] = m.focus;
  d["kiosk"] = m.kiosk;
  d["text_size"] = m.text_size;
  d["still_there"] = m.still_there;
  d["scroll"] = {{"y", m.scroll_y}, {"max", m.scroll_max}};
  return d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace trialmatch::ui
