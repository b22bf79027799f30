// The prescreener's interface: which screen is showing, and drawing it with Dear ImGui.
// It reads core state and sends the core the person's intents; it never decides
// eligibility itself. It knows nothing of the browser (app/platform feeds it).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fonts.h"
#include "session.h"
#include "trial.h"
#include "ui_text.h"

namespace trialmatch::ui {

class PrescreenApp {
 public:
  enum class Screen { Loading, Error, Question };

  explicit PrescreenApp(Lang lang);

  // The trial file arrived (or could not be fetched: `fetch_error` says why).
  void on_trial_text(const std::string& file_name, const std::string& text);
  void on_trial_fetch_failed(const std::string& file_name, const std::string& reason);

  // Draws one frame into the current ImGui context; `width`/`height` in pixels.
  void draw(float width, float height, const Fonts& fonts);

  Screen screen() const { return screen_; }
  Lang lang() const { return lang_; }
  void set_lang(Lang lang) { lang_ = lang; }

  // What is on screen, as JSON, for tests and (later) the accessibility mirror.
  std::string describe() const;

 private:
  Screen screen_ = Screen::Loading;
  Lang lang_;
  std::string file_name_;
  std::vector<std::string> errors_;
  std::unique_ptr<Trial> trial_;
  std::unique_ptr<Session> session_;
  float column_left_ = 0, column_width_ = 0;  // the readable column, in pixels

  void draw_loading(const Fonts& fonts);
  void draw_error(const Fonts& fonts);
  void draw_question(const Fonts& fonts);
  void draw_language_switch(const Fonts& fonts);
};

}  // namespace trialmatch::ui
