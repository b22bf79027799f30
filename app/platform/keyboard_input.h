// Keyboard input: keys and typed characters from the window, handed to ImGui's GLFW
// backend; the app reads them itself (Tab, arrows, Enter, Escape, number keys). A key
// counts as the person's activity (kiosk idle time).
#pragma once

struct GLFWwindow;

namespace trialmatch::ui {
class PrescreenApp;
}

namespace trialmatch::platform {

// Listens to the window's keys and characters, for `app`.
void install_keyboard_input(GLFWwindow* window, ui::PrescreenApp& app);

}  // namespace trialmatch::platform
