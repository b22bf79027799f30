// Kiosk timers (see kiosk_timers.h).
#include "kiosk_timers.h"

#include <emscripten/eventloop.h>

#include <algorithm>

#include "app_runner.h"
#include "browser.h"
#include "frame_scheduler.h"

namespace trialmatch::platform {

namespace {

long timer = 0;  // the pending timeout for the app's timers, 0 if none

void on_timer(void*) {
  timer = 0;
  run_app_timers();
  wake();
}

}  // namespace

void run_app_timers() {
  double delay = -1;
  runner().update([&delay](flow::Flow& flow) { delay = flow.tick(idle_clock_seconds()); });
  if (timer) emscripten_clear_timeout(timer);
  timer = 0;
  if (delay == 0) wake();
  // Also when a frame is wanted now: a hidden page draws none, and the timer must go on.
  if (delay >= 0) timer = emscripten_set_timeout(on_timer, std::max(delay, 0.5) * 1000.0 + 5, nullptr);
}

}  // namespace trialmatch::platform
