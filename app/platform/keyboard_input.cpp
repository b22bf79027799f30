// Keyboard input (see keyboard_input.h).
#include "keyboard_input.h"

#include <GLFW/glfw3.h>

#include "app_runner.h"
#include "browser.h"
#include "frame_scheduler.h"
#include "prescreen_app.h"

namespace trialmatch::platform {

namespace {

// Held keys repeat only where repeating is harmless (moving the focus ring, deleting a
// digit): a held digit or Enter must not answer the next question too.
void on_key(GLFWwindow*, int key, int, int action, int mods) {
  using ui::Key;
  if (action == GLFW_RELEASE) return;
  ui::PrescreenApp& app = runner().app();
  app.flow().note_activity(idle_clock_seconds());
  const bool repeat = action == GLFW_REPEAT;
  if (key == GLFW_KEY_TAB) app.key((mods & GLFW_MOD_SHIFT) ? Key::Previous : Key::Next);
  else if (key == GLFW_KEY_DOWN || key == GLFW_KEY_RIGHT) app.key(Key::Next);
  else if (key == GLFW_KEY_UP || key == GLFW_KEY_LEFT) app.key(Key::Previous);
  else if (key == GLFW_KEY_BACKSPACE) app.key(Key::Delete);
  else if (repeat) return;
  else if (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER || key == GLFW_KEY_SPACE) app.key(Key::Press);
  else if (key == GLFW_KEY_ESCAPE) app.key(Key::Back);
  else if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) app.key(Key::Digit, key - GLFW_KEY_0);
  else if (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9) app.key(Key::Digit, key - GLFW_KEY_KP_0);
  else return;
  draw_frame_now();  // within the key's event, as for clicks
}

}  // namespace

void install_keyboard_input(GLFWwindow* window) {
  glfwSetKeyCallback(window, on_key);
}

}  // namespace trialmatch::platform
