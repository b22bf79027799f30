// The app's colours, named so a test can check every text/background pair for contrast
// (tests/unit/test_palette_contrast.cpp). Only ImGui's ImVec4 type is used here.
#pragma once

#include <string>

#include "imgui.h"

namespace trialmatch::ui {

struct Palette {
  ImVec4 background;   // page
  ImVec4 surface;      // cards
  ImVec4 text;         // body text
  ImVec4 muted_text;   // secondary text
  ImVec4 accent;       // buttons, links
  ImVec4 accent_text;  // text on accent
  ImVec4 accent_hover;
  ImVec4 choice_hover;  // light tint behind a hovered choice
  ImVec4 safety;        // the support screen's calm accent
  ImVec4 support_background;
  ImVec4 focus_ring;
  ImVec4 error;
};

// The palette in use: ours, or ours with the embedding sponsor's accent (use_accent).
const Palette& default_palette();

Palette standard_palette();
Palette high_contrast_palette();  // for prefers-contrast: more, or ?contrast=more
void use_high_contrast(bool on);

// Uses `hex` ("#RRGGBB") as the accent colour if white text on it and it on the page
// background both keep a contrast of at least 4.5:1; returns false (and changes nothing)
// otherwise.
bool use_accent(const std::string& hex);

float contrast_ratio(const ImVec4& a, const ImVec4& b);

}  // namespace trialmatch::ui
