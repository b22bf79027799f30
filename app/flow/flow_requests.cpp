// The flow's dealings beyond the screens (flow.h): the kiosk's clock, studies near me, a saved
// file of answers, sharing with a host page, the study's contact links.
#include <algorithm>

#include "flow.h"
#include "host_messages.h"
#include "links.h"
#include "share_window_texts.h"

namespace trialmatch::flow {

// ---------------------------------------------------------------------------------------
// [SECTION] Kiosk: idle warning, then a full wipe (kiosk_clock.h)
// ---------------------------------------------------------------------------------------
bool Flow::has_anything_to_wipe() const {
  if (!questionnaire_) return false;
  for (int q = 0; q < questionnaire_->count(); ++q)
    if (questionnaire_->answer_to(q)) return true;
  return screen_ != Screen::Welcome;
}

double Flow::tick(double now) {
  // On the support screen shown again after a wipe, the numbers (kept up for someone who may
  // be dialling from their own phone) give way to the welcome screen in the kiosk's own
  // language after a further idle period. This page holds nothing of the person, so no second
  // load: the server and an embedding page see one load per wipe, whatever the screen was.
  const bool give_way = screen_ == Screen::Support && support_after_wipe_;
  const KioskClock::Tick tick = clock_.tick(now, has_anything_to_wipe(), give_way);
  switch (tick.event) {
    case KioskClock::Event::None: break;
    case KioskClock::Event::CountdownShown: ++view_number_; break;  // presses aimed at the screen are dropped
    case KioskClock::Event::IdleAgain:
      lang_ = home_lang_;
      go_to(Screen::Welcome);
      break;
    case KioskClock::Event::Wipe:
      ++view_number_;  // presses aimed at the screen are dropped while the page loads afresh
      // On the support screen the fresh page shows the crisis numbers again.
      effects_.push(effect::FreshStart{screen_ == Screen::Support ? lang_code(lang_) : ""});
      break;
  }
  return tick.wake_in;
}

void Flow::start_on_support(Lang lang) {
  home_lang_ = lang_;
  lang_ = lang;
  start_on_support_ = true;
}

// Someone is there: the countdown goes, and the screen under it is shown again.
void Flow::stop_countdown() {
  clock_.stop_countdown();
  ++view_number_;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Studies near me (near_me.h)
// ---------------------------------------------------------------------------------------
void Flow::submit_zip() {
  switch (near_me_.submit(effects_)) {
    case NearMe::Lookup::NeedsFiveDigits: input_problem_ = InputProblem::ZipNeedsFiveDigits; return;
    case NearMe::Lookup::Waiting: input_problem_ = InputProblem::None; return;
    case NearMe::Lookup::NotFound: input_problem_ = InputProblem::ZipNotFound; return;
    case NearMe::Lookup::Found: break;
  }
  apply_distance_limit();
  if (near_me_.at_start()) begin_questions();
  else go_to(Screen::Results);
}

void Flow::open_zip_at_start() {
  near_me_.open(true);
  input_problem_ = InputProblem::None;
  go_to(Screen::Zip);
}

const Trial* Flow::open_catalog_trial(int study) const {
  return catalog_ && catalog_->session().open(study) ? &catalog_->session().trial(study) : nullptr;
}

bool Flow::offers_zip_at_start() const {
  if (!catalog_) return false;
  for (size_t s = 0; s < catalog_->catalog().studies.size(); ++s)
    if (const Trial* trial = open_catalog_trial(static_cast<int>(s)); trial && has_placeable_site(*trial)) return true;
  return false;
}

// Studies outside the distance limit are set aside, so their questions are not asked; those
// inside it (again) are back in play, asking what they still need.
void Flow::apply_distance_limit() {
  if (!catalog_) return;
  for (size_t s = 0; s < catalog_->catalog().studies.size(); ++s)
    if (catalog_->session().open(static_cast<int>(s))) catalog_->set_aside(static_cast<int>(s), !within_limit(static_cast<int>(s)));
}

// The table arrived (`text`), or could not be fetched (`problem`). A person waiting on the
// Zip screen goes on at once.
void Flow::on_zip_table(const std::string* text, const std::string& problem) {
  const NearMe::TableArrival arrival = near_me_.on_table(text, problem);
  if (screen_ != Screen::Zip || arrival == NearMe::TableArrival::Nobody) return;
  if (arrival == NearMe::TableArrival::Failed) input_problem_ = InputProblem::ZipTableFailed;
  else submit_zip();
}

std::optional<double> Flow::miles_to(int study) const {
  const Trial* trial = open_catalog_trial(study);
  return trial ? near_me_.miles_to(*trial) : std::nullopt;
}

std::optional<long> Flow::shown_miles(int study) const {
  const Trial* trial = open_catalog_trial(study);
  return trial ? near_me_.shown_miles(*trial) : std::nullopt;
}

bool Flow::within_limit(int study) const {
  const Trial* trial = open_catalog_trial(study);
  return !trial || near_me_.within_limit(*trial);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Continue later: a saved file of answers
// ---------------------------------------------------------------------------------------
std::vector<StudyEdition> Flow::study_editions() const {
  std::vector<StudyEdition> out;
  auto add = [&](const Trial& t) { out.push_back({t.info.id, t.info.version, t.sha256}); };
  if (study_) add(study_->trial());
  if (catalog_)
    for (size_t i = 0; i < catalog_->catalog().studies.size(); ++i)
      if (catalog_->session().open(static_cast<int>(i))) add(catalog_->session().trial(static_cast<int>(i)));
  return out;
}

void Flow::on_saved_answers(const std::string& text, bool too_big) {
  if (screen_ != Screen::Welcome || !questionnaire_) return;  // the person moved on meanwhile
  const SavedAnswers saved = too_big ? SavedAnswers{} : read_saved_answers(text, file_name(), study_editions(), *questionnaire_);
  using S = SavedAnswers::Status;
  if (saved.status == S::Unreadable || saved.status == S::OtherFile) {
    ++view_number_;
    saved_notice_ = saved.status == S::Unreadable ? SavedNotice::Unreadable : SavedNotice::OtherFile;
    return;
  }
  // The answers replace any already given, in the order they were given.
  forget_person();
  for (const auto& [q, answer] : saved.answers) questionnaire_->answer(q, answer);
  begin_questions();
  saved_notice_ = saved.status == S::Same ? SavedNotice::Restored : SavedNotice::Changed;
  // An answer in the file that calls for crisis support shows the help first, as it did
  // when the person gave it.
  if (questionnaire_->calls_for_crisis_support()) show_support_after_disclosure();
}

// ---------------------------------------------------------------------------------------
// [SECTION] Sharing with the host page (sharing.h)
// ---------------------------------------------------------------------------------------
// "Send to the study team" on a result, and "Show the window again" on the screen that says
// to look there.
void Flow::ask_to_share() {
  if ((screen_ != Screen::Result && screen_ != Screen::ShareConfirm) || !can_share() || shared()) return;
  if (screen_ == Screen::Result) go_to(Screen::ShareConfirm);
  sharing_.set_window_blocked(false);
  effects_.push(effect::OpenShareWindow{share_window_texts(result_title(), host_site(), lang_)});
}

// Sharing is always the person's own act, confirmed in a window of the app's own, and only
// while the frame still shows the screen that sent them there: an answer from a window of an
// earlier screen does nothing.
void Flow::share_window_answered(bool yes) {
  if (screen_ != Screen::ShareConfirm || !can_share() || shared()) return;
  if (yes) {
    effects_.push(effect::PostToHost{share_message(session(), lang_)});
    sharing_.mark_shared(result_study_);
  }
  go_to(Screen::Result);
}

void Flow::share_window_opened(bool opened) {
  if (screen_ != Screen::ShareConfirm) return;
  sharing_.set_window_blocked(!opened);
  ++view_number_;  // the screen's words change
}

// ---------------------------------------------------------------------------------------
// [SECTION] The study's contact
// ---------------------------------------------------------------------------------------
std::string Flow::contact_link(int kind) const {
  if (kiosk() || !questionnaire_ || (catalog_ && result_study_ < 0) || kind < 0 || kind > 2) return "";
  return flow::contact_link(trial().info.contact, static_cast<ContactKind>(kind));
}

}  // namespace trialmatch::flow
