#include "prescreen_app.h"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "theme.h"

namespace trialmatch::ui {

// ---------------------------------------------------------------------------------------
// [SECTION] Input: keys and the accessibility mirror's presses
// ---------------------------------------------------------------------------------------
// Every key is aimed at the screen last drawn: a key pressed after a tap that moved on, but
// before the next screen was drawn, is dropped rather than acted on a screen the person has
// not seen (an Escape there could skip the support screen a disclosure just opened).
void PrescreenApp::key(Key key, int digit) {
  const unsigned view = drawn_.view;
  switch (key) {
    case Key::Next:
    case Key::Previous: {
      const auto& buttons = drawn_.buttons;
      if (buttons.empty()) return;
      const int n = static_cast<int>(buttons.size());
      int at = -1;
      for (int i = 0; i < n; ++i)
        if (buttons[static_cast<size_t>(i)].id == drawn_.focus) at = i;
      const bool next = key == Key::Next;
      at = at < 0 ? (next ? 0 : n - 1) : (at + (next ? 1 : n - 1)) % n;
      drawn_.focus = buttons[static_cast<size_t>(at)].id;
      focus_moved_ = true;
      return;
    }
    case Key::Press:
      if (!drawn_.focus.empty()) queued_.push_back({drawn_.focus, std::nullopt, view});
      return;
    case Key::Back: queued_.push_back({"", Intent::of(Intent::Kind::Back), view}); return;
    case Key::Delete: queued_.push_back({"", Intent::of(Intent::Kind::DeleteDigit), view}); return;
    case Key::Digit: queued_.push_back({"", Intent::with_number(Intent::Kind::Digit, digit), view}); return;
  }
}

void PrescreenApp::press(const std::string& id, unsigned view) { queued_.push_back({id, std::nullopt, view}); }

void PrescreenApp::focus(const std::string& id) {
  drawn_.focus = id;
  focus_moved_ = true;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Frame
// ---------------------------------------------------------------------------------------
void PrescreenApp::draw(float width, float height, const Fonts& fonts, float pixel_ratio, float scroll_pixels) {
  // One queued input a frame, and only if it was aimed at the screen now showing.
  std::string activate_id;
  while (!queued_.empty()) {
    const QueuedInput input = queued_.front();
    queued_.pop_front();
    if (input.view != flow_.view_number()) continue;
    if (input.intent) flow_.apply(*input.intent);
    else activate_id = input.button;
    break;
  }
  if (flow_.view_number() != last_view_) {
    last_view_ = flow_.view_number();
    drawn_.focus.clear();
    scroll_to_top_ = true;
  }
  const float scale = fonts.scale;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, flow_.screen() == Screen::Support ? default_palette().support_background
                                                                             : default_palette().background);
  ImGui::Begin("##page", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (scroll_to_top_) {
    ImGui::SetScrollY(0);
    scroll_to_top_ = false;
  } else if (scroll_pixels != 0) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + scroll_pixels, 0.f, ImGui::GetScrollMaxY()));
  }
  const float r = pixel_ratio > 0 ? pixel_ratio : 1.f;
  const std::string focus = drawn_.focus;
  drawn_ = DrawnFrame{};
  drawn_.view = flow_.view_number();
  drawn_.focus = focus;
  drawn_.scroll_y = ImGui::GetScrollY() / r;
  drawn_.scroll_max = ImGui::GetScrollMaxY() / r;
  Widgets w(fonts, drawn_, pixel_ratio, height, focus, focus_moved_, activate_id);
  focus_moved_ = false;
  // One readable column, centred: about 36 em at most.
  const float margin = 20.f * scale;
  const float column_width = std::min(width - 2 * margin, 620.f * scale);
  w.set_column(std::floor((width - column_width) / 2), column_width);
  ImGui::SetCursorPosX(w.column_left());
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(w.column_left() + column_width);
  ImGui::PushItemWidth(column_width);
  ImGui::Dummy(ImVec2(column_width, 2 * scale));
  draw_top_bar(w);
  // The countdown replaces the page: it also hides the last person's answers from passers-by.
  if (flow_.still_there_shown()) draw_still_there(w);
  else switch (flow_.screen()) {
    case Screen::Loading: draw_loading(w); break;
    case Screen::Error: draw_error(w); break;
    case Screen::Welcome: draw_welcome(w); break;
    case Screen::Question: draw_question(w); break;
    case Screen::Review: draw_review(w); break;
    case Screen::Results: draw_results(w); break;
    case Screen::Result: draw_result(w); break;
    case Screen::Zip: draw_zip(w); break;
    case Screen::Support: draw_support(w); break;
    case Screen::ShareConfirm: draw_share_confirm(w); break;
    case Screen::ResultCode: draw_result_code(w); break;
  }
  w.gap(24);
  ImGui::PopItemWidth();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  content_height_ = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
  ImGui::End();
  ImGui::PopStyleColor();
  // The frame is drawn whole; now the flow carries out what was pressed.
  if (w.pressed()) flow_.apply(*w.pressed());
}

void PrescreenApp::draw_back(Widgets& w) const {
  w.small("back", std::string("\xE2\x80\xB9 ") + say(Phrase::Back), Intent::of(Intent::Kind::Back));
}

// "Save my answers in a file", with what that means (not at a kiosk: Flow::can_save_answers).
void PrescreenApp::draw_save_answers(Widgets& w) const {
  if (!flow_.can_save_answers()) return;
  w.secondary("save_answers", say(Phrase::SaveAnswersButton), Intent::of(Intent::Kind::SaveAnswers));
  w.muted(say(Phrase::SaveAnswersNote));
}

// What opening a saved file came to: on the welcome screen why it could not be opened; on
// the screen the answers lead to, that they are back.
void PrescreenApp::draw_saved_notice(Widgets& w) const {
  const Palette& p = default_palette();
  switch (flow_.saved_notice()) {
    case Flow::SavedNotice::None: break;
    case Flow::SavedNotice::Restored: w.say(TextRole::Strong, say(Phrase::SavedRestored), p.accent, w.fonts().body_bold); break;
    case Flow::SavedNotice::Changed: w.say(TextRole::Strong, say(Phrase::SavedChanged), p.accent, w.fonts().body_bold); break;
    case Flow::SavedNotice::Unreadable: w.say(TextRole::Problem, say(Phrase::SavedUnreadable), p.error, w.fonts().body_bold); break;
    case Flow::SavedNotice::OtherFile: w.say(TextRole::Problem, say(Phrase::SavedOtherFile), p.error, w.fonts().body_bold); break;
  }
}

}  // namespace trialmatch::ui
