// The prescreener's flow: which screen is showing and what the person has entered on it,
// changed only by their intents (intent.h) and by time (kiosk mode). Plain C++: no ImGui,
// no browser, so every screen transition is unit-tested natively (tests/unit/test_flow.cpp).
// The screens (app/ui) draw from it and hand it intents; the core decides eligibility.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "intent.h"
#include "qr_image.h"
#include "saved_answers.h"
#include "questionnaire.h"
#include "session.h"
#include "trial.h"
#include "ui_text.h"
#include "zip_table.h"

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

  // The file this page opens: a study ("trials/NAME.json") or a catalog ("catalogs/NAME.json").
  static bool is_catalog_file(const std::string& file_name);
  // The platform is fetching `file_name` for this page (the loading screen names what).
  void opening(const std::string& file_name) { opening_catalog_ = is_catalog_file(file_name); }
  // A file arrived: the study, the catalog, or one of the catalog's study files.
  void on_file_text(const std::string& file_name, const std::string& text);
  void on_file_fetch_failed(const std::string& file_name, const std::string& reason);
  // Files the platform should fetch now and hand to on_file_text (a catalog's study files),
  // as paths from the site's root; taken once.
  std::vector<std::string> take_file_requests();

  // Carries out what the person asked for. An intent that does not fit the screen (a
  // stale tap, a key with nothing to do) changes nothing.
  void apply(const Intent& intent);

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

  const std::string& file_name() const { return file_name_; }     // Error
  bool opening_catalog() const { return opening_catalog_; }        // a catalog was asked for
  const std::vector<std::string>& errors() const { return errors_; }

  int question_index() const { return question_; }  // Question
  const Question& question() const { return questionnaire_->question(question_); }
  const std::optional<Answer>& answer_to(int q) const { return questionnaire_->answer_to(q); }
  PathStep path_step() const;
  bool why_open() const { return why_open_; }
  const std::string& number_entry() const { return number_entry_; }
  int year_shown() const { return year_shown_; }
  bool ticked(const std::string& option_id) const;  // multiple choice, before Continue
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
  void set_kiosk(double idle_seconds) { kiosk_idle_ = idle_seconds; }
  bool kiosk() const { return kiosk_idle_ > 0; }
  // Any input from the person (a touch, a click, a key). `now` in seconds (wall clock).
  void note_activity(double now);
  // Advances timers; returns seconds until the flow needs to be woken again (< 0: never).
  // Safe to call at any time, with or without a frame: a hidden page draws none.
  double tick(double now);
  bool still_there_shown() const { return wipe_at_ >= 0; }
  int still_there_seconds() const;
  // A wipe the platform must carry out now by loading the page afresh, taken once.
  enum class Wipe { None, ToWelcome, ToSupport };
  Wipe take_wipe_request();
  // This page is the fresh load after a wipe on the support screen: show it again, in `lang`.
  void start_on_support(Lang lang);

  // ---- Embedded in a sponsor's page: the result screen offers "Send to the study team".
  // `host_site`: the host page's origin, when the deployment allows shares to it ("" if not).
  void set_embedded(bool embedded, const std::string& host_site);
  bool embedded() const { return embedded_; }
  bool can_share() const { return embedded_ && !host_site_.empty(); }
  // This person chose to share the summary of the study on the result screen.
  bool shared() const {
    return std::find(shared_studies_.begin(), shared_studies_.end(), result_study_) != shared_studies_.end();
  }
  const std::string& host_site() const { return host_site_; }
  // Whether this person sent a summary to the host page (any study): the printed summary
  // then cannot say that nothing was sent.
  bool shared_any() const { return !shared_studies_.empty(); }
  // A share is confirmed in a window of the app's own (web/confirm.html), never in the
  // frame: the host page can clip, mask, filter or cover the frame in ways the frame cannot
  // detect, but cannot style or reach that window. "Send to the study team" asks the platform
  // to open it with these words (JSON, share_window_texts.h; "" when there is nothing to
  // open), taken once; the frame's own screen only says where to look. Leaving that screen
  // asks the platform to close the window.
  std::string take_share_window_request();
  bool take_share_window_close();
  // What became of the window: it opened, or the browser or the host page would not let it.
  void share_window_opened(bool opened);
  // The person's answer in that window: "Yes, send them" (`yes`), or "No" or closing it.
  void share_window_answered(bool yes);
  bool share_window_blocked() const { return share_window_blocked_; }
  // Whether the host may be told the page's height: only on the welcome screen (or the
  // error screen), whose height depends on nothing the person answered.
  // Not while the welcome screen says why a saved file could not be opened: that the person
  // tried is theirs to know.
  bool height_is_public() const {
    return (screen_ == Screen::Error || screen_ == Screen::Welcome) && saved_notice_ == SavedNotice::None;
  }
  // Messages for the host page (host_messages.h), taken once: a share, only after the
  // person pressed "Send to the study team" and confirmed. Nothing else: even the moment a
  // result is reached would tell the host how many questions were asked.
  std::vector<std::string> take_host_messages();

  // ---- Studies near me, on a catalog's results. The ZIP code stays in this page's memory:
  // it is looked up in the site's ZIP code table (kZipTableFile, the same file for everyone,
  // fetched the first time a person asks) and never sent anywhere.
  static constexpr const char* kZipTableFile = "places/us-zips.txt";
  const std::string& zip() const { return zip_; }              // "" when none is given
  const std::string& zip_entry() const { return zip_entry_; }  // digits typed on the Zip screen
  bool zip_table_loading() const { return zip_waiting_; }
  int distance_limit() const { return distance_limit_; }       // miles; 0: any distance
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
  bool zip_at_start() const { return zip_at_start_; }
  // A catalog asks for a ZIP code before its questions when a distance could set one of its
  // recruiting studies aside (one has a site whose place can be known).
  bool offers_zip_at_start() const;

  // The study's contact as a link the person can tap (`kind` 0 phone, 1 email, 2 web page):
  // "tel:...", "mailto:...", or its https: page; "" when there is none, or at a kiosk (a
  // shared screen never leaves the app, and has no phone).
  std::string contact_link(int kind) const;

  // A link the platform should open (tel:, sms:, mailto:, https:), taken once; "" when none.
  std::string take_link_request();

  // "Print or save as PDF": on a result, or a catalog's results; never at a kiosk, whose
  // print dialog could leave a PDF of the answers on a shared machine (a kiosk shows a QR
  // code instead).
  bool can_print() const {
    return questionnaire_ && !kiosk() && (screen_ == Screen::Result || screen_ == Screen::Results);
  }
  // The summary the platform should lay out and print (printable_summary.h), taken once; ""
  // when none.
  std::string take_print_request();

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
  bool can_open_saved() const { return questionnaire_ && !kiosk() && !embedded_ && screen_ == Screen::Welcome; }
  // A result's answers as a FHIR R4 QuestionnaireResponse (docs/fhir-export.md), for a
  // health record or the study team's systems: a download too, on the result screen only.
  bool can_save_fhir() const { return can_save_answers() && screen_ == Screen::Result; }
  struct SaveRequest {
    std::string file_name, text;
  };
  // The file the platform should offer to save (a download: saved answers or a FHIR
  // QuestionnaireResponse), taken once; empty when none.
  SaveRequest take_save_request();
  // Whether the platform should let the person pick a saved file now, taken once.
  bool take_open_request();
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

  Screen screen_ = Screen::Loading;
  Screen support_return_ = Screen::Welcome;  // where "Continue" on the support screen goes
  bool support_after_disclosure_ = false;    // shown because of an answer, not "Need help now?"
  bool crisis_disclosed_ = false;            // an answer called for crisis support in this session
  Lang lang_;
  std::vector<Lang> languages_;  // the trial's languages the interface speaks too, in the trial's order
  std::string file_name_;
  std::vector<std::string> errors_;
  std::unique_ptr<Questionnaire> questionnaire_;
  StudyQuestionnaire* study_ = nullptr;      // questionnaire_, when it is one study
  CatalogQuestionnaire* catalog_ = nullptr;  // questionnaire_, when it is a catalog
  int result_study_ = -1;

  // A catalog being loaded: its study files arrive one by one.
  bool opening_catalog_ = false;
  std::optional<Catalog> loading_catalog_;
  std::vector<std::string> study_files_;              // per catalog study, from the site's root ("" when closed)
  std::vector<std::unique_ptr<Trial>> loaded_trials_;  // per catalog study, as they arrive
  std::vector<std::string> file_requests_;

  std::optional<ZipTable> zip_table_;
  bool zip_waiting_ = false;     // the table was asked for and has not arrived
  bool zip_requested_ = false;   // asked for once per page
  std::string zip_entry_, zip_;
  LatLon zip_place_;
  int distance_limit_ = 0;
  bool zip_at_start_ = false;
  unsigned view_number_ = 0;
  std::string print_request_;
  QrImage code_image_;
  SaveRequest save_request_;
  bool open_request_ = false;
  SavedNotice saved_notice_ = SavedNotice::None;

  int question_ = -1;               // shown on the Question screen
  bool why_open_ = false;
  std::string number_entry_;        // digits typed on the keypad
  bool number_prefilled_ = false;   // number_entry_ shows an earlier answer
  int year_shown_ = 0;              // month/year questions: the year shown on the stepper
  std::vector<std::string> ticked_;  // options ticked on a multiple-choice question
  InputProblem input_problem_ = InputProblem::None;
  std::string link_request_;
  int text_size_percent_ = 100;

  double kiosk_idle_ = 0;           // seconds; 0 when not a kiosk
  double last_activity_ = 0, now_ = 0;
  double wipe_at_ = -1;             // the "Are you still there?" countdown's end; < 0 when hidden
  Wipe wipe_request_ = Wipe::None;
  bool support_after_wipe_ = false;  // the support screen shown again after a wipe
  Lang home_lang_ = Lang::En;        // the kiosk's own language, when start_on_support changed it
  bool start_on_support_ = false;

  bool embedded_ = false;
  std::string host_site_;
  std::string share_window_request_;  // the words of the confirmation window to open, once
  bool share_window_close_ = false;   // the window must close: the person left its screen
  bool share_window_blocked_ = false;  // the browser or the host page would not open it
  std::vector<int> shared_studies_;  // the studies (-1: the one study) whose summary this person shared
  std::vector<std::string> host_messages_;

  void on_trial_text(const std::string& file_name, const std::string& text);
  void on_catalog_text(const std::string& file_name, const std::string& text);
  void on_catalog_trial_text(size_t study, const std::string& text);
  void on_zip_table(const std::string* text, const std::string& problem);
  void submit_zip();
  void apply_distance_limit();
  void begin_questions();
  void open_zip_at_start();
  bool take_languages(const std::vector<std::string>& codes, const std::string& file_name);
  void loaded(std::unique_ptr<Questionnaire> questionnaire);
  void show_error(const std::string& file_name, std::vector<std::string> errors);
  void go_to(Screen screen);
  void show_question(int question_index);
  void give_answer(const Answer& answer);
  void go_back();
  void start_over();
  void clear_zip();       // no ZIP code, no distance limit (the studies' places are not re-checked)
  void stop_countdown();  // "I'm still here", or a crisis number pressed under the countdown
  void open_support();
  void show_support_after_disclosure();
  void forget_person();
  void type_digit(int digit);
  void choose(const std::string& option_id);
  void toggle(const Option& option);
  void submit();
  void pick_month(int month);
  bool has_anything_to_wipe() const;
  std::vector<StudyEdition> study_editions() const;
};

}  // namespace trialmatch::flow
