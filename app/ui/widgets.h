// Drawing helpers with the app's look: text in the readable column, big buttons (at least
// 48 CSS px tall). Every button carries the intent it stands for; the first one pressed in
// a frame is handed back (pressed()), for the flow to carry out after the frame. Every text
// and button drawn is recorded with its role and place (the screen model, screen_model.h).
#pragma once

#include <optional>
#include <string>

#include "fonts.h"
#include "imgui.h"
#include "intent.h"
#include "qr_image.h"
#include "screen_model.h"
#include "theme.h"

namespace trialmatch::ui {

class Widgets {
 public:
  // `frame` receives what is drawn (places in CSS pixels: device pixels / `pixel_ratio`);
  // `focus_id` is the button the keyboard is on (drawn with a focus ring); a button whose
  // id equals `activate_id` acts as if pressed (Enter, Space, or the accessibility mirror).
  Widgets(const Fonts& fonts, DrawnFrame& frame, float pixel_ratio, float page_height, const std::string& focus_id,
          bool reveal_focus, const std::string& activate_id)
      : fonts_(fonts), frame_(frame), pixel_ratio_(pixel_ratio > 0 ? pixel_ratio : 1.f), page_height_(page_height),
        focus_id_(focus_id), reveal_focus_(reveal_focus), activate_id_(activate_id) {}

  float scale() const { return fonts_.scale; }
  const Fonts& fonts() const { return fonts_; }

  // The readable column, in pixels from the window's left.
  void set_column(float left, float width) {
    column_left_ = left;
    column_width_ = width;
  }
  float column_left() const { return column_left_; }
  float column_width() const { return column_width_; }

  void title(const std::string& text);
  void heading(const std::string& text);
  void text(const std::string& text);
  void muted(const std::string& text);
  void bold(const std::string& text);
  void say(TextRole role, const std::string& text, const ImVec4& colour, ImFont* font = nullptr);
  // Records a text for the screen model without drawing it (the screen shows it otherwise,
  // as the keypad's box does).
  void note(TextRole role, const std::string& text) { frame_.texts.push_back({role, text}); }
  void gap(float css_pixels);
  void separator();
  // A QR code, black on white with its quiet zone, centred in the column, each module a whole
  // number of device pixels (so a camera reads sharp edges). The screen model records it as
  // `label`, which is what a screen reader says of it.
  void qr_code(const QrImage& image, const std::string& label);

  // Full-width buttons.
  void primary(const std::string& id, const std::string& label, const Intent& intent);
  void choice(const std::string& id, const std::string& label, bool selected, const Intent& intent);
  void secondary(const std::string& id, const std::string& label, const Intent& intent);
  // A list entry that opens something (a study in a catalog's results): left-aligned words.
  void entry(const std::string& id, const std::string& label, const Intent& intent);
  // A button sized to its words (or `width` pixels), placed at the cursor.
  void small(const std::string& id, const std::string& label, const Intent& intent, float width = 0,
             ButtonRole role = ButtonRole::Action, bool selected = false);
  void link(const std::string& id, const std::string& label, const Intent& intent);

  // The width of a small button or link with these words, in pixels.
  float label_width(const std::string& label) const;

  // The intent of the first button pressed in this frame.
  const std::optional<Intent>& pressed() const { return pressed_; }

 private:
  const Fonts& fonts_;
  DrawnFrame& frame_;
  float pixel_ratio_;
  float page_height_;
  const std::string& focus_id_;
  bool reveal_focus_;
  const std::string& activate_id_;
  float column_left_ = 0, column_width_ = 0;
  std::optional<Intent> pressed_;

  struct Look {
    ImVec2 size;
    ImVec4 bg, bg_hover, fg;
    bool border;
    ImFont* font;
    bool align_left;
  };
  void button(const std::string& id, const std::string& label, const Intent& intent, const Look& look, ButtonRole role,
              bool selected);
};

}  // namespace trialmatch::ui
