// One question per screen: progress, the question, "Why we ask", big answer buttons,
// "I'm not sure" where the trial allows it, and Back. Numbers use an on-screen keypad.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "answer_words.h"
#include "imgui.h"
#include "prescreen_app.h"
#include "theme.h"

namespace trialmatch::ui {

using Kind = Intent::Kind;

void PrescreenApp::draw_question(Widgets& w) const {
  const Question& q = flow_.question();
  const PathStep at = flow_.path_step();
  // Back, and where the person is, on one row when they fit.
  const float row_top = ImGui::GetCursorPosY();
  draw_back(w);
  const std::string progress =
      fill(say(Phrase::QuestionProgress), {{"n", std::to_string(at.step)}, {"total", std::to_string(at.total)}});
  const float progress_width = ImGui::CalcTextSize(progress.c_str()).x;
  const float right = w.column_left() + w.column_width();
  if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + 2 * ImGui::GetStyle().ItemSpacing.x + progress_width <= right) {
    ImGui::SetCursorPos(ImVec2(right - progress_width, row_top + (w.small_height() - ImGui::GetTextLineHeight()) / 2));
    w.say(TextRole::Progress, progress, default_palette().muted_text);
    ImGui::SetCursorPos(ImVec2(w.column_left(), row_top + w.small_height() + ImGui::GetStyle().ItemSpacing.y));
  } else {
    w.say(TextRole::Progress, progress, default_palette().muted_text);
  }
  draw_saved_notice(w);
  // A thin progress bar.
  {
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const float width = w.column_width(), height = 6 * w.unit();
    const float done = at.total > 0 ? static_cast<float>(at.step) / static_cast<float>(at.total) : 0.f;
    ImDrawList* d = ImGui::GetWindowDrawList();
    d->AddRectFilled(top_left, ImVec2(top_left.x + width, top_left.y + height), ImGui::GetColorU32(default_palette().choice_hover), height);
    d->AddRectFilled(top_left, ImVec2(top_left.x + width * done, top_left.y + height), ImGui::GetColorU32(default_palette().accent), height);
    ImGui::Dummy(ImVec2(width, height));
  }
  w.gap(6);
  w.title(flow_.words(q.text));
  if (!q.note.empty()) w.text(flow_.words(q.note));
  const Questionnaire& questions = flow_.questionnaire();
  // In a catalog, a question only one study asks says which; a shared question has one
  // reason, the same in every study that asks it.
  const int only = questions.only_study(flow_.question_index());
  if (only >= 0) w.muted(fill(say(Phrase::QuestionForStudy), {{"study", flow_.words(flow_.catalog()->catalog().studies[static_cast<size_t>(only)].title)}}));
  const LocalText& why = questions.why(flow_.question_index());
  if (!why.empty()) {
    w.link("why", std::string(flow_.why_open() ? "\xE2\x80\x93 " : "+ ") + say(Phrase::WhyWeAsk), Intent::of(Kind::ToggleWhy));
    if (flow_.why_open()) w.muted(flow_.words(why));
  }
  w.gap(4);
  switch (q.type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice: draw_choice_answers(w, q); break;
    case QuestionType::MultipleChoice: draw_multiple_answers(w, q); break;
    case QuestionType::Number: draw_number_answers(w, q); break;
    case QuestionType::MonthYear: draw_month_year_answers(w, q); break;
  }
  draw_unknown_answers(w, q);
  const std::string message = flow_.input_message();
  if (!message.empty()) w.action_problem(message);
}

void PrescreenApp::draw_choice_answers(Widgets& w, const Question& q) const {
  const auto& given = flow_.answer_to(flow_.question_index());
  for (const Option& o : q.options) {
    const bool selected = given && given->kind == Answer::Kind::Choice && given->choice == o.id;
    w.choice("option:" + o.id, option_words(o, lang_code(flow_.lang())), selected, Intent::choose(o.id));
  }
}

void PrescreenApp::draw_multiple_answers(Widgets& w, const Question& q) const {
  w.muted(say(Phrase::ChooseAllThatApply));
  for (const Option& o : q.options)
    w.choice("option:" + o.id, option_words(o, lang_code(flow_.lang())), flow_.ticked(o.id), Intent::choose(o.id));
  w.action(Widgets::ActionLook::Primary, "continue", say(Phrase::Continue), Intent::of(Kind::Continue));
}

void PrescreenApp::draw_number_answers(Widgets& w, const Question& q) const {
  draw_keypad(w, flow_.number_entry(), q.unit.empty() ? "" : flow_.words(q.unit), say(Phrase::NumberHint));
}

// The digits typed so far (`entry`, with its `unit`), large, in a box (which shows `hint`
// until something is typed); a keypad of 1-9, Delete, 0, Clear, big enough for a thumb; and
// Continue. For number questions and ZIP codes. The box's words go to the screen model too,
// for screen readers.
void PrescreenApp::draw_keypad(Widgets& w, const std::string& entry, const std::string& unit,
                               const std::string& hint) const {
  const std::string shown = (entry.empty() ? std::string("\xE2\x80\x93") : entry) + (unit.empty() ? "" : "  " + unit);
  w.note(TextRole::Entry, entry.empty() ? std::string(say(Phrase::NothingTyped))
                                        : fill(say(Phrase::TypedSoFar), {{"entry", entry + (unit.empty() ? "" : " " + unit)}}));
  const Palette& p = default_palette();
  const float scale = w.scale();
  const float column_left = w.column_left(), column_width = w.column_width();
  {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool hinting = entry.empty() && !hint.empty();
    if (!hint.empty()) w.note(TextRole::Note, hint);
    // The typed digits in the title's size; before any, the hint in the body's, wrapped.
    ImFont* font = hinting ? w.fonts().body : w.fonts().title;
    const std::string words = hinting ? hint : shown;
    const float inset = 20 * w.unit();
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, column_width - 2 * inset, words.c_str());
    const float height = std::max(64 * scale, size.y + 2 * 12 * w.unit());
    ImDrawList* d = ImGui::GetWindowDrawList();
    d->AddRectFilled(at, ImVec2(at.x + column_width, at.y + height), ImGui::GetColorU32(p.surface), 12 * w.unit());
    d->AddRect(at, ImVec2(at.x + column_width, at.y + height), ImGui::GetColorU32(p.accent), 12 * w.unit(), 0,
               2 * w.unit());
    d->AddText(font, font->FontSize, ImVec2(at.x + inset, at.y + (height - size.y) / 2),
               ImGui::GetColorU32(hinting ? p.muted_text : p.text), words.c_str(), nullptr, column_width - 2 * inset);
    ImGui::Dummy(ImVec2(column_width, height));
  }
  w.gap(4);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float key_width = std::floor((column_width - 2 * spacing) / 3);
  // Delete and Clear sit beside 0 when their words fit a key on one line; with large text or
  // longer words ("Borrar todo") they get a row of their own, half the width each.
  const float pad = ImGui::GetStyle().FramePadding.x;
  const float room = key_width - 2 * w.padding(ButtonRole::Key);  // a key's room for words
  auto fits = [&](Phrase p) { return w.label_width(say(p)) - 2 * pad <= room; };
  const bool beside_zero = fits(Phrase::Delete) && fits(Phrase::Clear);
  auto del = [&](float width) { w.small("key:del", say(Phrase::Delete), Intent::of(Kind::DeleteDigit), width, ButtonRole::Key); };
  auto clear = [&](float width) { w.small("key:clear", say(Phrase::Clear), Intent::of(Kind::ClearNumber), width, ButtonRole::Key); };
  for (int i = 0; i < 12; ++i) {
    if (i % 3) ImGui::SameLine();
    else ImGui::SetCursorPosX(column_left);
    if (i < 9) w.small("key:" + std::to_string(i + 1), std::to_string(i + 1), Intent::with_number(Kind::Digit, i + 1), key_width, ButtonRole::Key);
    else if (i == 10) w.small("key:0", "0", Intent::with_number(Kind::Digit, 0), key_width, ButtonRole::Key);
    else if (!beside_zero) ImGui::Dummy(ImVec2(key_width, w.small_height()));
    else if (i == 9) del(key_width);
    else clear(key_width);
  }
  if (!beside_zero) {
    const float half = std::floor((column_width - spacing) / 2);
    ImGui::SetCursorPosX(column_left);
    del(half);
    ImGui::SameLine();
    clear(half);
  }
  w.action(Widgets::ActionLook::Primary, "continue", say(Phrase::Continue), Intent::of(Kind::Continue));
}

// Month and year: a year stepper, then twelve month buttons; a month answers at once.
void PrescreenApp::draw_month_year_answers(Widgets& w, const Question&) const {
  w.muted(say(Phrase::MonthHint));
  const int year = flow_.year_shown();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float third = std::floor((w.column_width() - 2 * spacing) / 3);
  ImGui::SetCursorPosX(w.column_left());
  w.small("year:previous", "\xE2\x80\xB9 " + std::to_string(year - 1), Intent::of(Kind::PreviousYear), third);
  ImGui::SameLine();
  {
    const std::string shown = std::to_string(year);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImFont* font = w.fonts().title;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0, shown.c_str());
    const float height = w.small_height();
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(at.x + (third - size.x) / 2, at.y + (height - size.y) / 2),
                                        ImGui::GetColorU32(default_palette().text), shown.c_str());
    ImGui::Dummy(ImVec2(third, height));
  }
  ImGui::SameLine();
  w.small("year:next", std::to_string(year + 1) + " \xE2\x80\xBA", Intent::of(Kind::NextYear), third);
  w.gap(4);
  const auto& given = flow_.answer_to(flow_.question_index());
  for (int m = 0; m < 12; ++m) {
    if (m % 3) ImGui::SameLine();
    else ImGui::SetCursorPosX(w.column_left());
    const bool selected = given && given->kind == Answer::Kind::MonthYear && static_cast<int>(given->number) == year * 12 + m;
    std::string label = month_name(m, flow_.lang());
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    w.small("month:" + std::to_string(m + 1), label, Intent::with_number(Kind::PickMonth, m), third, ButtonRole::Option,
            selected);
  }
}

void PrescreenApp::draw_unknown_answers(Widgets& w, const Question& q) const {
  const auto& given = flow_.answer_to(flow_.question_index());
  for (UnknownKind kind : q.unknown_answers) {
    const bool selected = given && given->is_unknown() && given->unknown_kind == kind;
    // An unknown answer is a way on from the question, kept in view like Continue.
    w.action(Widgets::ActionLook::Choice, std::string("option:") + unknown_kind_id(kind),
             unknown_answer_words(kind, lang_code(flow_.lang())), Intent::choose_unknown(kind), selected);
  }
}

}  // namespace trialmatch::ui
