#include "widgets.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"  // the wrap width of the text about to be drawn (CalcWrapWidthForPos)

// The interface relies on Dear ImGui 1.86 as Debian ships it: key codes, the GLFW backend,
// and no input queue (see the README's "What the app does itself"). Another version may
// compile and still behave differently, so it must not build silently.
static_assert(IMGUI_VERSION_NUM == 18600, "this app is written for Dear ImGui 1.86 (IMGUI_VERSION_NUM 18600)");

namespace trialmatch::ui {

namespace {

// The words of `text` (between spaces) wider than `width` pixels in the current font: ImGui
// breaks such a word inside it to wrap it.
void note_broken_words(const std::string& text, float width, std::vector<std::string>& out) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of(" \n", start);
    if (end == std::string::npos) end = text.size();
    if (end > start && ImGui::CalcTextSize(text.c_str() + start, text.c_str() + end).x > width + 0.5f)
      out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

// `text` as drawn in the current font within `width` pixels: a word too wide for a line
// gets a place to wrap after each "-", "/" and "." inside it ("Treatment-Resistant",
// "clinicaltrials.gov/study/NCT04979910"), so it wraps there and never inside a word. Only
// such words change, and the space added always falls at the end of a line.
std::string breakable(const std::string& text, float width) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(" \n", start);
    if (end == std::string::npos) end = text.size();
    const char* a = text.c_str() + start;
    const char* b = text.c_str() + end;
    if (ImGui::CalcTextSize(a, b).x > width) {
      for (const char* c = a; c < b; ++c) {
        out += *c;
        if ((*c == '-' || *c == '/' || *c == '.') && c + 1 < b && c[1] != '/' && c[1] != '.') out += ' ';
      }
    } else {
      out.append(a, b);
    }
    if (end < text.size()) out += text[end];
    start = end + 1;
  }
  return out;
}

}  // namespace

// Whether the last item is wholly inside the window it is drawn in (the scrolling words, or
// the pinned actions) and inside the page.
bool Widgets::last_item_visible() const {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float top = std::max(0.f, ImGui::GetWindowPos().y);
  const float bottom = std::min(page_height_, ImGui::GetWindowPos().y + ImGui::GetWindowHeight());
  return a.y >= top - 0.5f && b.y <= bottom + 0.5f;
}

Rect Widgets::last_item_rect() const {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float r = pixel_ratio_;
  return Rect{a.x / r, a.y / r, (b.x - a.x) / r, (b.y - a.y) / r};
}

void Widgets::say(TextRole role, const std::string& s, const ImVec4& colour, ImFont* font) {
  ImGui::PushFont(font ? font : fonts_.body);
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  // Where it wraps: the wrap position in force (the column's, or a narrower one), from here.
  const float wrap = ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), ImGui::GetCurrentWindowRead()->DC.TextWrapPos);
  const std::string shown = breakable(s, wrap);
  ImGui::TextWrapped("%s", shown.c_str());
  note_broken_words(shown, wrap, frame_.broken_words);
  frame_.texts.push_back({role, s, last_item_rect(), last_item_visible()});
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

// A title whose longest word does not fit the column in the title font is set in the
// body's bold font: a big word is never broken inside.
void Widgets::title(const std::string& s) {
  ImFont* font = fonts_.title;
  const float wrap = ImGui::CalcWrapWidthForPos(ImGui::GetCursorScreenPos(), ImGui::GetCurrentWindowRead()->DC.TextWrapPos);
  ImGui::PushFont(font);
  std::vector<std::string> too_wide;
  note_broken_words(s, wrap, too_wide);
  ImGui::PopFont();
  say(TextRole::Title, s, default_palette().text, too_wide.empty() ? font : fonts_.body_bold);
}
void Widgets::heading(const std::string& s) { say(TextRole::Heading, s, default_palette().text, fonts_.body_bold); }
void Widgets::text(const std::string& s) { say(TextRole::Body, s, default_palette().text); }
void Widgets::muted(const std::string& s) { say(TextRole::Note, s, default_palette().muted_text); }
void Widgets::bold(const std::string& s) { say(TextRole::Strong, s, default_palette().text, fonts_.body_bold); }

void Widgets::gap(float css_pixels) { ImGui::Dummy(ImVec2(1, css_pixels * unit_)); }

float Widgets::small_height() const {
  return std::max(48 * unit_, fonts_.body_bold->FontSize + 2 * ImGui::GetStyle().FramePadding.y);
}

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
  constexpr int kQuietZone = 4;  // modules of white around the code, as the QR standard asks
  const int side = image.size + 2 * kQuietZone;
  // As big as the column allows, up to 8 CSS pixels a module, and at most 45% of the page's
  // height: it must fit whole above the pinned actions, for a camera to read it.
  const float module = std::floor(std::min({column_width_ / static_cast<float>(side), 8.f * scale(),
                                            0.45f * page_height_ / static_cast<float>(side)}));
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
  frame_.texts.push_back({TextRole::Body, label, last_item_rect(), last_item_visible()});
  ImGui::SetCursorPosX(column_left_);
}

void Widgets::button(const std::string& id, const std::string& words, const Intent& intent, const Look& look,
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
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, look.border ? 2.f * unit_ : 0.f);
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(align_left ? 0.f : 0.5f, 0.5f));
  // Long labels wrap: ImGui buttons do not, so measure and grow the button instead.
  const float pad = padding(role);
  const float wrap_width = (size.x > 0 ? size.x : ImGui::CalcItemWidth()) - 2 * pad;
  const std::string label = breakable(words, wrap_width);
  const ImVec2 text_size = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap_width);
  ImVec2 actual = size;
  actual.y = std::max(size.y, text_size.y + 2 * ImGui::GetStyle().FramePadding.y);
  // A key's or a link's label is drawn here, not by ImGui, which would clip it to the full
  // padding.
  const bool wraps = pad != ImGui::GetStyle().FramePadding.x ||
                     (text_size.x > 0 && ImGui::CalcTextSize(label.c_str()).x > wrap_width);
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
  frame_.buttons.push_back({id, words, role, selected, last_item_rect(), last_item_visible()});
  note_broken_words(label, wrap_width, frame_.broken_words);
  if (!activate_id_.empty() && activate_id_ == id) pressed = true;
  if (pressed && !pressed_) pressed_ = intent;
  if (id == focus_id_) {
    // The keyboard focus ring: thick, dark, outside the button, visible on every colour.
    const float gap = 3 * unit_, thickness = 3 * unit_;
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
         {ImVec2(ImGui::CalcItemWidth(), 56 * unit_), p.accent, p.accent_hover, p.accent_text, false, fonts_.body_bold, false},
         ButtonRole::Action, false);
}

void Widgets::choice(const std::string& id, const std::string& label, bool selected, const Intent& intent) {
  const Palette& p = default_palette();
  button(id, label, intent,
         {ImVec2(ImGui::CalcItemWidth(), 56 * unit_), selected ? p.accent : p.surface,
          selected ? p.accent_hover : p.choice_hover, selected ? p.accent_text : p.text, true, fonts_.body_bold, true},
         ButtonRole::Option, selected);
}

void Widgets::secondary(const std::string& id, const std::string& label, const Intent& intent) {
  const Palette& p = default_palette();
  button(id, label, intent,
         {ImVec2(ImGui::CalcItemWidth(), 52 * unit_), p.background, p.choice_hover, p.accent, true, fonts_.body_bold, false},
         ButtonRole::Action, false);
}

void Widgets::entry(const std::string& id, const std::string& label, const Intent& intent) {
  const Palette& p = default_palette();
  button(id, label + "  \xE2\x80\xBA", intent,
         {ImVec2(ImGui::CalcItemWidth(), 56 * unit_), p.surface, p.choice_hover, p.text, true, fonts_.body_bold, true},
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
         {ImVec2(w, 48 * unit_), selected ? p.accent : p.surface, selected ? p.accent_hover : p.choice_hover,
          selected ? p.accent_text : p.accent, !selected, fonts_.body_bold, false},
         role, selected);
}

// Its words and a little padding (it is 48 pixels tall: easy to tap); a pixel to spare, so
// words that just fit are not wrapped by rounding.
float Widgets::link_width(const std::string& label) const {
  return label_width(label) - 2 * ImGui::GetStyle().FramePadding.x + 2 * link_padding() + 1;
}

float Widgets::padding(ButtonRole role) const {
  const float style = ImGui::GetStyle().FramePadding.x;
  return role == ButtonRole::Key || role == ButtonRole::Link ? std::min(style, 4 * unit_) : style;
}

void Widgets::link(const std::string& id, const std::string& label, const Intent& intent) {
  const Palette& p = default_palette();
  const float width = std::min(link_width(label), ImGui::CalcItemWidth());
  // At the start of the column, its words line up with the text above and below.
  if (std::fabs(ImGui::GetCursorPosX() - column_left_) < 0.5f) ImGui::SetCursorPosX(column_left_ - link_padding());
  button(id, label, intent,
         {ImVec2(width, 48 * unit_), ImVec4(0, 0, 0, 0), p.choice_hover, p.accent, false, fonts_.body_bold, false},
         ButtonRole::Link, false);
  // Underline each line of its words, so it reads as a link (and never runs through a line
  // when the words wrap).
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const float pad = padding(ButtonRole::Link);
  ImFont* font = fonts_.body_bold;
  const float wrap = width - 2 * pad;
  std::vector<std::pair<const char*, const char*>> lines;
  for (const char* s = label.c_str(), *end = s + label.size(); s < end;) {
    const char* line_end = font->CalcWordWrapPositionA(1.f, s, end, wrap);
    if (line_end == s) line_end = s + 1;
    lines.push_back({s, line_end});
    s = line_end;
    while (s < end && *s == ' ') ++s;
  }
  const float line_height = font->FontSize;
  const float text_top = (a.y + b.y) / 2 - line_height * static_cast<float>(lines.size()) / 2;
  for (size_t i = 0; i < lines.size(); ++i) {
    const float line_width = font->CalcTextSizeA(font->FontSize, 1e9f, 0, lines[i].first, lines[i].second).x;
    const float y = text_top + line_height * (static_cast<float>(i) + 1) + std::max(1.f, scale());
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x + pad, y), ImVec2(a.x + pad + line_width, y),
                                        ImGui::GetColorU32(p.accent), std::max(1.f, 1.5f * scale()));
  }
}

void Widgets::action(ActionLook look, const std::string& id, const std::string& label, const Intent& intent,
                     bool selected) {
  actions_.push_back({look, id, label, intent, selected});
}

void Widgets::draw_action(const Action& a) {
  switch (a.look) {
    case ActionLook::Primary: primary(a.id, a.label, a.intent); break;
    case ActionLook::Secondary: secondary(a.id, a.label, a.intent); break;
    case ActionLook::Choice: choice(a.id, a.label, a.selected, a.intent); break;
    case ActionLook::Problem: say(TextRole::Problem, a.label, default_palette().error, fonts_.body_bold); break;
  }
}

// Two buttons share a row when both labels fit half the column on one line ("Continue" and
// "Prefer not to say" on a phone), so the pinned bar takes as little of the page as it can.
void Widgets::draw_actions() {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float half = std::floor((ImGui::CalcItemWidth() - spacing) / 2);
  auto fits_half = [&](const Action& a) {
    return a.look != ActionLook::Problem && label_width(a.label) <= half;
  };
  for (size_t i = 0; i < actions_.size(); ++i) {
    if (i + 1 < actions_.size() && fits_half(actions_[i]) && fits_half(actions_[i + 1])) {
      ImGui::PushItemWidth(half);
      draw_action(actions_[i]);
      ImGui::SameLine();
      draw_action(actions_[++i]);
      ImGui::PopItemWidth();
      ImGui::SetCursorPosX(column_left_);
    } else {
      draw_action(actions_[i]);
    }
  }
}

}  // namespace trialmatch::ui
