// Touch, mouse and wheel input for ImGui. Emscripten 3.1.6's GLFW does not turn touches
// into cursor moves, so touches are read here: a tap becomes a press in one frame and a
// release in the next (even if both arrived between frames); a vertical drag scrolls the
// page instead of pressing. Mouse buttons go to ImGui's GLFW backend, except those the
// browser makes up after a touch (its echo). The wheel scrolls the page, like a web page.
// Every touch, click and wheel turn counts as the person's activity (kiosk idle time).
#pragma once

struct GLFWwindow;
struct ImGuiIO;

namespace trialmatch::platform {

// Listens to the page's touches and the window's mouse and wheel, for the app.
void install_pointer_input(GLFWwindow* window);

// Before ImGui::NewFrame: the finger's position and press, when the last pointer was a finger.
void apply_touch(ImGuiIO& io);

// Pixels to scroll the page by since the last frame (wheel and drags), taken once.
float take_page_scroll();

// A touch's press or release that ImGui has not seen yet: more frames are needed.
bool touch_pending();

}  // namespace trialmatch::platform
