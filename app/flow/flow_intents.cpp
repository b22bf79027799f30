// Flow::apply: what each intent does, by what it is about (flow.h). An intent that does not
// fit the screen (a stale tap, a key with nothing to do) changes nothing.
#include <algorithm>

#include "fhir_questionnaire_response.h"
#include "flow.h"
#include "links.h"
#include "printable_summary.h"

namespace trialmatch::flow {

void Flow::apply(const Intent& intent) {
  using K = Intent::Kind;
  // Without a trial only the text size can change (the error and loading screens).
  if (!questionnaire_ && intent.kind != K::CycleTextSize) return;
  if (blocked_by_countdown(intent.kind)) return;
  switch (intent.kind) {
    case K::SwitchLanguage: lang_ = next_language(); return;
    case K::CycleTextSize: text_size_percent_ = text_size_percent_ >= 200 ? 100 : text_size_percent_ + 25; return;
    case K::StillHere: stop_countdown(); return;
    default: break;
  }
  if (apply_to_near_me(intent) || apply_to_entry(intent) || apply_to_moves(intent)) return;
  apply_to_requests(intent);
}

// The countdown covers the screen: only its own button, "Need help now?" and the top bar act,
// and on the support screen the crisis numbers it leaves up (a press there is someone there).
bool Flow::blocked_by_countdown(Intent::Kind kind) {
  using K = Intent::Kind;
  if (!still_there_shown()) return false;
  const bool crisis = kind == K::Call988 || kind == K::Text988 || kind == K::TextCrisisLine || kind == K::Call911;
  if (crisis && screen_ == Screen::Support) {
    stop_countdown();
    return false;
  }
  return kind != K::StillHere && kind != K::OpenSupport && kind != K::SwitchLanguage && kind != K::CycleTextSize;
}

// The Zip screen's keypad and Continue, and the distance on the results. Returns whether the
// intent was about them.
bool Flow::apply_to_near_me(const Intent& intent) {
  using K = Intent::Kind;
  const bool on_zip = screen_ == Screen::Zip;
  switch (intent.kind) {
    case K::Digit:
      if (!on_zip) return false;
      if (near_me_.type_digit(intent.number)) input_problem_ = InputProblem::None;
      return true;
    case K::DeleteDigit:
    case K::ClearNumber:
      if (!on_zip) return false;
      if (intent.kind == K::ClearNumber ? near_me_.clear_entry() : near_me_.delete_digit())
        input_problem_ = InputProblem::None;
      return true;
    case K::Continue:
      if (!on_zip) return false;
      // Nothing typed at the start: the same as skipping.
      if (near_me_.at_start() && near_me_.entry().empty() && !near_me_.table_loading()) apply(Intent::of(K::SkipZip));
      else submit_zip();
      return true;
    case K::SkipZip:
      if (!on_zip || !near_me_.at_start()) return true;  // also while the table loads: no waiting on it
      near_me_.clear_zip();
      apply_distance_limit();
      begin_questions();
      return true;
    case K::OpenZip:
      if (screen_ != Screen::Results) return true;
      near_me_.open(false);
      go_to(Screen::Zip);
      return true;
    case K::ForgetZip:
      if (screen_ != Screen::Results) return true;
      near_me_.clear_zip();
      apply_distance_limit();
      ++view_number_;  // the list changes under the person's finger
      return true;
    case K::LimitDistance:
      // On the results once a ZIP code is in use; before the questions, with the ZIP code.
      if (intent.number < 0 || intent.number > 5000) return true;
      if (!(screen_ == Screen::Results && !zip().empty()) && !(on_zip && near_me_.at_start())) return true;
      near_me_.set_distance_limit(intent.number);
      apply_distance_limit();
      ++view_number_;
      return true;
    default: return false;
  }
}

// What is typed, ticked or picked on a question screen. Returns whether the intent was about it.
bool Flow::apply_to_entry(const Intent& intent) {
  using K = Intent::Kind;
  if (screen_ != Screen::Question) return false;
  const Question& q = question();
  switch (intent.kind) {
    case K::Choose:
      if (const Option* option = q.find_option(intent.option)) {
        if (q.type == QuestionType::MultipleChoice) {
          input_problem_ = InputProblem::None;
          entry_.toggle(q, *option);
        } else if (q.type == QuestionType::YesNo || q.type == QuestionType::SingleChoice) {
          give_answer(Answer::of_choice(option->id));
        }
      }
      return true;
    case K::ChooseUnknown:
      if (std::find(q.unknown_answers.begin(), q.unknown_answers.end(), intent.unknown) != q.unknown_answers.end())
        give_answer(Answer::unknown(intent.unknown));
      return true;
    case K::Digit:
      if (intent.number < 0 || intent.number > 9) return true;
      if (q.type == QuestionType::Number) {
        input_problem_ = InputProblem::None;
        entry_.type_digit(intent.number);
      } else if (q.type != QuestionType::MonthYear && intent.number >= 1 && static_cast<size_t>(intent.number) <= q.options.size()) {
        apply(Intent::choose(q.options[static_cast<size_t>(intent.number - 1)].id));
      }
      return true;
    case K::DeleteDigit:
    case K::ClearNumber:
      if (q.type != QuestionType::Number) return true;
      input_problem_ = InputProblem::None;
      if (intent.kind == K::ClearNumber) entry_.clear_number();
      else entry_.delete_digit();
      return true;
    case K::Continue: take_entry_outcome(entry_.submit(q)); return true;
    case K::PreviousYear:
    case K::NextYear:
      if (q.type == QuestionType::MonthYear) entry_.step_year(q, intent.kind == K::NextYear ? 1 : -1);
      return true;
    case K::PickMonth:
      if (q.type == QuestionType::MonthYear) take_entry_outcome(entry_.pick_month(q, intent.number));
      return true;
    case K::ToggleWhy: why_open_ = !why_open_; return true;
    default: return false;
  }
}

void Flow::take_entry_outcome(const AnswerEntry::Outcome& outcome) {
  if (outcome.answer) return give_answer(*outcome.answer);
  switch (outcome.problem) {
    case EntryProblem::None: break;
    case EntryProblem::ChooseAtLeastOne: input_problem_ = InputProblem::ChooseAtLeastOne; break;
    case EntryProblem::NumberOutOfRange: input_problem_ = InputProblem::NumberOutOfRange; break;
    case EntryProblem::MonthOutOfRange: input_problem_ = InputProblem::MonthOutOfRange; break;
  }
}

// Moving between screens. Returns whether the intent was about that.
bool Flow::apply_to_moves(const Intent& intent) {
  using K = Intent::Kind;
  switch (intent.kind) {
    case K::Start:
      if (screen_ != Screen::Welcome) return true;
      if (offers_zip_at_start()) open_zip_at_start();
      else begin_questions();
      return true;
    case K::AnswerMore:
      if (screen_ == Screen::Results && questionnaire_->next_question() >= 0) show_question(questionnaire_->next_question());
      return true;
    case K::Back: go_back(); return true;
    case K::Change: {
      const std::vector<int> path = questionnaire_->path();
      if (screen_ == Screen::Review && std::find(path.begin(), path.end(), intent.number) != path.end())
        show_question(intent.number);
      return true;
    }
    case K::SeeResult:
      if (screen_ == Screen::Review && questionnaire_->next_question() < 0) go_to(catalog_ ? Screen::Results : Screen::Result);
      return true;
    case K::OpenStudy:
      if (screen_ == Screen::Results && intent.number >= 0 &&
          static_cast<size_t>(intent.number) < catalog_->catalog().studies.size() && catalog_->session().open(intent.number)) {
        result_study_ = intent.number;
        go_to(Screen::Result);
      }
      return true;
    case K::ReviewAnswers:
      if (screen_ == Screen::Result || screen_ == Screen::Results) go_to(Screen::Review);
      return true;
    case K::StartOver:
      if (screen_ == Screen::Review || screen_ == Screen::Result || screen_ == Screen::Results || screen_ == Screen::ResultCode)
        start_over();
      return true;
    case K::OpenSupport:
      if (!mental_health() || screen_ == Screen::Support) return true;
      clock_.hide_countdown();  // someone asking for help is there: no countdown over the numbers
      clock_.note_activity(clock_.now());
      open_support();
      return true;
    case K::LeaveSupport:
      if (screen_ == Screen::Support) go_to(support_return_);
      return true;
    case K::ShowCode:
      if (screen_ == Screen::Result) go_to(Screen::ResultCode);
      return true;
    case K::CancelShare:
      if (screen_ == Screen::ShareConfirm) go_to(Screen::Result);
      return true;
    default: return false;
  }
}

// What the page is asked to do: share, print, save or open a file, open a link.
void Flow::apply_to_requests(const Intent& intent) {
  using K = Intent::Kind;
  switch (intent.kind) {
    case K::Share: ask_to_share(); break;
    case K::Print:
      if (can_print()) effects_.push(effect::Print{printable_summary_json(*this)});
      break;
    case K::SaveAnswers:
      if (can_save_answers())
        effects_.push(effect::SaveFile{saved_answers_file_name(file_name()),
                                       saved_answers_json(file_name(), study_editions(), *questionnaire_)});
      break;
    case K::OpenSaved:
      if (can_open_saved()) effects_.push(effect::PickSavedFile{});
      break;
    case K::SaveFhir:
      if (can_save_fhir())
        effects_.push(effect::SaveFile{download_file_name("questionnaire-response-", trial().info.id),
                                       fhir_questionnaire_response(trial(), session().answers(), lang_code(lang_))
                                           .dump(1, ' ', false, nlohmann::json::error_handler_t::replace)});
      break;
    case K::OpenContact:
      if (screen_ == Screen::Result) {
        const std::string link = contact_link(intent.number);
        if (!link.empty()) effects_.push(effect::OpenLink{link});
      }
      break;
    case K::Call988: effects_.push(effect::OpenLink{crisis_link(CrisisLine::Call988, lang_)}); break;
    case K::Text988: effects_.push(effect::OpenLink{crisis_link(CrisisLine::Text988, lang_)}); break;
    case K::TextCrisisLine: effects_.push(effect::OpenLink{crisis_link(CrisisLine::TextCrisisLine, lang_)}); break;
    case K::Call911: effects_.push(effect::OpenLink{crisis_link(CrisisLine::Call911, lang_)}); break;
    default: break;
  }
}

}  // namespace trialmatch::flow
