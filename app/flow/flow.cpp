// The flow: opening what the page asked for, and moving between screens (flow.h).
#include "flow.h"

#include <algorithm>
#include <ctime>
#include <utility>

#include "result_code.h"

namespace trialmatch::flow {

Flow::Flow(Lang lang) : lang_(lang) {}

// ---------------------------------------------------------------------------------------
// [SECTION] Opening the study, or a catalog and its studies (study_opening.h)
// ---------------------------------------------------------------------------------------
void Flow::on_file_text(const std::string& file_name, const std::string& text) {
  if (file_name == NearMe::kZipTableFile) return on_zip_table(&text, "");
  if (has_trial() || screen_ == Screen::Error) return;  // one load per page
  after_opening(opening_.on_file_text(file_name, text, effects_));
}

void Flow::on_file_fetch_failed(const std::string& file_name, const std::string& reason) {
  if (file_name == NearMe::kZipTableFile) return on_zip_table(nullptr, reason);
  if (has_trial() || screen_ == Screen::Error) return;
  after_opening(opening_.on_fetch_failed(file_name, reason, effects_));
}

void Flow::after_opening(StudyOpening::Step step) {
  if (step == StudyOpening::Step::Failed) return go_to(Screen::Error);
  if (step != StudyOpening::Step::Opened) return;
  study_ = opening_.study();
  catalog_ = opening_.catalog();
  opened(opening_.take_questionnaire(), opening_.languages());
}

void Flow::open_catalog(const std::string& file_name, std::unique_ptr<CatalogQuestionnaire> catalog) {
  if (has_trial() || screen_ == Screen::Error) return;
  const std::vector<Lang> languages = langs_from_codes(catalog->catalog().languages);
  if (languages.empty()) return;
  opening_.opening(file_name);
  catalog_ = catalog.get();
  opened(std::move(catalog), languages);
}

void Flow::opened(std::unique_ptr<Questionnaire> questionnaire, const std::vector<Lang>& languages) {
  languages_ = languages;
  if (std::find(languages_.begin(), languages_.end(), lang_) == languages_.end()) lang_ = languages_.front();
  questionnaire_ = std::move(questionnaire);
  go_to(Screen::Welcome);
  if (start_on_support_) {
    start_on_support_ = false;
    open_support();
    support_after_wipe_ = true;
  }
}

const Session& Flow::session() const {
  if (study_) return study_->session();
  const CatalogSession& cs = catalog_->session();
  if (result_study_ >= 0 && cs.open(result_study_)) return cs.session(result_study_);
  return cs.session(cs.ranking().front().study);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Moving between screens
// ---------------------------------------------------------------------------------------
void Flow::go_to(Screen screen) {
  if (screen != Screen::Zip) near_me_.stop_waiting();  // the person left: the table arriving changes nothing
  // What opening a saved file came to stays up through the support screen an answer in it
  // may open, and goes with the next screen after.
  if (screen != Screen::Support && screen_ != Screen::Support) saved_notice_ = SavedNotice::None;
  if (screen_ == Screen::ShareConfirm && screen != Screen::ShareConfirm) effects_.push(effect::CloseShareWindow{});
  screen_ = screen;
  ++view_number_;
  if (screen != Screen::Support) support_after_wipe_ = false;
  // The answers' code exists only while its screen shows (made again on coming back from
  // the support screen), and is gone once the person leaves it.
  code_image_ = screen == Screen::ResultCode ? qr_image(result_code(session())) : QrImage{};
  input_problem_ = InputProblem::None;
  why_open_ = false;
}

void Flow::show_question(int question_index) {
  question_ = question_index;
  go_to(Screen::Question);
  // A month stepper without an earlier answer starts on this year.
  const std::time_t t = std::time(nullptr);
  const std::tm* now = std::gmtime(&t);
  entry_.begin(question(), questionnaire_->answer_to(question_index), now ? now->tm_year + 1900 : 2026);
}

// The questions begin (or the review, when a restored file answered them all).
void Flow::begin_questions() {
  const int next = questionnaire_->next_question();
  if (next >= 0) show_question(next);
  else go_to(Screen::Review);
}

void Flow::give_answer(const Answer& answer) {
  const int alerts_before = questionnaire_->alerts_from(question_);
  if (auto problem = questionnaire_->answer(question_, answer)) {
    // The screens offer only fitting answers, so this is a safety net, in the person's words.
    input_problem_ = problem->fault == AnswerProblem::Fault::NothingChosen ? InputProblem::ChooseAtLeastOne
                                                                           : InputProblem::AnswerDoesNotFit;
    return;
  }
  // A new safety alert from this answer: the support screen comes first, at once.
  const bool alert = questionnaire_->alerts_from(question_) > alerts_before;
  begin_questions();
  if (alert) show_support_after_disclosure();
}

// The support screen, because of an answer; "Continue" goes back to the screen now shown.
void Flow::show_support_after_disclosure() {
  support_return_ = screen_;
  go_to(Screen::Support);
  support_after_disclosure_ = true;
  crisis_disclosed_ = true;
}

void Flow::open_support() {
  if (screen_ != Screen::Support) support_return_ = screen_;
  go_to(Screen::Support);
  support_after_disclosure_ = false;
}

void Flow::go_back() {
  switch (screen_) {
    case Screen::Question:
    case Screen::Review: {
      const int previous = questionnaire_->previous_question(screen_ == Screen::Question ? question_ : -1);
      if (previous >= 0) show_question(previous);
      else if (offers_zip_at_start()) open_zip_at_start();
      else go_to(Screen::Welcome);
      break;
    }
    case Screen::Results: go_to(Screen::Review); break;
    case Screen::Zip: go_to(near_me_.at_start() ? Screen::Welcome : Screen::Results); break;
    case Screen::Result: go_to(catalog_ ? Screen::Results : Screen::Review); break;
    case Screen::Support: go_to(support_return_); break;
    case Screen::ShareConfirm: go_to(Screen::Result); break;
    case Screen::ResultCode: go_to(Screen::Result); break;
    default: break;
  }
}

void Flow::start_over() {
  if (kiosk()) {
    // A fresh page for the next person, not cleared fields; once, however many presses.
    if (clock_.wiping()) return;
    clock_.begin_wipe();
    effects_.push(effect::FreshStart{""});
    return;
  }
  forget_person();
  go_to(Screen::Welcome);
}

// Everything this person entered or did: answers, the study opened, the ZIP code, what was
// shared. Start over and opening a saved file both begin from nothing.
void Flow::forget_person() {
  questionnaire_->reset();
  result_study_ = -1;
  near_me_.forget_person();
  support_after_disclosure_ = false;
  crisis_disclosed_ = false;
  sharing_.forget_person();
  question_ = -1;
  entry_.clear();
}

}  // namespace trialmatch::flow
