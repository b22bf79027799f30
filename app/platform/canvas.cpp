// The canvas and the device pixel ratio (see canvas.h).
#include "canvas.h"

#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>

#include "browser.h"
#include "frame_scheduler.h"
#include "theme.h"
#include "webgl_renderer.h"

namespace trialmatch::platform {

namespace {

Canvas state;

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  wake();
  return EM_FALSE;
}

}  // namespace

const Canvas& canvas() { return state; }

const Canvas& fit_canvas(int text_size_percent) {
  double css_w = 0, css_h = 0;
  canvas_css_size(css_w, css_h);
  const float ratio = static_cast<float>(std::max(1.0, std::min(3.0, device_pixel_ratio())));
  const int w = static_cast<int>(std::lround(css_w * ratio));
  const int h = static_cast<int>(std::lround(css_h * ratio));
  // Big screens (kiosks) are read from a step back: everything is drawn up to 1.8 times larger
  // (a 1920 x 1080 kiosk: 1.5), as much as the width and height allow (the actions of a long
  // screen are pinned to its bottom, so the height limits less).
  const float zoom = static_cast<float>(std::max(1.0, std::min(1.8, std::min(css_w / 1000.0, css_h / 720.0))));
  const float layout_scale = ratio * zoom * static_cast<float>(text_size_percent) / 100.f;
  if (w == state.width && h == state.height && ratio == state.pixel_ratio && layout_scale == state.fonts.scale) return state;
  state.width = w;
  state.height = h;
  // Not glfwSetWindowSize: in Emscripten 3.1.6 it requests full screen when the size
  // equals the screen's (a kiosk), which the browser refuses without a user gesture.
  emscripten_set_canvas_element_size("#canvas", w, h);
  canvas_cleared();
  state.pixel_ratio = ratio;
  if (layout_scale != state.fonts.scale || !state.fonts.body) {
    state.fonts = ui::build_fonts(layout_scale);
    upload_font_atlas();
    // Paddings, spacing and borders follow the screen, not the text size: larger text needs
    // the room more (the buttons still grow to hold their words).
    ui::apply_theme(ui::default_palette(), ratio * zoom);
    wake();
  }
  wake();
  return state;
}

void watch_window_size() { emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize); }

}  // namespace trialmatch::platform
