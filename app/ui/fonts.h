// Noto Sans regular and bold (subset at build time, embedded in the binary), built at the
// screen's pixel density so text is crisp at device pixel ratio 1 to 3.
#pragma once

#include "imgui.h"

namespace trialmatch::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* body_bold = nullptr;
  ImFont* title = nullptr;
  float scale = 0;  // the pixel ratio the atlas was built for
};

// Rebuilds the atlas for `scale`. The caller re-uploads the texture to the GPU.
Fonts build_fonts(float scale);

// Adds Noto Sans (bold or regular) at `pixels` to the atlas (the studio's own sizes, after
// build_fonts); the caller builds the atlas again.
ImFont* add_noto_font(bool bold, float pixels);

}  // namespace trialmatch::ui
