// The app's look: calm colours (palette.h), rounded corners, generous spacing, sized for the
// screen's pixel density.
#pragma once

#include "palette.h"

namespace trialmatch::ui {

// Applies the palette and sizes (scaled by `scale`, the device pixel ratio) to ImGui's style.
void apply_theme(const Palette& palette, float scale);

}  // namespace trialmatch::ui
