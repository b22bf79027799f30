#include "theme.h"


namespace trialmatch::ui {

void apply_theme(const Palette& p, float scale) {
  ImGuiStyle style;
  style.WindowPadding = ImVec2(24, 24);
  style.FramePadding = ImVec2(16, 12);
  style.ItemSpacing = ImVec2(12, 14);
  style.ItemInnerSpacing = ImVec2(10, 8);
  style.WindowRounding = 0;
  style.ChildRounding = 14;
  style.FrameRounding = 12;
  style.GrabRounding = 12;
  style.ScrollbarSize = 10;
  style.ScrollbarRounding = 8;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.FrameBorderSize = 0;
  style.ScaleAllSizes(scale);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.muted_text;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = p.surface;
  c[ImGuiCol_PopupBg] = p.surface;
  c[ImGuiCol_Border] = ImVec4(0, 0, 0, 0.08f);
  c[ImGuiCol_Button] = p.accent;
  c[ImGuiCol_ButtonHovered] = p.accent_hover;
  c[ImGuiCol_ButtonActive] = p.accent_hover;
  c[ImGuiCol_FrameBg] = p.surface;
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImVec4(0, 0, 0, 0.25f);
  c[ImGuiCol_NavHighlight] = p.accent;
  ImGui::GetStyle() = style;
}

}  // namespace trialmatch::ui
