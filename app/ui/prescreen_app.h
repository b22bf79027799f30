// The prescreener's interface: which screen is showing, and drawing it with Dear ImGui.
// It reads core state and sends the core the person's intents; it never decides
// eligibility itself. It knows nothing of the browser (app/platform feeds it input and
// carries out its requests, such as opening the phone's dialer).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fonts.h"
#include "session.h"
#include "trial.h"
#include "ui_text.h"
#include "widgets.h"

namespace trialmatch::ui {

class PrescreenApp {
 public:
  enum class Screen { Loading, Error, Welcome, Question, Review, Result, Support, ShareConfirm };

  explicit PrescreenApp(Lang lang);

  void on_trial_text(const std::string& file_name, const std::string& text);
  void on_trial_fetch_failed(const std::string& file_name, const std::string& reason);

  // The languages a person can switch between: the trial's own, where the interface speaks
  // them too. A screen is never in two languages.
  const std::vector<Lang>& languages() const { return languages_; }

  // Draws one frame into the current ImGui context; sizes in pixels. `pixel_ratio` is
  // device pixels per CSS pixel (fonts.scale may be larger on big kiosk screens);
  // `scroll_pixels` is a wheel or drag-to-scroll amount, applied to the page.
  void draw(float width, float height, const Fonts& fonts, float pixel_ratio, float scroll_pixels);

  Screen screen() const { return screen_; }
  Lang lang() const { return lang_; }

  // Kiosk mode: after `idle_seconds` without input, ask "Are you still there?", then wipe:
  // the platform loads the page afresh (new memory), so nothing of the person is left.
  // On the support screen the wipe keeps the crisis numbers up; after a further idle
  // period they give way to the welcome screen. No device storage in any case.
  void set_kiosk(double idle_seconds);
  bool kiosk() const { return kiosk_idle_ > 0; }
  // Any input from the person (a touch, a click, a key). `now` in seconds (wall clock).
  void note_activity(double now);
  // Advances timers; returns seconds until the app needs to be woken again (< 0: never).
  // Safe to call at any time, with or without a frame: a hidden page draws none.
  double tick(double now);
  // A wipe the platform must carry out now by loading the page afresh, taken once.
  enum class Wipe { None, ToWelcome, ToSupport };
  Wipe take_wipe_request();
  // This page is the fresh load after a wipe on the support screen: show it again, in `lang`.
  void start_on_support(Lang lang);

  // Embedded in a sponsor's page: the result screen offers "Send to the study team".
  // `host_site`: the host page's origin, when the deployment allows shares to it ("" if not).
  void set_embedded(bool embedded, const std::string& host_site) {
    embedded_ = embedded;
    host_site_ = host_site;
    can_share_ = !host_site.empty();
  }
  // Whether the frame can be seen whole: not hidden, not covered, not see-through. A
  // confirm pressed while it is not, or within a second of the confirm screen appearing,
  // is ignored (a host page could lay decoys over it, or hurry a second click onto it).
  void set_frame_visible(bool visible) { frame_visible_ = visible; }
  // Whether this is the first screen the host may be told the height of: the welcome
  // screen (or the error screen), whose height depends on nothing the person answered.
  bool height_is_public() const { return screen_ == Screen::Error || screen_ == Screen::Welcome; }
  // Messages for the host page, taken once: {"type": "share", "summary": ...} only after
  // the person pressed "Send to the study team" and confirmed. Nothing else: even the
  // moment a result is reached would tell the host how many questions were asked.
  std::vector<std::string> take_host_messages();
  // Height of everything drawn in the last frame, in pixels.
  float content_height() const { return content_height_; }

  // A link the platform should open (tel:, sms:), taken once; "" when none.
  std::string take_link_request();

  // The accessibility mirror (web/mirror.js) acts for screen-reader users: it presses a
  // button by id, and moves the drawn focus ring to the button that has DOM focus.
  void press(const std::string& id) { activate_id_ = id; }
  void focus(const std::string& id) {
    focus_id_ = id;
    focus_moved_ = true;
  }

  // Text size, 100% to 200% in steps of 25 (the "Text 100%" button cycles it). The
  // platform rebuilds fonts and sizes from it, so the layout reflows.
  int text_size_percent() const { return text_size_percent_; }

  // What is on screen, as JSON: for tests and the accessibility mirror.
  std::string describe() const;

 private:
  Screen screen_ = Screen::Loading;
  Screen support_return_ = Screen::Welcome;  // where "Continue" on the support screen goes
  bool support_after_disclosure_ = false;    // shown because of an answer, not "Need help now?"
  Lang lang_;
  std::vector<Lang> languages_;  // the trial's languages the interface speaks too, in the trial's order
  std::string file_name_;
  std::vector<std::string> errors_;
  std::unique_ptr<Trial> trial_;
  std::unique_ptr<Session> session_;

  int current_question_ = -1;      // shown on the Question screen
  bool editing_from_review_ = false;
  bool why_open_ = false;
  std::string number_entry_;        // digits typed on the keypad
  bool number_prefilled_ = false;   // number_entry_ shows an earlier answer
  int picked_year_ = 0;             // month/year questions: the year shown on the stepper
  std::vector<std::string> multi_selection_;  // options ticked on a multiple-choice question
  std::string input_message_;       // "Please choose at least one answer."
  std::string link_request_;
  float column_left_ = 0, column_width_ = 0;
  bool scroll_to_top_ = false;
  std::vector<Target> targets_;     // buttons drawn in the last frame
  std::vector<std::string> texts_;  // texts drawn in the last frame
  std::string focus_id_;            // the button the keyboard is on ("" when none)
  bool focus_moved_ = false;
  std::string activate_id_;         // a button Enter or Space pressed
  double kiosk_idle_ = 0;           // seconds; 0 when not a kiosk
  double last_activity_ = 0, now_ = 0;
  double wipe_at_ = -1;             // the "Are you still there?" countdown's end; < 0 when hidden
  Wipe wipe_request_ = Wipe::None;
  bool support_after_wipe_ = false;  // the support screen shown again after a wipe
  bool start_on_support_ = false;
  bool embedded_ = false;
  bool can_share_ = false;
  std::string host_site_;
  bool frame_visible_ = true;
  double confirm_shown_at_ = 0;
  int text_size_percent_ = 100;
  bool shared_ = false;             // this person chose to share their summary
  std::vector<std::string> host_messages_;
  float content_height_ = 0;
  float pixel_ratio_ = 1, page_height_ = 0;
  float scroll_y_ = 0, scroll_max_ = 0;

  // Screens (screen_*.cpp).
  void draw_top_bar(Widgets& w);
  void draw_loading(Widgets& w);
  void draw_error(Widgets& w);
  void draw_welcome(Widgets& w);
  void draw_question(Widgets& w);
  void draw_choice_answers(Widgets& w, const Question& q);
  void draw_multiple_answers(Widgets& w, const Question& q);
  void draw_number_answers(Widgets& w, const Question& q);
  void draw_month_year_answers(Widgets& w, const Question& q);
  void draw_unknown_answers(Widgets& w, const Question& q);
  void draw_review(Widgets& w);
  void draw_result(Widgets& w);
  void draw_support(Widgets& w);
  void draw_crisis_contacts(Widgets& w);
  void draw_still_there(Widgets& w);
  void draw_share_confirm(Widgets& w);
  std::string share_summary() const;
  std::string heading() const;  // the screen's main heading, for the mirror
  bool has_anything_to_wipe() const;

  // Intents.
  void go_to(Screen screen);
  void show_question(int question_index);
  void give_answer(const Answer& answer);
  void go_back();
  void start_over();
  void open_support();
  void handle_keys();
  void type_digit(char digit);

  std::string answer_label(const Question& q, const Answer& a) const;
  std::string option_label(const Option& o) const;
  const std::string& tr(const LocalText& text) const;
};

}  // namespace trialmatch::ui
