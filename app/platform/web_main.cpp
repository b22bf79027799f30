// The browser entry point, in the manner of Dear ImGui's example mains: sets up WebGL2
// through Emscripten's GLFW, ImGui's GLFW backend (input) and webgl_renderer, the app from
// the page's address, and the platform's parts, each in its own file: app_runner (owns the
// app, carries out what its flow asks of the page), pointer_input and keyboard_input (the
// person's input), frame_scheduler (frames only while something changes), canvas (size and
// pixel ratio), embed_channel (the host page), kiosk_timers (idle and wipes), startup_config
// (the page's address) and exports (what the page's scripts call). frame() draws one frame.
#include <GLFW/glfw3.h>

#include <string>

#include "app_runner.h"
#include "browser.h"
#include "canvas.h"
#include "embed_channel.h"
#include "exports.h"
#include "frame_scheduler.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "keyboard_input.h"
#include "kiosk_timers.h"
#include "pointer_input.h"
#include "prescreen_app.h"
#include "startup_config.h"
#include "webgl_renderer.h"

namespace {

using namespace trialmatch::platform;

// ImGui settles a changed screen over a few frames (sizes measured in one are used in the
// next). At most this many more passes are worked out within one animation frame.
constexpr int kMaxSettlingPasses = 4;

// One pass of the app over its screen: the person's input, the layout, and what a press
// asks of the page. True while the person is still pressing or dragging.
bool app_pass(trialmatch::ui::PrescreenApp& app, const Canvas& canvas) {
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(canvas.width), static_cast<float>(canvas.height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  if (io.DeltaTime <= 0.0f) io.DeltaTime = 1e-4f;  // passes run back to back (frame() below)
  apply_touch(io);
  const float scroll = take_page_scroll();
  ImGui::NewFrame();
  app.draw(io.DisplaySize.x, io.DisplaySize.y, canvas.fonts, canvas.pixel_ratio, scroll);
  runner().carry_out_effects();  // what the press carried out in this pass asked of the page
  tell_host(frames_to_draw() == 0);
  return io.MouseDown[0] || ImGui::IsAnyItemActive() || touch_pending();
}

// Draws one frame. In an animation frame, the passes a changed screen needs to settle are
// worked out first, one after another, and only the settled one is drawn: a new screen is
// seen, and the page's mirror of it made, that many animation frames sooner, and no
// half-laid-out frame is shown. While the person presses, each pass is drawn as it happens.
// A frame drawn inside an input event is one pass: a key that comes in the same batch as a
// tap must meet the screen the person saw, not the one the tap leads to (the app drops input
// aimed at a screen that has since changed).
void frame() {
  if (!take_frame()) return;
  trialmatch::ui::PrescreenApp& app = runner().app();
  run_app_timers();
  const Canvas& canvas = fit_canvas(app.flow().text_size_percent());
  bool pressing = app_pass(app, canvas);
  const int settling_passes = drawing_within_input() ? 0 : kMaxSettlingPasses;
  for (int pass = 0; pass < settling_passes && !pressing; ++pass) {
    if (app.wants_another_frame()) wake(2);
    if (frames_to_draw() == 0) break;
    take_frame();
    ImGui::EndFrame();
    pressing = app_pass(app, canvas);
  }
  ImGui::Render();
  render(*ImGui::GetDrawData(), app.page_colour());
  // Something is still moving (a click being released, a hover changing): keep drawing.
  if (pressing || app.wants_another_frame()) wake(2);
  if (frames_to_draw() == 0) screen_changed();
}

}  // namespace

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  // The WebGL context gets only what is drawn with: an opaque colour buffer (the background
  // is cleared opaque each frame), no depth or stencil buffer, no multisampling. (Nor a
  // preserved drawing buffer: Emscripten's GLFW never asks for one.) web/boot.js makes it with
  // these attributes before app.wasm arrives, and GLFW takes that one up.
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  glfwWindowHint(GLFW_SAMPLES, 0);
  GLFWwindow* window = glfwCreateWindow(360, 640, "Prescreener", nullptr, nullptr);
  if (!window) return 1;
  glfwMakeContextCurrent(window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is stored on the device
  io.LogFilename = nullptr;
  // Keyboard use is the app's own (Tab, arrows, Enter, Escape, number keys): see keyboard_input.
  ImGui_ImplGlfw_InitForOpenGL(window, false);
  if (!start_renderer()) return 1;

  const StartupConfig config = read_startup_config();
  runner().start(config.lang);
  install_pointer_input(window);
  install_keyboard_input(window);
  watch_window_size();
  connect_exports();
  // A kiosk never tells the host its height: its frame fills the screen, and a height told on
  // one load and not another would tell the host which screen a wipe came from.
  open_embed_channel(config.embedded, config.kiosk_idle_seconds == 0);
  apply_startup_config(config);

  fit_canvas(runner().flow().text_size_percent());
  start_frame_loop(frame);
  announce_ready();
  app_started();
  return 0;
}
