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

// The file's name and state, first in the outline; a file that could not be opened over this
// one, and why; several study files picked.
void StudioApp::draw_file_state(const StudioFonts& fonts) {
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(document_->file_name().c_str());
  mirror_.text(document_->file_name(), MirrorRole::Heading);
  ImGui::PopFont();
  line(document_->unsaved() ? colour::kToDo : colour::kMuted, say(document_->unsaved() ? Say::Unsaved : Say::AllSaved, lang_));
  const Say state = checks_.errors ? Say::HasErrors : checks_.to_dos ? Say::DraftState : Say::Ready;
  line(checks_.errors ? colour::kError : checks_.to_dos ? colour::kToDo : colour::kGood, say(state, lang_));
  ImGui::PushTextWrapPos(0);
  if (!open_problem_.empty()) line(colour::kError, std::string(say(Say::CannotOpen, lang_)) + " " + open_problem_.in(lang_));
  if (only_first_opened_) line(colour::kToDo, say(Say::OnlyFirstOpened, lang_));
  ImGui::PopTextWrapPos();
}

void StudioApp::draw_outline(const StudioFonts& fonts, float x, float y, float width, float height) {
  const float u = fonts.ratio;
  const PaneStyle style(u);
  begin_pane("##outline", x, y, width, height, colour::kPane);
  mirror_.pane(say(Say::PaneOutline, lang_));
  auto row = [&](const std::string& pointer, const std::string& label) {
    const ImVec4 mark = mark_colour(checks_, pointer);
    ImGui::PushID(pointer.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::Selectable(label.c_str(), selected_ == pointer, 0, ImVec2(0, row_height(u)));
    place("outline:" + pointer);
    mirror_.control(MirrorRole::Row, label, selected_ == pointer);
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
    mirror_.text(say(s, lang_), MirrorRole::Heading);
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
    if (action(say(add, lang_))) add_item(list_pointer, kind);
    place(std::string("outline:add:") + list_pointer);
  };
  draw_file_state(fonts);
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
