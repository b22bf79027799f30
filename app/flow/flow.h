// The prescreener's flow: which screen is showing and what the person has entered on it,
// changed only by their intents (intent.h) and by time (kiosk mode). Plain C++: no ImGui,
// no browser, so every screen transition is unit-tested natively (tests/unit/test_flow.cpp).
// The screens (app/ui) draw from it and hand it intents; the core decides eligibility.
// It is the one place that knows the screens; each other job is a part of its own, tested
// alone: opening a study or catalog (study_opening.h), what is typed or ticked before it
// becomes an answer (answer_entry.h), the kiosk's clock (kiosk_clock.h), studies near me
// (near_me.h), sharing with a host page (sharing.h), links (links.h). Whatever it needs the
// page to do leaves through one queue of effects (effects.h).
// Its code: flow.cpp (opening, moving between screens), flow_intents.cpp (apply, and the
// requests an intent makes: print, save, a link), flow_words.cpp (what the screens say),
// flow_requests.cpp (the kiosk's clock, near me, opening a saved file, sharing, contact links).
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "answer_entry.h"
#include "effects.h"
#include "intent.h"
#include "kiosk_clock.h"
#include "near_me.h"
#include "qr_image.h"
#include "questionnaire.h"
#include "saved_answers.h"
#include "session.h"
#include "sharing.h"
#include "study_opening.h"
#include "trial.h"
#include "ui_text.h"

namespace trialmatch::flow {

// Results: a catalog's studies, ranked; Result: one study's result (a catalog's opens from Results).
// Zip: a catalog's "Studies near me", where the person types a ZIP code.
// ResultCode: a result's QR code, shown only when the person asks for it.
enum class Screen { Loading, Error, Welcome, Question, Review, Results, Result, Zip, Support, ShareConfirm, ResultCode };
const char* screen_id(Screen screen);  // "loading", "welcome", "results", "share_confirm"...

// Where the person is on their path: "Question `step` of about `total`".
struct PathStep {
  int step = 0;
  int total = 0;
};

class Flow {
 public:
  explicit Flow(Lang lang);

  // The platform is fetching `file_name` for this page (the loading screen names what).
  void opening(const std::string& file_name) { opening_.opening(file_name); }
  // A file arrived: the study, the catalog, one of the catalog's study files, or the ZIP
  // code table (effect::FetchFile asks for the last two).
  void on_file_text(const std::string& file_name, const std::string& text);
  void on_file_fetch_failed(const std::string& file_name, const std::string& reason);
  // A catalog made in memory (a benchmark's generated studies), opened as if its files had
  // arrived; `file_name` names it (as file_name() and a saved file do).
  void open_catalog(const std::string& file_name, std::unique_ptr<CatalogQuestionnaire> catalog);

  // What the flow asks of the page (effects.h), oldest first: the platform takes them all
  // after each call into the flow; a test may take those of one kind.
  EffectQueue& effects() { return effects_; }

  // Carries out what the person asked for. An intent that does not fit the screen (a
  // stale tap, a key with nothing to do) changes nothing.
  void apply(const Intent& intent);

  // The studio's live preview (app/studio; flow_preview.cpp). The answers given so far, by
  // question id, in the order of the person's path...
  std::vector<std::pair<std::string, Answer>> answers_given() const;
  // ...given again to this flow, opened on the edited file: each to the question of the same
  // id, where it still fits. Then `screen` (what the preview showed) is shown again: the
  // question `question_id` if it is still there, the next question or the review for a
  // result, the welcome screen for the welcome screen.
  void give_answers_again(const std::vector<std::pair<std::string, Answer>>& answers, Screen screen,
                          const std::string& question_id);
  // Shows question `question_index` at once (an author looking at how it reads); false when
  // there is no such question.
  bool preview_question(int question_index);

  // ---- What the screens show
  Screen screen() const { return screen_; }
  Lang lang() const { return lang_; }
  // The languages a person can switch between: the trial's own, where the interface speaks
  // them too. A screen is never in two languages.
  const std::vector<Lang>& languages() const { return languages_; }
  Lang next_language() const;
  bool has_trial() const { return questionnaire_ != nullptr; }  // a study or a catalog is loaded
  const Questionnaire& questionnaire() const { return *questionnaire_; }
  const CatalogQuestionnaire* catalog() const { return catalog_; }  // nullptr for one study
  // The study whose result is shown: the one study, or the catalog study opened from Results.
  const Session& session() const;
  const Trial& trial() const { return session().trial(); }
  int result_study() const { return result_study_; }  // a catalog's study on Result
  std::string title() const;  // the study's or the catalog's title
  // The name of the study on the Result screen: in a catalog, as the catalog's list names it.
  std::string result_title() const;
  // The line under a catalog study on the results: what would change a close study's result,
  // or the first reason a study does not fit, in the words the core chose; "" when none.
  std::string study_line(int study) const;
  // A catalog study's recruiting status in words, with the date it was read: "Looking for
  // people (as of May 7, 2025)", "Stopped early (as of ...)".
  std::string status_words(int study) const;
  bool mental_health() const { return questionnaire_ && questionnaire_->mental_health(); }
  const std::string& words(const LocalText& text) const;  // a trial text in the person's language
  // The words for an answer, as the person would say it ("Yes", "34 years", "March 2024").
  std::string answer_words(const Question& q, const Answer& a) const;
  std::string heading() const;  // the screen's main heading

  const std::string& file_name() const { return opening_.file_name(); }  // Error
  bool opening_catalog() const { return opening_.catalog_asked(); }      // a catalog was asked for
  const std::vector<std::string>& errors() const { return opening_.errors(); }

  int question_index() const { return question_; }  // Question
  const Question& question() const { return questionnaire_->question(question_); }
  const std::optional<Answer>& answer_to(int q) const { return questionnaire_->answer_to(q); }
  PathStep path_step() const;
  bool why_open() const { return why_open_; }
  const std::string& number_entry() const { return entry_.number(); }
  int year_shown() const { return entry_.year_shown(); }
  bool ticked(const std::string& option_id) const { return entry_.ticked(option_id); }  // before Continue
  std::string input_message() const;  // "Please choose at least one answer.", "" when none

  bool support_after_disclosure() const { return support_after_disclosure_; }  // Support
  // Whether every result (on screen and printed) carries the crisis help: once an answer has
  // called for it in this person's session, it stays, even if they change the answer later.
  bool crisis_help_on_results() const { return crisis_disclosed_ || (questionnaire_ && questionnaire_->calls_for_crisis_support()); }
  // Whether a result carries the one gentle line with 988 instead: the person chose not to
  // answer a question that asks about self-harm (its answer is unknown), and no answer of
  // theirs has called for the crisis help.
  bool gentle_crisis_line_on_results() const {
    return !crisis_help_on_results() && questionnaire_ && questionnaire_->safety_answer_withheld();
  }
  bool support_returns_to_study() const {
    return support_return_ == Screen::Question || support_return_ == Screen::Review;
  }
  int text_size_percent() const { return text_size_percent_; }
  // Changes whenever the screen or the question does, or the kiosk's countdown covers or
  // uncovers it: a press aimed at an earlier screen (queued before it changed) can be told
  // from one aimed at this one.
  unsigned view_number() const { return view_number_; }

  // ---- Kiosk: after `idle_seconds` without input, ask "Are you still there?", then wipe:
  // the platform loads the page afresh (new memory), so nothing of the person is left.
  // The same countdown and one page load on every screen; on the support screen the
  // countdown and the fresh page keep the crisis numbers up, and after a further idle period
  // they give way to the welcome screen without another load. No device storage in any case.
  // The wipe is effect::FreshStart.
  void set_kiosk(double idle_seconds) { clock_.set_idle(idle_seconds); }
  bool kiosk() const { return clock_.on(); }
  // Any input from the person (a touch, a click, a key). `now` in seconds (wall clock).
  void note_activity(double now) { clock_.note_activity(now); }
  // Advances timers; returns seconds until the flow needs to be woken again (< 0: never).
  // Safe to call at any time, with or without a frame: a hidden page draws none.
  double tick(double now);
  bool still_there_shown() const { return clock_.countdown_shown(); }
  int still_there_seconds() const { return clock_.countdown_seconds(); }
  // This page is the fresh load after a wipe on the support screen: show it again, in `lang`.
  void start_on_support(Lang lang);

  // ---- Embedded in a sponsor's page: the result screen offers "Send to the study team".
  // `host_site`: the host page's origin, when the deployment allows shares to it ("" if not).
  void set_embedded(bool embedded, const std::string& host_site) { sharing_.set_embedded(embedded, host_site); }
  bool embedded() const { return sharing_.embedded(); }
  bool can_share() const { return sharing_.allowed(); }
  // This person chose to share the summary of the study on the result screen.
  bool shared() const { return sharing_.shared(result_study_); }
  const std::string& host_site() const { return sharing_.host_site(); }
  // Whether this person sent a summary to the host page (any study): the printed summary
  // then cannot say that nothing was sent.
  bool shared_any() const { return sharing_.shared_any(); }
  // A share is confirmed in a window of the app's own (sharing.h). "Send to the study team"
  // asks the platform to open it (effect::OpenShareWindow); the frame's own screen only says
  // where to look. Leaving that screen closes it (effect::CloseShareWindow).
  // What became of the window: it opened, or the browser or the host page would not let it.
  void share_window_opened(bool opened);
  // The person's answer in that window: "Yes, send them" (`yes`, effect::PostToHost), or
  // "No" or closing it.
  void share_window_answered(bool yes);
  bool share_window_blocked() const { return sharing_.window_blocked(); }
  // Whether the host may be told the page's height: only on the welcome screen (or the
  // error screen), whose height depends on nothing the person answered.
  // Not while the welcome screen says why a saved file could not be opened: that the person
  // tried is theirs to know.
  bool height_is_public() const {
    return (screen_ == Screen::Error || screen_ == Screen::Welcome) && saved_notice_ == SavedNotice::None;
  }
  // The only message for the host page (effect::PostToHost) is a share, after the person
  // pressed "Send to the study team" and confirmed. Nothing else: even the moment a result is
  // reached would tell the host how many questions were asked.

  // ---- Studies near me (near_me.h), on a catalog.
  const std::string& zip() const { return near_me_.zip(); }          // "" when none is given
  const std::string& zip_entry() const { return near_me_.entry(); }  // digits typed on the Zip screen
  bool zip_table_loading() const { return near_me_.table_loading(); }
  int distance_limit() const { return near_me_.distance_limit(); }   // miles; 0: any distance
  // Miles to the study's nearest site, when a ZIP code is given and the site's is known.
  std::optional<double> miles_to(int study) const;
  // The same, in whole miles, as the screen shows it ("About 25 miles away") and the limit
  // counts it.
  std::optional<long> shown_miles(int study) const;
  // Whether a study is shown under the distance limit: one whose distance is not known is.
  // A study outside it is set aside in the catalog too: its questions are not asked.
  bool within_limit(int study) const;
  // The Zip screen was opened by Start, before a catalog's questions (it offers "Skip this
  // step" and the distance the person could travel), not from the results.
  bool zip_at_start() const { return near_me_.at_start(); }
  // A catalog asks for a ZIP code before its questions when a distance could set one of its
  // recruiting studies aside (one has a site whose place can be known).
  bool offers_zip_at_start() const;

  // The study's contact as a link the person can tap (`kind` 0 phone, 1 email, 2 web page,
  // links.h); "" when there is none, or at a kiosk (a shared screen never leaves the app, and
  // has no phone). Pressed, it is effect::OpenLink.
  std::string contact_link(int kind) const;

  // "Print or save as PDF": on a result, or a catalog's results; never at a kiosk, whose
  // print dialog could leave a PDF of the answers on a shared machine (a kiosk shows a QR
  // code instead).
  bool can_print() const {
    return questionnaire_ && !kiosk() && (screen_ == Screen::Result || screen_ == Screen::Results);
  }
  // Pressed, it is effect::Print.

  // "Show a QR code": the result on screen as a result code (result_code.h), drawn as a QR
  // code on a screen of its own. At a kiosk it is how a person takes their result home. The
  // code is made when the person asks, and forgotten when they leave that screen.
  const QrImage& code_image() const { return code_image_; }  // ResultCode

  // ---- Continue later (saved_answers.h): a file of the answers, saved only when the person
  // chooses, from the review screen, a result or a catalog's results; opened again from the
  // welcome screen. Never at a kiosk: a shared machine would keep the file.
  bool can_save_answers() const {
    return questionnaire_ && !kiosk() &&
           (screen_ == Screen::Review || screen_ == Screen::Result || screen_ == Screen::Results);
  }
  // Not embedded either: the system's file picker takes the focus from the page, which the
  // host page could notice, and tell that a returning person is there.
  bool can_open_saved() const { return questionnaire_ && !kiosk() && !embedded() && screen_ == Screen::Welcome; }
  // A result's answers as a FHIR R4 QuestionnaireResponse (docs/fhir-export.md), for a
  // health record or the study team's systems: a download too, on the result screen only.
  bool can_save_fhir() const { return can_save_answers() && screen_ == Screen::Result; }
  // Pressed, each is effect::SaveFile; "Open a saved file" is effect::PickSavedFile.
  // The text of the file the person picked (on the welcome screen); `too_big` when it was
  // over the size limit and not read. Restores the answers and shows where to go on, or
  // says on the welcome screen why it cannot.
  void on_saved_answers(const std::string& text, bool too_big);
  // What opening a saved file came to, shown once on the next screen; None when nothing.
  enum class SavedNotice { None, Restored, Changed, Unreadable, OtherFile };
  SavedNotice saved_notice() const { return saved_notice_; }

 private:
  enum class InputProblem {
    None, ChooseAtLeastOne, AnswerDoesNotFit, NumberOutOfRange, MonthOutOfRange,
    ZipNeedsFiveDigits, ZipNotFound, ZipTableFailed
  };

  // The parts, each with one job.
  StudyOpening opening_;
  AnswerEntry entry_;
  KioskClock clock_;
  NearMe near_me_;
  Sharing sharing_;
  EffectQueue effects_;

  Screen screen_ = Screen::Loading;
  Screen support_return_ = Screen::Welcome;  // where "Continue" on the support screen goes
  bool support_after_disclosure_ = false;    // shown because of an answer, not "Need help now?"
  bool crisis_disclosed_ = false;            // an answer called for crisis support in this session
  Lang lang_;
  std::vector<Lang> languages_;  // the trial's languages the interface speaks too, in the trial's order
  std::unique_ptr<Questionnaire> questionnaire_;
  StudyQuestionnaire* study_ = nullptr;      // questionnaire_, when it is one study
  CatalogQuestionnaire* catalog_ = nullptr;  // questionnaire_, when it is a catalog
  int result_study_ = -1;
  unsigned view_number_ = 0;
  QrImage code_image_;
  SavedNotice saved_notice_ = SavedNotice::None;
  int question_ = -1;  // shown on the Question screen
  bool why_open_ = false;
  InputProblem input_problem_ = InputProblem::None;
  int text_size_percent_ = 100;
  bool support_after_wipe_ = false;  // the support screen shown again after a wipe
  Lang home_lang_ = Lang::En;        // the kiosk's own language, when start_on_support changed it
  bool start_on_support_ = false;

  // flow.cpp: opening, and moving between screens
  void after_opening(StudyOpening::Step step);
  void opened(std::unique_ptr<Questionnaire> questionnaire, const std::vector<Lang>& languages);
  void go_to(Screen screen);
  void show_question(int question_index);
  void give_answer(const Answer& answer);
  void go_back();
  void start_over();
  void forget_person();
  void open_support();
  void show_support_after_disclosure();
  void begin_questions();
  // flow_intents.cpp: apply, by what the intent is about
  bool blocked_by_countdown(Intent::Kind kind);
  bool apply_to_entry(const Intent& intent);
  bool apply_to_near_me(const Intent& intent);
  bool apply_to_moves(const Intent& intent);
  void apply_to_requests(const Intent& intent);
  void take_entry_outcome(const AnswerEntry::Outcome& outcome);
  // flow_requests.cpp
  void submit_zip();
  void on_zip_table(const std::string* text, const std::string& problem);
  void apply_distance_limit();
  void open_zip_at_start();
  void stop_countdown();  // "I'm still here", or a crisis number pressed under the countdown
  void ask_to_share();
  bool has_anything_to_wipe() const;
  const Trial* open_catalog_trial(int study) const;  // nullptr: no catalog, or the study is closed
  std::vector<StudyEdition> study_editions() const;
};

}  // namespace trialmatch::flow
