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
// One queued input a frame, and only if it was aimed at the screen now showing: an intent
// from a key is carried out now; a button's id is returned, to be pressed as it is drawn.
std::string PrescreenApp::take_queued_input() {
  while (!queued_.empty()) {
    const QueuedInput input = queued_.front();
    queued_.pop_front();
    if (input.view != flow_.view_number()) continue;
    if (input.intent) flow_.apply(*input.intent);
    else return input.button;
    break;
  }
  return "";
}

void PrescreenApp::draw(float width, float height, const Fonts& fonts, float pixel_ratio, float scroll_pixels,
                        ImVec2 origin) {
  const std::string activate_id = take_queued_input();
  if (flow_.view_number() != last_view_) {
    last_view_ = flow_.view_number();
    drawn_.focus.clear();
    scroll_to_top_ = true;
  }
  ImGui::SetNextWindowPos(origin);
  ImGui::SetNextWindowSize(ImVec2(width, height));
  // As ImGui would draw it (8 bits a channel), for the renderer's clear.
  page_colour_ = ImGui::ColorConvertU32ToFloat4(ImGui::GetColorU32(
      flow_.screen() == Screen::Support ? default_palette().support_background : default_palette().background));
  constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
  // No window padding: the column places everything itself, and ImGui would clip within it.
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##page", nullptr, kFixed);
  const std::string focus = drawn_.focus;
  drawn_ = DrawnFrame{};
  drawn_.view = flow_.view_number();
  drawn_.focus = focus;
  // The chrome's scale: the text's without the text size (Widgets).
  const float unit = fonts.scale * 100.f / static_cast<float>(std::max(100, flow_.text_size_percent()));
  Widgets w(fonts, drawn_, pixel_ratio, unit, height, focus, focus_moved_, activate_id);
  focus_moved_ = false;
  // One readable column, centred: about 36 em at most. Its margins do not grow with the text
  // size: large text needs the width more.
  const float margin = 16.f * unit;
  const float column_width = std::min(width - 2 * margin, 620.f * fonts.scale);
  w.set_column(std::floor((width - column_width) / 2), column_width);
  layout_changed_ = false;
  // "Need help now?" is one tap away in mental-health studies: in the top bar, or, when the
  // screen is long enough to pin its actions, in the pinned bar (always in view).
  const bool help = flow_.mental_health() && flow_.screen() != Screen::Support;
  const bool help_pinned = help && actions_pinned_;
  const float help_row = help_pinned ? (help_height_ > 0 ? help_height_ : w.small_height() + ImGui::GetStyle().ItemSpacing.y) : 0.f;
  const float pinned_height = actions_pinned_ ? actions_height_ + help_row + 16 * unit : 0.f;
  const Page page{width, height, unit, pixel_ratio > 0 ? pixel_ratio : 1.f, pinned_height};
  float actions_height = 0;
  const float words_height = draw_words(w, page, scroll_pixels, help && !help_pinned, actions_height);
  if (actions_pinned_) actions_height = draw_pinned_bar(w, page, help_pinned);
  // Everything, as if on one long page: what the embedding page is told, and whether the
  // actions fit after the words next frame or must be pinned (the same measure either way,
  // so the choice never flips back and forth).
  const float whole = words_height + (w.has_actions() ? 8 * unit + actions_height : 0.f) + 24 * unit;
  const bool pin = w.has_actions() && whole > height;
  layout_changed_ = layout_changed_ || pin != actions_pinned_ || std::fabs(actions_height - actions_height_) > 0.5f;
  actions_pinned_ = pin;
  actions_height_ = actions_height;
  content_height_ = whole;
  ImGui::End();
  ImGui::PopStyleVar();
  // The frame is drawn whole; now the flow carries out what was pressed.
  if (w.pressed()) flow_.apply(*w.pressed());
}

void PrescreenApp::begin_column(const Widgets& w) {
  ImGui::SetCursorPosX(w.column_left());
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(w.column_left() + w.column_width());
  ImGui::PushItemWidth(w.column_width());
}

void PrescreenApp::end_column() {
  ImGui::PopItemWidth();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

// The screen's words (with the top bar), scrolling above the pinned actions if any (the last
// frame's measure decides: see draw), and the actions after them when they are not pinned
// (their height in `actions_height`). Returns the words' height, measured as if the help link
// were in the top bar.
float PrescreenApp::draw_words(Widgets& w, const Page& page, float scroll_pixels, bool help, float& actions_height) {
  ImGui::SetCursorPos(ImVec2(0, 0));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  const float visible = std::max(1.f, page.height - page.pinned_height);
  ImGui::BeginChild("##words", ImVec2(page.width, visible), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  if (scroll_to_top_) {
    ImGui::SetScrollY(0);
    scroll_to_top_ = false;
  } else if (scroll_pixels != 0) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + scroll_pixels, 0.f, ImGui::GetScrollMaxY()));
  }
  drawn_.scroll_y = ImGui::GetScrollY() / page.ratio;
  drawn_.scroll_max = ImGui::GetScrollMaxY() / page.ratio;
  drawn_.view_top = 0;
  drawn_.view_bottom = visible / page.ratio;
  begin_column(w);
  ImGui::Dummy(ImVec2(w.column_width(), 2 * page.unit));
  const float top_bar_without_help = draw_top_bar(w, help);
  draw_screen(w);
  const float words_height = ImGui::GetCursorPosY() + top_bar_without_help;
  if (!actions_pinned_ && w.has_actions()) {
    w.gap(8);
    const float before = ImGui::GetCursorPosY();
    w.draw_actions();
    actions_height = ImGui::GetCursorPosY() - before;
  }
  w.gap(24);
  end_column();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  return words_height;
}

// The screen the flow is on. The countdown replaces the page: it also hides the last person's
// answers from passers-by. On the support screen the crisis numbers stay under it: someone may
// be dialling.
void PrescreenApp::draw_screen(Widgets& w) const {
  if (flow_.still_there_shown()) {
    draw_still_there(w);
    if (flow_.screen() == Screen::Support) {
      w.text(say(Phrase::StillThereNumbersStay));
      w.gap(8);
      draw_crisis_contacts(w);
    }
    return;
  }
  switch (flow_.screen()) {
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
}

// The pinned bar: a thin rule, the help link (`help`), then the actions, at the bottom of the
// page. Returns the actions' height.
float PrescreenApp::draw_pinned_bar(Widgets& w, const Page& page, bool help) {
  ImGui::SetCursorPos(ImVec2(0, page.height - page.pinned_height));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(at, ImVec2(at.x + page.width, at.y), ImGui::GetColorU32(ImVec4(0, 0, 0, 0.15f)),
                                      std::max(1.f, page.unit));
  ImGui::Dummy(ImVec2(page.width, 8 * page.unit));
  begin_column(w);
  if (help) {
    const float top = ImGui::GetCursorPosY();
    ImGui::SetCursorPosX(w.column_left() - w.link_padding());
    w.link("help", say(Phrase::NeedHelpNow), Intent::of(Intent::Kind::OpenSupport));
    const float measured = ImGui::GetCursorPosY() - top;
    layout_changed_ = std::fabs(measured - help_height_) > 0.5f;
    help_height_ = measured;
  }
  const float before = ImGui::GetCursorPosY();
  w.draw_actions();
  const float actions_height = ImGui::GetCursorPosY() - before;
  end_column();
  return actions_height;
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
