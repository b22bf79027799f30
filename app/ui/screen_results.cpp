// A catalog's results: every recruiting study, likely fits first, then those to talk over,
// then those that do not fit (with the first reason); each opens its own result screen.
// Studies that are not recruiting are listed apart, never matched. "Studies near me": a ZIP
// code typed on a keypad, each study's distance, and a distance limit.
#include "imgui.h"
#include "prescreen_app.h"
#include "theme.h"

namespace trialmatch::ui {

void PrescreenApp::draw_results(Widgets& w) const {
  const CatalogQuestionnaire& catalog = *flow_.catalog();
  const CatalogSession& cs = catalog.session();
  const std::vector<CatalogSession::Match> ranking = cs.ranking();
  auto title_of = [&](int study) { return flow_.words(catalog.catalog().studies[static_cast<size_t>(study)].title); };
  draw_back(w);
  w.muted(flow_.title());
  w.title(say(Phrase::ResultsHeading));
  draw_crisis_block(w);
  w.gap(4);
  w.text(say(Phrase::ResultsIntro));
  bool any_fit = false;
  for (const CatalogSession::Match& m : ranking) any_fit = any_fit || m.verdict != Verdict::NotEligible;
  if (!any_fit) w.text(say(Phrase::ResultsNoneFit));
  w.gap(4);
  if (flow_.zip().empty()) w.secondary("studies_near_me", say(Phrase::StudiesNearMe), Intent::of(Intent::Kind::OpenZip));
  else draw_distance_choice(w);
  draw_ranked_studies(w, ranking);
  const std::vector<int> closed = cs.closed_studies();
  if (!closed.empty()) {
    w.separator();
    w.heading(say(Phrase::ResultsClosed));
    w.muted(say(Phrase::ResultsClosedNote));
    for (int s : closed) {
      w.text("\xE2\x80\xA2 " + title_of(s));
      w.muted(flow_.status_words(s));
    }
  }
  w.separator();
  w.muted(say(Phrase::NotMedicalAdvice));
  draw_privacy_promise(w);
  w.gap(4);
  if (flow_.can_print()) w.secondary("print", say(Phrase::PrintButton), Intent::of(Intent::Kind::Print));
  draw_save_answers(w);
  w.secondary("review", say(Phrase::ReviewAnswers), Intent::of(Intent::Kind::ReviewAnswers));
  w.action(Widgets::ActionLook::Primary, "start_over", say(Phrase::StartOver), Intent::of(Intent::Kind::StartOver));
}

// How far the study is, once a ZIP code is in use.
void PrescreenApp::draw_study_distance(Widgets& w, int study) const {
  if (flow_.zip().empty()) return;
  const std::optional<long> miles = flow_.shown_miles(study);
  if (!miles) w.muted(say(Phrase::DistanceUnknown));
  else if (*miles <= 1) w.bold(say(Phrase::MileAway));
  else w.bold(fill(say(Phrase::MilesAway), {{"n", std::to_string(*miles)}}));
}

// The recruiting studies within the distance limit: first those still waiting for answers,
// then by verdict; then how many the limit hides.
void PrescreenApp::draw_ranked_studies(Widgets& w, const std::vector<CatalogSession::Match>& ranking) const {
  const CatalogQuestionnaire& catalog = *flow_.catalog();
  auto title_of = [&](int study) { return flow_.words(catalog.catalog().studies[static_cast<size_t>(study)].title); };
  // Studies set aside before their questions and brought back by a larger distance: their
  // questions first, no verdict yet.
  bool more = false;
  for (const CatalogSession::Match& m : ranking) {
    if (m.settled || !flow_.within_limit(m.study)) continue;
    if (!more) {
      w.separator();
      w.heading(say(Phrase::ResultsNeedMore));
      w.muted(say(Phrase::ResultsNeedMoreNote));
      more = true;
    }
    w.text("\xE2\x80\xA2 " + title_of(m.study));
    draw_study_distance(w, m.study);
  }
  if (more) w.secondary("answer_more", say(Phrase::AnswerMore), Intent::of(Intent::Kind::AnswerMore));
  int hidden = 0;
  for (const auto& [verdict, heading] : {std::pair{Verdict::LikelyEligible, Phrase::ResultsLikely},
                                         std::pair{Verdict::NeedsReview, Phrase::ResultsTalk},
                                         std::pair{Verdict::NotEligible, Phrase::ResultsNotFit}}) {
    bool first = true;
    for (const CatalogSession::Match& m : ranking) {
      if (m.verdict != verdict) continue;
      if (!flow_.within_limit(m.study)) {
        ++hidden;
        continue;
      }
      if (!m.settled) continue;  // listed above, with its questions still to answer
      if (first) {
        w.separator();
        w.heading(say(heading));
        first = false;
      }
      w.entry("study:" + catalog.catalog().studies[static_cast<size_t>(m.study)].id, title_of(m.study),
              Intent::with_number(Intent::Kind::OpenStudy, m.study));
      draw_study_distance(w, m.study);
      const std::string line = flow_.study_line(m.study);
      if (!line.empty()) w.muted(line);
      w.gap(4);
    }
  }
  if (hidden > 0) w.muted(fill(say(Phrase::HiddenFarther), {{"n", std::to_string(hidden)}}));
}

// The ZIP code in use, the distance limit (any, 25, 50, 100 miles), and a way to change or
// forget the ZIP code.
void PrescreenApp::draw_distance_choice(Widgets& w) const {
  w.heading(fill(say(Phrase::DistancesFrom), {{"zip", flow_.zip()}}));
  draw_distance_buttons(w);
  const float right = w.column_left() + w.column_width();
  ImGui::SetCursorPosX(w.column_left());
  w.small("change_zip", say(Phrase::ChangeZip), Intent::of(Intent::Kind::OpenZip));
  ImGui::SameLine();
  if (ImGui::GetCursorPosX() + w.label_width(say(Phrase::ForgetZip)) > right) {
    ImGui::NewLine();
    ImGui::SetCursorPosX(w.column_left());
  }
  w.small("forget_zip", say(Phrase::ForgetZip), Intent::of(Intent::Kind::ForgetZip));
}

// Any distance, 25, 50 or 100 miles, side by side while they fit the column.
void PrescreenApp::draw_distance_buttons(Widgets& w) const {
  const float right = w.column_left() + w.column_width();
  bool first = true;
  for (int miles : {0, 25, 50, 100}) {
    const std::string label = miles == 0 ? say(Phrase::DistanceAny) : fill(say(Phrase::DistanceWithin), {{"n", std::to_string(miles)}});
    // Side by side while they fit the column, like words on a line.
    if (!first) {
      ImGui::SameLine();
      if (ImGui::GetCursorPosX() + w.label_width(label) > right) ImGui::NewLine();
    }
    if (ImGui::GetCursorPosX() < w.column_left()) ImGui::SetCursorPosX(w.column_left());
    first = false;
    w.small("distance:" + std::to_string(miles), label, Intent::with_number(Intent::Kind::LimitDistance, miles), 0,
            ButtonRole::Option, flow_.distance_limit() == miles);
  }
}

// "Studies near me": the ZIP code on a keypad. It stays on this device.
// Before a catalog's questions it is optional: the distance the person could travel comes
// with it, and studies farther away are set aside.
void PrescreenApp::draw_zip(Widgets& w) const {
  const bool at_start = flow_.zip_at_start();
  draw_back(w);
  if (at_start) w.muted(flow_.title());
  w.title(say(at_start ? Phrase::ZipStartHeading : Phrase::ZipHeading));
  w.text(say(at_start ? Phrase::ZipStartBody : Phrase::ZipBody));
  w.say(TextRole::Strong, say(Phrase::ZipPrivacy), default_palette().accent, w.fonts().body_bold);
  // The distance first: below the keypad it would be out of sight on a phone.
  if (at_start) {
    w.heading(say(Phrase::DistanceQuestion));
    draw_distance_buttons(w);
    w.heading(say(Phrase::ZipHeading));
  }
  w.gap(4);
  draw_keypad(w, flow_.zip_entry(), "", "");
  if (flow_.zip_table_loading()) w.muted(say(Phrase::ZipLoading));
  if (at_start)
    w.action(Widgets::ActionLook::Secondary, "skip_zip", say(Phrase::SkipZip), Intent::of(Intent::Kind::SkipZip));
  const std::string message = flow_.input_message();
  if (!message.empty()) w.action_problem(message);
}

}  // namespace trialmatch::ui
