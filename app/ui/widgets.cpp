#include "widgets.h"

#include <algorithm>
#include <cmath>

// The interface relies on Dear ImGui 1.86 as Debian ships it: key codes, the GLFW backend,
// and no input queue (see the README's "What the app does itself"). Another version may
// compile and still behave differently, so it must not build silently.
static_assert(IMGUI_VERSION_NUM == 18600, "this app is written for Dear ImGui 1.86 (IMGUI_VERSION_NUM 18600)");

namespace trialmatch::ui {

void Widgets::say(TextRole role, const std::string& s, const ImVec4& colour, ImFont* font) {
  frame_.texts.push_back({role, s});
  ImGui::PushFont(font ? font : fonts_.body);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", s.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void Widgets::title(const std::string& s) { say(TextRole::Title, s, default_palette().text, fonts_.title); }
void Widgets::heading(const std::string& s) { say(TextRole::Heading, s, default_palette().text, fonts_.body_bold); }
void Widgets::text(const std::string& s) { say(TextRole::Body, s, default_palette().text); }
void Widgets::muted(const std::string& s) { say(TextRole::Note, s, default_palette().muted_text); }
void Widgets::bold(const std::string& s) { say(TextRole::Strong, s, default_palette().text, fonts_.body_bold); }

void Widgets::gap(float css_pixels) { ImGui::Dummy(ImVec2(1, css_pixels * scale())); }

void Widgets::separator() {
  gap(4);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::CalcItemWidth();
  draw->AddLine(p, ImVec2(p.x + w, p.y), ImGui::GetColorU32(ImVec4(0, 0, 0, 0.12f)), std::max(1.f, scale()));
  gap(8);
}

void Widgets::qr_code(const QrImage& image, const std::string& label) {
  if (image.size <= 0) return;
  frame_.texts.push_back({TextRole::Body, label});
  constexpr int kQuietZone = 4;  // modules of white around the code, as the QR standard asks
  const int side = image.size + 2 * kQuietZone;
  // As big as the column allows, up to 8 CSS pixels a module.
  const float module = std::floor(std::min(column_width_ / static_cast<float>(side), 8.f * scale()));
  if (module < 1) return;
  const float width = module * static_cast<float>(side);
  ImGui::SetCursorPosX(std::floor(column_left_ + (column_width_ - width) / 2));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 origin(std::floor(at.x), std::floor(at.y));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + width), IM_COL32(255, 255, 255, 255));
  // One rectangle per run of dark modules in a row.
  for (int y = 0; y < image.size; ++y) {
    for (int x = 0; x < image.size;) {
      if (!image.at(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < image.size && image.at(end, y)) ++end;
      const ImVec2 top_left(origin.x + module * static_cast<float>(x + kQuietZone),
                            origin.y + module * static_cast<float>(y + kQuietZone));
      draw->AddRectFilled(top_left, ImVec2(top_left.x + module * static_cast<float>(end - x), top_left.y + module),
                          IM_COL32(0, 0, 0, 255));
      x = end;
    }
  }
  ImGui::Dummy(ImVec2(width, width));
  ImGui::SetCursorPosX(column_left_);
}

void Widgets::button(const std::string& id, const std::string& label, const Intent& intent, const Look& look,
                     ButtonRole role, bool selected) {
  const ImVec2& size = look.size;
  ImFont* font = look.font;
  const bool align_left = look.align_left;
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Button, look.bg);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, look.bg_hover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, look.bg_hover);
  ImGui::PushStyleColor(ImGuiCol_Text, look.fg);
  ImGui::PushStyleColor(ImGuiCol_Border, default_palette().accent);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, look.border ? 2.f * scale() : 0.f);
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(align_left ? 0.f : 0.5f, 0.5f));
  // Long labels wrap: ImGui buttons do not, so measure and grow the button instead.
  const float pad = ImGui::GetStyle().FramePadding.x;
  const float wrap_width = (size.x > 0 ? size.x : ImGui::CalcItemWidth()) - 2 * pad;
  const ImVec2 text_size = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap_width);
  ImVec2 actual = size;
  actual.y = std::max(size.y, text_size.y + 2 * ImGui::GetStyle().FramePadding.y);
  const bool wraps = text_size.x > 0 && ImGui::CalcTextSize(label.c_str()).x > wrap_width;
  bool pressed;
  if (wraps) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    pressed = ImGui::Button(("##" + id).c_str(), actual);
    const float x = align_left ? at.x + pad : at.x + (actual.x - text_size.x) / 2;
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(x, at.y + (actual.y - text_size.y) / 2),
                                        ImGui::GetColorU32(look.fg), label.c_str(), nullptr, wrap_width);
  } else {
    pressed = ImGui::Button((label + "##" + id).c_str(), actual);
  }
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float r = pixel_ratio_;
  frame_.buttons.push_back({id, label, role, selected, Rect{a.x / r, a.y / r, (b.x - a.x) / r, (b.y - a.y) / r},
                            a.y >= 0 && b.y <= page_height_});
  if (!activate_id_.empty() && activate_id_ == id) pressed = true;
  if (pressed && !pressed_) pressed_ = intent;
  if (id == focus_id_) {
    // The keyboard focus ring: thick, dark, outside the button, visible on every colour.
    const float gap = 3 * scale(), thickness = 3 * scale();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - gap, a.y - gap), ImVec2(b.x + gap, b.y + gap),
                                        ImGui::GetColorU32(default_palette().focus_ring),
                                        ImGui::GetStyle().FrameRounding + gap, 0, thickness);
    if (reveal_focus_ && !ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
  }
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(5);
  ImGui::PopFont();
}

void Widgets::primary(const std::string& id, const std::string& label, const Intent& intent) {
  const Palette& p = default_palette();
  button(id, label, intent,
         {ImVec2(ImGui::CalcItemWidth(), 56 * scale()), p.accent, p.accent_hover, p.accent_text, false, fonts_.body_bold, false},
         ButtonRole::Action, false);
}

void Widgets::choice(const std::string& id, const std::string& label, bool selected, const Intent& intent) {
  const Palette& p = default_palette();
  button(id, label, intent,
         {ImVec2(ImGui::CalcItemWidth(), 56 * scale()), selected ? p.accent : p.surface,
          selected ? p.accent_hover : p.choice_hover, selected ? p.accent_text : p.text, true, fonts_.body_bold, true},
         ButtonRole::Option, selected);
}

void Widgets::secondary(const std::string& id, const std::string& label, const Intent& intent) {
  const Palette& p = default_palette();
  button(id, label, intent,
         {ImVec2(ImGui::CalcItemWidth(), 52 * scale()), p.background, p.choice_hover, p.accent, true, fonts_.body_bold, false},
         ButtonRole::Action, false);
}

void Widgets::entry(const std::string& id, const std::string& label, const Intent& intent) {
  const Palette& p = default_palette();
  button(id, label + "  \xE2\x80\xBA", intent,
         {ImVec2(ImGui::CalcItemWidth(), 56 * scale()), p.surface, p.choice_hover, p.text, true, fonts_.body_bold, true},
         ButtonRole::Action, false);
}

float Widgets::label_width(const std::string& label) const {
  ImGui::PushFont(fonts_.body_bold);
  const float w = ImGui::CalcTextSize(label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::PopFont();
  return w;
}

void Widgets::small(const std::string& id, const std::string& label, const Intent& intent, float width,
                    ButtonRole role, bool selected) {
  const Palette& p = default_palette();
  const float w = width > 0 ? width : label_width(label);
  button(id, label, intent,
         {ImVec2(w, 48 * scale()), selected ? p.accent : p.surface, selected ? p.accent_hover : p.choice_hover,
          selected ? p.accent_text : p.accent, !selected, fonts_.body_bold, false},
         role, selected);
}

void Widgets::link(const std::string& id, const std::string& label, const Intent& intent) {
  const Palette& p = default_palette();
  button(id, label, intent,
         {ImVec2(std::min(label_width(label), ImGui::CalcItemWidth()), 48 * scale()), ImVec4(0, 0, 0, 0), p.choice_hover,
          p.accent, false, fonts_.body_bold, false},
         ButtonRole::Link, false);
  // Underline, so it reads as a link.
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float pad = ImGui::GetStyle().FramePadding.x;
  const float y = (a.y + b.y) / 2 + fonts_.body_bold->FontSize * 0.55f;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x + pad, y), ImVec2(b.x - pad, y), ImGui::GetColorU32(p.accent),
                                      std::max(1.f, 1.5f * scale()));
}

}  // namespace trialmatch::ui
