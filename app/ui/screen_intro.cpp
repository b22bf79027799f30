// The top bar, and the screens before the questions: loading, error, welcome.
#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "prescreen_app.h"
#include "theme.h"

namespace trialmatch::ui {

// The top bar: "Need help now?" on the left; the language switch and the text size on the
// right. Whatever does not fit beside the rest moves down a row (large text, small phones).
void PrescreenApp::draw_top_bar(Widgets& w) const {
  const float top = ImGui::GetCursorPosY();
  const float column_left = w.column_left();
  float left_edge = column_left;  // where the row's free space starts
  // "Need help now?" is always one tap away in mental-health studies.
  if (flow_.mental_health() && flow_.screen() != Screen::Support) {
    ImGui::SetCursorPosX(column_left - ImGui::GetStyle().FramePadding.x);
    w.link("help", say(Phrase::NeedHelpNow), Intent::of(Intent::Kind::OpenSupport));
    left_edge = ImGui::GetItemRectMax().x;
  }
  // The switch goes to the next of the trial's languages, and is named in that language.
  const bool can_switch = flow_.languages().size() > 1;
  const char* lang_label = phrase(Phrase::LanguageName, flow_.next_language());
  const std::string size_label = fill(say(Phrase::TextSize), {{"n", std::to_string(flow_.text_size_percent())}});
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float lang_width = can_switch ? w.label_width(lang_label) : 0.f;
  const float size_width = w.label_width(size_label);
  const float right = column_left + w.column_width();
  const float row_height = 48 * w.scale() + ImGui::GetStyle().ItemSpacing.y;
  float row = top;
  float right_edge = right;
  auto place = [&](float width) {
    if (right_edge - width < left_edge + gap) {  // no room: start a new row
      row += row_height;
      right_edge = right;
      left_edge = column_left;
    }
    ImGui::SetCursorPos(ImVec2(right_edge - width, row));
    right_edge -= width + gap;
  };
  if (can_switch) {
    place(lang_width);
    w.small("lang", lang_label, Intent::of(Intent::Kind::SwitchLanguage));
  }
  place(size_width);
  w.small("text_size", size_label, Intent::of(Intent::Kind::CycleTextSize));
  w.gap(8);
}

void PrescreenApp::draw_loading(Widgets& w) const { w.title(flow_.heading()); }

void PrescreenApp::draw_error(Widgets& w) const {
  w.say(TextRole::Title, flow_.heading(), default_palette().error, w.fonts().title);
  w.text(say(flow_.opening_catalog() ? Phrase::ErrorBodyCatalog : Phrase::ErrorBody));
  if (!flow_.file_name().empty()) w.bold(std::string(say(Phrase::ErrorFileLabel)) + ": " + flow_.file_name());
  w.bold(say(Phrase::ErrorProblemsLabel));
  const std::vector<std::string>& errors = flow_.errors();
  const size_t shown = std::min<size_t>(errors.size(), 20);
  for (size_t i = 0; i < shown; ++i) w.muted(errors[i]);
  if (errors.size() > shown) w.muted("... (+" + std::to_string(errors.size() - shown) + ")");
}

void PrescreenApp::draw_welcome(Widgets& w) const {
  if (flow_.kiosk())
    w.say(TextRole::Title, say(flow_.catalog() ? Phrase::KioskWelcomeCatalog : Phrase::KioskWelcome), default_palette().accent,
          w.fonts().title);
  w.title(flow_.title());
  w.gap(4);
  if (const CatalogQuestionnaire* catalog = flow_.catalog()) {
    if (!flow_.kiosk()) w.heading(say(Phrase::CatalogWelcomeHeading));
    const CatalogSession& cs = catalog->session();
    int open = 0;
    for (size_t s = 0; s < catalog->catalog().studies.size(); ++s) open += cs.open(static_cast<int>(s)) ? 1 : 0;
    w.text(fill(say(Phrase::CatalogWelcomeBody), {{"n", std::to_string(open)}}));
    if (!catalog->catalog().welcome_note.empty()) w.text(flow_.words(catalog->catalog().welcome_note));
    w.heading(say(Phrase::CatalogStudiesHeading));
    // Each with its status and the date it was read: a status is a fact of a day, not a promise.
    for (size_t s = 0; s < catalog->catalog().studies.size(); ++s) {
      if (!cs.open(static_cast<int>(s))) continue;
      w.text("\xE2\x80\xA2 " + flow_.words(catalog->catalog().studies[s].title));
      w.muted(flow_.status_words(static_cast<int>(s)));
    }
  } else {
    const TrialInfo& info = flow_.trial().info;
    if (!flow_.kiosk()) w.heading(say(Phrase::WelcomeHeading));
    w.text(flow_.words(info.summary));
    if (!info.welcome_note.empty()) w.text(flow_.words(info.welcome_note));
  }
  const int questions = flow_.questionnaire().estimated_total();
  const int minutes = std::max(2, static_cast<int>(std::ceil(questions / 4.0)));
  w.text(fill(say(Phrase::WelcomeLength), {{"n", std::to_string(questions)}, {"m", std::to_string(minutes)}}));
  w.gap(4);
  draw_privacy_promise(w);
  if (flow_.kiosk()) w.text(say(Phrase::KioskPrivacy));
  w.muted(say(Phrase::NotMedicalAdvice));
  w.gap(8);
  draw_saved_notice(w);
  w.primary("start", say(Phrase::Start), Intent::of(Intent::Kind::Start));
  if (flow_.can_open_saved()) w.secondary("open_saved", say(Phrase::OpenSavedButton), Intent::of(Intent::Kind::OpenSaved));
}

// True in every mode: embedded, answers leave only by the person's choice, and once they
// have chosen, the words say so.
void PrescreenApp::draw_privacy_promise(Widgets& w) const {
  const Phrase promise = flow_.shared_any() ? Phrase::PrivacyPromiseShared
                         : flow_.embedded() ? Phrase::PrivacyPromiseEmbedded
                                            : Phrase::PrivacyPromise;
  w.say(TextRole::Strong, say(promise),
        default_palette().accent, w.fonts().body_bold);
}

// "Are you still there?": the countdown, alone on the screen, and one big button.
void PrescreenApp::draw_still_there(Widgets& w) const {
  w.gap(std::max(0.f, ImGui::GetIO().DisplaySize.y * 0.15f / w.scale()));
  w.title(say(Phrase::StillThereHeading));
  const int seconds = flow_.still_there_seconds();
  w.text(seconds == 1 ? say(Phrase::StillThereBodyOne) : fill(say(Phrase::StillThereBody), {{"n", std::to_string(seconds)}}));
  w.gap(8);
  w.primary("still_here", say(Phrase::StillHere), Intent::of(Intent::Kind::StillHere));
}

}  // namespace trialmatch::ui
