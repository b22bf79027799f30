#include "prescreen_app.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "imgui.h"
#include "theme.h"
#include "trial_loader.h"

namespace trialmatch::ui {

namespace {

// Text wrapped to the column, in the given font and colour.
void paragraph(ImFont* font, const std::string& text, const ImVec4& colour) {
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

// A full-width answer button, at least 56 CSS px tall.
bool answer_button(const char* label, float scale) {
  const float width = ImGui::GetContentRegionAvail().x;
  return ImGui::Button(label, ImVec2(width, std::max(56.f * scale, ImGui::GetFrameHeight())));
}

}  // namespace

PrescreenApp::PrescreenApp(Lang lang) : lang_(lang) {}

void PrescreenApp::on_trial_text(const std::string& file_name, const std::string& text) {
  file_name_ = file_name;
  TrialLoadResult loaded = load_trial(text);
  if (!loaded.trial) {
    errors_.clear();
    for (const Diagnostic& d : loaded.errors) errors_.push_back(format_diagnostic(d, file_name));
    screen_ = Screen::Error;
    return;
  }
  trial_ = std::make_unique<Trial>(std::move(*loaded.trial));
  session_ = std::make_unique<Session>(*trial_);
  screen_ = Screen::Question;
}

void PrescreenApp::on_trial_fetch_failed(const std::string& file_name, const std::string& reason) {
  file_name_ = file_name;
  errors_ = {reason};
  screen_ = Screen::Error;
}

void PrescreenApp::draw(float width, float height, const Fonts& fonts) {
  const float scale = fonts.scale;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::Begin("##page", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  // One readable column: at most about 38 characters' worth of em widths, centred.
  const float margin = 20.f * scale;
  const float column = std::min(width - 2 * margin, 640.f * scale);
  const float left = (width - column) / 2;
  column_left_ = left;
  column_width_ = column;
  ImGui::SetCursorPosX(left);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(left + column);
  ImGui::PushItemWidth(column);
  ImGui::Dummy(ImVec2(column, 4 * scale));
  draw_language_switch(fonts);
  switch (screen_) {
    case Screen::Loading: draw_loading(fonts); break;
    case Screen::Error: draw_error(fonts); break;
    case Screen::Question: draw_question(fonts); break;
  }
  ImGui::PopItemWidth();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::End();
}

void PrescreenApp::draw_language_switch(const Fonts& fonts) {
  const char* label = phrase(Phrase::LanguageSwitch, lang_);
  ImGui::PushFont(fonts.body_bold);
  const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetCursorPosX(column_left_ + column_width_ - w);
  ImGui::PushStyleColor(ImGuiCol_Text, default_palette().accent_text);
  if (ImGui::Button(label)) lang_ = lang_ == Lang::En ? Lang::Es : Lang::En;
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void PrescreenApp::draw_loading(const Fonts& fonts) {
  paragraph(fonts.title, phrase(Phrase::Loading, lang_), default_palette().text);
}

void PrescreenApp::draw_error(const Fonts& fonts) {
  const Palette& p = default_palette();
  paragraph(fonts.title, phrase(Phrase::ErrorTitle, lang_), p.error);
  paragraph(fonts.body, phrase(Phrase::ErrorBody, lang_), p.text);
  paragraph(fonts.body_bold, std::string(phrase(Phrase::ErrorFileLabel, lang_)) + ": " + file_name_, p.text);
  paragraph(fonts.body_bold, phrase(Phrase::ErrorProblemsLabel, lang_), p.text);
  const size_t shown = std::min<size_t>(errors_.size(), 12);
  for (size_t i = 0; i < shown; ++i) paragraph(fonts.body, errors_[i], p.muted_text);
  if (errors_.size() > shown) paragraph(fonts.body, "... (" + std::to_string(errors_.size() - shown) + ")", p.muted_text);
}

void PrescreenApp::draw_question(const Fonts& fonts) {
  const Palette& p = default_palette();
  const std::string lang = lang_code(lang_);
  paragraph(fonts.title, text_in(trial_->info.title, lang), p.text);
  paragraph(fonts.body, phrase(Phrase::PrivacyPromise, lang_), p.muted_text);
  const int q_index = session_->progress().next_question;
  if (q_index < 0) return;
  const Question& q = trial_->questions[static_cast<size_t>(q_index)];
  ImGui::Dummy(ImVec2(0, 8 * fonts.scale));
  paragraph(fonts.body_bold, phrase(Phrase::FirstQuestion, lang_), p.muted_text);
  paragraph(fonts.title, text_in(q.text, lang), p.text);
  if (!q.why.empty()) paragraph(fonts.body, text_in(q.why, lang), p.muted_text);
  ImGui::PushFont(fonts.body_bold);
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  for (const Option& o : q.options) {
    std::string label = o.text.empty() ? phrase(o.id == "yes" ? Phrase::Yes : Phrase::No, lang_) : text_in(o.text, lang);
    answer_button((label + "##" + o.id).c_str(), fonts.scale);
  }
  ImGui::PopStyleColor();
  ImGui::PopFont();
  paragraph(fonts.body, phrase(Phrase::NotMedicalAdvice, lang_), p.muted_text);
}

std::string PrescreenApp::describe() const {
  nlohmann::json d;
  d["lang"] = lang_code(lang_);
  switch (screen_) {
    case Screen::Loading: d["screen"] = "loading"; break;
    case Screen::Error:
      d["screen"] = "error";
      d["file"] = file_name_;
      d["errors"] = errors_;
      break;
    case Screen::Question: {
      d["screen"] = "question";
      const std::string lang = lang_code(lang_);
      d["title"] = text_in(trial_->info.title, lang);
      const int q = session_->progress().next_question;
      if (q >= 0) {
        const Question& question = trial_->questions[static_cast<size_t>(q)];
        d["question"] = {{"id", question.id}, {"text", text_in(question.text, lang)}};
      }
      break;
    }
  }
  return d.dump();
}

}  // namespace trialmatch::ui
