// Every function the studio page's script (web/studio.js) calls into the studio, in one list,
// as app/platform/exports.cpp is for the app: Module._trialmatch_studio_NAME. The comment
// above each names the files that call it (build-scripts/check_exports.py checks both lists).
#include "studio_exports.h"

#include <emscripten.h>

#include <string>

#include "frame_scheduler.h"
#include "studio_app.h"

namespace {
std::string described;  // trialmatch_studio_describe's answer, kept until the next call
}  // namespace

using trialmatch::platform::draw_frame_now;
using trialmatch::platform::studio_app;
using trialmatch::platform::wake;

extern "C" {

// A file the author picked, read on their computer: file `index` of the `count` picked together.
// Called by: web/studio.js
EMSCRIPTEN_KEEPALIVE void trialmatch_studio_open_file(const char* name, const char* text, int index, int count) {
  studio_app().open_picked(name, text, index, count);
  wake();
}

// The page's text field changed: its whole value.
// Called by: web/studio.js
EMSCRIPTEN_KEEPALIVE void trialmatch_studio_text_input(const char* value) {
  studio_app().text_typed(value);
  wake();
}

// The page's text field was left (Escape, Enter on one line, or a click elsewhere).
// Called by: web/studio.js
EMSCRIPTEN_KEEPALIVE void trialmatch_studio_text_done() {
  studio_app().text_done();
  wake();
}

// Tab (1: with Shift) in the page's text field: the next (previous) field opens instead.
// Called by: web/studio.js
EMSCRIPTEN_KEEPALIVE void trialmatch_studio_text_tab(int backwards) {
  studio_app().text_tab(backwards != 0);
  draw_frame_now();  // the next field takes the page's text field before the next key comes
}

// Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y, Ctrl+S outside a text field.
// Called by: web/studio.js
EMSCRIPTEN_KEEPALIVE void trialmatch_studio_shortcut(int which) {
  if (which == 0) studio_app().undo();
  else if (which == 1) studio_app().redo();
  else if (which == 2) studio_app().save();
  draw_frame_now();  // a save's download within the key's gesture
}

// The checks worker's answer (checks_wire.h), `size` bytes at `data`.
// Called by: web/studio.js
EMSCRIPTEN_KEEPALIVE void trialmatch_studio_checks_done(const char* data, int size) {
  studio_app().take_checks(std::string(data, static_cast<std::size_t>(size)));
  wake();
}

// The checks worker could not start or stopped: the checks run on the page from now on.
// Called by: web/studio.js
EMSCRIPTEN_KEEPALIVE void trialmatch_studio_checks_failed() {
  studio_app().set_checks_sender(nullptr);
  wake();
}

// The accessibility mirror (web/studio-mirror.js): a screen reader's click, or Enter or Space on
// the mirror's copy of an item, presses the item with that key (StudioMirror)...
// Called by: web/studio-mirror.js
EMSCRIPTEN_KEEPALIVE void trialmatch_studio_press(const char* key) {
  studio_app().mirror_press(key);
  draw_frame_now();  // within the key's gesture: a download, the file picker
}

// ...the keyboard focus moved to the copy of this item ("": out of the mirror): it comes into view...
// Called by: web/studio-mirror.js
EMSCRIPTEN_KEEPALIVE void trialmatch_studio_focus(const char* key) {
  studio_app().mirror_focus(key);
  wake();
}

// ...and Escape closes a menu, or the question asked.
// Called by: web/studio-mirror.js
EMSCRIPTEN_KEEPALIVE void trialmatch_studio_escape() {
  studio_app().escape();
  wake();
}

// Frames still to draw: 0 once the studio has settled (what the tests wait for).
// Called by: tests/e2e/studio_support.mjs, tests/e2e/studio_keyboard.test.mjs
EMSCRIPTEN_KEEPALIVE int trialmatch_studio_pending_frames() { return trialmatch::platform::frames_to_draw(); }

// The studio as JSON (StudioApp::describe), for the browser tests.
// Called by: tests/e2e/studio.test.mjs, tests/e2e/studio_support.mjs, tests/e2e/studio_keyboard.test.mjs
EMSCRIPTEN_KEEPALIVE const char* trialmatch_studio_describe() {
  described = trialmatch::platform::studio_started() ? studio_app().describe() : "{\"frames\": 0}";
  return described.c_str();
}

}  // extern "C"
