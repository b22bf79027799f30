// The studio's toolbar, its outline of the study, the screen before anything is open, and
// what it writes: the file, the reviewer document, the FHIR Questionnaire, a catalog entry.
#include <algorithm>
#include <string>

#include "fhir_questionnaire.h"
#include "questionnaire_document.h"
#include "studio_app.h"
#include "studio_style.h"
#include "trial_loader.h"

namespace trialmatch::studio {

namespace {

using Json = StudyDocument::Json;

std::string base_name(const std::string& file_name) {
  const std::size_t dot = file_name.rfind('.');
  return dot == std::string::npos ? file_name : file_name.substr(0, dot);
}

}  // namespace

void StudioApp::save() {
  if (!document_) return;
  close_text_field();
  downloads_.push_back(Download{document_->file_name(), "application/json", document_->text()});
  document_->mark_saved();
}

// The reviewer document, the FHIR Questionnaire or a catalog entry, for a trial that loads.
void StudioApp::save_as(const std::string& what) {
  if (!document_ || document_->kind() != DocumentKind::Trial) return;
  const TrialLoadResult loaded = load_trial(document_->text());
  if (!loaded.trial) return;
  const Trial& trial = *loaded.trial;
  const std::string lang = std::find(trial.languages.begin(), trial.languages.end(), lang_code(lang_)) != trial.languages.end()
                               ? lang_code(lang_)
                               : trial.languages.front();
  const std::string base = base_name(document_->file_name());
  if (what == "review") {
    downloads_.push_back(Download{base + "-review-" + lang + ".html", "text/html",
                                  render_questionnaire(trial, lang, DocumentFormat::Html)});
  } else if (what == "fhir") {
    downloads_.push_back(Download{base + "-questionnaire-" + lang + ".json", "application/fhir+json",
                                  fhir_questionnaire(trial, lang).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"});
  } else if (what == "catalog") {
    Json entry = Json::object();
    const Json& facts = *document_->find("/trial");
    entry["id"] = trial.info.id;
    entry["status"] = facts.contains("status") ? facts["status"] : Json("recruiting");
    entry["status_date"] = facts.contains("status_date") ? facts["status_date"] : Json("");
    entry["title"] = facts.contains("title") ? facts["title"] : Json::object();
    entry["trial"] = "../trials/" + document_->file_name();  // from catalogs/, as the catalogs in assets/ name it
    if (facts.contains("registry_url")) entry["registry_url"] = facts["registry_url"];
    downloads_.push_back(Download{base + "-catalog-entry.json", "application/json",
                                  entry.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"});
  }
}

void StudioApp::draw_toolbar(const StudioFonts& fonts, float width) {
  const float u = fonts.ratio;
  const PaneStyle style(u);
  begin_pane("##toolbar", 0, 0, width, 52 * u, colour::kPane, false);
  mirror_.pane(say(Say::PaneTools, lang_));
  // Each button keeps its ImGui id whatever its words say (the interface's language, Save or
  // Save as a draft): the keyboard focus stays on it when they change.
  auto tool = [&](Say s, const char* id) { return std::string(say(s, lang_)) + "###" + id; };
  ImGui::SetCursorPosY(10 * u);
  if (action(tool(Say::New, "new"))) ask_first("new");
  place("toolbar:new");
  ImGui::SameLine();
  if (action(tool(Say::Open, "open"))) ask_first("open");
  place("toolbar:open");
  ImGui::SameLine();
  const bool open = document_ != nullptr;
  const bool trial = open && document_->kind() == DocumentKind::Trial;
  const bool loads = trial && checks_.errors == 0 && checked_revision_ == document_->revision();
  if (action(tool(checks_.ready() || !open ? Say::Save : Say::SaveDraft, "save"), open)) save();
  ImGui::SameLine();
  if (action(tool(Say::ReviewerDocument, "review"), loads)) save_as("review");
  place("toolbar:review");
  ImGui::SameLine();
  if (action(tool(Say::FhirQuestionnaire, "fhir"), loads)) save_as("fhir");
  place("toolbar:fhir");
  ImGui::SameLine();
  if (action(tool(Say::CatalogEntry, "catalog"), loads)) save_as("catalog");
  place("toolbar:catalog");
  ImGui::SameLine(0, 24 * u);
  if (action(tool(Say::Undo, "undo"), open && document_->can_undo())) undo();
  ImGui::SameLine();
  if (action(tool(Say::Redo, "redo"), open && document_->can_redo())) redo();
  ImGui::SameLine(0, 24 * u);
  if (action(tool(Say::Language, "language"))) lang_ = lang_ == Lang::En ? Lang::Es : Lang::En;
  mirror_.language_of_last(lang_ == Lang::En ? "es" : "en");  // "Español" is Spanish
  draw_discard_question();
  ImGui::End();
}

// New study and Open a file: with edits not saved, the author is asked first.
void StudioApp::ask_first(const std::string& action) {
  if (!unsaved()) return go_on(action);
  pending_ = action;
  ImGui::OpenPopup("##discard");
}

void StudioApp::go_on(const std::string& action) {
  if (action == "new") open_new();
  else if (action == "open") open_requested_ = true;
}

void StudioApp::draw_discard_question() {
  if (!ImGui::BeginPopupModal("##discard", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) return;
  mirror_.pane(say(Say::UnsavedTitle, lang_), true);
  ImGui::TextUnformatted(say(Say::DiscardQuestion, lang_));
  mirror_.text(say(Say::DiscardQuestion, lang_));
  const bool keep = action(say(Say::KeepEditing, lang_));
  place("discard:keep");
  ImGui::SameLine();
  const bool discard = action(say(Say::Discard, lang_));
  place("discard:go_on");
  if (keep || discard) {
    const std::string action = std::exchange(pending_, "");
    ImGui::CloseCurrentPopup();
    if (discard) go_on(action);
  }
  ImGui::EndPopup();
}

void StudioApp::draw_welcome(const StudioFonts& fonts, float width, float height) {
  const float u = fonts.ratio;
  const PaneStyle style(u);
  begin_pane("##welcome", 0, 52 * u, width, height - 52 * u, colour::kEditor);
  mirror_.pane(say(Say::PaneStart, lang_));
  ImGui::SetCursorPos(ImVec2(48 * u, 48 * u));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(std::min(width - 48 * u, 760 * u));
  ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted(say(Say::NothingOpen, lang_));
  mirror_.text(say(Say::NothingOpen, lang_), MirrorRole::Heading);
  ImGui::PopFont();
  ImGui::TextUnformatted(say(Say::OpenHint, lang_));
  mirror_.text(say(Say::OpenHint, lang_));
  line(colour::kMuted, say(Say::PrivacyNote, lang_));
  if (!open_problem_.empty()) {
    ImGui::Spacing();
    line(colour::kError, say(Say::CannotOpen, lang_));
    ImGui::TextWrapped("%s", open_problem_.in(lang_).c_str());
    mirror_.text(open_problem_.in(lang_));
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::End();
}

void StudioApp::add_item(const std::string& list_pointer, ObjectKind kind) {
  const Json* list = document_->find(list_pointer);
  if (!list || !list->is_array()) return;
  Json item = new_object(kind, languages());
  // A fresh id: q1, q2... or c1, c2... not yet used.
  if (item.contains("id")) {
    const std::string prefix = kind == ObjectKind::Question ? "q" : kind == ObjectKind::Criterion ? "c" : "s";
    for (int n = static_cast<int>(list->size()) + 1;; ++n) {
      const std::string id = prefix + std::to_string(n);
      if (std::none_of(list->begin(), list->end(), [&](const Json& x) { return string_member(x, "id") == id; })) {
        item["id"] = id;
        break;
      }
    }
  }
  if (kind == ObjectKind::Question) item["type"] = "yes_no";
  document_->insert(list_pointer, list->size(), std::move(item));
  select(list_pointer + "/" + std::to_string(list->size() - 1));
}

}  // namespace trialmatch::studio
