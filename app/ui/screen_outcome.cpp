// After the questions: the review screen (change any answer), the result (per verdict,
// with reasons, what the team still checks, what taking part involves, how to get in
// touch), and the support screen of the safety action.
#include <algorithm>

#include "imgui.h"
#include "prescreen_app.h"
#include "result_text.h"
#include "theme.h"

namespace trialmatch::ui {

void PrescreenApp::draw_review(Widgets& w) const {
  draw_back(w);
  w.title(say(Phrase::ReviewHeading));
  w.muted(say(flow_.catalog() ? Phrase::ReviewIntroCatalog : Phrase::ReviewIntro));
  draw_saved_notice(w);
  w.gap(4);
  const float column_left = w.column_left(), column_right = w.column_left() + w.column_width();
  const Questionnaire& questions = flow_.questionnaire();
  for (int h : questions.path()) {
    const Question& q = questions.question(h);
    w.separator();
    w.text(flow_.words(q.text));
    // The answer, with "Change" beside it on the right; below it when a word of the answer
    // would not fit beside it (large text).
    const char* change = say(Phrase::Change);
    const std::string answer = flow_.answer_words(q, *questions.answer_to(h));
    const float button_width = w.label_width(change);
    const float answer_room = column_right - button_width - ImGui::GetStyle().ItemSpacing.x - column_left;
    ImGui::PushFont(w.fonts().body_bold);
    float longest = 0;
    for (size_t at = 0; at < answer.size();) {
      const size_t end = std::min(answer.find(' ', at), answer.size());
      longest = std::max(longest, ImGui::CalcTextSize(answer.c_str() + at, answer.c_str() + end).x);
      at = end + 1;
    }
    ImGui::PopFont();
    if (longest > answer_room) {
      w.bold(answer);
      ImGui::SetCursorPosX(column_right - button_width);
      w.small("change:" + questions.id(h), change, Intent::with_number(Intent::Kind::Change, h));
      continue;
    }
    const float row_top = ImGui::GetCursorPosY();
    ImGui::SetCursorPosX(column_right - button_width);
    w.small("change:" + questions.id(h), change, Intent::with_number(Intent::Kind::Change, h));
    const float row_bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(column_left, row_top + (w.small_height() - ImGui::GetTextLineHeight()) / 2));
    ImGui::PushTextWrapPos(column_right - button_width - ImGui::GetStyle().ItemSpacing.x);
    w.bold(answer);
    ImGui::PopTextWrapPos();
    if (ImGui::GetCursorPosY() < row_bottom) ImGui::SetCursorPosY(row_bottom);
  }
  w.separator();
  draw_save_answers(w);
  w.secondary("start_over", say(Phrase::StartOver), Intent::of(Intent::Kind::StartOver));
  // However long the list, "See my results" stays in view.
  w.action(Widgets::ActionLook::Primary, "see_result", say(flow_.catalog() ? Phrase::SeeResults : Phrase::SeeResult),
           Intent::of(Intent::Kind::SeeResult));
}

void PrescreenApp::draw_result(Widgets& w) const {
  const Palette& p = default_palette();
  draw_back(w);
  w.muted(flow_.result_title());
  using K = ResultLine::Kind;
  K previous = K::Separator;
  static const char* const contact_ids[] = {"contact:phone", "contact:email", "contact:web"};
  for (const ResultLine& line : result_lines(flow_, flow_.session(), flow_.catalog() != nullptr, ResultMedium::Screen)) {
    switch (line.kind) {
      case K::Title: w.title(line.text); break;
      case K::Heading:
        if (previous != K::Separator) w.gap(4);
        w.heading(line.text);
        break;
      case K::Body: w.text(line.text); break;
      case K::Bullet: w.text("\xE2\x80\xA2 " + line.text); break;
      case K::Note: w.muted(line.text); break;
      case K::Strong: w.bold(line.text); break;
      case K::Crisis: draw_crisis_block(w); break;
      case K::Separator: w.separator(); break;
      case K::Contact: {
        // Phone, email and web page act when tapped (not at a kiosk: see Flow::contact_link).
        const bool acts = !flow_.contact_link(line.contact).empty();
        const Intent open = Intent::with_number(Intent::Kind::OpenContact, line.contact);
        if (line.contact == 2) {
          w.text(line.text);
          if (acts) w.link(contact_ids[2], say(Phrase::OpenStudyPage), open);
        } else if (acts) {
          w.link(contact_ids[line.contact], line.text, open);
        } else {
          w.text(line.text);
        }
        break;
      }
    }
    previous = line.kind;
  }
  w.separator();
  w.muted(say(Phrase::NotMedicalAdvice));
  draw_privacy_promise(w);
  w.gap(4);
  if (flow_.can_share()) {
    if (flow_.shared()) w.say(TextRole::Strong, say(Phrase::ShareDone), p.accent, w.fonts().body_bold);
    else w.primary("share", say(Phrase::ShareButton), Intent::of(Intent::Kind::Share));
  }
  // The ways to take the result along, each only when the person taps it.
  w.heading(say(Phrase::TakeResultHeading));
  if (flow_.can_print()) w.secondary("print", say(Phrase::PrintButton), Intent::of(Intent::Kind::Print));
  w.secondary("show_code", say(Phrase::CodeButton), Intent::of(Intent::Kind::ShowCode));
  draw_save_answers(w);
  if (flow_.can_save_fhir()) {
    w.secondary("save_fhir", say(Phrase::SaveFhirButton), Intent::of(Intent::Kind::SaveFhir));
    w.muted(say(Phrase::SaveFhirNote));
  }
  w.secondary("review", say(Phrase::ReviewAnswers), Intent::of(Intent::Kind::ReviewAnswers));
  w.action(Widgets::ActionLook::Primary, "start_over", say(Phrase::StartOver), Intent::of(Intent::Kind::StartOver));
}

// Once an answer has called for crisis support, every result repeats the help, whatever the
// verdict and even if the answer was changed since; in a catalog, also the result of a study
// that did not ask. After "Prefer not to say" to such a question, one gentle line with 988.
void PrescreenApp::draw_crisis_block(Widgets& w) const {
  if (flow_.gentle_crisis_line_on_results()) {
    w.separator();
    w.text(say(Phrase::CrisisGentleLine));
    return;
  }
  if (!flow_.crisis_help_on_results()) return;
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
  // Each line, and a button that does what it says (a tap to text or call, like 988).
  for (Phrase line : kCrisisHelpLines) {
    if (line == Phrase::Emergency911) {  // danger right now stands out
      w.say(TextRole::Strong, say(line), p.error, w.fonts().body_bold);
      w.secondary("call911", say(Phrase::Call911), Intent::of(Intent::Kind::Call911));
    } else {
      w.bold(say(line));
      if (line == Phrase::CrisisTextLine)
        w.secondary("text741741", say(Phrase::TextCrisisLineButton), Intent::of(Intent::Kind::TextCrisisLine));
    }
  }
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
  w.action(Widgets::ActionLook::Secondary, "support_continue", say(Phrase::SupportContinue),
           Intent::of(Intent::Kind::LeaveSupport));
}

// Sharing is always the person's own act, confirmed in a window of the app's own that the
// host page cannot style (flow.h): this screen only says where to look, or that the window
// could not open.
void PrescreenApp::draw_share_confirm(Widgets& w) const {
  const bool blocked = flow_.share_window_blocked();
  w.title(say(blocked ? Phrase::ShareWindowBlockedHeading : Phrase::ShareWindowHeading));
  if (blocked) {
    w.text(say(Phrase::ShareWindowBlocked));
  } else {
    w.text(say(Phrase::ShareWindowBody));
    w.bold(fill(say(Phrase::ShareReceiver), {{"site", flow_.host_site()}}));
  }
  w.gap(8);
  w.action(Widgets::ActionLook::Secondary, "share_again", say(blocked ? Phrase::ShareWindowTryAgain : Phrase::ShareWindowAgain),
           Intent::of(Intent::Kind::Share));
  w.action(Widgets::ActionLook::Secondary, "share_cancel", say(blocked ? Phrase::BackToResult : Phrase::ShareCancel),
           Intent::of(Intent::Kind::CancelShare));
}

// The result as a QR code, drawn only because the person asked (it holds their answers).
void PrescreenApp::draw_result_code(Widgets& w) const {
  draw_back(w);
  w.title(say(Phrase::CodeHeading));
  const QrImage& image = flow_.code_image();
  if (image.size == 0) {
    w.text(say(Phrase::CodeTooLong));
  } else {
    w.text(say(Phrase::CodeBody));
    w.gap(8);
    w.qr_code(image, say(Phrase::CodeImageLabel));
    w.gap(8);
    w.bold(say(Phrase::CodeCaution));
    if (flow_.kiosk()) w.text(say(Phrase::CodeKioskDone));
  }
  w.gap(8);
  w.action(Widgets::ActionLook::Secondary, "code_back", say(Phrase::CodeBack), Intent::of(Intent::Kind::Back));
  w.action(Widgets::ActionLook::Primary, "start_over", say(Phrase::StartOver), Intent::of(Intent::Kind::StartOver));
}

}  // namespace trialmatch::ui
