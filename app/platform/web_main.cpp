// The browser entry point: sets up WebGL2 through Emscripten's GLFW, sizes the canvas for
// the device pixel ratio, loads the trial file, and runs the frame loop. Frames are drawn
// only while something changes: input, a resize, a file arriving (see `wake`).
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/emmalloc.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cstdlib>
#include <cmath>
#include <memory>
#include <string>

#include "browser.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "host_messages.h"
#include "input_limits.h"
#include "prescreen_app.h"
#include "theme.h"

namespace {

using trialmatch::ui::Lang;

// Touch input, which Emscripten 3.1.6's GLFW does not turn into cursor moves: a tap
// becomes a press in one frame and a release in the next (even if both arrived between
// frames); a vertical drag scrolls the page instead of pressing.
struct TouchInput {
  bool active = false;           // the last pointer was a finger: hide the hover cursor
  bool down = false;
  bool press_pending = false;
  bool release_pending = false;
  bool dragging = false;
  bool moved = false;            // the finger moved at all since it touched
  int id = -1;
  float x = 0, y = 0, start_y = 0, last_y = 0;
  float scroll = 0;              // pixels to scroll the page by
  double last_event_ms = -1e9;
};

struct WebApp;
void frame();

struct WebApp {
  GLFWwindow* window = nullptr;
  std::unique_ptr<trialmatch::ui::PrescreenApp> app;
  trialmatch::ui::Fonts fonts;
  int width = 0, height = 0;  // backing store, in device pixels
  float pixel_ratio = 1;
  int frames_to_draw = 3;     // ImGui needs a few frames to settle after a change
  std::string described;
  TouchInput touch;
  long timer = 0;  // pending emscripten timeout for the app's timers (kiosk idle), 0 if none
  bool embedded = false;
  bool height_told = false;  // the welcome screen's height goes to the host once, at load
};

WebApp g;  // the single app instance the browser callbacks reach

// Asks for `frames` more frames. The browser's frame loop is paused while there is
// nothing to draw, so an idle page does no work at all, not even an empty callback.
bool g_loop_paused = false;

void wake(int frames = 3) {
  if (g.frames_to_draw < frames) g.frames_to_draw = frames;
  if (g_loop_paused) {
    g_loop_paused = false;
    emscripten_resume_main_loop();
  }
}

// Keeps the canvas backing store at CSS size x device pixel ratio (GLFW 3.1.6 knows no DPR).
void fit_canvas() {
  double css_w = 0, css_h = 0;
  trialmatch::platform::canvas_css_size(css_w, css_h);
  const float ratio = static_cast<float>(std::max(1.0, std::min(3.0, trialmatch::platform::device_pixel_ratio())));
  const int w = static_cast<int>(std::lround(css_w * ratio));
  const int h = static_cast<int>(std::lround(css_h * ratio));
  // Big screens (kiosks) read from arm's length: everything is drawn up to 1.5 times larger.
  const float zoom = static_cast<float>(std::max(1.0, std::min(1.5, std::min(css_w / 1000.0, css_h / 760.0))));
  const float layout_scale = ratio * zoom * static_cast<float>(g.app->flow().text_size_percent()) / 100.f;
  if (w == g.width && h == g.height && ratio == g.pixel_ratio && layout_scale == g.fonts.scale) return;
  g.width = w;
  g.height = h;
  // Not glfwSetWindowSize: in Emscripten 3.1.6 it requests full screen when the size
  // equals the screen's (a kiosk), which the browser refuses without a user gesture.
  emscripten_set_canvas_element_size("#canvas", w, h);
  g.pixel_ratio = ratio;
  if (layout_scale != g.fonts.scale || !g.fonts.body) {
    g.fonts = trialmatch::ui::build_fonts(layout_scale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    trialmatch::ui::apply_theme(trialmatch::ui::default_palette(), layout_scale);
    wake();
  }
  wake();
}

EM_JS(void, tm_post_to_host, (const char* json), {
  // Embedded: hands a message to the host page (web/boot.js checks the host's origin).
  window.trialmatch.postToHost(JSON.parse(UTF8ToString(json)));
});

EM_JS(int, tm_prefers_more_contrast, (), {
  return (window.matchMedia && window.matchMedia("(prefers-contrast: more)").matches) ||
         new URLSearchParams(window.location.search).get("contrast") === "more" ? 1 : 0;
});

EM_JS(void, tm_app_started, (), {
  // The app runs: tests and the mirror may read it, and the host (if any) hears "ready".
  window.trialmatch.ready = true;
  window.trialmatch.onRuntimeReady();  // web/host.js
});

EM_JS(void, tm_fresh_start, (const char* support_lang), {
  // The kiosk's wipe: the same address loaded afresh (web/lifecycle.js).
  window.trialmatch.freshStart(UTF8ToString(support_lang));
});

EM_JS(int, tm_start_on_support, (), {
  // 1 or 2 (English, Spanish) when this load follows a wipe on the support screen.
  var lang = window.trialmatch.startOnSupport;
  return lang === "en" ? 1 : lang === "es" ? 2 : 0;
});

EM_JS(double, tm_idle_clock, (), { return window.trialmatch.idleClock(); });

EM_JS(void, tm_screen_changed, (), {
  // The screen settled: the accessibility mirror catches up (web/mirror.js).
  if (window.trialmatch.updateMirror) window.trialmatch.updateMirror();
});

EM_JS(void, tm_open_link, (const char* url), {
  // tel: and sms: links open the phone's dialer or messages app (web/boot.js).
  window.trialmatch.openLink(UTF8ToString(url));
});

void apply_touch(ImGuiIO& io) {
  TouchInput& t = g.touch;
  if (!t.active) return;
  if (t.dragging) {
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = false;
  } else if (t.press_pending) {
    io.MousePos = ImVec2(t.x, t.y);
    io.MouseDown[0] = true;
    t.press_pending = false;
  } else if (t.release_pending) {
    io.MousePos = ImVec2(t.x, t.y);
    io.MouseDown[0] = false;
    t.release_pending = false;
  } else if (t.down) {
    io.MousePos = ImVec2(t.x, t.y);
    io.MouseDown[0] = true;
  } else {
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no finger, no hover
    io.MouseDown[0] = false;
  }
}

// Seconds by the wall clock (web/lifecycle.js): time asleep, frozen or hidden counts.
double now_seconds() { return tm_idle_clock(); }

// A wipe the app asked for: the page is loaded afresh, so nothing of the person stays in memory.
void carry_out_wipe() {
  using Wipe = trialmatch::ui::Flow::Wipe;
  const Wipe wipe = g.app->flow().take_wipe_request();
  if (wipe == Wipe::ToWelcome) tm_fresh_start("");
  else if (wipe == Wipe::ToSupport) tm_fresh_start(trialmatch::ui::lang_code(g.app->flow().lang()));
}

void schedule_app_timer();

// The app's timers run from here, not from drawn frames: a hidden page draws none.
void on_timer(void*) {
  g.timer = 0;
  schedule_app_timer();
  wake();
}

// Asks the app when it next needs to run (kiosk idle timers) and sets a timeout for it,
// so the page can stay idle (no frames at all) until then.
void schedule_app_timer() {
  const double delay = g.app->flow().tick(now_seconds());
  carry_out_wipe();
  if (g.timer) emscripten_clear_timeout(g.timer);
  g.timer = 0;
  if (delay == 0) wake();
  // Also when a frame is wanted now: a hidden page draws none, and the timer must go on.
  if (delay >= 0) g.timer = emscripten_set_timeout(on_timer, std::max(delay, 0.5) * 1000.0 + 5, nullptr);
}

void frame() {
  if (g.frames_to_draw <= 0) {
    if (!g_loop_paused) {
      g_loop_paused = true;
      emscripten_pause_main_loop();
    }
    return;
  }
  --g.frames_to_draw;
  schedule_app_timer();
  fit_canvas();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(g.width), static_cast<float>(g.height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  apply_touch(io);
  const float scroll = g.touch.scroll;
  g.touch.scroll = 0;
  ImGui::NewFrame();
  g.app->draw(io.DisplaySize.x, io.DisplaySize.y, g.fonts, g.pixel_ratio, scroll);
  const std::string link = g.app->flow().take_link_request();
  if (!link.empty()) tm_open_link(link.c_str());
  carry_out_wipe();
  if (g.embedded) {
    for (const std::string& message : g.app->flow().take_host_messages()) tm_post_to_host(message.c_str());
    // The host sizes the frame to the first screen: its height in CSS pixels, told once when
    // it has settled, and never again (a later height, after a change of language or text
    // size, or on a later screen, could hint at the person; later screens scroll inside).
    const int css_height = static_cast<int>(std::ceil(g.app->content_height() / g.pixel_ratio));
    if (!g.height_told && g.app->flow().height_is_public() && g.frames_to_draw == 0 && css_height > 0) {
      g.height_told = true;
      tm_post_to_host(trialmatch::ui::height_message(css_height).c_str());
    }
  }
  ImGui::Render();
  glViewport(0, 0, g.width, g.height);
  const ImVec4 bg = trialmatch::ui::default_palette().background;
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  // Something is still moving (a click being released, a hover changing): keep drawing.
  if (io.MouseDown[0] || ImGui::IsAnyItemActive() || g.touch.press_pending || g.touch.release_pending ||
      g.app->has_queued_input())
    wake(2);
  if (g.frames_to_draw == 0) tm_screen_changed();
}

// Draws now, inside the input event: a button released here acts within the person's
// gesture, which the browser requires before it opens the dialer or messages app.
void frame_now() {
  wake(1);
  frame();
  wake();
}

// GLFW callbacks: hand the event to ImGui's backend, then draw again.
// Emscripten's GLFW also reports touches as mouse buttons (without moving the cursor), so
// mouse buttons soon after a touch are the touch's echo and are ignored.
bool is_touch_echo() { return emscripten_get_now() - g.touch.last_event_ms < 1000; }

void on_mouse_button(GLFWwindow* w, int button, int action, int mods) {
  if (is_touch_echo()) return;
  g.touch.active = false;
  g.app->flow().note_activity(now_seconds());
  ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
  frame_now();  // on release, the click happens inside the person's gesture
}
// The page is one scrolling column: the wheel scrolls it directly, like a web page.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  g.app->flow().note_activity(now_seconds());
  const double unit = e->deltaMode == DOM_DELTA_LINE ? 40 : e->deltaMode == DOM_DELTA_PAGE ? 400 : 1;
  g.touch.scroll += static_cast<float>(e->deltaY * unit) * g.pixel_ratio;
  wake();
  return EM_TRUE;
}
// Keys become the app's own Key values (prescreen_app.h); ImGui gets none, as the app does
// all keyboard use itself. Held keys repeat only where repeating is harmless (moving the
// focus ring, deleting digits): a held digit or Enter must not answer the next question too.
void on_key(GLFWwindow*, int key, int, int action, int mods) {
  using trialmatch::ui::Key;
  if (action == GLFW_RELEASE) return;
  g.app->flow().note_activity(now_seconds());
  const bool repeat = action == GLFW_REPEAT;
  if (key == GLFW_KEY_TAB) g.app->key((mods & GLFW_MOD_SHIFT) ? Key::Previous : Key::Next);
  else if (key == GLFW_KEY_DOWN || key == GLFW_KEY_RIGHT) g.app->key(Key::Next);
  else if (key == GLFW_KEY_UP || key == GLFW_KEY_LEFT) g.app->key(Key::Previous);
  else if (key == GLFW_KEY_BACKSPACE) g.app->key(Key::Delete);
  else if (repeat) return;
  else if (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER || key == GLFW_KEY_SPACE) g.app->key(Key::Press);
  else if (key == GLFW_KEY_ESCAPE) g.app->key(Key::Back);
  else if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) g.app->key(Key::Digit, key - GLFW_KEY_0);
  else if (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9) g.app->key(Key::Digit, key - GLFW_KEY_KP_0);
  else return;
  frame_now();  // within the key's event, as for clicks
}
void on_cursor(GLFWwindow*, double, double) {
  if (is_touch_echo()) return;
  g.touch.active = false;
  wake();
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  TouchInput& t = g.touch;
  t.last_event_ms = emscripten_get_now();
  g.app->flow().note_activity(now_seconds());
  const float ratio = g.pixel_ratio;
  // Once a finger has moved, the browser may treat the touch as a gesture whose end can no
  // longer be cancelled (Chromium logs an error for trying, even under touch-action: none
  // when its main thread was busy): only a still finger's end is cancelled. The mouse events
  // a browser makes up after an uncancelled end are dropped as touch echoes.
  bool cancel_default = true;
  for (int i = 0; i < e->numTouches; ++i) {
    const EmscriptenTouchPoint& p = e->touches[i];
    if (!p.isChanged) continue;
    const float x = static_cast<float>(p.targetX) * ratio, y = static_cast<float>(p.targetY) * ratio;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART && !t.down) {
      t = TouchInput{true, true, true, false, false, false, static_cast<int>(p.identifier), x, y, y, y, t.scroll, t.last_event_ms};
      frame_now();
    } else if (p.identifier == t.id && type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
      t.moved = t.moved || x != t.x || y != t.y;
      if (!t.dragging && std::fabs(y - t.start_y) > 12 * ratio) t.dragging = true;
      if (t.dragging) t.scroll += t.last_y - y;
      t.last_y = y;
      t.x = x;
      t.y = y;
      wake();
    } else if (p.identifier == t.id && (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL)) {
      if (t.moved) cancel_default = false;  // a drag has moved too
      t.down = false;
      t.release_pending = type == EMSCRIPTEN_EVENT_TOUCHEND && !t.dragging;
      t.dragging = false;
      t.id = -1;
      if (t.press_pending) frame_now();  // the press has not been seen yet
      frame_now();
    }
  }
  // The app scrolls its own page: no emulated mouse events, no zoom.
  return cancel_default ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  wake();
  return EM_FALSE;
}

Lang initial_language() {
  std::string lang = trialmatch::platform::query_param("lang");
  if (lang.empty()) lang = trialmatch::platform::browser_language();
  return lang.rfind("es", 0) == 0 ? Lang::Es : Lang::En;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void trialmatch_on_trial_text(const char* url, const char* text) {
  g.app->flow().on_trial_text(url, text);
  wake();
}

EMSCRIPTEN_KEEPALIVE void trialmatch_on_trial_error(const char* url, const char* reason) {
  g.app->flow().on_trial_fetch_failed(url, std::string("could not load the file: ") + trialmatch::shorten(reason));
  wake();
}

EMSCRIPTEN_KEEPALIVE void trialmatch_on_trial_too_big(const char* url, const char*) {
  g.app->flow().on_trial_fetch_failed(url, trialmatch::file_too_big_message());
  wake();
}

// Test hook: the current screen as JSON (what the person sees, in words).
EMSCRIPTEN_KEEPALIVE const char* trialmatch_describe() {
  g.described = g.app->describe();
  return g.described.c_str();
}

// web/lifecycle.js: the page may have been away (shown again, resumed, focused). Kiosk: is
// the idle time over?
EMSCRIPTEN_KEEPALIVE void trialmatch_check_idle() {
  schedule_app_timer();
  wake();
}

// web/host.js: the host's origin once the deployment allows shares to it ("" if not), and
// whether the frame can be seen whole.
EMSCRIPTEN_KEEPALIVE void trialmatch_set_host(const char* origin) {
  g.app->flow().set_embedded(g.embedded, g.embedded ? origin : "");
  wake();
}

EMSCRIPTEN_KEEPALIVE void trialmatch_set_frame_visible(int visible) { g.app->flow().set_frame_visible(visible != 0); }

// Test hook: how many frames are still queued (0 once the page is idle).
EMSCRIPTEN_KEEPALIVE int trialmatch_pending_frames() { return g.frames_to_draw; }

// Test hook: bytes of the WebAssembly heap in use (allocated, not yet freed), so a test can
// tell a leak from the heap's ordinary reserve.
EMSCRIPTEN_KEEPALIVE double trialmatch_heap_in_use() {
  return static_cast<double>(emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory());
}

// The accessibility mirror presses a button (a screen reader's click) or moves the focus ring.
EMSCRIPTEN_KEEPALIVE void trialmatch_press(const char* id, unsigned view) {
  g.app->press(id, view);
  g.app->flow().note_activity(now_seconds());
  wake();
}

EMSCRIPTEN_KEEPALIVE void trialmatch_focus(const char* id) {
  g.app->focus(id);
  wake();
}

}  // extern "C"

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  // Our touch handlers listen on the page body in the capture phase, so they run before
  // GLFW's own on the canvas, and GLFW's mouse-button echo of a touch is recognised and
  // ignored (is_touch_echo). The canvas fills the body, so positions are the same.
  emscripten_set_touchstart_callback("body", nullptr, EM_TRUE, on_touch);
  emscripten_set_touchmove_callback("body", nullptr, EM_TRUE, on_touch);
  emscripten_set_touchend_callback("body", nullptr, EM_TRUE, on_touch);
  emscripten_set_touchcancel_callback("body", nullptr, EM_TRUE, on_touch);
  g.window = glfwCreateWindow(360, 640, "Prescreener", nullptr, nullptr);
  if (!g.window) return 1;
  glfwMakeContextCurrent(g.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is stored on the device
  io.LogFilename = nullptr;
  // Keyboard use is the app's own (Tab, arrows, Enter, Escape, number keys): see handle_keys.
  ImGui_ImplGlfw_InitForOpenGL(g.window, false);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  glfwSetMouseButtonCallback(g.window, on_mouse_button);
  emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);
  glfwSetKeyCallback(g.window, on_key);
  glfwSetCursorPosCallback(g.window, on_cursor);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);

  g.app = std::make_unique<trialmatch::ui::PrescreenApp>(initial_language());
  if (trialmatch::platform::query_param("mode") == "kiosk") {
    const double idle = std::atof(trialmatch::platform::query_param("idle").c_str());
    g.app->flow().set_kiosk(idle >= 1 && idle <= 3600 ? idle : 90);  // default: 90 seconds
  }
  g.app->flow().note_activity(now_seconds());
  g.embedded = trialmatch::platform::query_param("embed") == "1";
  g.app->flow().set_embedded(g.embedded, "");
  g.app->flow().set_frame_visible(!g.embedded);
  if (const int support = tm_start_on_support()) g.app->flow().start_on_support(support == 2 ? Lang::Es : Lang::En);
  trialmatch::ui::use_high_contrast(tm_prefers_more_contrast());
  const std::string accent = trialmatch::platform::query_param("accent");
  if (!accent.empty()) trialmatch::ui::use_accent(accent);
  std::string trial = trialmatch::platform::query_param("trial");
  if (trial.empty()) trial = "trials/NCT04979910.json";
  const std::string study_file = trialmatch::platform::study_file(trial);
  // A refused value is not shown: it is whatever text the link's author chose.
  using trialmatch::ui::Phrase;
  if (!study_file.empty()) trialmatch::platform::fetch_trial(study_file);
  else g.app->flow().on_trial_fetch_failed("", trialmatch::ui::phrase(Phrase::TrialNotFromThisSite, g.app->flow().lang()));

  fit_canvas();
  emscripten_set_main_loop(frame, 0, false);
  tm_app_started();
  return 0;
}
