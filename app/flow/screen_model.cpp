#include "screen_model.h"

#include <nlohmann/json.hpp>

namespace trialmatch::flow {

const char* text_role_id(TextRole role) {
  switch (role) {
    case TextRole::Title: return "title";
    case TextRole::Heading: return "heading";
    case TextRole::Body: return "body";
    case TextRole::Note: return "note";
    case TextRole::Strong: return "strong";
    case TextRole::Progress: return "progress";
    case TextRole::Problem: return "problem";
    case TextRole::Entry: return "entry";
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
  m.broken_words = frame.broken_words;
  m.scroll_y = frame.scroll_y;
  m.scroll_max = frame.scroll_max;
  m.view_top = frame.view_top;
  m.view_bottom = frame.view_bottom;
  m.kiosk = flow.kiosk();
  m.text_size = flow.text_size_percent();
  m.still_there = flow.still_there_shown();
  if (flow.screen() == Screen::Error) {
    m.file = flow.file_name();
    m.errors = flow.errors();
  }
  if (!flow.has_trial()) return m;
  m.title = flow.title();
  m.progress = flow.path_step();
  for (const ScreenText& t : frame.texts)
    if (t.role == TextRole::Progress) m.progress_text = t.text;
  const Questionnaire& questions = flow.questionnaire();
  if (flow.screen() == Screen::Question) {
    const Question& q = flow.question();
    const auto& given = flow.answer_to(flow.question_index());
    m.question = ScreenModel::QuestionShown{
        questions.id(flow.question_index()), q.concept, flow.words(q.text), question_type_id(q.type),
        given ? std::optional<std::string>(flow.answer_words(q, *given)) : std::nullopt, flow.number_entry(),
        flow.input_message()};
  }
  if (flow.screen() == Screen::Result) {
    m.verdict = verdict_id(flow.session().evaluation().verdict);
    if (flow.catalog()) m.study = flow.trial().info.id;
  }
  if (flow.screen() == Screen::Results) {
    const CatalogSession& cs = flow.catalog()->session();
    for (const CatalogSession::Match& match : cs.ranking())
      m.results.push_back({flow.catalog()->catalog().studies[static_cast<size_t>(match.study)].id, verdict_id(match.verdict),
                           flow.miles_to(match.study), flow.within_limit(match.study), match.settled});
    for (int closed : cs.closed_studies())
      m.results.push_back({flow.catalog()->catalog().studies[static_cast<size_t>(closed)].id, "closed", std::nullopt, true, true});
  }
  if (flow.screen() == Screen::Results || flow.screen() == Screen::Zip) {
    m.zip = flow.zip();
    m.distance_limit = flow.distance_limit();
  }
  if (flow.screen() == Screen::Zip) m.zip_entry = flow.zip_entry();
  for (int q : questions.path())
    m.answers.emplace_back(questions.id(q), flow.answer_words(questions.question(q), *questions.answer_to(q)));
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
  for (const ScreenText& t : m.texts)
    texts.push_back({{"role", text_role_id(t.role)}, {"text", t.text}, {"x", t.rect.x}, {"y", t.rect.y}, {"w", t.rect.w},
                     {"h", t.rect.h}, {"visible", t.visible}});
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
                     {"concept", m.question->concept},
                     {"text", m.question->text},
                     {"type", m.question->type},
                     {"answer", m.question->answer ? nlohmann::json(*m.question->answer) : nlohmann::json(nullptr)},
                     {"entry", m.question->entry},
                     {"message", m.question->message}};
  if (m.progress) {
    d["verdict"] = m.verdict ? nlohmann::json(*m.verdict) : nlohmann::json(nullptr);
    if (!m.study.empty()) d["study"] = m.study;
    if (m.screen == "results") {
      nlohmann::json results = nlohmann::json::array();
      for (const auto& r : m.results)
        results.push_back({{"study", r.id}, {"verdict", r.verdict},
                           {"miles", r.miles ? nlohmann::json(*r.miles) : nlohmann::json(nullptr)}, {"shown", r.shown},
                           {"settled", r.settled}});
      d["results"] = results;
    }
    if (m.screen == "results" || m.screen == "zip") {
      d["zip"] = m.zip;
      d["distance_limit"] = m.distance_limit;
    }
    if (m.screen == "zip") d["zip_entry"] = m.zip_entry;
    nlohmann::json answers = nlohmann::json::object();
    for (const auto& [id, words] : m.answers) answers[id] = words;
    d["answers"] = answers;
  }
  if (m.screen == "error") {
    d["file"] = m.file;
    d["errors"] = m.errors;
  }
  d["focus"] = m.focus;
  d["broken_words"] = m.broken_words;
  d["kiosk"] = m.kiosk;
  d["text_size"] = m.text_size;
  d["still_there"] = m.still_there;
  d["scroll"] = {{"y", m.scroll_y}, {"max", m.scroll_max}, {"top", m.view_top}, {"bottom", m.view_bottom}};
  return d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace trialmatch::flow
