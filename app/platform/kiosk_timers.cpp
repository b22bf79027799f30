// Kiosk timers (see kiosk_timers.h).
#include "kiosk_timers.h"

#include <emscripten/eventloop.h>

#include <algorithm>

#include "browser.h"
#include "frame_scheduler.h"
#include "prescreen_app.h"

namespace trialmatch::platform {

namespace {

ui::PrescreenApp* app = nullptr;
long timer = 0;  // the pending timeout for the app's timers, 0 if none

void on_timer(void*) {
  timer = 0;
  run_app_timers();
  wake();
}

}  // namespace

void start_app_timers(ui::PrescreenApp& the_app) { app = &the_app; }

void run_app_timers() {
  const double delay = app->flow().tick(idle_clock_seconds());
  carry_out_wipe();
  if (timer) emscripten_clear_timeout(timer);
  timer = 0;
  if (delay == 0) wake();
  // Also when a frame is wanted now: a hidden page draws none, and the timer must go on.
  if (delay >= 0) timer = emscripten_set_timeout(on_timer, std::max(delay, 0.5) * 1000.0 + 5, nullptr);
}

void carry_out_wipe() {
  using Wipe = flow::Flow::Wipe;
  const Wipe wipe = app->flow().take_wipe_request();
  if (wipe == Wipe::ToWelcome) fresh_start("");
  else if (wipe == Wipe::ToSupport) fresh_start(flow::lang_code(app->flow().lang()));
}

}  // namespace trialmatch::platform
