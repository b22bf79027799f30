// The studio's entry point (web/studio.html), in the manner of web_main.cpp: WebGL2 through
// Emscripten's GLFW, ImGui's GLFW backend for the mouse and keys, webgl_renderer, the frame
// scheduler, and the StudioApp (app/studio/panes), whose checks run in a worker. The canvas fills the window, at the
// device's pixel ratio; fonts are the app's (for the preview) and the studio's smaller ones.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>
#include <string>

#include "frame_scheduler.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "palette.h"
#include "studio_app.h"
#include "studio_exports.h"
#include "studio_page.h"
#include "theme.h"
#include "webgl_renderer.h"

namespace {

using namespace trialmatch;
using namespace trialmatch::platform;

std::unique_ptr<studio::StudioApp> app;
studio::StudioFonts fonts;
int canvas_width = 0, canvas_height = 0;
bool timer_set = false;
unsigned long placed_serial = static_cast<unsigned long>(-1);
float placed[4] = {0, 0, 0, 0};
bool unsaved_told = false;
bool hover_frame = false;  // a frame drawn just before a press, with no button down
std::string mirror_told;   // the accessibility mirror as the page last had it

// The canvas's backing store follows its CSS size times the pixel ratio; the fonts and the
// theme follow the ratio.
void fit_canvas() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  const float ratio = static_cast<float>(std::clamp(emscripten_get_device_pixel_ratio(), 1.0, 3.0));
  const int w = static_cast<int>(std::lround(css_w * ratio)), h = static_cast<int>(std::lround(css_h * ratio));
  if (w != canvas_width || h != canvas_height) {
    canvas_width = w;
    canvas_height = h;
    emscripten_set_canvas_element_size("#canvas", w, h);
    canvas_cleared();
  }
  if (ratio == fonts.ratio && fonts.body) return;
  fonts.patient = ui::build_fonts(ratio);
  fonts.body = ui::add_noto_font(false, 15.f * ratio);
  fonts.bold = ui::add_noto_font(true, 15.f * ratio);
  fonts.heading = ui::add_noto_font(true, 19.f * ratio);
  ui::build_atlas();
  ImGui::GetIO().FontDefault = fonts.body;
  fonts.ratio = ratio;
  upload_font_atlas();
  ui::apply_theme(ui::default_palette(), ratio);
}

void wake_soon(void*) {
  timer_set = false;
  wake(1);
}

// What the frame asked of the page.
void carry_out() {
  if (app->take_open_request()) studio_pick_file();
  for (const studio::Download& d : app->take_downloads()) studio_download(d.name, d.type, d.text);
  const studio::TextFieldRequest& f = app->text_field();
  const float rect[4] = {f.x, f.y, f.width, f.height};
  if (f.serial != placed_serial || (f.open && !std::equal(rect, rect + 4, placed))) {
    studio_place_text_field(f);
    placed_serial = f.serial;
    std::copy(rect, rect + 4, placed);
  }
  if (app->unsaved() != unsaved_told) studio_set_unsaved(unsaved_told = app->unsaved());
  if (app->mirror_json() != mirror_told) studio_update_mirror(mirror_told = app->mirror_json());
}

void frame() {
  if (!take_frame()) return;
  fit_canvas();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (hover_frame) std::fill(std::begin(io.MouseDown), std::end(io.MouseDown), false);
  io.DisplaySize = ImVec2(static_cast<float>(canvas_width), static_cast<float>(canvas_height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  ImGui::NewFrame();
  app->draw(io.DisplaySize.x, io.DisplaySize.y, fonts, emscripten_get_now() / 1000.0);
  carry_out();
  ImGui::Render();
  render(*ImGui::GetDrawData(), ui::default_palette().background);
  if (io.MouseDown[0] || ImGui::IsAnyItemActive() || app->preview_wants_frame() || app->mirror_busy()) wake(2);
  // The checks and the preview wait for the typing to pause: look again in a moment.
  if (app->waiting() && !timer_set) {
    timer_set = true;
    emscripten_set_timeout(wake_soon, 120, nullptr);
  }
}

void on_mouse_button(GLFWwindow* w, int button, int action, int mods) {
  // A press first draws a frame with the pointer where it is now: ImGui takes a press on tabs
  // and overlapping items only where the pointer hovered the frame before, and a move just
  // before a click has not been drawn yet.
  if (action == GLFW_PRESS) {
    hover_frame = true;  // GLFW already counts the button as down: that frame must not
    draw_frame_now();
    hover_frame = false;
  }
  ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
  draw_frame_now();
}

void on_cursor(GLFWwindow*, double, double) { wake(); }

void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
  ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
  wake();
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  const double unit = e->deltaMode == DOM_DELTA_LINE ? 1.0 : e->deltaMode == DOM_DELTA_PAGE ? 10.0 : 1.0 / 40.0;
  ImGui::GetIO().MouseWheel -= static_cast<float>(e->deltaY * unit);
  wake();
  return EM_TRUE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  wake();
  return EM_FALSE;
}

}  // namespace

namespace trialmatch::platform {
studio::StudioApp& studio_app() { return *app; }
bool studio_started() { return app != nullptr; }
}  // namespace trialmatch::platform

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  GLFWwindow* window = glfwCreateWindow(1280, 800, "Study studio", nullptr, nullptr);
  if (!window) return 1;
  glfwMakeContextCurrent(window);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is stored
  io.LogFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window, false);
  if (!start_renderer()) return 1;
  app = std::make_unique<studio::StudioApp>(studio_language() == "es" ? flow::Lang::Es : flow::Lang::En);
  app->set_checks_sender(studio_send_checks);  // the checks worker (web/studio.js)
  glfwSetMouseButtonCallback(window, on_mouse_button);
  glfwSetCursorPosCallback(window, on_cursor);
  glfwSetKeyCallback(window, on_key);
  emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  fit_canvas();
  start_frame_loop(frame);
  return 0;
}
