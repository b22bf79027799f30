// The browser entry point: sets up WebGL2 through Emscripten's GLFW, sizes the canvas for
// the device pixel ratio, loads the trial file, and runs the frame loop. Frames are drawn
// only while something changes: input, a resize, a file arriving (see `wake`).
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <memory>
#include <string>

#include "browser.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "prescreen_app.h"
#include "theme.h"

namespace {

using trialmatch::ui::Lang;

struct WebApp {
  GLFWwindow* window = nullptr;
  std::unique_ptr<trialmatch::ui::PrescreenApp> app;
  trialmatch::ui::Fonts fonts;
  int width = 0, height = 0;  // backing store, in device pixels
  float pixel_ratio = 1;
  int frames_to_draw = 3;     // ImGui needs a few frames to settle after a change
  std::string described;
};

WebApp g;  // the single app instance the browser callbacks reach

void wake(int frames = 3) {
  if (g.frames_to_draw < frames) g.frames_to_draw = frames;
}

// Keeps the canvas backing store at CSS size x device pixel ratio (GLFW 3.1.6 knows no DPR).
void fit_canvas() {
  double css_w = 0, css_h = 0;
  trialmatch::platform::canvas_css_size(css_w, css_h);
  const float ratio = static_cast<float>(std::max(1.0, std::min(3.0, trialmatch::platform::device_pixel_ratio())));
  const int w = static_cast<int>(std::lround(css_w * ratio));
  const int h = static_cast<int>(std::lround(css_h * ratio));
  if (w == g.width && h == g.height && ratio == g.pixel_ratio) return;
  g.width = w;
  g.height = h;
  // Not glfwSetWindowSize: in Emscripten 3.1.6 it requests full screen when the size
  // equals the screen's (a kiosk), which the browser refuses without a user gesture.
  emscripten_set_canvas_element_size("#canvas", w, h);
  if (ratio != g.pixel_ratio || !g.fonts.body) {
    g.pixel_ratio = ratio;
    g.fonts = trialmatch::ui::build_fonts(ratio);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    trialmatch::ui::apply_theme(trialmatch::ui::default_palette(), ratio);
  }
  wake();
}

void frame() {
  if (g.frames_to_draw <= 0) return;
  --g.frames_to_draw;
  fit_canvas();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(g.width), static_cast<float>(g.height));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  ImGui::NewFrame();
  g.app->draw(io.DisplaySize.x, io.DisplaySize.y, g.fonts);
  ImGui::Render();
  glViewport(0, 0, g.width, g.height);
  const ImVec4 bg = trialmatch::ui::default_palette().background;
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  // Something is still moving (a click being released, a hover changing): keep drawing.
  if (io.MouseDown[0] || ImGui::IsAnyItemActive()) wake(2);
}

// GLFW callbacks: hand the event to ImGui's backend, then draw again.
void on_mouse_button(GLFWwindow* w, int button, int action, int mods) {
  ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
  wake();
}
void on_scroll(GLFWwindow* w, double x, double y) {
  ImGui_ImplGlfw_ScrollCallback(w, x, y);
  wake();
}
void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
  ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
  wake();
}
void on_char(GLFWwindow* w, unsigned int c) {
  ImGui_ImplGlfw_CharCallback(w, c);
  wake();
}
void on_cursor(GLFWwindow*, double, double) { wake(); }

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  wake();
  return EM_FALSE;
}

Lang initial_language() {
  std::string lang = trialmatch::platform::query_param("lang");
  if (lang.empty()) lang = trialmatch::platform::browser_language();
  return lang.rfind("es", 0) == 0 ? Lang::Es : Lang::En;
}

// Only files from the page's own origin: a relative path with no scheme or host.
bool is_same_origin_path(const std::string& path) {
  return !path.empty() && path.find("://") == std::string::npos && path.rfind("//", 0) != 0 &&
         path.find('\\') == std::string::npos && path.rfind("javascript:", 0) != 0 && path.rfind("data:", 0) != 0;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void trialmatch_on_trial_text(const char* url, const char* text) {
  g.app->on_trial_text(url, text);
  wake();
}

EMSCRIPTEN_KEEPALIVE void trialmatch_on_trial_error(const char* url, const char* reason) {
  g.app->on_trial_fetch_failed(url, std::string("could not load the file: ") + reason);
  wake();
}

// Test hook: the current screen as JSON (what the person sees, in words).
EMSCRIPTEN_KEEPALIVE const char* trialmatch_describe() {
  g.described = g.app->describe();
  return g.described.c_str();
}

// Test hook: how many frames are still queued (0 once the page is idle).
EMSCRIPTEN_KEEPALIVE int trialmatch_pending_frames() { return g.frames_to_draw; }

}  // extern "C"

int main() {
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  g.window = glfwCreateWindow(360, 640, "Prescreener", nullptr, nullptr);
  if (!g.window) return 1;
  glfwMakeContextCurrent(g.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is stored on the device
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(g.window, false);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  glfwSetMouseButtonCallback(g.window, on_mouse_button);
  glfwSetScrollCallback(g.window, on_scroll);
  glfwSetKeyCallback(g.window, on_key);
  glfwSetCharCallback(g.window, on_char);
  glfwSetCursorPosCallback(g.window, on_cursor);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);

  g.app = std::make_unique<trialmatch::ui::PrescreenApp>(initial_language());
  std::string trial = trialmatch::platform::query_param("trial");
  if (trial.empty()) trial = "trials/NCT04979910.json";
  if (is_same_origin_path(trial)) trialmatch::platform::fetch_trial(trial);
  else g.app->on_trial_fetch_failed(trial, "only study files from this website can be opened");

  fit_canvas();
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
