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
  draw_back(w);
  draw_saved_notice(w);
  w.say(TextRole::Progress, fill(say(Phrase::QuestionProgress), {{"n", std::to_string(at.step)}, {"total", std::to_string(at.total)}}),
        default_palette().muted_text);
  // A thin progress bar.
  {
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const float width = w.column_width(), height = 6 * w.scale();
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
  if (!message.empty()) w.say(TextRole::Problem, message, default_palette().error, w.fonts().body_bold);
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
  w.gap(4);
  w.primary("continue", say(Phrase::Continue), Intent::of(Kind::Continue));
}

void PrescreenApp::draw_number_answers(Widgets& w, const Question& q) const {
  w.muted(say(Phrase::NumberHint));
  draw_keypad(w, flow_.number_entry(), q.unit.empty() ? "" : flow_.words(q.unit));
}

// The digits typed so far (`entry`, with its `unit`), large, in a box; a keypad of 1-9,
// Delete, 0, Clear, big enough for a thumb; and Continue. For number questions and ZIP
// codes. The box's words go to the screen model too, for screen readers.
void PrescreenApp::draw_keypad(Widgets& w, const std::string& entry, const std::string& unit) const {
  const std::string shown = (entry.empty() ? std::string("\xE2\x80\x93") : entry) + (unit.empty() ? "" : "  " + unit);
  w.note(TextRole::Entry, entry.empty() ? std::string(say(Phrase::NothingTyped))
                                        : fill(say(Phrase::TypedSoFar), {{"entry", entry + (unit.empty() ? "" : " " + unit)}}));
  const Palette& p = default_palette();
  const float scale = w.scale();
  const float column_left = w.column_left(), column_width = w.column_width();
  {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float height = 64 * scale;
    ImDrawList* d = ImGui::GetWindowDrawList();
    d->AddRectFilled(at, ImVec2(at.x + column_width, at.y + height), ImGui::GetColorU32(p.surface), 12 * scale);
    d->AddRect(at, ImVec2(at.x + column_width, at.y + height), ImGui::GetColorU32(p.accent), 12 * scale, 0, 2 * scale);
    ImFont* font = w.fonts().title;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0, shown.c_str());
    d->AddText(font, font->FontSize, ImVec2(at.x + 20 * scale, at.y + (height - size.y) / 2), ImGui::GetColorU32(p.text),
               shown.c_str());
    ImGui::Dummy(ImVec2(column_width, height));
  }
  w.gap(4);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float key_width = std::floor((column_width - 2 * spacing) / 3);
  const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "clear"};
  for (int i = 0; i < 12; ++i) {
    if (i % 3) ImGui::SameLine();
    else ImGui::SetCursorPosX(column_left);
    const std::string key = keys[i];
    if (key == "del") w.small("key:del", say(Phrase::Delete), Intent::of(Kind::DeleteDigit), key_width, ButtonRole::Key);
    else if (key == "clear") w.small("key:clear", say(Phrase::Clear), Intent::of(Kind::ClearNumber), key_width, ButtonRole::Key);
    else w.small("key:" + key, key, Intent::with_number(Kind::Digit, key[0] - '0'), key_width, ButtonRole::Key);
  }
  w.gap(4);
  w.primary("continue", say(Phrase::Continue), Intent::of(Kind::Continue));
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
    const float height = 48 * w.scale();
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
    w.choice(std::string("option:") + unknown_kind_id(kind), unknown_answer_words(kind, lang_code(flow_.lang())), selected,
             Intent::choose_unknown(kind));
  }
}

}  // namespace trialmatch::ui
