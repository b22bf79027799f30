// Keyboard input (see keyboard_input.h).
#include "keyboard_input.h"

#include <GLFW/glfw3.h>

#include "browser.h"
#include "frame_scheduler.h"
#include "imgui_impl_glfw.h"
#include "prescreen_app.h"

namespace trialmatch::platform {

namespace {

ui::PrescreenApp* app = nullptr;

void on_key(GLFWwindow* w, int key, int scancode, int action, int mods) {
  app->note_activity(idle_clock_seconds());
  ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
  draw_frame_now();  // ImGui 1.86 has no input queue: a quick press and release must each be seen
}

void on_char(GLFWwindow* w, unsigned int c) {
  ImGui_ImplGlfw_CharCallback(w, c);
  wake();
}

}  // namespace

void install_keyboard_input(GLFWwindow* window, ui::PrescreenApp& the_app) {
  app = &the_app;
  glfwSetKeyCallback(window, on_key);
  glfwSetCharCallback(window, on_char);
}

}  // namespace trialmatch::platform
