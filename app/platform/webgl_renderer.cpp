// Dear ImGui's draw lists drawn with WebGL2 (see webgl_renderer.h). The shaders, blending
// and clipping are those of ImGui 1.86's OpenGL3 backend with "#version 300 es", so the
// pixels are the same; what is gone is its backup and restore of GL state around each frame.
// One change: the font atlas is a one-channel texture (its coverage), which the fragment
// shader reads as white with that alpha, the texel the backend's RGBA atlas holds: a quarter
// of the upload, and no conversion loop at load.
#include "webgl_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace trialmatch::platform {

namespace {

static_assert(sizeof(ImDrawIdx) == 2, "the renderer draws 16-bit indices");

const char* const kVertexShader =
    "#version 300 es\n"
    "precision highp float;\n"
    "layout (location = 0) in vec2 Position;\n"
    "layout (location = 1) in vec2 UV;\n"
    "layout (location = 2) in vec4 Color;\n"
    "uniform mat4 ProjMtx;\n"
    "out vec2 Frag_UV;\n"
    "out vec4 Frag_Color;\n"
    "void main() {\n"
    "  Frag_UV = UV;\n"
    "  Frag_Color = Color;\n"
    "  gl_Position = ProjMtx * vec4(Position.xy, 0, 1);\n"
    "}\n";

const char* const kFragmentShader =
    "#version 300 es\n"
    "precision mediump float;\n"
    "uniform sampler2D Texture;\n"
    "in vec2 Frag_UV;\n"
    "in vec4 Frag_Color;\n"
    "layout (location = 0) out vec4 Out_Color;\n"
    "void main() {\n"
    "  Out_Color = Frag_Color * vec4(1.0, 1.0, 1.0, texture(Texture, Frag_UV.st).r);\n"
    "}\n";

// The vertex attributes' locations, fixed in the vertex shader.
constexpr GLuint kPosition = 0, kUV = 1, kColour = 2;

struct Renderer {
  GLuint program = 0, vao = 0, vertices = 0, indices = 0, font_texture = 0;
  GLint projection = -1;  // the ProjMtx uniform
} gl;

// Everything a frame draws with, as bytes: the last frame drawn, and the one being drawn.
// Equal bytes draw equal pixels, so an equal frame need not be drawn (compared whole, not
// by a hash, so that a changed screen is never mistaken for the one shown).
std::vector<unsigned char> shown, next;
bool must_draw = true;  // the canvas was cleared, or the font texture changed

template <typename T>
void append(std::vector<unsigned char>& out, const T* data, std::size_t count) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(data);
  out.insert(out.end(), bytes, bytes + count * sizeof(T));
}

// `draw_data` and the background as bytes into `out`; false if it cannot be compared (a
// draw list calls back into the app, which may draw anything).
bool describe_frame(const ImDrawData& draw_data, const ImVec4& background, std::vector<unsigned char>& out) {
  out.clear();
  append(out, &background, 1);
  append(out, &draw_data.DisplayPos, 1);
  append(out, &draw_data.DisplaySize, 1);
  append(out, &draw_data.FramebufferScale, 1);
  append(out, &draw_data.CmdListsCount, 1);
  for (int n = 0; n < draw_data.CmdListsCount; n++) {
    const ImDrawList& list = *draw_data.CmdLists[n];
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback != nullptr) return false;
      append(out, &cmd.ClipRect, 1);
      append(out, &cmd.TextureId, 1);
      append(out, &cmd.VtxOffset, 1);
      append(out, &cmd.IdxOffset, 1);
      append(out, &cmd.ElemCount, 1);
    }
    append(out, &list.CmdBuffer.Size, 1);
    append(out, &list.VtxBuffer.Size, 1);
    append(out, &list.IdxBuffer.Size, 1);
    // ImDrawVert has no padding (two ImVec2 and an ImU32), so its bytes are its values.
    append(out, list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size));
    append(out, list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size));
  }
  return true;
}

static_assert(sizeof(ImDrawVert) == 2 * sizeof(ImVec2) + sizeof(ImU32), "ImDrawVert has no padding bytes");

GLuint compile(GLenum type, const char* source) {
  const GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  return shader;
}

// Points the vertex attributes at the ImDrawVert starting at index `first` of the bound
// vertex buffer (ImDrawCmd::VtxOffset: WebGL2 has no glDrawElementsBaseVertex).
void point_attributes_at(unsigned int first) {
  const std::uintptr_t base = first * sizeof(ImDrawVert);
  const auto at = [base](std::size_t member) { return reinterpret_cast<const void*>(base + member); };
  glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(kUV, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
}

// Every piece of state the drawing relies on, set without asking what it was: at the start
// of each frame, and when a draw list asks for it (ImDrawCallback_ResetRenderState).
void set_render_state(const ImDrawData& draw_data, int fb_width, int fb_height) {
  glViewport(0, 0, fb_width, fb_height);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  const float L = draw_data.DisplayPos.x, R = draw_data.DisplayPos.x + draw_data.DisplaySize.x;
  const float T = draw_data.DisplayPos.y, B = draw_data.DisplayPos.y + draw_data.DisplaySize.y;
  const float projection[4][4] = {
      {2.0f / (R - L), 0.0f, 0.0f, 0.0f},
      {0.0f, 2.0f / (T - B), 0.0f, 0.0f},
      {0.0f, 0.0f, -1.0f, 0.0f},
      {(R + L) / (L - R), (T + B) / (B - T), 0.0f, 1.0f},
  };
  glUseProgram(gl.program);
  glUniformMatrix4fv(gl.projection, 1, GL_FALSE, &projection[0][0]);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(gl.vao);  // holds the index buffer and the attributes' arrays
  glBindBuffer(GL_ARRAY_BUFFER, gl.vertices);
}

}  // namespace

bool start_renderer() {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "trialmatch_webgl2";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;

  const GLuint vertex = compile(GL_VERTEX_SHADER, kVertexShader);
  const GLuint fragment = compile(GL_FRAGMENT_SHADER, kFragmentShader);
  gl.program = glCreateProgram();
  glAttachShader(gl.program, vertex);
  glAttachShader(gl.program, fragment);
  glLinkProgram(gl.program);
  glDetachShader(gl.program, vertex);
  glDetachShader(gl.program, fragment);
  glDeleteShader(vertex);
  glDeleteShader(fragment);
  // The one question asked of the GPU, once: could the program be made?
  GLint linked = GL_FALSE;
  glGetProgramiv(gl.program, GL_LINK_STATUS, &linked);
  if (linked != GL_TRUE) return false;
  gl.projection = glGetUniformLocation(gl.program, "ProjMtx");
  glUseProgram(gl.program);
  glUniform1i(glGetUniformLocation(gl.program, "Texture"), 0);  // texture unit 0

  glGenVertexArrays(1, &gl.vao);
  glGenBuffers(1, &gl.vertices);
  glGenBuffers(1, &gl.indices);
  glBindVertexArray(gl.vao);
  glBindBuffer(GL_ARRAY_BUFFER, gl.vertices);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gl.indices);
  glEnableVertexAttribArray(kPosition);
  glEnableVertexAttribArray(kUV);
  glEnableVertexAttribArray(kColour);
  point_attributes_at(0);
  return true;
}

void upload_font_atlas() {
  ImGuiIO& io = ImGui::GetIO();
  // The atlas is built (ui::build_atlas), one byte a pixel; uploaded as it is (not through
  // GetTexDataAsRGBA32, which would pull in ImGui's own font: fonts.h).
  const ImFontAtlas& atlas = *io.Fonts;
  if (!gl.font_texture) glGenTextures(1, &gl.font_texture);
  glBindTexture(GL_TEXTURE_2D, gl.font_texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);  // rows of any width, packed
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.TexWidth, atlas.TexHeight, 0, GL_RED, GL_UNSIGNED_BYTE, atlas.TexPixelsAlpha8);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(gl.font_texture)));
  must_draw = true;
}

void canvas_cleared() { must_draw = true; }

void render(const ImDrawData& draw_data, const ImVec4& background) {
  const int fb_width = static_cast<int>(draw_data.DisplaySize.x * draw_data.FramebufferScale.x);
  const int fb_height = static_cast<int>(draw_data.DisplaySize.y * draw_data.FramebufferScale.y);
  if (fb_width <= 0 || fb_height <= 0) return;
  const bool comparable = describe_frame(draw_data, background, next);
  if (comparable && !must_draw && next == shown) return;
  must_draw = !comparable;
  std::swap(shown, next);

  glViewport(0, 0, fb_width, fb_height);
  glDisable(GL_SCISSOR_TEST);  // the clear covers the whole canvas
  glClearColor(background.x, background.y, background.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  set_render_state(draw_data, fb_width, fb_height);

  const ImVec2 clip_off = draw_data.DisplayPos;
  const ImVec2 clip_scale = draw_data.FramebufferScale;
  for (int n = 0; n < draw_data.CmdListsCount; n++) {
    const ImDrawList& list = *draw_data.CmdLists[n];
    // A fresh store for each list (the last list's may still be in use by the GPU).
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                 list.VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                 list.IdxBuffer.Data, GL_STREAM_DRAW);
    unsigned int first_vertex = 0;
    point_attributes_at(first_vertex);
    for (int i = 0; i < list.CmdBuffer.Size; i++) {
      const ImDrawCmd& cmd = list.CmdBuffer[i];
      if (cmd.UserCallback != nullptr) {
        if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
          set_render_state(draw_data, fb_width, fb_height);
          point_attributes_at(first_vertex);
        } else {
          cmd.UserCallback(&list, &cmd);
        }
        continue;
      }
      // The clip rectangle in framebuffer pixels (GL's y axis points up).
      const ImVec2 clip_min((cmd.ClipRect.x - clip_off.x) * clip_scale.x, (cmd.ClipRect.y - clip_off.y) * clip_scale.y);
      const ImVec2 clip_max((cmd.ClipRect.z - clip_off.x) * clip_scale.x, (cmd.ClipRect.w - clip_off.y) * clip_scale.y);
      if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) continue;
      glScissor(static_cast<int>(clip_min.x), static_cast<int>(fb_height - clip_max.y),
                static_cast<int>(clip_max.x - clip_min.x), static_cast<int>(clip_max.y - clip_min.y));
      if (cmd.VtxOffset != first_vertex) {
        first_vertex = cmd.VtxOffset;
        point_attributes_at(first_vertex);
      }
      glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_SHORT,
                     reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
    }
  }
}

}  // namespace trialmatch::platform
