// The studio's accessibility mirror, as each frame draws it: the studio's panes and, in each,
// its controls and texts in the order drawn, with their words, their state and where they are.
// Dear ImGui draws pixels, which neither the keyboard's Tab nor a screen reader can reach; the
// page (web/studio-mirror.js) keeps a DOM copy of this over the canvas: real buttons, in this
// order, that Tab moves through, that the browser draws its focus ring on and a screen reader
// reads. Focusing one brings its item into view here (focus), activating one presses it
// (press), as ImGui's own keyboard navigation presses an item. The preview's part is the
// patient app's own screen model, pressed through the app, as the app's mirror does.
//
// The panes call it right after each item they draw (control, text): ImGui's last item is the
// one recorded, with its id, its rectangle and whether it is in view.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "screen_model.h"

namespace trialmatch::studio {

enum class MirrorRole {
  Button,    // does something
  Checkbox,  // on or off
  Radio,     // one of several, chosen or not
  Tab,       // shows its page below, selected or not
  Row,       // a row of a list that opens something (on: it is what is open)
  Field,     // a text of the study: activating it opens the page's text field over it
  Menu,      // opens a list of choices below it (on: open)
  Choice,    // one of a menu's choices (on: the one chosen)
  Toggle,    // the preview's answer buttons: pressed or not, as the patient app's mirror says them
  Heading,   // words that head what follows
  Text,      // words
};

struct MirrorItem {
  std::string key;  // stable from frame to frame: the ImGui id, or "p:" and the preview app's button id
  MirrorRole role = MirrorRole::Text;
  std::string name;   // what a screen reader says it is
  std::string value;  // what it holds, said after its name: a field's text
  std::string lang;   // the language of its value (of its name, without one) when not the interface's
  bool on = false;    // checked, chosen, selected, open, pressed (by role)
  bool enabled = true;
  std::string list;   // the list it is a row of ("paths"): one stop of Tab, the arrow keys go along it
  bool anchor = false;  // where the focus goes when the preview shows a new screen (its heading)
  ImVec2 min, max;  // where it is drawn, in device pixels (its whole rectangle, even out of view)
  bool in_view = false;  // some of it is in view
};

// An item as ImGui laid it out: its id, its rectangle, the part of its window in view, and the
// window (device pixels).
struct MirrorSpot {
  ImGuiID id = 0;
  ImVec2 min, max, clip_min, clip_max;
  void* window = nullptr;  // ImGuiWindow, where it scrolls into view
  // ImGui's last item, in the current window.
  static MirrorSpot last_item();
  // The combo about to be drawn with this label (BeginCombo opens its list as a window of its
  // own, after which ImGui's last item is no longer the combo).
  static MirrorSpot next_combo(const char* label);
};

struct MirrorPane {
  std::string name;
  bool dialog = false;  // a question that must be answered first: nothing else can be used
  ImVec2 min, max;
  std::vector<MirrorItem> items;
};

class StudioMirror {
 public:
  // Once a frame, before anything is drawn: forgets the last frame's panes. `ratio`: device
  // pixels per CSS pixel; `lang`: the interface's language ("en", "es").
  void begin_frame(float ratio, const std::string& lang);
  // What is drawn next belongs to this pane: the current window (a dialog: a modal popup), or
  // the rectangle given (device pixels). What lies outside a pane's rectangle is not seen.
  void pane(const std::string& name, bool dialog = false);
  void pane(const std::string& name, ImVec2 min, ImVec2 max);
  // The item ImGui drew last, as a control with this name; or the item at `spot`. The item
  // recorded, to add to (its value, its list), or null.
  MirrorItem* control(MirrorRole role, const std::string& name, bool on = false, bool enabled = true);
  MirrorItem* control(const MirrorSpot& spot, MirrorRole role, const std::string& name, bool on = false, bool enabled = true);
  // The item ImGui drew last, as words (Heading or Text).
  void text(const std::string& words, MirrorRole role = MirrorRole::Text, const std::string& lang = "");
  // The last item recorded is in this language (a button that names a language in its own).
  void language_of_last(const std::string& lang) {
    if (!panes_.empty() && !panes_.back().items.empty()) panes_.back().items.back().lang = lang;
  }
  // What a screen reader says when it changes, without moving the focus (the checks' counts
  // after an edit). It stays until another is given.
  void status(const std::string& words) { status_ = words; }
  // The preview's screen, drawn by the patient app: its texts and buttons join the current pane.
  void preview(const flow::ScreenModel& model);

  // The page's requests, by an item's key, for the next frame: press it (as a click would), or
  // bring it into view (it has the keyboard focus). Keys not in the last frame are ignored:
  // what the author could not see then (behind a dialog, gone) is not pressed.
  void press(const std::string& key);
  void focus(const std::string& key);  // "": the keyboard focus left the mirror
  // The item recorded last has the keyboard focus (the page's last focus()).
  bool has_focus() const;
  // A press of the preview's, taken by the studio for the app: the button's id and the app's
  // view it was aimed at; false when there is none.
  bool take_preview_press(std::string& id, unsigned& view);
  // The preview's button that has the keyboard focus now ("": none of the preview's), once
  // after it changes; false when it has not.
  bool take_preview_focus(std::string& id);
  // A menu is open and `key` is neither it nor one of its choices: pressing or focusing it
  // closes the menu (as a click outside it would), so that nothing under its list is used.
  bool outside_open_menu(const std::string& key) const;
  // Whether another frame is needed to finish a request (a scroll, a press of an item out of view).
  bool busy() const { return press_ != 0 || focus_ != 0 || scrolled_; }

  // Once the frame is drawn: what the page is given, json(), is this frame's.
  void end_frame();
  // The last frame's mirror, as JSON for the page: {"lang", "status", "preview": {"view",
  // "heading", "progress", "entry", "problem"}, "panes": [{"name", "dialog", "x", "y", "w",
  // "h", "items": [{"key", "role", "name", "value", "lang", "on", "enabled", "list", "anchor", "x", "y",
  // "w", "h"}]}]}
  // in CSS pixels. With a dialog open, only the dialog.
  const std::string& json() const { return json_; }

 private:
  std::vector<MirrorPane> panes_;
  std::vector<std::string> offered_;  // the keys the page was last given (json's)
  std::string json_;
  float ratio_ = 1;
  std::string lang_;
  std::string status_;
  ImGuiID press_ = 0, focus_ = 0;  // asked for, not yet done
  std::string focused_;             // the key with the keyboard focus
  int press_tries_ = 0;
  std::string preview_press_, preview_focus_;
  bool preview_focus_changed_ = false;
  std::vector<std::string> open_menu_;  // the open menu's key and its choices', in the last frame
  struct PreviewSaid {  // what the preview showed in the last frame, for the page to announce
    unsigned view = 0;
    std::string heading, progress, entry, problem;
  } preview_said_;
  unsigned preview_view_ = 0;  // the view of the preview's screen in the last frame
  bool press_seen_ = false, focus_seen_ = false;  // this frame drew the item asked for
  bool scrolled_ = false;  // this frame asked a pane to scroll: the next frame shows where things went
  MirrorItem& add(const MirrorSpot& spot, MirrorRole role, const std::string& name);
  bool offered(const std::string& key) const;
};

}  // namespace trialmatch::studio
