// The prescreener's screens, drawn with Dear ImGui from the flow's state (app/flow/flow.h).
// Immediate mode, as ImGui's own examples are: each frame draws the screen the flow is on,
// and the intent of a pressed button goes to the flow once the frame is drawn. It never
// decides eligibility, and knows nothing of the browser: app/platform feeds it input (keys
// already turned into Key values) and carries out the flow's requests.
#pragma once

#include <deque>
#include <optional>
#include <string>

#include "flow.h"
#include "fonts.h"
#include "screen_model.h"
#include "widgets.h"

namespace trialmatch::ui {

// Keys, as the platform hands them over: Tab and the arrow keys move the focus ring
// (Next, Previous), Enter and Space press the button it is on (Press), Escape goes Back,
// Backspace deletes a typed digit (Delete), and 0-9 are Digit.
enum class Key { Next, Previous, Press, Back, Delete, Digit };

class PrescreenApp {
 public:
  explicit PrescreenApp(Lang lang) : flow_(lang) {}

  Flow& flow() { return flow_; }
  const Flow& flow() const { return flow_; }

  // Draws one frame into the current ImGui context; sizes in pixels. `pixel_ratio` is
  // device pixels per CSS pixel (fonts.scale may be larger on big kiosk screens);
  // `scroll_pixels` is a wheel or drag-to-scroll amount, applied to the page. The page's top
  // left corner is at `origin`: the studio's preview draws it beside the editor.
  void draw(float width, float height, const Fonts& fonts, float pixel_ratio, float scroll_pixels,
            ImVec2 origin = ImVec2(0, 0));

  void key(Key key, int digit = 0);
  // The accessibility mirror (web/mirror.js) presses a button by id, for the screen it
  // showed (`view`, from the screen model): a press aimed at a screen that has since
  // changed is dropped, and presses are carried out in order, one a frame.
  void press(const std::string& id, unsigned view);
  // ...and moves the drawn focus ring to the button that has DOM focus.
  void focus(const std::string& id);
  // Input is still queued, or the flow has moved on from the screen last drawn: the
  // platform must draw another frame.
  bool wants_another_frame() const {
    return !queued_.empty() || drawn_.view != flow_.view_number() || layout_changed_;
  }

  // The page's colour in the last frame drawn. The page window draws no background of its
  // own: the renderer clears the canvas to this colour (one pass over every pixel fewer).
  ImVec4 page_colour() const { return page_colour_; }

  // Height of everything drawn in the last frame, in pixels.
  float content_height() const { return content_height_; }

  // What is on screen (screen_model.h): for the studio's accessibility mirror; as JSON, for
  // tests and the app's mirror.
  ScreenModel screen() const { return screen_model(flow_, drawn_); }
  std::string describe() const { return screen_model_json(screen_model(flow_, drawn_)); }

 private:
  Flow flow_;
  DrawnFrame drawn_;           // what the last frame drew
  bool focus_moved_ = false;   // the focus ring moved by keyboard: scroll it into view
  struct QueuedInput {
    std::string button;           // a button to press, by id...
    std::optional<Intent> intent; // ...or an intent from a key
    unsigned view;                // the flow's view_number() it was aimed at
  };
  std::deque<QueuedInput> queued_;
  float content_height_ = 0;
  ImVec4 page_colour_;
  // Where the screen's actions go (Widgets::action): pinned to the bottom when the screen's
  // words and actions do not fit the page together; their height, as last drawn.
  bool actions_pinned_ = false;
  float actions_height_ = 0;
  float help_height_ = 0;        // "Need help now?" in the pinned bar, as last drawn there
  bool layout_changed_ = false;  // the last frame moved them: draw another
  bool scroll_to_top_ = false;
  unsigned last_view_ = 0;    // the flow's view in the last frame: a new one starts at the top

  // The frame, in steps (prescreen_app.cpp).
  struct Page {
    float width, height;   // pixels
    float unit;            // the chrome's scale
    float ratio;           // device pixels per CSS pixel
    float pinned_height;   // the pinned bar's, as last measured; 0 when not pinned
  };
  std::string take_queued_input();
  static void begin_column(const Widgets& w);
  static void end_column();
  float draw_words(Widgets& w, const Page& page, float scroll_pixels, bool help, float& actions_height);
  void draw_screen(Widgets& w) const;
  float draw_pinned_bar(Widgets& w, const Page& page, bool help);

  // Screens (screen_*.cpp): each draws from flow_ and hands intents to `w`.
  // The top bar; `help`: with "Need help now?" (else the link is in the pinned bar). Returns
  // how much taller it would be with the link.
  float draw_top_bar(Widgets& w, bool help) const;
  void draw_loading(Widgets& w) const;
  void draw_error(Widgets& w) const;
  void draw_welcome(Widgets& w) const;
  void draw_question(Widgets& w) const;
  void draw_choice_answers(Widgets& w, const Question& q) const;
  void draw_multiple_answers(Widgets& w, const Question& q) const;
  void draw_number_answers(Widgets& w, const Question& q) const;
  void draw_keypad(Widgets& w, const std::string& entry, const std::string& unit, const std::string& hint) const;
  void draw_zip(Widgets& w) const;
  void draw_distance_choice(Widgets& w) const;
  void draw_distance_buttons(Widgets& w) const;
  void draw_month_year_answers(Widgets& w, const Question& q) const;
  void draw_unknown_answers(Widgets& w, const Question& q) const;
  void draw_review(Widgets& w) const;
  void draw_results(Widgets& w) const;
  void draw_ranked_studies(Widgets& w, const std::vector<CatalogSession::Match>& ranking) const;
  void draw_study_distance(Widgets& w, int study) const;
  void draw_result(Widgets& w) const;
  void draw_crisis_block(Widgets& w) const;
  void draw_support(Widgets& w) const;
  void draw_crisis_contacts(Widgets& w) const;
  void draw_still_there(Widgets& w) const;
  void draw_share_confirm(Widgets& w) const;
  void draw_result_code(Widgets& w) const;
  void draw_save_answers(Widgets& w) const;
  void draw_saved_notice(Widgets& w) const;
  void draw_back(Widgets& w) const;
  void draw_privacy_promise(Widgets& w) const;
  const char* say(Phrase p) const { return phrase(p, flow_.lang()); }
};

}  // namespace trialmatch::ui
