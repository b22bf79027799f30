// Drawing helpers with the app's look: text in the readable column, big buttons (at least
// 48 CSS px tall). Every button carries the intent it stands for; the first one pressed in
// a frame is handed back (pressed()), for the flow to carry out after the frame. Every text
// and button drawn is recorded with its role and place (the screen model, screen_model.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "flow_names.h"
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
  // `unit`: pixels per CSS pixel of the page's chrome (buttons' least height, gaps, padding),
  // which, unlike the text (`fonts.scale`), does not grow with the text size.
  Widgets(const Fonts& fonts, DrawnFrame& frame, float pixel_ratio, float unit, float page_height,
          const std::string& focus_id, bool reveal_focus, const std::string& activate_id)
      : fonts_(fonts), frame_(frame), pixel_ratio_(pixel_ratio > 0 ? pixel_ratio : 1.f), unit_(unit > 0 ? unit : 1.f),
        page_height_(page_height), focus_id_(focus_id), reveal_focus_(reveal_focus), activate_id_(activate_id) {}

  float scale() const { return fonts_.scale; }  // the text's
  float unit() const { return unit_; }           // the chrome's (see the constructor)
  float page_height() const { return page_height_; }
  // The height of a small button or link with one line of words: at least 48 CSS pixels.
  float small_height() const;
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
  void note(TextRole role, const std::string& text) { frame_.texts.push_back({role, text, {}, false}); }
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

  // ---- A screen's actions: its next step (Continue, See my results, Start over, the unknown
  // answers a question offers) and a problem with what was entered. They are kept, not drawn,
  // so the frame can draw them where they are always in view (draw_actions): after the
  // screen's words when everything fits the page, else in a bar pinned to its bottom.
  enum class ActionLook { Primary, Secondary, Choice, Problem };
  void action(ActionLook look, const std::string& id, const std::string& label, const Intent& intent,
              bool selected = false);
  void action_problem(const std::string& text) { action(ActionLook::Problem, "", text, Intent::of(Intent::Kind::Back)); }
  bool has_actions() const { return !actions_.empty(); }
  // Draws the kept actions at the cursor, in the order they were given.
  void draw_actions();

  // The width of a link with these words, in pixels, and how far its words sit from its left
  // edge (to line them up with the column's text).
  float link_width(const std::string& label) const;
  float link_padding() const { return padding(ButtonRole::Link); }
  // The room a button keeps around its words: keys and links keep little (a key's label is
  // centred and must fit; a link looks like words), other buttons the style's padding.
  float padding(ButtonRole role) const;

  // The width of a small button with these words, in pixels.
  float label_width(const std::string& label) const;

  // The intent of the first button pressed in this frame.
  const std::optional<Intent>& pressed() const { return pressed_; }

 private:
  const Fonts& fonts_;
  DrawnFrame& frame_;
  float pixel_ratio_;
  float unit_;
  float page_height_;
  const std::string& focus_id_;
  bool reveal_focus_;
  const std::string& activate_id_;
  float column_left_ = 0, column_width_ = 0;
  std::optional<Intent> pressed_;
  struct Action {
    ActionLook look;
    std::string id, label;
    Intent intent;
    bool selected;
  };
  std::vector<Action> actions_;
  void draw_action(const Action& action);
  bool last_item_visible() const;
  Rect last_item_rect() const;

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
