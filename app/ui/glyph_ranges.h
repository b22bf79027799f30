// The characters the app's fonts hold, as inclusive ranges: the one list that both the font
// atlas (fonts.cpp) and the build-time font subsetting (build-scripts/embed_font.py, which
// reads the pairs between the markers below) use.
//
// Basic Latin, Latin-1 (á é í ó ú ñ ü ¿ ¡ « »), and the punctuation our texts use: en and
// em dash, curly quotes, bullet, ellipsis, single angle quotes for Back.
#pragma once

#include "imgui.h"

namespace trialmatch::ui {

// Must outlive the atlas build (ImGui keeps the pointer). Ends with 0.
inline const ImWchar kGlyphRanges[] = {
    // glyph-ranges-begin
    0x0020, 0x007E,
    0x00A0, 0x00FF,
    0x2013, 0x2014,
    0x2018, 0x201D,
    0x2022, 0x2022,
    0x2026, 0x2026,
    0x2039, 0x203A,
    // glyph-ranges-end
    0,
};

}  // namespace trialmatch::ui
