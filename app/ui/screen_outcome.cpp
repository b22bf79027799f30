// After the questions: the review screen (change any answer), the result (per verdict,
// with reasons, what the team still checks, what taking part involves, how to get in
// touch), and the support screen of the safety action.
#include "imgui.h"
#include "prescreen_app.h"
#include "theme.h"

namespace trialmatch::ui {

void PrescreenApp::draw_review(Widgets& w) {
  if (w.small("back", std::string("\xE2\x80\xB9 ") + phrase(Phrase::Back, lang_))) {
    go_back();
    return;
  }
  w.title(phrase(Phrase::ReviewHeading, lang_));
  w.muted(phrase(Phrase::ReviewIntro, lang_));
  w.gap(4);
  for (int h : session_->progress().history) {
    const Question& q = trial_->questions[static_cast<size_t>(h)];
    w.separator();
    w.text(tr(q.text));
    // The answer, with "Change" beside it on the right.
    const char* change = phrase(Phrase::Change, lang_);
    const float button_width = w.label_width(change);
    const float row_top = ImGui::GetCursorPosY();
    ImGui::SetCursorPosX(column_left_ + column_width_ - button_width);
    const bool pressed = w.small("change:" + q.id, change);
    const float row_bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(column_left_, row_top + 10 * w.scale()));
    ImGui::PushTextWrapPos(column_left_ + column_width_ - button_width - ImGui::GetStyle().ItemSpacing.x);
    w.bold(answer_label(q, *session_->answer_to(h)));
    ImGui::PopTextWrapPos();
    if (ImGui::GetCursorPosY() < row_bottom) ImGui::SetCursorPosY(row_bottom);
    if (pressed) {
      editing_from_review_ = true;
      show_question(h);
      return;
    }
  }
  w.separator();
  if (w.primary("see_result", phrase(Phrase::SeeResult, lang_))) go_to(Screen::Result);
  if (w.secondary("start_over", phrase(Phrase::StartOver, lang_))) start_over();
}

void PrescreenApp::draw_result(Widgets& w) {
  const Palette& p = default_palette();
  const Evaluation& e = session_->evaluation();
  if (w.small("back", std::string("\xE2\x80\xB9 ") + phrase(Phrase::Back, lang_))) {
    go_back();
    return;
  }
  w.muted(tr(trial_->info.title));
  switch (e.verdict) {
    case Verdict::LikelyEligible:
      w.title(phrase(Phrase::LikelyHeadline, lang_));
      w.text(phrase(Phrase::LikelyBody, lang_));
      break;
    case Verdict::NeedsReview:
      w.title(phrase(Phrase::ReviewHeadline, lang_));
      w.text(phrase(Phrase::ReviewBody, lang_));
      break;
    case Verdict::NotEligible:
      w.title(phrase(Phrase::NotEligibleHeadline, lang_));
      w.text(phrase(Phrase::NotEligibleBody, lang_));
      break;
  }
  // While an answer that called for crisis support still stands, every result repeats the
  // help, whatever the verdict.
  if (calls_for_crisis_support(e)) {
    w.separator();
    w.coloured(phrase(Phrase::CrisisBlockHeading, lang_), p.safety, w.fonts().body_bold);
    w.text(phrase(Phrase::CrisisBlockBody, lang_));
    draw_crisis_contacts(w);
  }
  // The reasons, in the study's own plain words, chosen by the core for each outcome.
  auto list = [&](CriterionOutcome outcome) {
    for (const CriterionResult& r : e.criteria)
      if (r.outcome == outcome)
        w.text("\xE2\x80\xA2 " + tr(criterion_text(trial_->criteria[static_cast<size_t>(r.criterion_index)], outcome)));
  };
  if (e.verdict == Verdict::NotEligible) {
    w.gap(4);
    w.heading(phrase(Phrase::WhyHeading, lang_));
    list(CriterionOutcome::RulesOut);
    w.gap(4);
    w.heading(phrase(Phrase::NextStepsHeading, lang_));
    for (Phrase step : {Phrase::NextStepOtherStudies, Phrase::NextStepOwnDoctor, Phrase::NextStepReviewAnswers})
      w.text("\xE2\x80\xA2 " + std::string(phrase(step, lang_)));
  } else if (e.verdict == Verdict::NeedsReview) {
    bool any_review = false, any_open = false;
    for (const CriterionResult& r : e.criteria) {
      any_review = any_review || r.outcome == CriterionOutcome::NeedsReview;
      any_open = any_open || r.outcome == CriterionOutcome::Open;
    }
    w.gap(4);
    w.heading(phrase(Phrase::TalkOverHeading, lang_));
    if (any_review) list(CriterionOutcome::NeedsReview);
    if (any_open) {
      w.muted(phrase(Phrase::NotSureItems, lang_));
      list(CriterionOutcome::Open);
    }
  }
  const TrialInfo& info = trial_->info;
  if (e.verdict != Verdict::NotEligible) {
    w.separator();
    w.heading(phrase(Phrase::TeamChecksHeading, lang_));
    list(CriterionOutcome::StudyTeam);
    w.muted(tr(info.full_criteria_note));
    if (!info.participation.empty() || !info.stages.empty()) {
      w.separator();
      w.heading(phrase(Phrase::ParticipationHeading, lang_));
      if (!info.participation.empty()) w.text(tr(info.participation));
      for (const Stage& s : info.stages) {
        std::string line = tr(s.name) + ": " + tr(s.duration);
        if (s.visits > 0)
          line += ", " + (s.visits == 1 ? std::string(phrase(Phrase::VisitOne, lang_))
                                        : fill(phrase(Phrase::VisitCount, lang_), {{"n", std::to_string(s.visits)}}));
        w.bold(line);
        if (!s.details.empty()) w.muted(tr(s.details));
      }
    }
  }
  // Every verdict says how to reach the study: questions are welcome either way.
  w.separator();
  w.heading(phrase(Phrase::ContactHeading, lang_));
  for (const Site& s : info.sites)
    w.text(s.name + ", " + s.city + (s.state.empty() ? "" : ", " + s.state) + (s.zip.empty() ? "" : " " + s.zip));
  const Contact& c = info.contact;
  if (!c.name.empty()) w.bold(c.name);
  if (!c.phone.empty()) w.text(std::string(phrase(Phrase::PhoneLabel, lang_)) + ": " + c.phone);
  if (!c.email.empty()) w.text(std::string(phrase(Phrase::EmailLabel, lang_)) + ": " + c.email);
  if (!c.url.empty()) w.text(std::string(phrase(Phrase::WebLabel, lang_)) + ": " + c.url);
  if (!c.note.empty()) w.muted(tr(c.note));
  w.separator();
  w.muted(phrase(Phrase::NotMedicalAdvice, lang_));
  w.coloured(phrase(embedded_ ? Phrase::PrivacyPromiseEmbedded : Phrase::PrivacyPromise, lang_), p.accent, w.fonts().body_bold);
  w.gap(4);
  if (embedded_ && can_share_) {
    if (shared_) w.coloured(phrase(Phrase::ShareDone, lang_), p.accent, w.fonts().body_bold);
    else if (w.primary("share", phrase(Phrase::ShareButton, lang_))) go_to(Screen::ShareConfirm);
  }
  if (w.secondary("review", phrase(Phrase::ReviewAnswers, lang_))) go_to(Screen::Review);
  if (w.primary("start_over", phrase(Phrase::StartOver, lang_))) start_over();
}

// Call and text 988, the Crisis Text Line and 911, in the person's language: on the support
// screen and on every result after a disclosure.
void PrescreenApp::draw_crisis_contacts(Widgets& w) {
  const Palette& p = default_palette();
  if (w.primary("call988", phrase(Phrase::Call988, lang_))) link_request_ = "tel:988";
  if (w.primary("text988", phrase(Phrase::Text988, lang_)))
    link_request_ = lang_ == Lang::Es ? "sms:988?&body=AYUDA" : "sms:988";
  w.bold(phrase(Phrase::Lifeline988, lang_));
  w.bold(phrase(Phrase::CrisisTextLine, lang_));
  w.coloured(phrase(Phrase::Emergency911, lang_), p.error, w.fonts().body_bold);
  w.muted(phrase(Phrase::CannotRespond, lang_));
}

void PrescreenApp::draw_support(Widgets& w) {
  const Palette& p = default_palette();
  w.coloured(phrase(Phrase::SupportHeading, lang_), p.safety, w.fonts().title);
  // "Thank you for telling us" only when the person did tell us: "Need help now?" opens this
  // screen too.
  if (support_after_disclosure_) w.text(phrase(Phrase::SupportThanks, lang_));
  w.text(phrase(Phrase::SupportBody, lang_));
  w.gap(4);
  draw_crisis_contacts(w);
  w.gap(8);
  if (support_return_ == Screen::Question || support_return_ == Screen::Review)
    w.muted(phrase(Phrase::SupportBackToStudy, lang_));
  if (w.secondary("support_continue", phrase(Phrase::SupportContinue, lang_))) go_to(support_return_);
}

}  // namespace trialmatch::ui

namespace trialmatch::ui {

// Sharing is always the person's own act, confirmed on a screen of its own.
void PrescreenApp::draw_share_confirm(Widgets& w) {
  w.title(phrase(Phrase::ShareHeading, lang_));
  w.text(phrase(Phrase::ShareBody, lang_));
  w.bold(fill(phrase(Phrase::ShareReceiver, lang_), {{"site", host_site_}}));
  w.gap(8);
  // Ignored while the frame is hidden or covered, or in its first second (see set_frame_visible).
  const bool can_be_seen = frame_visible_ && now_ - confirm_shown_at_ >= 1.0;
  if (w.primary("share_confirm", phrase(Phrase::ShareConfirm, lang_)) && can_be_seen) {
    host_messages_.push_back(share_summary());
    shared_ = true;
    go_to(Screen::Result);
    return;
  }
  if (w.secondary("share_cancel", phrase(Phrase::ShareCancel, lang_))) go_to(Screen::Result);
}

}  // namespace trialmatch::ui
