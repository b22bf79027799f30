#include "studio_style.h"

#include <algorithm>

namespace trialmatch::studio {

PaneStyle::PaneStyle(float u) {
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * u, 12 * u));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8 * u, 5 * u));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8 * u, 7 * u));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemInnerSpacing, ImVec2(6 * u, 4 * u));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 4 * u);
  ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 12 * u);
  ImGui::PushStyleVar(ImGuiStyleVar_IndentSpacing, 16 * u);
  ImGui::PushStyleColor(ImGuiCol_FrameBg, colour::kFrame);
  ImGui::PushStyleColor(ImGuiCol_Header, colour::kSelected);
  ImGui::PushStyleColor(ImGuiCol_HeaderHovered, colour::kSelected);
  ImGui::PushStyleColor(ImGuiCol_HeaderActive, colour::kSelected);
  // Quiet buttons, dark words on a light tint (the app's own buttons draw their words in white).
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.86f, 0.91f, 0.94f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.77f, 0.86f, 0.91f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(0.68f, 0.80f, 0.87f, 1));
  ImGui::PushStyleColor(ImGuiCol_Tab, ImVec4(0.86f, 0.91f, 0.94f, 1));
  ImGui::PushStyleColor(ImGuiCol_TabHovered, ImVec4(0.77f, 0.86f, 0.91f, 1));
  ImGui::PushStyleColor(ImGuiCol_TabActive, ImVec4(1, 1, 1, 1));
  ImGui::PushStyleColor(ImGuiCol_CheckMark, ImVec4(0.12f, 0.37f, 0.48f, 1));
}

PaneStyle::~PaneStyle() {
  ImGui::PopStyleColor(11);
  ImGui::PopStyleVar(7);
}

void begin_pane(const char* name, float x, float y, float width, float height, const ImVec4& background, bool scrolls) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                           ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (scrolls) flags &= ~ImGuiWindowFlags_NoScrollbar;
  ImGui::Begin(name, nullptr, flags);
  ImGui::PopStyleColor();
}

float row_height(float u) {
  // A selectable row takes half the item spacing above and below it (rounded down) as its own.
  const float spacing = 2 * static_cast<float>(static_cast<int>(ImGui::GetStyle().ItemSpacing.y / 2));
  return std::max(ImGui::GetTextLineHeight(), kMinTarget * u - spacing);
}

bool button(const char* label, bool enabled) {
  if (!enabled) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
  const bool pressed = ImGui::Button(label) && enabled;
  if (!enabled) ImGui::PopStyleVar();
  return pressed;
}

}  // namespace trialmatch::studio
