// The editor's text fields: a text drawn in a frame, which a click hands to the page's own
// text field laid over it (TextFieldRequest); texts side by side in every language of the
// study, with a missing translation marked and the reading level beside each; the findings at
// a place; and the ids a condition can name, offered to insert.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "content_checks.h"
#include "reading_level.h"
#include "studio_app.h"
#include "studio_style.h"

namespace trialmatch::studio {

namespace {

using Json = StudyDocument::Json;

bool is_under(const std::string& place, const std::string& pointer) {
  return place == pointer || (place.size() > pointer.size() && place.compare(0, pointer.size(), pointer) == 0 &&
                              place[pointer.size()] == '/');
}

}  // namespace

void StudioApp::text_box(const std::string& pointer, const std::string& value, FieldKind kind, bool multiline,
                         const std::string& lang, float width, const std::string& name) {
  ImGui::PushID(pointer.c_str());
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  const float line = ImGui::GetTextLineHeight();
  const float wrap = std::max(line, width - 2 * pad.x);
  const bool editing = field_.open && field_pointer_ == pointer;
  // Every text wraps in its frame (a long source line too); `multiline` is whether Enter
  // starts a new line or ends the typing.
  const ImVec2 text_size = ImGui::CalcTextSize(value.c_str(), nullptr, false, wrap);
  // While it is edited, a line more: room for what is being typed.
  const float height = std::max(text_size.y, line * (multiline ? 2.f : 1.f)) + (editing && text_size.y > line ? line : 0.f) + 2 * pad.y;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  // Pressed: by the mouse (on release), or from the keyboard through the mirror.
  const bool pressed = ImGui::InvisibleButton("##box", ImVec2(width, height));
  const ImGuiID box = ImGui::GetItemID();
  const bool hovered = ImGui::IsItemHovered();
  place(pointer);
  if (MirrorItem* item = mirror_.control(MirrorRole::Field, name, editing)) {
    item->value = value;
    item->lang = lang;  // read in its own language's voice
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 end(at.x + width, at.y + height);
  const bool highlighted = !go_to_.empty() && is_under(go_to_, pointer);
  draw->AddRectFilled(at, end, ImGui::GetColorU32(highlighted ? colour::kHighlight : editing ? colour::kEditor : colour::kFrame),
                      ImGui::GetStyle().FrameRounding);
  if (hovered || editing)
    draw->AddRect(at, end, ImGui::GetColorU32(ImGuiCol_Button), ImGui::GetStyle().FrameRounding, 0, editing ? 2.f : 1.f);
  if (!editing && kind == FieldKind::Condition) mark_condition_problem(pointer, value, ImVec2(at.x + pad.x, at.y + pad.y), wrap);
  if (!editing) {
    ImGui::PushClipRect(at, end, true);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + pad.x, at.y + pad.y), ImGui::GetColorU32(ImGuiCol_Text),
                  value.c_str(), nullptr, wrap);
    ImGui::PopClipRect();
  }
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  if (highlighted) {
    ImGui::SetScrollHereY(0.3f);
    go_to_.clear();
  }
  // On release: the browser's own handling of the press moves the keyboard focus to the page,
  // which would take it from the text field opened on the press.
  const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin(), clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
  text_boxes_.push_back(pointer);
  const bool tabbed_to = open_next_ == pointer;
  if (tabbed_to) open_next_.clear();
  if (((hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) || pressed || tabbed_to) && !editing) {
    // A field only partly in view comes into view to be typed into.
    if (at.y < clip_min.y || end.y > clip_max.y) ImGui::SetScrollHereY(at.y < clip_min.y ? 0.f : 1.f);
    close_text_field();
    field_.open = true;
    ++field_.serial;
    field_.multiline = multiline;
    field_.value = value;
    field_.lang = lang;
    field_pointer_ = pointer;
    field_kind_ = kind;
    field_.name = name;
    field_.key = std::to_string(box);
  }
  if (field_.open && field_pointer_ == pointer) {
    field_drawn_ = true;
    const float r = ratio_;
    field_.x = at.x / r, field_.y = at.y / r, field_.width = width / r, field_.height = height / r;
    // Scrolled wholly out of the pane: the typing ends (not when Tab just opened it out of
    // view: it scrolls into view in the next frame).
    if (!tabbed_to && (end.y < clip_min.y || at.y > clip_max.y)) field_drawn_ = false;
  }
  ImGui::PopID();
}

// A condition that does not read: a red mark under the character where reading stopped (the
// finding's column), when the condition fits on one line.
void StudioApp::mark_condition_problem(const std::string& pointer, const std::string& value, ImVec2 text_at, float wrap) {
  for (const Finding& f : checks_.findings) {
    if (f.pointer != pointer || f.column < 1) continue;
    const int column = f.column;
    if (ImGui::CalcTextSize(value.c_str()).x > wrap) return;
    // Character `column` (1-based) as bytes of UTF-8: [begin, end).
    auto next = [&](std::size_t byte) {
      for (++byte; byte < value.size() && (static_cast<unsigned char>(value[byte]) & 0xC0) == 0x80;) ++byte;
      return byte;
    };
    std::size_t begin = 0;
    for (int n = 1; n < column && begin < value.size(); ++n) begin = next(begin);
    const std::size_t end = begin < value.size() ? next(begin) : begin;
    const float x0 = text_at.x + ImGui::CalcTextSize(value.c_str(), value.c_str() + begin).x;
    const float x1 = x0 + std::max(ImGui::CalcTextSize("m").x, ImGui::CalcTextSize(value.c_str() + begin, value.c_str() + end).x);
    const float y = text_at.y + ImGui::GetTextLineHeight() + 1;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x0, y), ImVec2(x1, y), ImGui::GetColorU32(colour::kError), 2.5f * ratio_);
    placed_.push_back(Placed{"mark:" + pointer, ImVec2(x0, y), ImVec2(x1, y)});
    return;
  }
}

void StudioApp::draw_texts(const StudioFonts& fonts, const std::string& pointer, const Json& value, const std::string& name) {
  const std::vector<std::string> langs = languages();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float column = (ImGui::GetContentRegionAvail().x - spacing * static_cast<float>(langs.size() - 1)) /
                       static_cast<float>(langs.size());
  ImGui::BeginGroup();
  for (std::size_t i = 0; i < langs.size(); ++i) {
    const std::string& l = langs[i];
    if (i > 0) ImGui::SameLine();
    ImGui::BeginGroup();
    const std::string text = value.is_object() && value.contains(l) && value[l].is_string() ? value[l].get<std::string>() : "";
    const char* language = l == "en" ? "English" : l == "es" ? "Español" : l.c_str();
    ImGui::PushFont(fonts.bold);
    ImGui::TextColored(colour::kMuted, "%s", language);
    ImGui::PopFont();
    text_box(pointer + "/" + pointer_escape(l), text, FieldKind::Text, true, l, column, name + ", " + language);
    if (text.empty()) {
      line(colour::kToDo, say(Say::Missing, lang_));
    } else if (const auto level = reading_level(l, text); level && level->words >= kMinWordsForReadingGrade) {
      char number[16];
      std::snprintf(number, sizeof number, "%.1f", level->grade);
      const std::string grade = flow::fill(say(Say::ReadingGrade, lang_), {{"n", number}});
      line(level->grade > kMaxReadingGrade ? colour::kToDo : colour::kMuted, grade);
    }
    ImGui::EndGroup();
  }
  ImGui::EndGroup();
}

void StudioApp::draw_findings_at(const std::string& pointer, bool under) {
  for (const Finding& f : checks_.findings) {
    if (!(under ? is_under(f.pointer, pointer) : f.pointer == pointer)) continue;
    const ImVec4 c = f.kind == Finding::Kind::Error ? colour::kError : f.kind == Finding::Kind::ToDo ? colour::kToDo : colour::kWarning;
    ImGui::PushStyleColor(ImGuiCol_Text, c);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(f.message.in(lang_).c_str());
    mirror_.text(f.message.in(lang_));
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
}

// The question ids, and a question's options as a condition names them, to insert.
void StudioApp::draw_condition_helper(const std::string& pointer, const std::string& value, const std::string& label) {
  ImGui::PushID((pointer + "#insert").c_str());
  ImGui::SetNextItemWidth(ImGui::CalcTextSize(say(Say::Insert, lang_)).x + 48 * ratio_);
  const bool open = menu("##insert", say(Say::Insert, lang_), ImGuiComboFlags_HeightLargest,
                         std::string(say(Say::Insert, lang_)) + ": " + label);
  place("insert:" + pointer);
  if (open) {
    const Json* questions = document_->find("/questions");
    std::vector<std::string> choices;
    if (questions && questions->is_array())
      for (const Json& q : *questions) {
        if (!q.is_object() || !q.contains("id") || !q["id"].is_string()) continue;
        const std::string id = q["id"].get<std::string>();
        choices.push_back(id);
        const std::string type = string_member(q, "type");
        if (type == "yes_no") choices.insert(choices.end(), {id + " = \"yes\"", id + " = \"no\""});
        if (q.contains("options") && q["options"].is_array())
          for (const Json& o : q["options"])
            if (o.is_object() && o.contains("id") && o["id"].is_string())
              choices.push_back(id + (type == "multiple" ? " has \"" : " = \"") + o["id"].get<std::string>() + "\"");
      }
    for (const std::string& choice : choices) {
      const bool picked = this->choice(choice);
      place("insert:" + pointer + ":" + choice);
      if (picked) {
        const std::string joined = value.empty() ? choice : value + " " + choice;
        document_->set(pointer, joined);
        if (field_.open && field_pointer_ == pointer) {
          field_.value = joined;
          ++field_.serial;
        }
      }
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
}

}  // namespace trialmatch::studio
