// Every function the page's scripts call into the app, in one list: JavaScript reaches each
// as Module._trialmatch_NAME (or Module.ccall("trialmatch_NAME")). EMSCRIPTEN_KEEPALIVE
// exports them, so the link line names only _main, _malloc and _free
// (app/web_targets/CMakeLists.txt). The comment above each names the files that call it;
// build-scripts/check_exports.py checks at build time that those files do, that every
// trialmatch_ call in the page's scripts is defined here, and that nothing else exports.
#include "exports.h"

#include <emscripten.h>
#include <emscripten/emmalloc.h>

#include <string>

#include "app_runner.h"
#include "browser.h"
#include "embed_channel.h"
#include "frame_scheduler.h"
#include "input_limits.h"
#include "kiosk_timers.h"
#include "prescreen_app.h"

namespace {
std::string described;  // trialmatch_describe's answer, kept until the next call
}  // namespace

namespace trialmatch::platform {
void connect_exports() {}
}  // namespace trialmatch::platform

using trialmatch::platform::runner;
using trialmatch::platform::wake;
using trialmatch::flow::Flow;

extern "C" {

// A study or catalog file arrived; a catalog asks for its study files next.
// Called by: app/platform/browser.cpp (fetch_site_file).
EMSCRIPTEN_KEEPALIVE void trialmatch_on_file_text(const char* url, const char* text) {
  runner().update([&](Flow& flow) { flow.on_file_text(url, text); });
  wake();
}

// A file could not be loaded. Called by: app/platform/browser.cpp (fetch_site_file).
EMSCRIPTEN_KEEPALIVE void trialmatch_on_file_error(const char* url, const char* reason) {
  runner().update([&](Flow& flow) {
    flow.on_file_fetch_failed(url, std::string("could not load the file: ") + trialmatch::shorten(reason));
  });
  wake();
}

// A file is over limits::kMaxFileBytes. Called by: app/platform/browser.cpp (fetch_site_file).
EMSCRIPTEN_KEEPALIVE void trialmatch_on_file_too_big(const char* url, const char*) {
  runner().update([&](Flow& flow) { flow.on_file_fetch_failed(url, trialmatch::file_too_big_message()); });
  wake();
}

// Continue later: the text of the saved file the person picked on the welcome screen, or
// too_big (not read). Called by: app/platform/browser_page.cpp (tm_pick_saved_file).
EMSCRIPTEN_KEEPALIVE void trialmatch_on_saved_answers(const char* text, int too_big) {
  runner().update([&](Flow& flow) { flow.on_saved_answers(text, too_big != 0); });
  wake();
}

// Test hook: the current screen as JSON (what the person sees, in words).
// Called by: web/boot.js (trialmatch.describe, which the mirror and the tests use).
EMSCRIPTEN_KEEPALIVE const char* trialmatch_describe() {
  described = runner().app().describe();
  return described.c_str();
}

// The page may have been away (shown again, resumed, focused). Kiosk: is the idle time over?
// Called by: web/lifecycle.js.
EMSCRIPTEN_KEEPALIVE void trialmatch_check_idle() {
  trialmatch::platform::run_app_timers();
  wake();
}

// The host's origin once the deployment allows shares to it ("" if not). Called by: web/host.js.
EMSCRIPTEN_KEEPALIVE void trialmatch_set_host(const char* origin) { trialmatch::platform::set_host(origin); }

// The person's answer in the share's confirmation window: 1 "Yes, send them", 0 "No" or
// closed. Called by: web/host.js (only for a message from the window it opened).
EMSCRIPTEN_KEEPALIVE void trialmatch_share_window_answered(int yes) {
  trialmatch::platform::share_window_answered(yes == 1);
}

// Test hook: how many frames are still queued (0 once the page is idle).
// Called by: web/boot.js (trialmatch.pendingFrames, which the tests use).
EMSCRIPTEN_KEEPALIVE int trialmatch_pending_frames() { return trialmatch::platform::frames_to_draw(); }

// Test hook: bytes of the WebAssembly heap in use (allocated, not yet freed), so a test can
// tell a leak from the heap's ordinary reserve. Called by: tests/e2e/monkey.test.mjs.
EMSCRIPTEN_KEEPALIVE double trialmatch_heap_in_use() {
  return static_cast<double>(emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory());
}

// The accessibility mirror presses a button (a screen reader's click) of the screen `view`
// it shows (docs/screen-model.md). Called by: web/mirror.js, tests/e2e/a11y.test.mjs.
EMSCRIPTEN_KEEPALIVE void trialmatch_press(const char* id, unsigned view) {
  runner().app().press(id, view);
  runner().flow().note_activity(trialmatch::platform::idle_clock_seconds());
  wake();
}

// The accessibility mirror moves the focus ring to the button with DOM focus. Called by: web/mirror.js.
EMSCRIPTEN_KEEPALIVE void trialmatch_focus(const char* id) {
  runner().app().focus(id);
  wake();
}

}  // extern "C"
