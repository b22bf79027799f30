#include "studio_mirror.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "imgui_internal.h"

namespace trialmatch::studio {

namespace {

const char* role_id(MirrorRole role) {
  switch (role) {
    case MirrorRole::Button: return "button";
    case MirrorRole::Checkbox: return "checkbox";
    case MirrorRole::Radio: return "radio";
    case MirrorRole::Tab: return "tab";
    case MirrorRole::Row: return "row";
    case MirrorRole::Field: return "field";
    case MirrorRole::Menu: return "menu";
    case MirrorRole::Choice: return "choice";
    case MirrorRole::Toggle: return "toggle";
    case MirrorRole::Heading: return "heading";
    case MirrorRole::Text: return "text";
  }
  return "";
}

// JSON written straight into a string: strings escaped (any bytes that are not UTF-8 the page
// decodes as U+FFFD, keeping the JSON whole), numbers in CSS pixels to a tenth.
class JsonOut {
 public:
  JsonOut(std::string& out, float ratio) : out_(out), ratio_(ratio) { out_.clear(); }
  JsonOut& open(char c) {
    out_ += c;
    first_ = true;
    return *this;
  }
  JsonOut& close(char c) {
    out_ += c;
    first_ = false;
    return *this;
  }
  JsonOut& element() {
    if (!first_) out_ += ',';
    first_ = false;
    return *this;
  }
  JsonOut& member(const char* name) {
    element();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    return *this;
  }
  void string(const std::string& s) {
    out_ += '"';
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += ch;
      } else if (c < 0x20) {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
        out_ += escaped;
      } else {
        out_ += ch;
      }
    }
    out_ += '"';
  }
  void boolean(bool b) { out_ += b ? "true" : "false"; }
  void number(double n) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", n);
    out_ += text;
  }
  // "x", "y", "w", "h" of a rectangle in device pixels, in CSS pixels.
  void rect(ImVec2 min, ImVec2 max) {
    member("x").number(min.x / ratio_);
    member("y").number(min.y / ratio_);
    member("w").number((max.x - min.x) / ratio_);
    member("h").number((max.y - min.y) / ratio_);
  }

 private:
  std::string& out_;
  float ratio_;
  bool first_ = true;
};

// An ImGui id from a key the page sent back; 0 for anything else.
ImGuiID id_of(const std::string& key) {
  if (key.empty() || key.find_first_not_of("0123456789") != std::string::npos || key.size() > 10) return 0;
  const unsigned long long n = std::strtoull(key.c_str(), nullptr, 10);
  return n <= 0xFFFFFFFFull ? static_cast<ImGuiID>(n) : 0;
}

}  // namespace

void StudioMirror::begin_frame(float ratio, const std::string& lang) {
  ratio_ = ratio;
  lang_ = lang;
  preview_said_ = PreviewSaid{};
  panes_.clear();
  press_seen_ = focus_seen_ = scrolled_ = false;
}

void StudioMirror::pane(const std::string& name, bool dialog) {
  const ImVec2 at = ImGui::GetWindowPos();
  pane(name, at, ImVec2(at.x + ImGui::GetWindowWidth(), at.y + ImGui::GetWindowHeight()));
  panes_.back().dialog = dialog;
}

void StudioMirror::pane(const std::string& name, ImVec2 min, ImVec2 max) {
  MirrorPane p;
  p.name = name;
  p.min = min;
  p.max = max;
  panes_.push_back(std::move(p));
}

MirrorSpot MirrorSpot::last_item() {
  const ImDrawList* draw = ImGui::GetWindowDrawList();
  return MirrorSpot{ImGui::GetItemID(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), draw->GetClipRectMin(),
                    draw->GetClipRectMax(), ImGui::GetCurrentWindow()};
}

MirrorSpot MirrorSpot::next_combo(const char* label) {
  const ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = ImGui::GetCursorScreenPos();
  return MirrorSpot{ImGui::GetID(label), at, ImVec2(at.x + ImGui::CalcItemWidth(), at.y + ImGui::GetFrameHeight()),
                    draw->GetClipRectMin(), draw->GetClipRectMax(), ImGui::GetCurrentWindow()};
}

MirrorItem& StudioMirror::add(const MirrorSpot& spot, MirrorRole role, const std::string& name) {
  if (panes_.empty()) pane("");
  MirrorItem item;
  item.role = role;
  item.name = name;
  item.min = spot.min;
  item.max = spot.max;
  const ImVec2 clip_min = spot.clip_min, clip_max = spot.clip_max;
  item.in_view = item.max.y > clip_min.y && item.min.y < clip_max.y && item.max.x > clip_min.x && item.min.x < clip_max.x;
  std::vector<MirrorItem>& items = panes_.back().items;
  // A tab bar's tabs stay together, before what the selected one shows (ImGui draws that
  // between its tab and the next).
  if (role == MirrorRole::Tab) {
    const auto last_tab = std::find_if(items.rbegin(), items.rend(), [](const MirrorItem& i) { return i.role == MirrorRole::Tab; });
    if (last_tab != items.rend()) return *items.insert(last_tab.base(), std::move(item));
  }
  items.push_back(std::move(item));
  return items.back();
}

MirrorItem* StudioMirror::control(MirrorRole role, const std::string& name, bool on, bool enabled) {
  return control(MirrorSpot::last_item(), role, name, on, enabled);
}

MirrorItem* StudioMirror::control(const MirrorSpot& spot, MirrorRole role, const std::string& name, bool on, bool enabled) {
  if (spot.id == 0) return nullptr;
  const ImRect whole(spot.min, spot.max);
  ImGuiWindow* window = static_cast<ImGuiWindow*>(spot.window);
  MirrorItem& item = add(spot, role, name);
  item.key = std::to_string(spot.id);
  item.on = on;
  item.enabled = enabled;
  const bool wholly_in_view = whole.Min.y >= spot.clip_min.y - 0.5f && whole.Max.y <= spot.clip_max.y + 0.5f;
  if (spot.id == focus_) {
    focus_seen_ = true;
    focus_ = 0;
    if (!wholly_in_view) {
      ImGui::ScrollToRect(window, whole);
      scrolled_ = true;
    }
  }
  if (spot.id == press_) {
    press_seen_ = true;
    // Pressed in this frame (ImGui activated it at the frame's start) if it was in view; if
    // not, it comes into view and is pressed in the next frame (unless it can no longer be).
    if (item.in_view || !enabled || ++press_tries_ > 3) {
      press_ = 0;
    } else {
      ImGui::ScrollToRect(window, whole);
      scrolled_ = true;
      ImGui::ActivateItem(spot.id);
    }
  }
  return &item;
}

void StudioMirror::text(const std::string& words, MirrorRole role, const std::string& lang) {
  if (words.empty()) return;
  add(MirrorSpot::last_item(), role, words).lang = lang;
}

void StudioMirror::preview(const flow::ScreenModel& model) {
  if (panes_.empty()) pane("");
  preview_view_ = model.view;
  preview_said_ = PreviewSaid{model.view, model.heading, model.progress_text, "", ""};
  auto place = [&](MirrorItem& item, const flow::Rect& r, bool visible) {
    item.min = ImVec2(r.x * ratio_, r.y * ratio_);
    item.max = ImVec2((r.x + r.w) * ratio_, (r.y + r.h) * ratio_);
    item.in_view = visible;
    item.lang = model.lang;
  };
  // Its words, then its buttons, each in the app's own order (as the app's mirror has them).
  std::vector<MirrorItem>& items = panes_.back().items;
  bool anchored = false;
  for (const flow::ScreenText& t : model.texts) {
    if (t.role == flow::TextRole::Entry) preview_said_.entry += (preview_said_.entry.empty() ? "" : " ") + t.text;
    if (t.role == flow::TextRole::Problem) preview_said_.problem += (preview_said_.problem.empty() ? "" : " ") + t.text;
    if (t.text.empty() || (t.rect.w <= 0 && t.rect.h <= 0)) continue;
    MirrorItem item;
    item.role = t.role == flow::TextRole::Title || t.role == flow::TextRole::Heading ? MirrorRole::Heading : MirrorRole::Text;
    item.name = t.text;
    item.anchor = !anchored && t.text == model.heading;
    anchored = anchored || item.anchor;
    place(item, t.rect, t.visible);
    items.push_back(std::move(item));
  }
  for (const flow::ScreenButton& b : model.buttons) {
    MirrorItem item;
    item.key = "p:" + b.id;
    item.role = b.role == flow::ButtonRole::Option ? MirrorRole::Toggle : MirrorRole::Button;
    item.name = b.label;
    item.on = b.pressed;
    place(item, b.rect, b.visible);
    items.push_back(std::move(item));
  }
}

void StudioMirror::press(const std::string& key) {
  if (!offered(key)) return;
  if (key.rfind("p:", 0) == 0) {
    preview_press_ = key.substr(2);
    return;
  }
  press_ = id_of(key);
  press_tries_ = 0;
  ImGui::ActivateItem(press_);  // in the next frame, as ImGui's keyboard navigation does
}

void StudioMirror::focus(const std::string& key) {
  focused_ = key;
  // The preview draws its own focus ring: on its button with the focus, or on none.
  const std::string in_preview = key.rfind("p:", 0) == 0 && offered(key) ? key.substr(2) : "";
  if (in_preview != preview_focus_) {
    preview_focus_ = in_preview;
    preview_focus_changed_ = true;
  }
  if (offered(key) && in_preview.empty()) focus_ = id_of(key);
}

bool StudioMirror::has_focus() const {
  return !focused_.empty() && !panes_.empty() && !panes_.back().items.empty() && panes_.back().items.back().key == focused_;
}

bool StudioMirror::take_preview_press(std::string& id, unsigned& view) {
  if (preview_press_.empty()) return false;
  id = std::exchange(preview_press_, "");
  view = preview_view_;
  return true;
}

bool StudioMirror::take_preview_focus(std::string& id) {
  if (!std::exchange(preview_focus_changed_, false)) return false;
  id = preview_focus_;
  return true;
}

bool StudioMirror::outside_open_menu(const std::string& key) const {
  return !open_menu_.empty() && !key.empty() && std::find(open_menu_.begin(), open_menu_.end(), key) == open_menu_.end();
}

bool StudioMirror::offered(const std::string& key) const {
  return !key.empty() && std::find(offered_.begin(), offered_.end(), key) != offered_.end();
}

void StudioMirror::end_frame() {
  // What was asked for and not drawn in this frame is gone: nothing is pressed later.
  if (!press_seen_) press_ = 0;
  if (!focus_seen_) focus_ = 0;
  const bool dialog = std::any_of(panes_.begin(), panes_.end(), [](const MirrorPane& p) { return p.dialog; });
  offered_.clear();
  open_menu_.clear();
  // Written out directly: it is made every frame (a JSON tree of every item took 5 ms a frame
  // on a study of 40 questions).
  JsonOut out(json_, ratio_);
  out.open('{');
  out.member("lang").string(lang_);
  out.member("status").string(status_);
  out.member("preview").open('{');
  out.member("view").number(preview_said_.view);
  out.member("heading").string(preview_said_.heading);
  out.member("progress").string(preview_said_.progress);
  out.member("entry").string(preview_said_.entry);
  out.member("problem").string(preview_said_.problem);
  out.close('}');
  out.member("panes").open('[');
  for (const MirrorPane& p : panes_) {
    if (dialog && !p.dialog) continue;
    out.element().open('{');
    out.member("name").string(p.name);
    out.member("dialog").boolean(p.dialog);
    out.rect(p.min, p.max);
    out.member("items").open('[');
    for (const MirrorItem& i : p.items) {
      if (!i.key.empty() && i.enabled) offered_.push_back(i.key);
      if ((i.role == MirrorRole::Menu && i.on) || (i.role == MirrorRole::Choice && !open_menu_.empty())) open_menu_.push_back(i.key);
      out.element().open('{');
      out.member("key").string(i.key);
      out.member("role").string(role_id(i.role));
      out.member("name").string(i.name);
      out.member("value").string(i.value);
      out.member("lang").string(i.lang);
      out.member("on").boolean(i.on);
      out.member("enabled").boolean(i.enabled);
      out.member("list").string(i.list);
      out.member("anchor").boolean(i.anchor);
      out.rect(i.min, i.max);
      out.close('}');
    }
    out.close(']');
    out.close('}');
  }
  out.close(']');
  out.close('}');
}

}  // namespace trialmatch::studio
