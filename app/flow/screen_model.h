// What is on screen, as one typed structure: the contract between the C++ app and the page
// around it (docs/screen-model.md). The accessibility mirror (web/mirror.js) builds its DOM
// copy from it, the tests read it, and nothing else describes a screen. It is made in one
// place, screen_model(), from the flow and from what the last frame drew.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "flow.h"

namespace trialmatch::flow {

// The part a text plays on the screen. The mirror makes a heading of Title and Heading, and
// an alert (read out at once) of Problem.
enum class TextRole {
  Title,     // the screen's big words (a question, a verdict)
  Heading,   // a section's heading
  Body,      // ordinary sentences
  Note,      // quieter sentences (hints, "this is not medical advice")
  Strong,    // bold: an answer, a phone number's line
  Progress,  // "Question 3 of about 12"
  Problem,   // "Please choose at least one answer."
  Entry,     // what has been typed on a keypad so far: "Typed so far: 34 years"
};
const char* text_role_id(TextRole role);  // "title", ..., "progress", "problem", "entry"

// What a button does, for assistive technology: an Option is a toggle with a pressed state
// (the answer chosen, a tick); a Link looks like one; a Key is on a keypad.
enum class ButtonRole { Action, Option, Link, Key };
const char* button_role_id(ButtonRole role);  // "action", "option", "link", "key"

// A rectangle in CSS pixels, from the page's top left (what a page and a test see).
struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
};

struct ScreenText {
  TextRole role = TextRole::Body;
  std::string text;
  Rect rect;             // where it is drawn; empty (w = h = 0) for words only recorded, not drawn
  bool visible = false;  // wholly inside the page's visible height, and not under the pinned actions
};

struct ScreenButton {
  std::string id;     // stable: "option:yes", "continue", "key:5", "change:age"
  std::string label;  // the words on it
  ButtonRole role = ButtonRole::Action;
  bool pressed = false;  // Option only: chosen or ticked
  Rect rect;
  bool visible = false;  // wholly inside the page's visible height
};

// What one frame drew, recorded by the drawing code (app/ui/widgets.h).
struct DrawnFrame {
  unsigned view = 0;  // the flow's view_number() the frame was drawn for
  std::vector<ScreenText> texts;
  std::vector<ScreenButton> buttons;
  std::string focus;  // the button with the drawn focus ring, "" when none
  float scroll_y = 0, scroll_max = 0;  // CSS pixels
  // The part of the page the words scroll in, from its top to where the pinned actions begin
  // (the page's bottom when nothing is pinned), in CSS pixels.
  float view_top = 0, view_bottom = 0;
  // Words too wide for the line or button they are drawn in, so broken inside: a layout bug
  // at this size (a test fails on any).
  std::vector<std::string> broken_words;
};

struct ScreenModel {
  unsigned view = 0;    // changes with every new screen or question: a press names the view it was aimed at
  std::string screen;   // screen_id()
  std::string heading;  // the screen's main heading
  std::string lang;     // "en", "es"
  std::string title;    // the study's (or the catalog's) title, "" before one is loaded
  std::vector<ScreenText> texts;
  std::vector<ScreenButton> buttons;
  std::optional<PathStep> progress;  // once a study is loaded
  std::string progress_text;         // the Progress text, on a question screen
  struct QuestionShown {
    std::string id, concept, text, type;  // concept: what it asks (trial.h), "" when the file names none
    std::optional<std::string> answer;  // the answer given earlier, in words
    std::string entry;                  // digits typed so far
    std::string message;                // a problem with what was entered
  };
  std::optional<QuestionShown> question;
  std::optional<std::string> verdict;  // on the result screen: verdict_id()
  std::string study;                   // on the result screen of a catalog: the study's id
  struct StudyShown {
    std::string id, verdict;  // verdict_id(), or "closed" for a study not recruiting
    std::optional<double> miles;  // to its nearest site, with a ZIP code given and the site's known
    bool shown = true;            // within the distance limit
    bool settled = true;          // no question left that could change it (false: asked for more answers)
  };
  std::vector<StudyShown> results;  // a catalog's results screen, in the order shown
  std::string zip;                   // the ZIP code in use ("" none), on the results and Zip screens
  std::string zip_entry;             // the Zip screen: digits typed so far
  int distance_limit = 0;            // miles, 0: any distance
  std::vector<std::pair<std::string, std::string>> answers;  // question id, answer in words, in path order
  std::string file;                  // Error: the file that failed
  std::vector<std::string> errors;   // Error: what is wrong with it
  std::string focus;
  std::vector<std::string> broken_words;
  bool kiosk = false;
  int text_size = 100;
  bool still_there = false;
  float scroll_y = 0, scroll_max = 0;
  float view_top = 0, view_bottom = 0;
};

ScreenModel screen_model(const Flow& flow, const DrawnFrame& frame);

// The model as JSON (the form window.trialmatch.describe() returns). Never aborts on bad
// UTF-8: error messages quote the trial file, which may hold anything.
std::string screen_model_json(const ScreenModel& model);

}  // namespace trialmatch::flow
