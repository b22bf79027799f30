// Keyboard input: the window's keys become the app's own Key values (prescreen_app.h):
// Tab, the arrows, Enter or Space, Escape, Backspace and the number keys. ImGui gets none.
// A key counts as the person's activity (kiosk idle time).
#pragma once

struct GLFWwindow;

namespace trialmatch::platform {

// Listens to the window's keys, for the app.
void install_keyboard_input(GLFWwindow* window);

}  // namespace trialmatch::platform
