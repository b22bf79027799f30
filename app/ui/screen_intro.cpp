// The top bar, and the screens before the questions: loading, error, welcome.
#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "prescreen_app.h"
#include "theme.h"

namespace trialmatch::ui {

// The top bar: "Need help now?" on the left; the language switch and the text size on the
// right. Whatever does not fit beside the rest moves down a row (large text, small phones).
// Without the help link (it is then in the pinned bar) the others take its room. Returns how
// much taller the bar would be with the link: the frame measures pages as if it were there,
// so that moving the link never changes whether the actions are pinned.
float PrescreenApp::draw_top_bar(Widgets& w, bool help) const {
  const float top = ImGui::GetCursorPosY();
  const float column_left = w.column_left();
  const bool help_here = flow_.mental_health() && flow_.screen() != Screen::Support;
  const char* help_label = say(Phrase::NeedHelpNow);
  // The link's size: its words may wrap on a narrow column with large text.
  const float help_width = std::min(w.link_width(help_label), w.column_width());
  ImGui::PushFont(w.fonts().body_bold);
  const float help_words = ImGui::CalcTextSize(help_label, nullptr, false, help_width - 2 * w.link_padding()).y;
  ImGui::PopFont();
  const float help_height = std::max(w.small_height(), help_words + 2 * ImGui::GetStyle().FramePadding.y);
  // The switch goes to the next of the trial's languages, and is named in that language.
  const bool can_switch = flow_.languages().size() > 1;
  const char* lang_label = phrase(Phrase::LanguageName, flow_.next_language());
  const std::string size_label = fill(say(Phrase::TextSize), {{"n", std::to_string(flow_.text_size_percent())}});
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float right = column_left + w.column_width();
  const float row_height = w.small_height() + ImGui::GetStyle().ItemSpacing.y;
  struct Place {
    float x, y;
  };
  struct Layout {
    Place lang, size;
    float bottom;
  };
  // Where the buttons go, with or without the link at the row's start.
  auto lay_out = [&](bool with_link) {
    float left_edge = column_left, right_edge = right, row = top, link_bottom = top;
    if (with_link) {
      left_edge = column_left - w.link_padding() + help_width;
      link_bottom = top + help_height + ImGui::GetStyle().ItemSpacing.y;
    }
    auto place = [&](float width) {
      if (right_edge - width < left_edge + gap) {  // no room: start a new row (never under the link)
        row = std::max(row + row_height, link_bottom);
        right_edge = right;
        left_edge = column_left;
      }
      const Place at{right_edge - width, row};
      right_edge -= width + gap;
      return at;
    };
    Layout l{};
    if (can_switch) l.lang = place(w.label_width(lang_label));
    l.size = place(w.label_width(size_label));
    l.bottom = std::max(row + row_height, link_bottom);
    return l;
  };
  const Layout drawn = lay_out(help_here && help);
  if (help_here && help) {
    ImGui::SetCursorPosX(column_left - w.link_padding());
    w.link("help", help_label, Intent::of(Intent::Kind::OpenSupport));
  }
  if (can_switch) {
    ImGui::SetCursorPos(ImVec2(drawn.lang.x, drawn.lang.y));
    w.small("lang", lang_label, Intent::of(Intent::Kind::SwitchLanguage));
  }
  ImGui::SetCursorPos(ImVec2(drawn.size.x, drawn.size.y));
  w.small("text_size", size_label, Intent::of(Intent::Kind::CycleTextSize));
  ImGui::SetCursorPos(ImVec2(column_left, drawn.bottom));
  w.gap(8);
  return help_here ? lay_out(true).bottom - drawn.bottom : 0.f;
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
  if (flow_.can_open_saved()) w.secondary("open_saved", say(Phrase::OpenSavedButton), Intent::of(Intent::Kind::OpenSaved));
  w.action(Widgets::ActionLook::Primary, "start", say(Phrase::Start), Intent::of(Intent::Kind::Start));
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

// "Are you still there?": the countdown, alone on the screen (on the support screen, above
// the crisis numbers), and one big button.
void PrescreenApp::draw_still_there(Widgets& w) const {
  // Lower on the screen, but not on the support screen, whose numbers follow it.
  if (flow_.screen() != Screen::Support) w.gap(std::max(0.f, w.page_height() * 0.15f / w.unit()));
  w.title(say(Phrase::StillThereHeading));
  const int seconds = flow_.still_there_seconds();
  w.text(seconds == 1 ? say(Phrase::StillThereBodyOne) : fill(say(Phrase::StillThereBody), {{"n", std::to_string(seconds)}}));
  w.gap(8);
  w.action(Widgets::ActionLook::Primary, "still_here", say(Phrase::StillHere), Intent::of(Intent::Kind::StillHere));
}

}  // namespace trialmatch::ui
