// Draws Dear ImGui's draw lists with WebGL2 (plain GLES3 calls, which Emscripten maps to
// WebGL2), in the manner of ImGui's renderer backends. Unlike ImGui's OpenGL3 backend it
// backs up and restores nothing: the canvas is the app's alone, so each frame sets the state
// it needs and asks the GPU for nothing (every glGet* is a synchronous round trip in WebGL).
#pragma once

#include "imgui.h"

namespace trialmatch::platform {

// Once, with the WebGL2 context current: the shader program and the vertex and index
// buffers. Tells ImGui the renderer's name and that it handles ImDrawCmd::VtxOffset.
// False if the program did not link (nothing could be drawn).
bool start_renderer();

// Uploads ImGui's font atlas (after it is built or rebuilt) and makes it the atlas's texture.
void upload_font_atlas();

// Draws one frame: clears the framebuffer (draw_data's display size times its framebuffer
// scale) to the opaque colour `background`, then draws `draw_data` over it. A frame that
// would draw exactly what the canvas already shows (ImGui's settling frames after a change)
// is not drawn again: the browser keeps showing the last one.
void render(const ImDrawData& draw_data, const ImVec4& background);

// The canvas's drawing buffer was cleared (its size was set): the next frame is drawn whole.
void canvas_cleared();

}  // namespace trialmatch::platform
