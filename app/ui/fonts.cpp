#include "fonts.h"

#include "glyph_ranges.h"
#include "imgui_internal.h"

#include <cstddef>
#include <cstdint>

extern const std::uint8_t noto_sans_regular[];
extern const std::size_t noto_sans_regular_size;
extern const std::uint8_t noto_sans_bold[];
extern const std::size_t noto_sans_bold_size;

namespace trialmatch::ui {

namespace {

ImFont* add(const std::uint8_t* data, std::size_t size, float pixels) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  config.OversampleH = 2;
  config.OversampleV = 1;
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<std::uint8_t*>(data), static_cast<int>(size), pixels,
                                                    &config, kGlyphRanges);
}
}  // namespace

ImFont* add_noto_font(bool bold, float pixels) {
  return bold ? add(noto_sans_bold, noto_sans_bold_size, pixels) : add(noto_sans_regular, noto_sans_regular_size, pixels);
}

Fonts build_fonts(float scale) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  Fonts f;
  f.scale = scale;
  f.body = add(noto_sans_regular, noto_sans_regular_size, 19.f * scale);
  f.body_bold = add(noto_sans_bold, noto_sans_bold_size, 19.f * scale);
  f.title = add(noto_sans_bold, noto_sans_bold_size, 26.f * scale);
  build_atlas();
  return f;
}

void build_atlas() { ImFontAtlasGetBuilderForStbTruetype()->FontBuilder_Build(ImGui::GetIO().Fonts); }

}  // namespace trialmatch::ui
