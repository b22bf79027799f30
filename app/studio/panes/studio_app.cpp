// The studio's frame and its toolbar and outline (studio_app.h).
#include "studio_app.h"

#include <algorithm>
#include <cmath>

#include "checks_wire.h"
#include "imgui_internal.h"
#include "open_study.h"
#include "studio_style.h"

namespace trialmatch::studio {

namespace {

using Json = StudyDocument::Json;

// Typing pauses this long before the checks and the preview follow it.
constexpr double kSettleSeconds = 0.35;
// A worker that has not answered in this long is taken to be gone: the page checks from then on.
constexpr double kWorkerPatienceSeconds = 15;

}  // namespace

bool StudioApp::open_text(const std::string& file_name, const std::string& text) {
  close_text_field();
  OpenedStudy opened = open_study_text(file_name, text);
  if (!opened.document) {
    open_problem_ = opened.problem;  // shown over the study still open, if one is
    return false;
  }
  start(std::move(*opened.document), std::move(opened.notes));
  return true;
}

void StudioApp::open_new() { start(new_study(), {}); }

// A document to edit, from nothing of the one before: no text field, problem, study files,
// preview or checks.
void StudioApp::start(StudyDocument document, std::vector<BothLanguages> notes) {
  close_text_field();
  open_problem_ = {};
  new_key_.clear();
  open_next_.clear();
  import_notes_ = std::move(notes);
  study_files_.clear();
  only_first_opened_ = false;
  document_ = std::make_unique<StudyDocument>(std::move(document));
  selected_ = document_->kind() == DocumentKind::Catalog ? "" : "/trial";
  preview_.reset();
  kept_ = KeptPreview{};
  forget_checks();
  last_edit_ = 0;
}

void StudioApp::forget_checks() {
  checks_ = StudyChecks{};
  checked_revision_ = preview_revision_ = static_cast<unsigned long>(-1);
  asked_stale_ = checks_asked_;
}

void StudioApp::set_checks_sender(ChecksSender sender) {
  send_checks_ = std::move(sender);
  if (!send_checks_) checks_asked_ = false;  // no answer will come
}

void StudioApp::take_checks(const std::string& wire) {
  const bool current = checks_asked_ && !asked_stale_ && document_;
  checks_asked_ = false;
  if (!current) return;
  checks_ = checks_from_wire(wire);
  checked_revision_ = asked_revision_;
  checks_by_ = "worker";
}

void StudioApp::open_picked(const std::string& file_name, const std::string& text, int index, int count) {
  if (index == 0) picked_.clear();
  picked_.emplace_back(file_name, text);
  if (index + 1 < count) return;
  std::vector<std::pair<std::string, std::string>> files = std::exchange(picked_, {});
  if (files.empty()) return;
  // The catalog among them, if there is one; the others are its studies' files.
  std::size_t main = 0;
  for (std::size_t i = 0; i < files.size(); ++i)
    if (is_catalog_text(files[i].second)) main = i;
  if (!open_text(files[main].first, files[main].second) || files.size() == 1) return;
  if (document_->kind() != DocumentKind::Catalog) {
    only_first_opened_ = true;  // the studio edits one study at a time
    return;
  }
  for (std::size_t i = 0; i < files.size(); ++i)
    if (i != main) study_files_[files[i].first] = files[i].second;
  forget_checks();
}

bool StudioApp::take_open_request() { return std::exchange(open_requested_, false); }

std::vector<Download> StudioApp::take_downloads() { return std::exchange(downloads_, {}); }

bool StudioApp::waiting() const {
  return document_ && (checked_revision_ != document_->revision() || preview_revision_ != document_->revision());
}

std::vector<std::string> StudioApp::languages() const {
  std::vector<std::string> out;
  if (const Json* l = document_ ? document_->find("/languages") : nullptr; l && l->is_array())
    for (const Json& code : *l)
      if (code.is_string()) out.push_back(code.get<std::string>());
  if (out.empty()) out = {"en"};
  return out;
}

std::string StudioApp::text_in(const Json& text) const {
  if (text.is_string()) return text.get<std::string>();
  if (!text.is_object() || text.empty()) return "";
  const char* code = lang_code(lang_);
  if (text.contains(code) && text[code].is_string() && !text[code].get<std::string>().empty()) return text[code].get<std::string>();
  for (const auto& item : text.items())
    if (item.value().is_string() && !item.value().get<std::string>().empty()) return item.value().get<std::string>();
  return "";
}

// The checks and the preview follow the document once the typing pauses. The checks go to the
// worker one request at a time: an edit made while one runs is checked when its answer is in.
void StudioApp::refresh(double now) {
  now_ = now;
  if (!document_) return;
  const unsigned long revision = document_->revision();
  const bool settled = now - last_edit_ >= kSettleSeconds;
  if (checks_asked_ && now - asked_at_ > kWorkerPatienceSeconds) set_checks_sender(nullptr);
  if (checked_revision_ != revision && !checks_asked_ && (settled || !checks_known())) {
    if (send_checks_ && send_checks_(checks_request(*document_, study_files_))) {
      checks_asked_ = true;
      asked_stale_ = false;
      asked_revision_ = revision;
      asked_at_ = now;
    } else {
      checks_ = check_study(*document_, study_files_);
      checked_revision_ = revision;
      checks_by_ = "page";
    }
  }
  if (preview_revision_ != revision && (settled || !preview_)) rebuild_preview();
}

void StudioApp::draw(float width, float height, const StudioFonts& fonts, double now_seconds) {
  refresh(now_seconds);
  field_drawn_ = false;
  text_boxes_.clear();
  placed_.clear();
  ++frames_;
  ratio_ = fonts.ratio;
  mirror_.begin_frame(fonts.ratio, lang_code(lang_));
  if (std::exchange(close_menus_, false) && !ImGui::GetCurrentContext()->OpenPopupStack.empty()) {
    ImGui::ClosePopupToLevel(0, true);
    pending_.clear();  // "go on without saving?" answered: keep editing
  }
  const float u = fonts.ratio;
  const float toolbar = 52 * u;
  draw_toolbar(fonts, width);
  if (!document_) {
    draw_welcome(fonts, width, height);
  } else {
    const float outline = 250 * u;
    const float preview = std::min(440 * u, width * 0.36f);
    const float centre = std::max(200 * u, width - outline - preview);
    const float bottom = std::max(160 * u, (height - toolbar) * 0.34f);
    draw_outline(fonts, 0, toolbar, outline, height - toolbar);
    draw_editor(fonts, outline, toolbar, centre, height - toolbar - bottom);
    draw_bottom(fonts, outline, height - bottom, centre, bottom);
    draw_preview(fonts, outline + centre, toolbar, width - outline - centre, height - toolbar);
  }
  // The field being edited scrolled away, or its object is no longer shown: it closes.
  if (field_.open && !field_drawn_) close_text_field();
  mirror_.end_frame();
}

bool StudioApp::action(const std::string& label, bool enabled, const std::string& name) {
  const bool pressed = button(label.c_str(), enabled);
  mirror_.control(MirrorRole::Button, name.empty() ? label.substr(0, label.find("##")) : name, false, enabled);
  return pressed;
}

void StudioApp::line(const ImVec4& colour, const std::string& words) {
  ImGui::TextColored(colour, "%s", words.c_str());
  mirror_.text(words);
}

bool StudioApp::menu(const char* label, const char* preview, ImGuiComboFlags flags, const std::string& name) {
  const MirrorSpot spot = MirrorSpot::next_combo(label);
  const bool open = ImGui::BeginCombo(label, preview, flags);
  mirror_.control(spot, MirrorRole::Menu, name, open);
  return open;
}

bool StudioApp::choice(const std::string& label, bool chosen) {
  const bool picked = ImGui::Selectable(label.c_str(), chosen, 0, ImVec2(0, row_height(ratio_)));
  mirror_.control(MirrorRole::Choice, label.substr(0, label.find("##")), chosen);
  return picked;
}

void StudioApp::escape() { close_menus_ = true; }

// A press or the focus outside an open menu closes it first, as a click outside it does: what
// its list covers is then in view to be used.
void StudioApp::mirror_press(const std::string& key) {
  if (mirror_.outside_open_menu(key)) close_menus_ = true;
  mirror_.press(key);
}

void StudioApp::mirror_focus(const std::string& key) {
  if (mirror_.outside_open_menu(key)) close_menus_ = true;
  mirror_.focus(key);
}

void StudioApp::place(const std::string& name) {
  if (!ImGui::IsItemVisible()) return;
  // The part in view: a long line runs on past its pane's edge.
  const ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
  placed_.push_back(Placed{name, ImVec2(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y)),
                           ImVec2(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y))});
}

void StudioApp::select(const std::string& pointer) {
  if (pointer != selected_) close_text_field();
  if (pointer != selected_) open_next_.clear();
  selected_ = pointer;
}

void StudioApp::close_text_field() {
  if (!field_.open) return;
  field_.open = false;
  ++field_.serial;
  field_pointer_.clear();
  last_edit_ = 0;  // the typing is over: the checks and the preview follow now
  if (document_) document_->end_typing();
}

void StudioApp::text_typed(const std::string& value) {
  if (!field_.open || !document_) return;
  field_.value = value;
  if (field_pointer_.rfind(kNewKey, 0) == 0) {  // an id to add: not an edit (yet)
    new_key_ = value;
    return;
  }
  Json typed = value;
  if (field_kind_ == FieldKind::Number) {
    // A number as typed (digits, a sign, a point, an exponent: not "nan", "inf" or "0x10");
    // anything else stays text, which the checks then point at.
    char* end = nullptr;
    const bool plain = !value.empty() && value.find_first_not_of("0123456789+-.eE") == std::string::npos;
    const double number = plain ? std::strtod(value.c_str(), &end) : 0;
    if (plain && end && *end == '\0' && std::isfinite(number)) {
      if (value.find_first_of(".eE") == std::string::npos && std::fabs(number) < 1e15)
        typed = static_cast<long long>(number);
      else
        typed = number;
    }
  } else if (field_kind_ == FieldKind::Words) {
    typed = Json::array();
    std::string word;
    for (std::size_t i = 0; i <= value.size(); ++i) {
      if (i == value.size() || value[i] == ',') {
        const auto first = word.find_first_not_of(' '), last = word.find_last_not_of(' ');
        if (first != std::string::npos) typed.push_back(word.substr(first, last - first + 1));
        word.clear();
      } else {
        word += value[i];
      }
    }
  }
  document_->set(field_pointer_, typed, field_pointer_);
  last_edit_ = now_;  // only typing waits for a pause: other edits are checked at once
}

void StudioApp::text_done() { close_text_field(); }

void StudioApp::text_tab(bool backwards) {
  // From the field open, or the one a Tab before this one is about to open.
  const std::string from = open_next_.empty() ? field_pointer_ : std::exchange(open_next_, {});
  const auto at = std::find(text_boxes_.begin(), text_boxes_.end(), from);
  close_text_field();
  if (at == text_boxes_.end()) return;
  if (backwards ? at != text_boxes_.begin() : at + 1 != text_boxes_.end()) open_next_ = backwards ? *(at - 1) : *(at + 1);
}

void StudioApp::undo() {
  if (!document_ || !document_->can_undo()) return;
  close_text_field();
  open_next_.clear();
  go_to_ = document_->undo();
  select(editor_page_of(go_to_, document_->kind()));  // where the step was, to see it undone
}

void StudioApp::redo() {
  if (!document_ || !document_->can_redo()) return;
  close_text_field();
  open_next_.clear();
  go_to_ = document_->redo();
  select(editor_page_of(go_to_, document_->kind()));
}

}  // namespace trialmatch::studio

namespace trialmatch::studio {

std::string StudioApp::describe() const {
  Json out = Json::object();
  out["frames"] = frames_;
  // The checks and the preview have caught up with the document (they wait for typing to
  // pause, and the findings they add under fields move what is below).
  out["settled"] = !waiting();
  out["open"] = document_ != nullptr;
  out["problem"] = open_problem_.en;
  if (document_) {
    out["file"] = document_->file_name();
    out["kind"] = document_->kind() == DocumentKind::Catalog ? "catalog" : "trial";
    out["selected"] = selected_;
    out["unsaved"] = document_->unsaved();
    out["can_undo"] = document_->can_undo();
    out["can_redo"] = document_->can_redo();
    out["checked"] = checked_revision_ == document_->revision();
    out["checks_by"] = checks_by_;
    out["errors"] = checks_.errors;
    out["to_dos"] = checks_.to_dos;
    out["warnings"] = checks_.warnings;
    out["ready"] = checks_.ready();
    out["paths"] = checks_.paths_known ? Json(checks_.paths) : Json(nullptr);
    out["paths_by_verdict"] = checks_.paths_by_verdict;
    Json findings = Json::array();
    for (const Finding& f : checks_.findings)
      findings.push_back({{"kind", f.kind == Finding::Kind::Error ? "error" : f.kind == Finding::Kind::ToDo ? "to_do" : "warning"},
                          {"pointer", f.pointer},
                          {"message", f.message.en},
                          {"shown", f.message.in(lang_)}});  // in the interface's language, as the list draws it
    out["findings"] = std::move(findings);
    Json notes = Json::array();
    for (const BothLanguages& note : import_notes_) notes.push_back(note.in(lang_));
    out["notes"] = std::move(notes);  // a drafted record's, as the study facts' page shows them
  }
  out["field"] = {{"open", field_.open}, {"pointer", field_pointer_}, {"x", field_.x}, {"y", field_.y},
                  {"width", field_.width}, {"height", field_.height}};
  Json placed = Json::array();
  for (const Placed& p : placed_)
    placed.push_back({{"pointer", p.pointer}, {"x", (p.min.x + p.max.x) / 2 / ratio_}, {"y", (p.min.y + p.max.y) / 2 / ratio_}});
  out["placed"] = std::move(placed);
  out["preview"] = preview_ ? Json::parse(preview_->describe(), nullptr, false) : Json(nullptr);
  // "Criteria for these answers": each criterion's outcome for the preview's answers.
  Json now = Json::object();
  if (preview_ && preview_->flow().has_trial())
    for (const CriterionResult& r : preview_->flow().session().evaluation().criteria)
      now[preview_->flow().trial().criteria[static_cast<std::size_t>(r.criterion_index)].id] = outcome_id(r.outcome);
  out["criteria_now"] = std::move(now);
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace trialmatch::studio
