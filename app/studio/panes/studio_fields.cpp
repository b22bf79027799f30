// The editor: the selected part of the study (its facts, a question, a criterion, a
// catalog's study), every field of it as the field guide lays it out, with the findings at
// each field under it.
#include <algorithm>
#include <string>

#include "studio_app.h"
#include "studio_style.h"

namespace trialmatch::studio {

namespace {

using Json = StudyDocument::Json;

ObjectKind page_kind(const std::string& pointer, DocumentKind document) {
  if (document == DocumentKind::Catalog) return pointer.empty() ? ObjectKind::Catalog : ObjectKind::CatalogStudy;
  if (pointer == "/trial") return ObjectKind::Trial;
  if (pointer.rfind("/questions/", 0) == 0) return ObjectKind::Question;
  if (pointer.rfind("/criteria/", 0) == 0) return ObjectKind::Criterion;
  return ObjectKind::Unknown;
}

// A field the guide does not know, by its JSON type.
FieldInfo guessed_field(const std::string& key, const Json& value, const std::vector<std::string>& langs) {
  FieldKind kind = FieldKind::Line;
  if (value.is_number()) kind = FieldKind::Number;
  else if (value.is_boolean()) kind = FieldKind::Flag;
  else if (value.is_array()) kind = FieldKind::Words;
  else if (value.is_object()) {
    bool text = !value.empty();
    for (const auto& item : value.items())
      if (std::find(langs.begin(), langs.end(), item.key()) == langs.end() || !item.value().is_string()) text = false;
    kind = text ? FieldKind::Text : FieldKind::Group;
  }
  static std::string label;
  label = key;
  return FieldInfo{label.c_str(), kind, label.c_str(), label.c_str()};
}

}  // namespace

void StudioApp::draw_editor(const StudioFonts& fonts, float x, float y, float width, float height) {
  const float u = fonts.ratio;
  const PaneStyle style(u);
  begin_pane("##editor", x, y, width, height, colour::kEditor);
  mirror_.pane(say(Say::PaneEditor, lang_));
  const ObjectKind kind = page_kind(selected_, document_->kind());
  const Json* object = document_->find(selected_);
  if (!object && !selected_.empty() && selected_ != "/trial") {
    // What was selected is gone (removed, or an undone "Add"): the study's own page.
    select(document_->kind() == DocumentKind::Catalog ? "" : "/trial");
    ImGui::End();
    return;
  }
  if (!object || kind == ObjectKind::Unknown) {
    line(colour::kMuted, say(Say::EditHint, lang_));
    ImGui::End();
    return;
  }
  const std::size_t slash = selected_.rfind('/');
  const bool in_list = kind == ObjectKind::Question || kind == ObjectKind::Criterion || kind == ObjectKind::CatalogStudy;
  ImGui::PushFont(fonts.heading);
  const std::string title = in_list ? std::to_string(std::stoul(selected_.substr(slash + 1)) + 1) + ". " + string_member(*object, "id")
                                    : std::string(say(kind == ObjectKind::Catalog ? Say::Catalog : Say::StudyFacts, lang_));
  ImGui::TextUnformatted(title.c_str());
  mirror_.text(title, MirrorRole::Heading);
  ImGui::PopFont();
  if (in_list) {
    const std::string list = selected_.substr(0, slash);
    const std::size_t index = std::stoul(selected_.substr(slash + 1));
    const std::size_t size = document_->find(list)->size();
    ImGui::SameLine(0, 24 * u);
    // For a screen reader, each button says what it moves or removes.
    auto of_this = [&](Say s) { return std::string(say(s, lang_)) + ": " + title; };
    if (action(say(Say::MoveUp, lang_), index > 0, of_this(Say::MoveUp)) && document_->move(list, index, index - 1))
      select(list + "/" + std::to_string(index - 1));
    ImGui::SameLine();
    if (action(say(Say::MoveDown, lang_), index + 1 < size, of_this(Say::MoveDown)) && document_->move(list, index, index + 1))
      select(list + "/" + std::to_string(index + 1));
    ImGui::SameLine();
    const bool remove = action(say(Say::Remove, lang_), true, of_this(Say::Remove));
    place("editor:remove");
    if (remove) {
      close_text_field();
      document_->remove(selected_);
      select(size > 1 ? list + "/" + std::to_string(index > 0 ? index - 1 : 0) : "/trial");
      ImGui::End();
      return;
    }
    if (kind == ObjectKind::Criterion && flag_member(*object, "draft")) {
      ImGui::SameLine();
      if (action(say(Say::MarkFinished, lang_), true, of_this(Say::MarkFinished))) document_->remove(selected_ + "/draft");
      place("editor:finish");
    }
  }
  draw_findings_at(selected_, false);
  if (kind == ObjectKind::Trial && !import_notes_.empty()) {
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(say(Say::NotesFromImport, lang_));
    mirror_.text(say(Say::NotesFromImport, lang_), MirrorRole::Heading);
    ImGui::PopFont();
    for (const BothLanguages& note : import_notes_) {
      ImGui::TextWrapped("- %s", note.in(lang_).c_str());
      mirror_.text(note.in(lang_));
    }
  }
  ImGui::Separator();
  if (kind == ObjectKind::Trial)
    if (const Json* langs = document_->find("/languages"))
      draw_field(fonts, "/languages", *field_info(ObjectKind::TrialFile, "languages"), *langs, false);
  draw_object(fonts, selected_, kind, title, kind != ObjectKind::Trial);
  if (kind == ObjectKind::Trial) draw_file_fields(fonts);
  ImGui::Dummy(ImVec2(1, 40 * u));
  ImGui::End();
}

void StudioApp::draw_object(const StudioFonts& fonts, const std::string& pointer, ObjectKind kind, const std::string& owner,
                            bool with_add) {
  const Json* found = document_->find(pointer);
  if (!found || !found->is_object()) return;
  // A copy: a field's edit changes the document while its fields are drawn.
  const Json object = *found;
  for (const FieldInfo& f : fields_of(kind))
    if (object.contains(f.key)) draw_field(fonts, pointer + "/" + pointer_escape(f.key), f, object[f.key], !f.required);
  for (const auto& item : object.items())
    if (!field_info(kind, item.key()))
      draw_field(fonts, pointer + "/" + pointer_escape(item.key()), guessed_field(item.key(), item.value(), languages()),
                 item.value(), true);
  if (with_add) draw_add_field(pointer, kind, object, owner);
}

void StudioApp::draw_field(const StudioFonts& fonts, const std::string& pointer, const FieldInfo& field, const Json& value,
                           bool removable) {
  ImGui::PushID(pointer.c_str());
  const float u = ratio_;
  const std::string label = lang_ == Lang::Es ? field.label_es : field.label_en;
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(label.c_str());
  // The label names the field's control; a field of several controls is headed by it.
  if (field.kind == FieldKind::List || field.kind == FieldKind::Group || field.kind == FieldKind::Reasons ||
      field.kind == FieldKind::Picks)
    mirror_.text(label, MirrorRole::Heading);
  ImGui::PopFont();
  if (removable) {
    ImGui::SameLine();
    const bool remove = ImGui::Button("x", ImVec2(kMinTarget * u, 0));
    place("remove:" + pointer);
    mirror_.control(MirrorRole::Button, std::string(say(Say::RemoveField, lang_)) + ": " + label);
    if (remove) {
      close_text_field();
      document_->remove(pointer);
      ImGui::PopID();
      return;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", say(Say::RemoveField, lang_));
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string text = value.is_string() ? value.get<std::string>() : value.is_number() ? value.dump() : "";
  switch (field.kind) {
    case FieldKind::Text: draw_texts(fonts, pointer, value, label); break;
    case FieldKind::Line:
    case FieldKind::Number: text_box(pointer, text, field.kind, false, "", width, label); break;
    case FieldKind::Condition:
      text_box(pointer, text, field.kind, true, "", width, label);
      draw_condition_helper(pointer, text, label);
      break;
    case FieldKind::Flag: {
      bool on = value.is_boolean() && value.get<bool>();
      if (ImGui::Checkbox("##flag", &on)) document_->set(pointer, on);
      place("flag:" + pointer);
      mirror_.control(MirrorRole::Checkbox, label, on);
      break;
    }
    case FieldKind::Choice: {
      ImGui::SetNextItemWidth(260 * u);
      const bool open = menu("##choice", text.c_str(), 0, label + ": " + text);
      place("choice:" + pointer);
      if (open) {
        for (const char* choice : field.choices) {
          if (this->choice(choice, text == choice)) document_->set(pointer, choice);
          place("choice:" + pointer + ":" + choice);
        }
        ImGui::EndCombo();
      }
      break;
    }
    case FieldKind::Picks: draw_picks(pointer, field, value, label); break;
    case FieldKind::Words: {
      std::string words;
      if (value.is_array())
        for (const Json& w : value) words += (words.empty() ? "" : ", ") + (w.is_string() ? w.get<std::string>() : w.dump());
      text_box(pointer, words, field.kind, true, "", width, label);
      break;
    }
    case FieldKind::List: draw_list(fonts, pointer, field, value, label); break;
    case FieldKind::Group:
      ImGui::Indent();
      draw_object(fonts, pointer, field.item, label);
      ImGui::Unindent();
      break;
    case FieldKind::Reasons: draw_reasons(fonts, pointer, value); break;
  }
  draw_findings_at(pointer, field.kind != FieldKind::List && field.kind != FieldKind::Group && field.kind != FieldKind::Reasons);
  ImGui::Spacing();
  ImGui::PopID();
}

// Some of a field's choices, each a box to tick (a question's unknown answers).
void StudioApp::draw_picks(const std::string& pointer, const FieldInfo& field, const Json& value, const std::string& label) {
  auto picked = [&](const char* c) { return value.is_array() && std::find(value.begin(), value.end(), Json(c)) != value.end(); };
  for (const char* choice : field.choices) {
    bool on = picked(choice);
    if (ImGui::Checkbox(choice, &on)) {
      Json picks = Json::array();
      for (const char* c : field.choices)
        if (c == choice ? on : picked(c)) picks.push_back(c);
      document_->set(pointer, picks);
    }
    place("pick:" + pointer + ":" + choice);
    mirror_.control(MirrorRole::Checkbox, label + ": " + choice, on);
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

void StudioApp::draw_list(const StudioFonts& fonts, const std::string& pointer, const FieldInfo& field, const Json& value,
                          const std::string& label) {
  if (!value.is_array()) return;
  const std::size_t size = value.size();
  for (std::size_t i = 0; i < size; ++i) {
    const std::string item = pointer + "/" + std::to_string(i);
    ImGui::PushID(static_cast<int>(i));
    ImGui::TextColored(colour::kMuted, "%zu.", i + 1);
    ImGui::SameLine();
    // For a screen reader, each button says which item it moves or removes: "Up: Options 2".
    auto of_item = [&](Say s) { return std::string(say(s, lang_)) + ": " + label + " " + std::to_string(i + 1); };
    if (ImGui::Button(say(Say::MoveUp, lang_)) && i > 0) document_->move(pointer, i, i - 1);
    mirror_.control(MirrorRole::Button, of_item(Say::MoveUp), false, i > 0);
    ImGui::SameLine();
    if (ImGui::Button(say(Say::MoveDown, lang_)) && i + 1 < size) document_->move(pointer, i, i + 1);
    mirror_.control(MirrorRole::Button, of_item(Say::MoveDown), false, i + 1 < size);
    ImGui::SameLine();
    const bool removed = ImGui::Button(say(Say::Remove, lang_));
    mirror_.control(MirrorRole::Button, of_item(Say::Remove));
    ImGui::Indent();
    if (!removed) draw_object(fonts, item, field.item, label + " " + std::to_string(i + 1));
    ImGui::Unindent();
    ImGui::PopID();
    if (removed) {
      close_text_field();
      document_->remove(item);
      return;
    }
  }
  if (action(say(Say::AddItem, lang_), true, std::string(say(Say::AddItem, lang_)) + ": " + label)) {
    document_->insert(pointer, size, new_object(field.item, languages()));
  }
}

// The trial file's own fields beyond its languages, study facts, questions and criteria (on
// the study facts' page): the shared answers the study does not use; then "Add a field" for
// the study facts and the file.
void StudioApp::draw_file_fields(const StudioFonts& fonts) {
  const Json& root = document_->root();
  ImGui::Separator();
  for (const FieldInfo& f : fields_of(ObjectKind::TrialFile))
    if (f.kind == FieldKind::Reasons && root.contains(f.key)) draw_field(fonts, "/" + pointer_escape(f.key), f, root[f.key], true);
  const Json* facts = document_->find("/trial");
  if (facts && facts->is_object()) draw_add_field("/trial", ObjectKind::Trial, *facts, say(Say::StudyFacts, lang_));
}

// Question ids, each with its reason (a line), removable; below, an id to add, typed.
void StudioApp::draw_reasons(const StudioFonts& fonts, const std::string& pointer, const Json& shown) {
  ImGui::Indent();
  // A copy: a reason's "x" removes it from the document while the others are drawn.
  const Json value = shown;
  if (value.is_object())
    for (const auto& item : value.items()) {
      const std::string id = item.key();
      draw_field(fonts, pointer + "/" + pointer_escape(id), FieldInfo{id.c_str(), FieldKind::Line, id.c_str(), id.c_str()},
                 item.value(), true);
    }
  ImGui::TextColored(colour::kMuted, "%s", say(Say::AnotherId, lang_));
  const float add = ImGui::CalcTextSize(say(Say::AddId, lang_)).x + 2 * ImGui::GetStyle().FramePadding.x;
  text_box(kNewKey + pointer, new_key_, FieldKind::Line, false, "",
           std::min(320 * ratio_, ImGui::GetContentRegionAvail().x - add - ImGui::GetStyle().ItemSpacing.x),
           say(Say::AnotherId, lang_));
  ImGui::SameLine();
  const bool fresh = !new_key_.empty() && !(value.is_object() && value.contains(new_key_));
  if (action(say(Say::AddId, lang_), fresh)) {
    close_text_field();
    const std::string at = pointer + "/" + pointer_escape(new_key_);
    if (value.is_object()) document_->set(at, "");
    else document_->set(pointer, Json::object({{new_key_, ""}}));
    go_to_ = at;  // the new reason, to be written
    new_key_.clear();
  }
  place("add-id:" + pointer);
  ImGui::Unindent();
}

void StudioApp::draw_add_field(const std::string& pointer, ObjectKind kind, const Json& object, const std::string& owner) {
  std::vector<std::pair<std::string, const FieldInfo*>> missing;  // where each goes, and what
  for (const FieldInfo& f : fields_of(kind))
    if (!object.contains(f.key)) missing.emplace_back(pointer + "/" + pointer_escape(f.key), &f);
  // The study facts' page shows the file's own optional fields too (after them: one list).
  if (kind == ObjectKind::Trial)
    for (const FieldInfo& f : fields_of(ObjectKind::TrialFile))
      if (!f.required && !document_->root().contains(f.key)) missing.emplace_back("/" + pointer_escape(f.key), &f);
  if (missing.empty()) return;
  ImGui::PushID((pointer + "#add").c_str());
  ImGui::SetNextItemWidth(ImGui::CalcTextSize(say(Say::AddField, lang_)).x + 48 * ratio_);
  // Named after what it adds to: a page can have several.
  const bool open = menu("##add", say(Say::AddField, lang_), ImGuiComboFlags_HeightLargest,
                         std::string(say(Say::AddField, lang_)) + ": " + owner);
  place("add:" + pointer);
  if (open) {
    for (const auto& [at, f] : missing) {
      if (choice(lang_ == Lang::Es ? f->label_es : f->label_en)) document_->set(at, empty_value(*f, languages()));
      place("add:" + pointer + ":" + f->key);
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
}

}  // namespace trialmatch::studio
