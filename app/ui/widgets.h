// Drawing helpers with the app's look: text in the readable column, big buttons (at least
// 48 CSS px tall), and a record of every button drawn this frame (its id, words and place),
// which tests use to find and tap things and the accessibility mirror will use later.
#pragma once

#include <string>
#include <vector>

#include "fonts.h"
#include "imgui.h"
#include "theme.h"

namespace trialmatch::ui {

struct Target {
  std::string id;     // stable, e.g. "option:yes", "continue", "key:5"
  std::string label;  // the words on it
  ImVec2 min, max;    // in pixels
  bool selected = false;
};

class Widgets {
 public:
  // `focus_id` is the button the keyboard is on (drawn with a focus ring); a button whose id
  // equals `activate_id` acts as if pressed (Enter or Space), once.
  Widgets(const Fonts& fonts, std::vector<Target>& targets, std::vector<std::string>& texts,
          const std::string& focus_id, bool reveal_focus, std::string& activate_id)
      : fonts_(fonts), targets_(targets), texts_(texts), focus_id_(focus_id), reveal_focus_(reveal_focus),
        activate_id_(activate_id) {}

  float scale() const { return fonts_.scale; }
  const Fonts& fonts() const { return fonts_; }

  void title(const std::string& text);
  void heading(const std::string& text);
  void text(const std::string& text);
  void muted(const std::string& text);
  void bold(const std::string& text);
  void coloured(const std::string& text, const ImVec4& colour, ImFont* font = nullptr);
  void gap(float css_pixels);
  void separator();

  // Full-width buttons. Each returns true when pressed.
  bool primary(const std::string& id, const std::string& label);
  bool choice(const std::string& id, const std::string& label, bool selected);
  bool secondary(const std::string& id, const std::string& label);
  // A button sized to its words, placed after the previous item on the same line when asked.
  bool small(const std::string& id, const std::string& label, bool accent = false, float width = 0);
  bool link(const std::string& id, const std::string& label);

  // The width of a small button or link with these words, in pixels.
  float label_width(const std::string& label) const;

 private:
  const Fonts& fonts_;
  std::vector<Target>& targets_;
  std::vector<std::string>& texts_;
  const std::string& focus_id_;
  bool reveal_focus_;
  std::string& activate_id_;

  bool button(const std::string& id, const std::string& label, const ImVec2& size, const ImVec4& bg,
              const ImVec4& bg_hover, const ImVec4& fg, bool border, bool selected, ImFont* font,
              bool align_left = false);
};

}  // namespace trialmatch::ui
