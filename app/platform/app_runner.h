// The one running app: the runner owns the PrescreenApp (and its flow) for the page's life,
// and is the one place where what the flow asks of the page (its effects, app/flow/effects.h)
// is carried out. Every part of the platform reaches the app through runner(): the input
// handlers, the timers, the embedded channel and the functions the page's scripts call.
#pragma once

#include <memory>
#include <utility>

#include "flow.h"

namespace trialmatch::ui {
class PrescreenApp;
}

namespace trialmatch::platform {

class AppRunner {
 public:
  // The app, in `lang`, from now on (main() does this once, before anything reaches it).
  void start(flow::Lang lang);
  ui::PrescreenApp& app() { return *app_; }
  flow::Flow& flow();

  // Something changes the flow (`change(flow)`): then what it asked for is carried out.
  template <typename Change>
  void update(Change&& change) {
    std::forward<Change>(change)(flow());
    carry_out_effects();
  }
  // Carries out, in order, everything the flow has asked for and not yet had: a fetch, a
  // link, printing, a file, a wipe, the share's window, a message to the host. An effect
  // that feeds back into the flow (the window opened or not) may ask for more; those too.
  void carry_out_effects();

 private:
  std::unique_ptr<ui::PrescreenApp> app_;
};

// The page's one runner.
AppRunner& runner();

}  // namespace trialmatch::platform
