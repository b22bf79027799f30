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
// build_fonts); the caller then calls build_atlas().
ImFont* add_noto_font(bool bold, float pixels);

// Rasterises every font added to the atlas (stb_truetype), as ImFontAtlas::Build() does, into
// the atlas's one-byte-per-pixel texture (TexPixelsAlpha8). Not Build() itself, nor
// GetTexDataAsRGBA32(), which calls it: Build() adds ImGui's own font when none was added, and
// that call alone kept the font (12 KB of base85 text) and its decompressor in app.wasm.
void build_atlas();

}  // namespace trialmatch::ui
