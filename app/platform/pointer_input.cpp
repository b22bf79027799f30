// Touch, mouse and wheel input for ImGui (see pointer_input.h).
#include "pointer_input.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>

#include "browser.h"
#include "canvas.h"
#include "frame_scheduler.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "app_runner.h"

namespace trialmatch::platform {

namespace {

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

TouchInput touch;

// Emscripten's GLFW also reports touches as mouse buttons (without moving the cursor), so
// mouse buttons soon after a touch are the touch's echo and are ignored.
bool is_touch_echo() { return emscripten_get_now() - touch.last_event_ms < 1000; }

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  TouchInput& t = touch;
  t.last_event_ms = emscripten_get_now();
  runner().flow().note_activity(idle_clock_seconds());
  const float ratio = canvas().pixel_ratio;
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
      draw_frame_now();
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
      if (t.press_pending) draw_frame_now();  // the press has not been seen yet
      draw_frame_now();
    }
  }
  // The app scrolls its own page: no emulated mouse events, no zoom.
  return cancel_default ? EM_TRUE : EM_FALSE;
}

void on_mouse_button(GLFWwindow* w, int button, int action, int mods) {
  if (is_touch_echo()) return;
  touch.active = false;
  runner().flow().note_activity(idle_clock_seconds());
  ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
  draw_frame_now();  // on release, the click happens inside the person's gesture
}

void on_cursor(GLFWwindow*, double, double) {
  if (is_touch_echo()) return;
  touch.active = false;
  wake();
}

// The page is one scrolling column: the wheel scrolls it directly, like a web page.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  runner().flow().note_activity(idle_clock_seconds());
  const double unit = e->deltaMode == DOM_DELTA_LINE ? 40 : e->deltaMode == DOM_DELTA_PAGE ? 400 : 1;
  touch.scroll += static_cast<float>(e->deltaY * unit) * canvas().pixel_ratio;
  wake();
  return EM_TRUE;
}

}  // namespace

void install_pointer_input(GLFWwindow* window) {
  // The touch handlers listen on the page body in the capture phase, so they run before
  // GLFW's own on the canvas, and GLFW's mouse-button echo of a touch is recognised and
  // ignored (is_touch_echo). The canvas fills the body, so positions are the same.
  emscripten_set_touchstart_callback("body", nullptr, EM_TRUE, on_touch);
  emscripten_set_touchmove_callback("body", nullptr, EM_TRUE, on_touch);
  emscripten_set_touchend_callback("body", nullptr, EM_TRUE, on_touch);
  emscripten_set_touchcancel_callback("body", nullptr, EM_TRUE, on_touch);
  glfwSetMouseButtonCallback(window, on_mouse_button);
  emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);
  glfwSetCursorPosCallback(window, on_cursor);
}

void apply_touch(ImGuiIO& io) {
  TouchInput& t = touch;
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

float take_page_scroll() {
  const float scroll = touch.scroll;
  touch.scroll = 0;
  return scroll;
}

bool touch_pending() { return touch.press_pending || touch.release_pending; }

}  // namespace trialmatch::platform
