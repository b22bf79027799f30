// The colours, and the contrast rules that keep them readable. No ImGui calls here (only
// its ImVec4 type), so tests/unit can check every pair natively.
#include <algorithm>
#include <cmath>
#include <cstddef>

#include "palette.h"

namespace trialmatch::ui {

namespace {
ImVec4 rgb(int r, int g, int b) { return ImVec4(r / 255.f, g / 255.f, b / 255.f, 1.f); }
}  // namespace

Palette standard_palette() {
  return Palette{
      rgb(0xF4, 0xF7, 0xF6),  // background: soft grey-green
      rgb(0xFF, 0xFF, 0xFF),  // surface
      rgb(0x1B, 0x26, 0x2C),  // text
      rgb(0x44, 0x52, 0x5A),  // muted text
      rgb(0x1F, 0x5F, 0x7A),  // accent: deep teal blue
      rgb(0xFF, 0xFF, 0xFF),  // text on accent
      rgb(0x17, 0x4A, 0x60),  // accent hover
      rgb(0xE3, 0xEE, 0xF2),  // choice hover
      rgb(0x5B, 0x2C, 0x83),  // safety: calm violet
      rgb(0xF3, 0xF0, 0xF8),  // support screen background: pale lavender
      rgb(0x0B, 0x1F, 0x2A),  // keyboard focus ring: near black
      rgb(0x9B, 0x1C, 0x1C),  // error
  };
}

Palette high_contrast_palette() {
  return Palette{
      rgb(0xFF, 0xFF, 0xFF),  // background: white
      rgb(0xFF, 0xFF, 0xFF),  // surface
      rgb(0x00, 0x00, 0x00),  // text: black
      rgb(0x1A, 0x1A, 0x1A),  // muted text: near black
      rgb(0x00, 0x2E, 0x5C),  // accent: dark navy
      rgb(0xFF, 0xFF, 0xFF),  // text on accent
      rgb(0x00, 0x1A, 0x38),  // accent hover
      rgb(0xE8, 0xEE, 0xF5),  // choice hover
      rgb(0x3A, 0x00, 0x66),  // safety
      rgb(0xFF, 0xFF, 0xFF),  // support screen background
      rgb(0x00, 0x00, 0x00),  // focus ring: black
      rgb(0x7A, 0x00, 0x00),  // error
  };
}

namespace {
Palette& palette() {
  static Palette p = standard_palette();
  return p;
}
}  // namespace

void use_high_contrast(bool on) { palette() = on ? high_contrast_palette() : standard_palette(); }

const Palette& default_palette() { return palette(); }

namespace {
float channel(float c) { return c <= 0.03928f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }
}  // namespace

float relative_luminance(const ImVec4& c) {
  return 0.2126f * channel(c.x) + 0.7152f * channel(c.y) + 0.0722f * channel(c.z);
}

float contrast_ratio(const ImVec4& a, const ImVec4& b) {
  const float la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

namespace {
// The value of one hexadecimal digit, or -1. (By hand: sscanf would bring the C library's
// whole scanf into app.wasm for this one colour.)
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

bool use_accent(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return false;
  int channels[3] = {0, 0, 0};
  for (std::size_t i = 1; i < hex.size(); ++i) {
    const int digit = hex_digit(hex[i]);
    if (digit < 0) return false;
    channels[(i - 1) / 2] = channels[(i - 1) / 2] * 16 + digit;
  }
  const ImVec4 accent = rgb(channels[0], channels[1], channels[2]);
  Palette& p = palette();
  // White text must stay readable on it, and it must stand out on the page: else keep ours.
  if (contrast_ratio(accent, p.accent_text) < 4.5f || contrast_ratio(accent, p.background) < 4.5f) return false;
  p.accent = accent;
  p.accent_hover = ImVec4(accent.x * 0.8f, accent.y * 0.8f, accent.z * 0.8f, 1.f);
  return true;
}

}  // namespace trialmatch::ui
