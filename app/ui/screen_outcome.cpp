// After the questions: the review screen (change any answer), the result (per verdict,
// with reasons, what the team still checks, what taking part involves, how to get in
// touch), and the support screen of the safety action.
#include "imgui.h"
#include "prescreen_app.h"
#include "theme.h"

namespace trialmatch::ui {

void PrescreenApp::draw_review(Widgets& w) const {
  draw_back(w);
  w.title(say(Phrase::ReviewHeading));
  w.muted(say(flow_.catalog() ? Phrase::ReviewIntroCatalog : Phrase::ReviewIntro));
  w.gap(4);
  const float column_left = w.column_left(), column_right = w.column_left() + w.column_width();
  const Questionnaire& questions = flow_.questionnaire();
  for (int h : questions.path()) {
    const Question& q = questions.question(h);
    w.separator();
    w.text(flow_.words(q.text));
    // The answer, with "Change" beside it on the right.
    const char* change = say(Phrase::Change);
    const float button_width = w.label_width(change);
    const float row_top = ImGui::GetCursorPosY();
    ImGui::SetCursorPosX(column_right - button_width);
    w.small("change:" + questions.id(h), change, Intent::with_number(Intent::Kind::Change, h));
    const float row_bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(column_left, row_top + 10 * w.scale()));
    ImGui::PushTextWrapPos(column_right - button_width - ImGui::GetStyle().ItemSpacing.x);
    w.bold(flow_.answer_words(q, *questions.answer_to(h)));
    ImGui::PopTextWrapPos();
    if (ImGui::GetCursorPosY() < row_bottom) ImGui::SetCursorPosY(row_bottom);
  }
  w.separator();
  w.primary("see_result", say(flow_.catalog() ? Phrase::SeeResults : Phrase::SeeResult), Intent::of(Intent::Kind::SeeResult));
  w.secondary("start_over", say(Phrase::StartOver), Intent::of(Intent::Kind::StartOver));
}

void PrescreenApp::draw_result(Widgets& w) const {
  const Palette& p = default_palette();
  const Evaluation& e = flow_.session().evaluation();
  draw_back(w);
  w.muted(flow_.result_title());
  switch (e.verdict) {
    case Verdict::LikelyEligible:
      w.title(say(Phrase::LikelyHeadline));
      w.text(say(Phrase::LikelyBody));
      break;
    case Verdict::NeedsReview:
      w.title(say(Phrase::ReviewHeadline));
      w.text(say(Phrase::ReviewBody));
      break;
    case Verdict::NotEligible:
      w.title(say(Phrase::NotEligibleHeadline));
      w.text(say(Phrase::NotEligibleBody));
      break;
  }
  draw_crisis_block(w);
  // The reasons, in the study's own plain words, chosen by the core for each outcome.
  auto list = [&](CriterionOutcome outcome) {
    for (const CriterionResult& r : e.criteria)
      if (r.outcome == outcome)
        w.text("\xE2\x80\xA2 " + flow_.words(criterion_text(flow_.trial().criteria[static_cast<size_t>(r.criterion_index)], outcome)));
  };
  if (e.verdict == Verdict::NotEligible) {
    w.gap(4);
    w.heading(say(Phrase::WhyHeading));
    list(CriterionOutcome::RulesOut);
    w.gap(4);
    w.heading(say(Phrase::NextStepsHeading));
    const Phrase others = flow_.catalog() ? Phrase::NextStepOtherStudiesCatalog : Phrase::NextStepOtherStudies;
    for (Phrase step : {others, Phrase::NextStepOwnDoctor, Phrase::NextStepReviewAnswers})
      w.text("\xE2\x80\xA2 " + std::string(say(step)));
  } else if (e.verdict == Verdict::NeedsReview) {
    bool any_review = false, any_open = false;
    for (const CriterionResult& r : e.criteria) {
      any_review = any_review || r.outcome == CriterionOutcome::NeedsReview;
      any_open = any_open || r.outcome == CriterionOutcome::Open;
    }
    w.gap(4);
    w.heading(say(Phrase::TalkOverHeading));
    if (any_review) list(CriterionOutcome::NeedsReview);
    if (any_open) {
      w.muted(say(Phrase::NotSureItems));
      list(CriterionOutcome::Open);
    }
  }
  const TrialInfo& info = flow_.trial().info;
  if (e.verdict != Verdict::NotEligible) {
    w.separator();
    w.heading(say(Phrase::TeamChecksHeading));
    list(CriterionOutcome::StudyTeam);
    w.muted(flow_.words(info.full_criteria_note));
    if (!info.participation.empty() || !info.stages.empty()) {
      w.separator();
      w.heading(say(Phrase::ParticipationHeading));
      if (!info.participation.empty()) w.text(flow_.words(info.participation));
      for (const Stage& s : info.stages) {
        std::string line = flow_.words(s.name) + ": " + flow_.words(s.duration);
        if (s.visits > 0)
          line += ", " + (s.visits == 1 ? std::string(say(Phrase::VisitOne))
                                        : fill(say(Phrase::VisitCount), {{"n", std::to_string(s.visits)}}));
        w.bold(line);
        if (!s.details.empty()) w.muted(flow_.words(s.details));
      }
    }
  }
  // Every verdict says how to reach the study: questions are welcome either way.
  w.separator();
  w.heading(say(Phrase::ContactHeading));
  for (const Site& s : info.sites)
    w.text(s.name + ", " + s.city + (s.state.empty() ? "" : ", " + s.state) + (s.zip.empty() ? "" : " " + s.zip));
  const Contact& c = info.contact;
  if (!c.name.empty()) w.bold(c.name);
  // Phone, email and web page act when tapped (not at a kiosk: see Flow::contact_link).
  auto contact = [&](const char* id, int kind, const std::string& label) {
    if (!flow_.contact_link(kind).empty()) w.link(id, label, Intent::with_number(Intent::Kind::OpenContact, kind));
    else w.text(label);
  };
  if (!c.phone.empty()) contact("contact:phone", 0, std::string(say(Phrase::PhoneLabel)) + ": " + c.phone);
  if (!c.email.empty()) contact("contact:email", 1, std::string(say(Phrase::EmailLabel)) + ": " + c.email);
  if (!c.url.empty()) {
    w.text(std::string(say(Phrase::WebLabel)) + ": " + c.url);
    if (!flow_.contact_link(2).empty())
      w.link("contact:web", say(Phrase::OpenStudyPage), Intent::with_number(Intent::Kind::OpenContact, 2));
  }
  if (!c.note.empty()) w.muted(flow_.words(c.note));
  w.separator();
  w.muted(say(Phrase::NotMedicalAdvice));
  draw_privacy_promise(w);
  w.gap(4);
  if (flow_.can_share()) {
    if (flow_.shared()) w.say(TextRole::Strong, say(Phrase::ShareDone), p.accent, w.fonts().body_bold);
    else w.primary("share", say(Phrase::ShareButton), Intent::of(Intent::Kind::Share));
  }
  w.secondary("review", say(Phrase::ReviewAnswers), Intent::of(Intent::Kind::ReviewAnswers));
  w.primary("start_over", say(Phrase::StartOver), Intent::of(Intent::Kind::StartOver));
}

// While an answer that called for crisis support still stands, every result repeats the
// help, whatever the verdict; in a catalog, also the result of a study that did not ask.
void PrescreenApp::draw_crisis_block(Widgets& w) const {
  if (!flow_.questionnaire().calls_for_crisis_support()) return;
  w.separator();
  w.say(TextRole::Heading, say(Phrase::CrisisBlockHeading), default_palette().safety, w.fonts().body_bold);
  w.text(say(Phrase::CrisisBlockBody));
  draw_crisis_contacts(w);
}

// Call and text 988, the Crisis Text Line and 911, in the person's language: on the support
// screen and on every result after a disclosure.
void PrescreenApp::draw_crisis_contacts(Widgets& w) const {
  const Palette& p = default_palette();
  w.primary("call988", say(Phrase::Call988), Intent::of(Intent::Kind::Call988));
  w.primary("text988", say(Phrase::Text988), Intent::of(Intent::Kind::Text988));
  w.bold(say(Phrase::Lifeline988));
  w.bold(say(Phrase::CrisisTextLine));
  w.say(TextRole::Strong, say(Phrase::Emergency911), p.error, w.fonts().body_bold);
  w.muted(say(Phrase::CannotRespond));
}

void PrescreenApp::draw_support(Widgets& w) const {
  const Palette& p = default_palette();
  w.say(TextRole::Title, say(Phrase::SupportHeading), p.safety, w.fonts().title);
  // "Thank you for telling us" only when the person did tell us: "Need help now?" opens this
  // screen too.
  if (flow_.support_after_disclosure()) w.text(say(Phrase::SupportThanks));
  w.text(say(Phrase::SupportBody));
  w.gap(4);
  draw_crisis_contacts(w);
  w.gap(8);
  if (flow_.support_returns_to_study()) w.muted(say(Phrase::SupportBackToStudy));
  w.secondary("support_continue", say(Phrase::SupportContinue), Intent::of(Intent::Kind::LeaveSupport));
}

// Sharing is always the person's own act, confirmed on a screen of its own (the flow
// ignores a confirm the person could not have seen).
void PrescreenApp::draw_share_confirm(Widgets& w) const {
  w.title(say(Phrase::ShareHeading));
  w.text(say(Phrase::ShareBody));
  w.bold(fill(say(Phrase::ShareReceiver), {{"site", flow_.host_site()}}));
  w.gap(8);
  w.primary("share_confirm", say(Phrase::ShareConfirm), Intent::of(Intent::Kind::ConfirmShare));
  w.secondary("share_cancel", say(Phrase::ShareCancel), Intent::of(Intent::Kind::CancelShare));
}

}  // namespace trialmatch::ui
