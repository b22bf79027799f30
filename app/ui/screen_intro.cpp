// The top bar, and the screens before the questions: loading, error, welcome.
#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "prescreen_app.h"
#include "theme.h"

namespace trialmatch::ui {

// The top bar: "Need help now?" on the left; the language switch and the text size on the
// right. Whatever does not fit beside the rest moves down a row (large text, small phones).
void PrescreenApp::draw_top_bar(Widgets& w) {
  const float top = ImGui::GetCursorPosY();
  float left_edge = column_left_;  // where the row's free space starts
  // "Need help now?" is always one tap away in mental-health studies.
  if (trial_ && trial_->info.mental_health && screen_ != Screen::Support) {
    ImGui::SetCursorPosX(column_left_ - ImGui::GetStyle().FramePadding.x);
    if (w.link("help", phrase(Phrase::NeedHelpNow, lang_))) open_support();
    left_edge = ImGui::GetItemRectMax().x;
  }
  // The switch goes to the next of the trial's languages, and is named in that language.
  // lang_ is always one of languages_ (on_trial_text makes it so).
  const bool can_switch = languages_.size() > 1;
  const size_t at = static_cast<size_t>(std::find(languages_.begin(), languages_.end(), lang_) - languages_.begin());
  const Lang next_lang = can_switch ? languages_[(at + 1) % languages_.size()] : lang_;
  const char* lang_label = phrase(Phrase::LanguageName, next_lang);
  const std::string size_label = fill(phrase(Phrase::TextSize, lang_), {{"n", std::to_string(text_size_percent_)}});
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float lang_width = can_switch ? w.label_width(lang_label) : 0.f;
  const float size_width = w.label_width(size_label);
  const float right = column_left_ + column_width_;
  const float row_height = 48 * w.scale() + ImGui::GetStyle().ItemSpacing.y;
  float row = top;
  float right_edge = right;
  auto place = [&](float width) {
    if (right_edge - width < left_edge + gap) {  // no room: start a new row
      row += row_height;
      right_edge = right;
      left_edge = column_left_;
    }
    ImGui::SetCursorPos(ImVec2(right_edge - width, row));
    right_edge -= width + gap;
  };
  if (can_switch) {
    place(lang_width);
    if (w.small("lang", lang_label)) lang_ = next_lang;
  }
  place(size_width);
  if (w.small("text_size", size_label)) text_size_percent_ = text_size_percent_ >= 200 ? 100 : text_size_percent_ + 25;
  w.gap(8);
}

void PrescreenApp::draw_loading(Widgets& w) { w.title(phrase(Phrase::Loading, lang_)); }

void PrescreenApp::draw_error(Widgets& w) {
  const Palette& p = default_palette();
  w.coloured(phrase(Phrase::ErrorTitle, lang_), p.error, w.fonts().title);
  w.text(phrase(Phrase::ErrorBody, lang_));
  if (!file_name_.empty()) w.bold(std::string(phrase(Phrase::ErrorFileLabel, lang_)) + ": " + file_name_);
  w.bold(phrase(Phrase::ErrorProblemsLabel, lang_));
  const size_t shown = std::min<size_t>(errors_.size(), 20);
  for (size_t i = 0; i < shown; ++i) w.muted(errors_[i]);
  if (errors_.size() > shown) w.muted("... (+" + std::to_string(errors_.size() - shown) + ")");
}

void PrescreenApp::draw_welcome(Widgets& w) {
  if (kiosk()) w.coloured(phrase(Phrase::KioskWelcome, lang_), default_palette().accent, w.fonts().title);
  w.title(tr(trial_->info.title));
  w.gap(4);
  if (!kiosk()) w.heading(phrase(Phrase::WelcomeHeading, lang_));
  w.text(tr(trial_->info.summary));
  if (!trial_->info.welcome_note.empty()) w.text(tr(trial_->info.welcome_note));
  const int questions = session_->progress().estimated_total;
  const int minutes = std::max(2, static_cast<int>(std::ceil(questions / 4.0)));
  w.text(fill(phrase(Phrase::WelcomeLength, lang_), {{"n", std::to_string(questions)}, {"m", std::to_string(minutes)}}));
  w.gap(4);
  w.coloured(phrase(embedded_ ? Phrase::PrivacyPromiseEmbedded : Phrase::PrivacyPromise, lang_), default_palette().accent, w.fonts().body_bold);
  if (kiosk()) w.text(phrase(Phrase::KioskPrivacy, lang_));
  w.muted(phrase(Phrase::NotMedicalAdvice, lang_));
  w.gap(8);
  if (w.primary("start", phrase(Phrase::Start, lang_))) {
    const int first = session_->progress().next_question;
    if (first >= 0) show_question(first);
    else go_to(Screen::Review);
  }
}

}  // namespace trialmatch::ui

namespace trialmatch::ui {

// "Are you still there?": the countdown, alone on the screen, and one big button.
void PrescreenApp::draw_still_there(Widgets& w) {
  w.gap(std::max(0.f, ImGui::GetIO().DisplaySize.y * 0.15f / w.scale()));
  w.title(phrase(Phrase::StillThereHeading, lang_));
  const int seconds = std::max(0, static_cast<int>(std::ceil(wipe_at_ - now_)));
  w.text(seconds == 1 ? phrase(Phrase::StillThereBodyOne, lang_)
                      : fill(phrase(Phrase::StillThereBody, lang_), {{"n", std::to_string(seconds)}}));
  w.gap(8);
  if (w.primary("still_here", phrase(Phrase::StillHere, lang_))) {
    wipe_at_ = -1;
    note_activity(now_);
  }
}

}  // namespace trialmatch::ui
