// The canvas and the device pixel ratio: Emscripten 3.1.6's GLFW knows nothing of
// devicePixelRatio, so the canvas's backing store is kept at its CSS size times the ratio,
// and the font atlas and theme are built at the layout's scale, so text is crisp.
#pragma once

#include "fonts.h"

namespace trialmatch::platform {

struct Canvas {
  int width = 0, height = 0;  // the backing store, in device pixels
  float pixel_ratio = 1;      // device pixels per CSS pixel
  ui::Fonts fonts;            // built at pixel_ratio x the big-screen zoom x the text size
};

// Measures the canvas; when its size, the pixel ratio or the text size changed, resizes the
// backing store, rebuilds the fonts and the theme, and asks for frames.
// `text_size_percent`: the app's text size (100 to 200).
const Canvas& fit_canvas(int text_size_percent);

const Canvas& canvas();

// A resize of the browser's window asks for frames (the first of which fits the canvas).
void watch_window_size();

}  // namespace trialmatch::platform
