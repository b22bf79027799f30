#include "prescreen_app.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <nlohmann/json.hpp>

#include "answer_words.h"
#include "imgui.h"
#include "report_json.h"
#include "theme.h"
#include "trial_loader.h"

namespace trialmatch::ui {

PrescreenApp::PrescreenApp(Lang lang) : lang_(lang) {}

const std::string& PrescreenApp::tr(const LocalText& text) const { return text_in(text, lang_code(lang_)); }

void PrescreenApp::on_trial_text(const std::string& file_name, const std::string& text) {
  file_name_ = file_name;
  TrialLoadResult loaded = load_trial(text);
  if (!loaded.trial) {
    errors_.clear();
    for (const Diagnostic& d : loaded.errors) errors_.push_back(format_diagnostic(d, file_name));
    go_to(Screen::Error);
    return;
  }
  languages_.clear();
  for (const std::string& code : loaded.trial->languages) {
    Lang l;
    if (lang_from_code(code, l)) languages_.push_back(l);
  }
  if (languages_.empty()) {
    errors_ = {file_name + ": the study is in languages this app cannot show (it shows en and es)"};
    go_to(Screen::Error);
    return;
  }
  auto speaks = [&](Lang l) { return std::find(languages_.begin(), languages_.end(), l) != languages_.end(); };
  if (!speaks(lang_)) lang_ = languages_.front();
  trial_ = std::make_unique<Trial>(std::move(*loaded.trial));
  session_ = std::make_unique<Session>(*trial_);
  go_to(Screen::Welcome);
  if (start_on_support_) {
    start_on_support_ = false;
    open_support();
    support_after_wipe_ = true;
  }
}

void PrescreenApp::on_trial_fetch_failed(const std::string& file_name, const std::string& reason) {
  file_name_ = file_name;
  errors_ = {reason};
  go_to(Screen::Error);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Kiosk: idle warning, then a full wipe
// ---------------------------------------------------------------------------------------
void PrescreenApp::set_kiosk(double idle_seconds) { kiosk_idle_ = idle_seconds; }

void PrescreenApp::note_activity(double now) {
  now_ = now;
  last_activity_ = now;  // the countdown, once shown, needs its own button ("I'm still here")
}

bool PrescreenApp::has_anything_to_wipe() const {
  if (!session_) return false;
  for (const auto& a : session_->answers())
    if (a) return true;
  return screen_ != Screen::Welcome;
}

double PrescreenApp::tick(double now) {
  now_ = now;
  if (!kiosk() || !has_anything_to_wipe() || wipe_request_ != Wipe::None) {
    wipe_at_ = -1;
    return -1;
  }
  const Wipe wipe = screen_ == Screen::Support ? Wipe::ToSupport : Wipe::ToWelcome;
  if (wipe_at_ >= 0) {
    if (now < wipe_at_) return std::min(1.0, wipe_at_ - now);  // redraw the countdown every second
    wipe_at_ = -1;
    wipe_request_ = wipe;
    return -1;
  }
  const double idle_until = last_activity_ + kiosk_idle_;
  if (now < idle_until) return idle_until - now;
  if (screen_ == Screen::Support) {
    // Someone may be dialling 988 from their own phone: the wipe keeps the numbers on
    // screen. Shown again after a wipe, a further idle period returns them to the welcome
    // screen, in the kiosk's own language, so they do not tell the next person anything.
    wipe_request_ = support_after_wipe_ ? Wipe::ToWelcome : Wipe::ToSupport;
    return -1;
  }
  // The countdown runs from when the idle time ran out, not from when a frame noticed: a
  // page that was hidden or frozen through all of it is wiped at once, with no second chance.
  wipe_at_ = idle_until + std::min(15.0, kiosk_idle_);
  if (now >= wipe_at_) {
    wipe_at_ = -1;
    wipe_request_ = wipe;
    return -1;
  }
  return 0;
}

PrescreenApp::Wipe PrescreenApp::take_wipe_request() {
  const Wipe wipe = wipe_request_;
  wipe_request_ = Wipe::None;
  return wipe;
}

void PrescreenApp::start_on_support(Lang lang) {
  lang_ = lang;
  start_on_support_ = true;
}

std::vector<std::string> PrescreenApp::take_host_messages() {
  std::vector<std::string> out;
  out.swap(host_messages_);
  return out;
}

// What the person agreed to send: the trial, the verdict, each criterion, their answers.
std::string PrescreenApp::share_summary() const {
  nlohmann::json summary =
      evaluation_to_json(*trial_, session_->answers(), session_->evaluation(), session_->progress(), lang_code(lang_));
  nlohmann::json answers = nlohmann::json::object();
  for (int h : session_->progress().history)
    answers[trial_->questions[static_cast<size_t>(h)].id] = answer_to_json(*session_->answer_to(h));
  summary["answers"] = answers;
  summary.erase("next_question");
  return nlohmann::json{{"type", "share"}, {"summary", summary}}.dump(-1, ' ', false,
                                                                    nlohmann::json::error_handler_t::replace);
}

std::string PrescreenApp::take_link_request() {
  std::string link;
  link.swap(link_request_);
  return link;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Intents
// ---------------------------------------------------------------------------------------
void PrescreenApp::go_to(Screen screen) {
  screen_ = screen;
  if (screen != Screen::Support) support_after_wipe_ = false;
  if (screen == Screen::ShareConfirm) confirm_shown_at_ = now_;
  focus_id_.clear();
  scroll_to_top_ = true;
  input_message_.clear();
  why_open_ = false;
}

void PrescreenApp::show_question(int question_index) {
  current_question_ = question_index;
  go_to(Screen::Question);
  number_entry_.clear();
  multi_selection_.clear();
  const auto& previous = session_->answer_to(question_index);
  number_prefilled_ = false;
  if (previous && previous->kind == Answer::Kind::Number) {
    number_entry_ = format_number(previous->number);
    number_prefilled_ = true;  // the first digit typed replaces it, like selected text
  }
  if (previous && previous->kind == Answer::Kind::Choices) multi_selection_ = previous->choices;
  const Question& q = trial_->questions[static_cast<size_t>(question_index)];
  if (q.type == QuestionType::MonthYear) {
    // Start on the earlier answer's year, or this year, kept within the question's range.
    const std::time_t t = std::time(nullptr);
    const std::tm* now = std::gmtime(&t);
    int year = previous && previous->kind == Answer::Kind::MonthYear ? static_cast<int>(previous->number) / 12
                                                                       : (now ? now->tm_year + 1900 : 2026);
    picked_year_ = std::clamp(year, static_cast<int>(q.min) / 12, static_cast<int>(q.max) / 12);
  }
}

void PrescreenApp::give_answer(const Answer& answer) {
  const size_t alerts_before = session_->evaluation().safety.size();
  if (auto problem = session_->answer(current_question_, answer)) {
    // The screens offer only fitting answers, so this is a safety net, in the person's words.
    input_message_ = phrase(problem->fault == AnswerProblem::Fault::NothingChosen ? Phrase::ChooseAtLeastOne
                                                                                  : Phrase::AnswerDoesNotFit,
                            lang_);
    return;
  }
  const int next = session_->progress().next_question;
  const Screen after = (next < 0 || editing_from_review_) && session_->finished() ? Screen::Review : Screen::Question;
  // A new safety alert from this answer: the support screen comes first, at once.
  bool alert = false;
  for (const SafetyAlert& s : session_->evaluation().safety) alert = alert || s.question_index == current_question_;
  if (after == Screen::Question) {
    show_question(next);
  } else {
    editing_from_review_ = false;
    go_to(Screen::Review);
  }
  if (alert && session_->evaluation().safety.size() > alerts_before) {
    support_return_ = screen_;
    go_to(Screen::Support);
    support_after_disclosure_ = true;
  }
}

void PrescreenApp::go_back() {
  switch (screen_) {
    case Screen::Question: {
      const int previous = session_->previous_question(current_question_);
      if (previous >= 0) show_question(previous);
      else go_to(Screen::Welcome);
      break;
    }
    case Screen::Review: {
      const int last = session_->previous_question(-1);
      if (last >= 0) show_question(last);
      else go_to(Screen::Welcome);
      break;
    }
    case Screen::Result: go_to(Screen::Review); break;
    case Screen::Support: go_to(support_return_); break;
    case Screen::ShareConfirm: go_to(Screen::Result); break;
    default: break;
  }
}

void PrescreenApp::start_over() {
  if (kiosk()) {
    wipe_request_ = Wipe::ToWelcome;  // a fresh page for the next person, not cleared fields
    return;
  }
  session_->reset();
  support_after_disclosure_ = false;
  shared_ = false;
  current_question_ = -1;
  editing_from_review_ = false;
  number_entry_.clear();
  multi_selection_.clear();
  go_to(Screen::Welcome);
}

void PrescreenApp::open_support() {
  if (screen_ != Screen::Support) support_return_ = screen_;
  go_to(Screen::Support);
  support_after_disclosure_ = false;
}

// Keyboard: Tab / Shift+Tab and the arrow keys move between buttons, Enter or Space
// presses the one with the focus ring, Escape goes back; on a question, number keys pick
// options or type digits.
void PrescreenApp::handle_keys() {
  if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
    go_back();
    return;
  }
  const ImGuiIO& io = ImGui::GetIO();
  const bool next = (ImGui::IsKeyPressed(GLFW_KEY_TAB) && !io.KeyShift) || ImGui::IsKeyPressed(GLFW_KEY_DOWN) ||
                    ImGui::IsKeyPressed(GLFW_KEY_RIGHT);
  const bool previous = (ImGui::IsKeyPressed(GLFW_KEY_TAB) && io.KeyShift) || ImGui::IsKeyPressed(GLFW_KEY_UP) ||
                        ImGui::IsKeyPressed(GLFW_KEY_LEFT);
  if ((next || previous) && !targets_.empty()) {
    int at = -1;
    for (size_t i = 0; i < targets_.size(); ++i)
      if (targets_[i].id == focus_id_) at = static_cast<int>(i);
    const int n = static_cast<int>(targets_.size());
    at = at < 0 ? (next ? 0 : n - 1) : (at + (next ? 1 : n - 1)) % n;
    focus_id_ = targets_[static_cast<size_t>(at)].id;
    focus_moved_ = true;
  }
  if (!focus_id_.empty() && (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false) ||
                             ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)))
    activate_id_ = focus_id_;
  if (screen_ != Screen::Question || !session_) return;
  const Question& q = trial_->questions[static_cast<size_t>(current_question_)];
  for (int digit = 0; digit <= 9; ++digit) {
    if (!ImGui::IsKeyPressed(GLFW_KEY_0 + digit, false) && !ImGui::IsKeyPressed(GLFW_KEY_KP_0 + digit, false)) continue;
    if (q.type == QuestionType::Number) {
      type_digit(static_cast<char>('0' + digit));
    } else if (digit >= 1 && static_cast<size_t>(digit) <= q.options.size()) {
      const Option& o = q.options[static_cast<size_t>(digit - 1)];
      if (q.type == QuestionType::MultipleChoice) {
        auto it = std::find(multi_selection_.begin(), multi_selection_.end(), o.id);
        if (it != multi_selection_.end()) multi_selection_.erase(it);
        else if (o.exclusive) multi_selection_ = {o.id};
        else {
          multi_selection_.erase(std::remove_if(multi_selection_.begin(), multi_selection_.end(),
                                                [&](const std::string& id) { return q.find_option(id)->exclusive; }),
                                 multi_selection_.end());
          multi_selection_.push_back(o.id);
        }
      } else {
        give_answer(Answer::of_choice(o.id));
      }
    }
  }
  if (q.type == QuestionType::Number && ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE) && !number_entry_.empty()) {
    number_entry_.pop_back();
    number_prefilled_ = false;
  }
}

void PrescreenApp::type_digit(char digit) {
  input_message_.clear();
  if (number_prefilled_ || number_entry_ == "0") number_entry_.clear();
  number_prefilled_ = false;
  if (number_entry_.size() < 6) number_entry_ += digit;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Frame
// ---------------------------------------------------------------------------------------
void PrescreenApp::draw(float width, float height, const Fonts& fonts, float pixel_ratio, float scroll_pixels) {
  const float scale = fonts.scale;
  pixel_ratio_ = pixel_ratio;
  page_height_ = height;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, screen_ == Screen::Support ? default_palette().support_background
                                                                      : default_palette().background);
  ImGui::Begin("##page", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (scroll_to_top_) {
    ImGui::SetScrollY(0);
    scroll_to_top_ = false;
  } else if (scroll_pixels != 0) {
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + scroll_pixels, 0.f, ImGui::GetScrollMaxY()));
  }
  scroll_y_ = ImGui::GetScrollY();
  scroll_max_ = ImGui::GetScrollMaxY();
  handle_keys();  // uses the buttons of the previous frame
  targets_.clear();
  texts_.clear();
  Widgets w(fonts, targets_, texts_, focus_id_, focus_moved_, activate_id_);
  focus_moved_ = false;
  // One readable column, centred: about 36 em at most.
  const float margin = 20.f * scale;
  column_width_ = std::min(width - 2 * margin, 620.f * scale);
  column_left_ = std::floor((width - column_width_) / 2);
  ImGui::SetCursorPosX(column_left_);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(column_left_ + column_width_);
  ImGui::PushItemWidth(column_width_);
  ImGui::Dummy(ImVec2(column_width_, 2 * scale));
  draw_top_bar(w);
  // The countdown replaces the page: it also hides the last person's answers from passers-by.
  if (wipe_at_ >= 0) draw_still_there(w);
  else switch (screen_) {
    case Screen::Loading: draw_loading(w); break;
    case Screen::Error: draw_error(w); break;
    case Screen::Welcome: draw_welcome(w); break;
    case Screen::Question: draw_question(w); break;
    case Screen::Review: draw_review(w); break;
    case Screen::Result: draw_result(w); break;
    case Screen::Support: draw_support(w); break;
    case Screen::ShareConfirm: draw_share_confirm(w); break;
  }
  w.gap(24);
  activate_id_.clear();  // a press for a button no longer on screen is dropped
  ImGui::PopItemWidth();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  content_height_ = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY();
  ImGui::End();
  ImGui::PopStyleColor();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Words for answers
// ---------------------------------------------------------------------------------------
std::string PrescreenApp::option_label(const Option& o) const { return option_words(o, lang_code(lang_)); }

std::string PrescreenApp::answer_label(const Question& q, const Answer& a) const {
  switch (a.kind) {
    case Answer::Kind::Unknown:
      return unknown_answer_words(a.unknown_kind, lang_code(lang_));
    case Answer::Kind::Choice: {
      const Option* o = q.find_option(a.choice);
      return o ? option_label(*o) : a.choice;
    }
    case Answer::Kind::Choices: {
      std::string out;
      for (const Option& o : q.options)
        if (a.has_choice(o.id)) out += (out.empty() ? "" : "; ") + option_label(o);
      return out;
    }
    case Answer::Kind::Number: {
      const std::string n = format_number(a.number);
      return q.unit.empty() ? n : n + " " + tr(q.unit);
    }
    case Answer::Kind::MonthYear: {
      const int m = static_cast<int>(a.number);
      return std::string(month_name(m % 12, lang_)) + " " + std::to_string(m / 12);
    }
  }
  return "";
}

std::string PrescreenApp::heading() const {
  if (wipe_at_ >= 0) return phrase(Phrase::StillThereHeading, lang_);
  switch (screen_) {
    case Screen::Loading: return phrase(Phrase::Loading, lang_);
    case Screen::Error: return phrase(Phrase::ErrorTitle, lang_);
    case Screen::Welcome: return tr(trial_->info.title);
    case Screen::Question: return tr(trial_->questions[static_cast<size_t>(current_question_)].text);
    case Screen::Review: return phrase(Phrase::ReviewHeading, lang_);
    case Screen::Result: {
      const Verdict v = session_->evaluation().verdict;
      return phrase(v == Verdict::LikelyEligible ? Phrase::LikelyHeadline
                    : v == Verdict::NeedsReview   ? Phrase::ReviewHeadline
                                                  : Phrase::NotEligibleHeadline,
                    lang_);
    }
    case Screen::Support: return phrase(Phrase::SupportHeading, lang_);
    case Screen::ShareConfirm: return phrase(Phrase::ShareHeading, lang_);
  }
  return "";
}

// ---------------------------------------------------------------------------------------
// [SECTION] Describe (test hook and the accessibility mirror's source)
// ---------------------------------------------------------------------------------------
std::string PrescreenApp::describe() const {
  static const char* kScreens[] = {"loading", "error", "welcome", "question", "review", "result", "support", "share_confirm"};
  nlohmann::json d;
  d["screen"] = kScreens[static_cast<int>(screen_)];
  d["heading"] = heading();
  d["lang"] = lang_code(lang_);
  if (screen_ == Screen::Error) {
    d["file"] = file_name_;
    d["errors"] = errors_;
  }
  if (trial_) d["title"] = tr(trial_->info.title);
  if (screen_ == Screen::Question && current_question_ >= 0) {
    const Question& q = trial_->questions[static_cast<size_t>(current_question_)];
    const auto& given = session_->answer_to(current_question_);
    d["question"] = {{"id", q.id},
                     {"text", tr(q.text)},
                     {"type", question_type_id(q.type)},
                     {"answer", given ? nlohmann::json(answer_label(q, *given)) : nlohmann::json(nullptr)},
                     {"entry", number_entry_},
                     {"message", input_message_}};
  }
  if (session_) {
    const Progress& p = session_->progress();
    d["progress"] = {{"step", p.step}, {"total", p.estimated_total}};
    d["verdict"] = screen_ == Screen::Result ? nlohmann::json(verdict_id(session_->evaluation().verdict))
                                             : nlohmann::json(nullptr);
    nlohmann::json answers = nlohmann::json::object();
    for (int h : p.history) {
      const Question& q = trial_->questions[static_cast<size_t>(h)];
      answers[q.id] = answer_label(q, *session_->answer_to(h));
    }
    d["answers"] = answers;
  }
  nlohmann::json buttons = nlohmann::json::array();
  // Places in CSS pixels, as a page sees them.
  const float r = pixel_ratio_ > 0 ? pixel_ratio_ : 1.f;
  for (const Target& t : targets_)
    buttons.push_back({{"id", t.id}, {"label", t.label}, {"x", t.min.x / r}, {"y", t.min.y / r},
                       {"w", (t.max.x - t.min.x) / r}, {"h", (t.max.y - t.min.y) / r}, {"selected", t.selected},
                       {"visible", t.min.y >= 0 && t.max.y <= page_height_}});
  d["buttons"] = buttons;
  d["texts"] = texts_;
  d["focus"] = focus_id_;
  d["kiosk"] = kiosk();
  d["text_size"] = text_size_percent_;
  d["still_there"] = wipe_at_ >= 0;
  d["scroll"] = {{"y", scroll_y_ / r}, {"max", scroll_max_ / r}};
  // Error messages quote the trial file, which may hold anything: never abort on bad UTF-8.
  return d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace trialmatch::ui
