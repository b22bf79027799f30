// One question per screen: progress, the question, "Why we ask", big answer buttons,
// "I'm not sure" where the trial allows it, and Back. Numbers use an on-screen keypad.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "answer_words.h"
#include "imgui.h"
#include "prescreen_app.h"
#include "theme.h"

namespace trialmatch::ui {

void PrescreenApp::draw_question(Widgets& w) {
  const Question& q = trial_->questions[static_cast<size_t>(current_question_)];
  const Progress& p = session_->progress();
  // Progress counts the questions before this one on the person's path.
  int step = 1;
  for (int h : p.history)
    if (h < current_question_) ++step;
  const int total = std::max(p.estimated_total, step);

  if (w.small("back", std::string("\xE2\x80\xB9 ") + phrase(Phrase::Back, lang_))) {
    go_back();
    return;
  }
  w.muted(fill(phrase(Phrase::QuestionProgress, lang_), {{"n", std::to_string(step)}, {"total", std::to_string(total)}}));
  // A thin progress bar.
  {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = column_width_, height = 6 * w.scale();
    ImDrawList* d = ImGui::GetWindowDrawList();
    d->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(default_palette().choice_hover), height);
    d->AddRectFilled(at, ImVec2(at.x + width * static_cast<float>(step) / static_cast<float>(total), at.y + height),
                     ImGui::GetColorU32(default_palette().accent), height);
    ImGui::Dummy(ImVec2(width, height));
  }
  w.gap(6);
  w.title(tr(q.text));
  if (!q.why.empty()) {
    if (w.link("why", std::string(why_open_ ? "\xE2\x80\x93 " : "+ ") + phrase(Phrase::WhyWeAsk, lang_)))
      why_open_ = !why_open_;
    if (why_open_) w.muted(tr(q.why));
  }
  w.gap(4);
  switch (q.type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice: draw_choice_answers(w, q); break;
    case QuestionType::MultipleChoice: draw_multiple_answers(w, q); break;
    case QuestionType::Number: draw_number_answers(w, q); break;
    case QuestionType::MonthYear: draw_month_year_answers(w, q); break;
  }
  if (screen_ != Screen::Question) return;  // an answer moved on
  draw_unknown_answers(w, q);
  if (!input_message_.empty()) w.coloured(input_message_, default_palette().error, w.fonts().body_bold);
}

void PrescreenApp::draw_choice_answers(Widgets& w, const Question& q) {
  const auto& given = session_->answer_to(current_question_);
  for (const Option& o : q.options) {
    const bool selected = given && given->kind == Answer::Kind::Choice && given->choice == o.id;
    if (w.choice("option:" + o.id, option_label(o), selected)) {
      give_answer(Answer::of_choice(o.id));
      return;
    }
  }
}

void PrescreenApp::draw_multiple_answers(Widgets& w, const Question& q) {
  w.muted(phrase(Phrase::ChooseAllThatApply, lang_));
  for (const Option& o : q.options) {
    auto it = std::find(multi_selection_.begin(), multi_selection_.end(), o.id);
    const bool selected = it != multi_selection_.end();
    if (w.choice("option:" + o.id, option_label(o), selected)) {
      input_message_.clear();
      if (selected) {
        multi_selection_.erase(it);
      } else if (o.exclusive) {
        multi_selection_ = {o.id};
      } else {
        multi_selection_.erase(std::remove_if(multi_selection_.begin(), multi_selection_.end(),
                                              [&](const std::string& id) { return q.find_option(id)->exclusive; }),
                               multi_selection_.end());
        multi_selection_.push_back(o.id);
      }
    }
  }
  w.gap(4);
  if (w.primary("continue", phrase(Phrase::Continue, lang_))) {
    if (multi_selection_.empty()) input_message_ = phrase(Phrase::ChooseAtLeastOne, lang_);
    else give_answer(Answer::of_choices(multi_selection_));
  }
}

void PrescreenApp::draw_number_answers(Widgets& w, const Question& q) {
  const Palette& p = default_palette();
  const float scale = w.scale();
  w.muted(phrase(Phrase::NumberHint, lang_));
  // The number so far, large, in a box.
  {
    const std::string shown = (number_entry_.empty() ? std::string("\xE2\x80\x93") : number_entry_) +
                              (q.unit.empty() ? "" : "  " + tr(q.unit));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float height = 64 * scale;
    ImDrawList* d = ImGui::GetWindowDrawList();
    d->AddRectFilled(at, ImVec2(at.x + column_width_, at.y + height), ImGui::GetColorU32(p.surface), 12 * scale);
    d->AddRect(at, ImVec2(at.x + column_width_, at.y + height), ImGui::GetColorU32(p.accent), 12 * scale, 0, 2 * scale);
    ImFont* font = w.fonts().title;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0, shown.c_str());
    d->AddText(font, font->FontSize, ImVec2(at.x + 20 * scale, at.y + (height - size.y) / 2), ImGui::GetColorU32(p.text),
               shown.c_str());
    ImGui::Dummy(ImVec2(column_width_, height));
  }
  w.gap(4);
  // Keypad: 1-9, then Delete, 0, Clear. Keys are big enough for a thumb.
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float key_width = std::floor((column_width_ - 2 * spacing) / 3);
  const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "clear"};
  for (int i = 0; i < 12; ++i) {
    if (i % 3) ImGui::SameLine();
    else ImGui::SetCursorPosX(column_left_);
    const std::string key = keys[i];
    const std::string label = key == "del" ? phrase(Phrase::Delete, lang_) : key == "clear" ? phrase(Phrase::Clear, lang_) : key;
    if (w.small("key:" + key, label, false, key_width)) {
      input_message_.clear();
      if (key == "del") {
        if (!number_entry_.empty()) number_entry_.pop_back();
        number_prefilled_ = false;
      } else if (key == "clear") {
        number_entry_.clear();
        number_prefilled_ = false;
      } else {
        type_digit(key[0]);
      }
    }
  }
  w.gap(4);
  if (w.primary("continue", phrase(Phrase::Continue, lang_))) {
    const double value = number_entry_.empty() ? -1 : std::atof(number_entry_.c_str());
    if (number_entry_.empty() || value < q.min || value > q.max) {
      input_message_ = fill(phrase(Phrase::NumberOutOfRange, lang_), {{"min", format_number(q.min)}, {"max", format_number(q.max)}});
    } else {
      give_answer(Answer::of_number(value));
    }
  }
}

// Month and year: a year stepper, then twelve month buttons; a month answers at once.
void PrescreenApp::draw_month_year_answers(Widgets& w, const Question& q) {
  w.muted(phrase(Phrase::MonthHint, lang_));
  const int first_year = static_cast<int>(q.min) / 12, last_year = static_cast<int>(q.max) / 12;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float third = std::floor((column_width_ - 2 * spacing) / 3);
  ImGui::SetCursorPosX(column_left_);
  if (w.small("year:previous", "\xE2\x80\xB9 " + std::to_string(picked_year_ - 1), false, third) &&
      picked_year_ > first_year)
    --picked_year_;
  ImGui::SameLine();
  {
    const std::string year = std::to_string(picked_year_);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImFont* font = w.fonts().title;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0, year.c_str());
    const float height = 48 * w.scale();
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(at.x + (third - size.x) / 2, at.y + (height - size.y) / 2),
                                        ImGui::GetColorU32(default_palette().text), year.c_str());
    ImGui::Dummy(ImVec2(third, height));
  }
  ImGui::SameLine();
  if (w.small("year:next", std::to_string(picked_year_ + 1) + " \xE2\x80\xBA", false, third) &&
      picked_year_ < last_year)
    ++picked_year_;
  w.gap(4);
  const auto& given = session_->answer_to(current_question_);
  for (int m = 0; m < 12; ++m) {
    if (m % 3) ImGui::SameLine();
    else ImGui::SetCursorPosX(column_left_);
    const int value = picked_year_ * 12 + m;
    const bool selected = given && given->kind == Answer::Kind::MonthYear && static_cast<int>(given->number) == value;
    std::string label = month_name(m, lang_);
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    if (w.small("month:" + std::to_string(m + 1), label, selected, third)) {
      if (value < q.min || value > q.max) {
        auto name = [&](int v) { return std::string(month_name(v % 12, lang_)) + " " + std::to_string(v / 12); };
        input_message_ = fill(phrase(Phrase::MonthOutOfRange, lang_),
                              {{"min", name(static_cast<int>(q.min))}, {"max", name(static_cast<int>(q.max))}});
      } else {
        give_answer(Answer::of_month_year(value));
        return;
      }
    }
  }
}

void PrescreenApp::draw_unknown_answers(Widgets& w, const Question& q) {
  if (q.unknown_answers.empty()) return;
  const auto& given = session_->answer_to(current_question_);
  for (UnknownKind kind : q.unknown_answers) {
    const bool selected = given && given->is_unknown() && given->unknown_kind == kind;
    const char* label = unknown_answer_words(kind, lang_code(lang_));
    if (w.choice(std::string("option:") + unknown_kind_id(kind), label, selected)) {
      give_answer(Answer::unknown(kind));
      return;
    }
  }
}

}  // namespace trialmatch::ui
