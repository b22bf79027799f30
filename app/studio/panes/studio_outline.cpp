// The outline: the study's parts, each question and criterion, with a mark where the checks
// found something; a click shows it in the editor (and the question in the preview).
#include <string>

#include "studio_app.h"
#include "studio_style.h"

namespace trialmatch::studio {

namespace {

using Json = StudyDocument::Json;

// The worst finding under `pointer`, as a colour; none: transparent.
ImVec4 mark_colour(const StudyChecks& checks, const std::string& pointer) {
  ImVec4 colour(0, 0, 0, 0);
  for (const Finding* f : findings_under(checks, pointer)) {
    if (f->kind == Finding::Kind::Error) return colour::kError;
    if (f->kind == Finding::Kind::ToDo) colour = colour::kToDo;
  }
  return colour;
}

}  // namespace

void StudioApp::draw_outline(const StudioFonts& fonts, float x, float y, float width, float height) {
  const float u = fonts.ratio;
  const PaneStyle style(u);
  begin_pane("##outline", x, y, width, height, colour::kPane);
  auto row = [&](const std::string& pointer, const std::string& label) {
    const ImVec4 mark = mark_colour(checks_, pointer);
    ImGui::PushID(pointer.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::Selectable(label.c_str(), selected_ == pointer);
    place("outline:" + pointer);
    if (pressed) {
      select(pointer);
      if (preview_ && pointer.rfind("/questions/", 0) == 0)
        preview_->flow().preview_question(std::stoi(pointer.substr(11)));
    }
    if (mark.w > 0)
      ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + width - 34 * u, at.y + ImGui::GetTextLineHeight() / 2), 4 * u,
                                                  ImGui::GetColorU32(mark));
    ImGui::PopID();
  };
  auto heading = [&](Say s) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(say(s, lang_));
    ImGui::PopFont();
  };
  auto list = [&](const char* list_pointer, ObjectKind kind, Say add) {
    const Json* items = document_->find(list_pointer);
    if (items && items->is_array()) {
      for (std::size_t i = 0; i < items->size(); ++i) {
        const Json& item = (*items)[i];
        std::string label = std::to_string(i + 1) + ". " + (string_member(item, "id").empty() ? std::string("?") : string_member(item, "id"));
        if (item.is_object() && item.contains("text")) {
          std::string words = text_in(item["text"]);
          if (words.size() > 28) words = words.substr(0, 26) + "...";
          if (!words.empty()) label += "  " + words;
        }
        row(std::string(list_pointer) + "/" + std::to_string(i), label);
      }
    }
    if (button(say(add, lang_))) add_item(list_pointer, kind);
    place(std::string("outline:add:") + list_pointer);
  };
  // The file's name and state, first.
  const Say state = checks_.errors ? Say::HasErrors : checks_.to_dos ? Say::DraftState : Say::Ready;
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(document_->file_name().c_str());
  ImGui::PopFont();
  ImGui::TextColored(document_->unsaved() ? colour::kToDo : colour::kMuted, "%s", say(document_->unsaved() ? Say::Unsaved : Say::AllSaved, lang_));
  ImGui::TextColored(checks_.errors ? colour::kError : checks_.to_dos ? colour::kToDo : colour::kGood, "%s", say(state, lang_));
  // A file that could not be opened over this one, and why; several study files picked.
  if (!open_problem_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(colour::kError, "%s %s", say(Say::CannotOpen, lang_), open_problem_.in(lang_).c_str());
    ImGui::PopTextWrapPos();
  }
  if (only_first_opened_) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(colour::kToDo, "%s", say(Say::OnlyFirstOpened, lang_));
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();
  if (document_->kind() == DocumentKind::Catalog) {
    heading(Say::Catalog);
    row("", say(Say::Catalog, lang_));
    heading(Say::Studies);
    list("/studies", ObjectKind::CatalogStudy, Say::AddStudy);
  } else {
    row("/trial", say(Say::StudyFacts, lang_));
    heading(Say::Questions);
    list("/questions", ObjectKind::Question, Say::AddQuestion);
    heading(Say::Criteria);
    list("/criteria", ObjectKind::Criterion, Say::AddCriterion);
  }
  ImGui::End();
}

}  // namespace trialmatch::studio
