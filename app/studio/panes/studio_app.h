// The studio (DESIGN.md section 11), drawn with Dear ImGui: a toolbar, the outline of the
// study, the editor of what is selected, the checks and the paths, and the live preview, which
// is the patient app itself (ui::PrescreenApp on the flow of the file being edited). Every
// change goes through the StudyDocument's edits. It knows nothing of the browser: the
// platform (app/platform/studio_main.cpp) hands it files and typed text, and carries out what
// it asks for (a file picker, a download, a text field over the canvas).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "field_guide.h"
#include "fonts.h"
#include "imgui.h"
#include "prescreen_app.h"
#include "study_checks.h"
#include "study_document.h"
#include "studio_mirror.h"
#include "studio_words.h"

namespace trialmatch::studio {

struct StudioFonts {
  ui::Fonts patient;  // the preview's, as the app builds them
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* heading = nullptr;
  float ratio = 1;  // device pixels per CSS pixel
};

// Where the page puts its own text field (a textarea over the canvas, which gives typing with
// accents and dead keys, the system clipboard, selection and word wrap as the browser does).
struct TextFieldRequest {
  bool open = false;
  unsigned long serial = 0;  // a new field (or a change made elsewhere, an undo): set `value`
  float x = 0, y = 0, width = 0, height = 0;  // CSS pixels in the canvas
  bool multiline = false;
  std::string value;
  std::string lang;  // the text's language ("" for ids and rules)
  std::string name;  // what the field is, for a screen reader: "Title, English"
  std::string key;   // the field's item in the accessibility mirror (where the focus goes back to)
};

struct Download {
  std::string name, type, text;
};

class StudioApp {
 public:
  explicit StudioApp(Lang lang) : lang_(lang), preview_lang_(lang) {}

  bool open_text(const std::string& file_name, const std::string& text);  // false: not opened (open_problem_ says why)
  // One of `count` files the author picked together (`index` from 0): a catalog with its
  // study files is opened once the last arrives; otherwise the first file, alone.
  void open_picked(const std::string& file_name, const std::string& text, int index, int count);
  void open_new();
  void draw(float width, float height, const StudioFonts& fonts, double now_seconds);

  // The page's text field: its whole value after each change, and when it closes.
  void text_typed(const std::string& value);
  void text_done();
  // Tab (or Shift+Tab) in the page's text field: the next (previous) field of the page opens.
  void text_tab(bool backwards);
  void undo();
  void redo();
  void save();

  // Where the checks run: the platform's sender posts a request (checks_wire.h) to a worker and
  // hands its answer to take_checks. Without one, or when it returns false, they run here.
  using ChecksSender = std::function<bool(const std::string& request)>;
  void set_checks_sender(ChecksSender sender);
  void take_checks(const std::string& wire);

  const TextFieldRequest& text_field() const { return field_; }
  bool take_open_request();
  std::vector<Download> take_downloads();
  bool unsaved() const { return document_ && document_->unsaved(); }
  // Checks or the preview wait for the typing to pause: draw again in a moment.
  bool waiting() const;
  bool preview_wants_frame() const { return preview_ && preview_->wants_another_frame(); }
  // For tests: the selection, the counts of findings, the paths, the preview's screen.
  std::string describe() const;

  // The accessibility mirror (studio_mirror.h): the last frame's, as JSON for the page; the
  // page's requests, by an item's key: press it, bring it into view (it has the keyboard
  // focus); Escape closes a menu or the question open. Keys not in the last frame are ignored.
  const std::string& mirror_json() const { return mirror_.json(); }
  void mirror_press(const std::string& key);
  void mirror_focus(const std::string& key);
  void escape();
  // A request of the mirror's needs another frame (an item scrolled into view, then pressed).
  bool mirror_busy() const { return mirror_.busy() || close_menus_; }

 private:
  Lang lang_;
  std::unique_ptr<StudyDocument> document_;
  BothLanguages open_problem_;
  std::vector<BothLanguages> import_notes_;
  StudyFiles study_files_;  // the study files opened with a catalog, by name
  bool only_first_opened_ = false;  // several study files were picked: the first is open
  std::vector<std::pair<std::string, std::string>> picked_;  // files picked together, as they arrive
  StudyChecks checks_;
  unsigned long checked_revision_ = static_cast<unsigned long>(-1);  // the revision checks_ are of
  ChecksSender send_checks_;
  bool checks_asked_ = false;  // a request is with the worker
  bool asked_stale_ = false;   // ...for a document since replaced
  unsigned long asked_revision_ = 0;
  double asked_at_ = 0;  // when the request went
  const char* checks_by_ = "";  // where checks_ were made: "worker" or "page" (for the tests)
  double last_edit_ = 0, now_ = 0;
  std::string selected_;   // the object the editor shows: "/trial", "/questions/2", "/"...
  std::string go_to_;      // a place to scroll the editor to, once (from the checks)
  TextFieldRequest field_;
  std::string field_pointer_;  // the value the page's text field edits (kNewKey + a map's: new_key_)
  std::string new_key_;        // an id typed to add to a map of reasons, not yet added
  // The page's text field edits new_key_, not the document, when its pointer starts so.
  static constexpr const char* kNewKey = "#new-id:";
  FieldKind field_kind_ = FieldKind::Line;
  bool field_drawn_ = false;   // this frame drew it
  std::vector<std::string> text_boxes_;  // the text fields drawn, in order (the last frame's, between frames)
  std::string open_next_;      // a text field to open when it is drawn next (Tab)
  bool open_requested_ = false;
  std::string pending_;  // what waits for the author's answer to "go on without saving?"
  std::vector<Download> downloads_;
  // The preview: the patient app on the edited file.
  std::unique_ptr<ui::PrescreenApp> preview_;
  unsigned long preview_revision_ = static_cast<unsigned long>(-1);
  Lang preview_lang_ = Lang::En;
  struct KeptPreview {  // where the author was in the preview (studio_preview.cpp)
    std::vector<std::pair<std::string, Answer>> answers;
    flow::Screen screen = flow::Screen::Welcome;
    std::string question;
  } kept_;
  float ratio_ = 1;  // device pixels per CSS pixel, this frame
  std::string path_filter_;  // the path list shows the paths ending in this verdict ("": all)
  int focused_row_ = -1;     // the row of the path list with the keyboard focus, in the last frame
  unsigned long frames_ = 0;  // drawn so far
  // Where this frame drew each text field and outline row, by place (for the browser tests).
  struct Placed {
    std::string pointer;
    ImVec2 min, max;
  };
  std::vector<Placed> placed_;
  void place(const std::string& name);  // the last item drawn, as `name`
  StudioMirror mirror_;
  bool close_menus_ = false;  // Escape: a menu or the question open closes in the next frame
  // A button (studio_style.h's), in the mirror as `name` (when "", its label's words: before any "##").
  bool action(const std::string& label, bool enabled = true, const std::string& name = "");
  // A line of words in a colour (wrapped where a wrap position is pushed), in the mirror too.
  void line(const ImVec4& colour, const std::string& words);
  // ImGui::BeginCombo, in the mirror as a menu named `name`; true while its list is open.
  bool menu(const char* label, const char* preview, ImGuiComboFlags flags, const std::string& name);
  // One of an open menu's choices (a row tall enough to hit), in the mirror; true when picked.
  bool choice(const std::string& label, bool chosen = false);

  void start(StudyDocument document, std::vector<BothLanguages> notes);
  void forget_checks();  // the checks and the preview start again (another document, or files)
  bool checks_known() const { return checked_revision_ != static_cast<unsigned long>(-1); }
  bool checks_current() const { return document_ && checked_revision_ == document_->revision(); }
  // A frame, in panes (studio_*.cpp in this folder).
  void refresh(double now);
  void draw_toolbar(const StudioFonts& fonts, float width);
  void draw_outline(const StudioFonts& fonts, float x, float y, float width, float height);
  void draw_file_state(const StudioFonts& fonts);
  void draw_editor(const StudioFonts& fonts, float x, float y, float width, float height);
  void draw_bottom(const StudioFonts& fonts, float x, float y, float width, float height);
  void draw_checks(const StudioFonts& fonts);
  void draw_paths(const StudioFonts& fonts);
  void draw_criteria_now(const StudioFonts& fonts);
  void draw_preview(const StudioFonts& fonts, float x, float y, float width, float height);
  void draw_jump();
  void draw_welcome(const StudioFonts& fonts, float width, float height);
  void ask_first(const std::string& action);  // "new" or "open"
  void go_on(const std::string& action);
  void draw_discard_question();
  // The editor's parts (studio_fields.cpp).
  // `owner` names the object for a screen reader ("Add a field: Contact").
  void draw_object(const StudioFonts& fonts, const std::string& pointer, ObjectKind kind, const std::string& owner,
                   bool with_add = true);
  void draw_field(const StudioFonts& fonts, const std::string& pointer, const FieldInfo& field,
                  const StudyDocument::Json& value, bool removable);
  void draw_texts(const StudioFonts& fonts, const std::string& pointer, const StudyDocument::Json& value,
                  const std::string& name);
  void draw_picks(const std::string& pointer, const FieldInfo& field, const StudyDocument::Json& value,
                  const std::string& label);
  void draw_list(const StudioFonts& fonts, const std::string& pointer, const FieldInfo& field,
                 const StudyDocument::Json& value, const std::string& label);
  void draw_add_field(const std::string& pointer, ObjectKind kind, const StudyDocument::Json& object, const std::string& owner);
  void draw_file_fields(const StudioFonts& fonts);  // a trial file's own: answers_not_used
  void draw_reasons(const StudioFonts& fonts, const std::string& pointer, const StudyDocument::Json& value);
  void draw_findings_at(const std::string& pointer, bool under);
  void draw_condition_helper(const std::string& pointer, const std::string& value, const std::string& label);
  // A text shown in a frame; a click opens the page's text field over it.
  // `name` says what it is, for the mirror ("Title, English").
  void text_box(const std::string& pointer, const std::string& value, FieldKind kind, bool multiline,
                const std::string& lang, float width, const std::string& name);
  void mark_condition_problem(const std::string& pointer, const std::string& value, ImVec2 text_at, float wrap);
  void close_text_field();
  // The outline's actions.
  void add_item(const std::string& list_pointer, ObjectKind kind);
  void select(const std::string& pointer);
  std::vector<std::string> languages() const;
  std::string text_in(const StudyDocument::Json& text) const;  // in the interface's language, or any
  // The preview (studio_preview.cpp).
  void rebuild_preview();
  void feed_preview_files();  // a catalog's study files, as the preview's flow asks for them
  void preview_path(std::size_t index);
  void save_as(const std::string& what);
};

}  // namespace trialmatch::studio
