#include "flow.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <utility>

#include "answer_words.h"
#include "contact_addresses.h"
#include "fhir_questionnaire_response.h"
#include "host_messages.h"
#include "printable_summary.h"
#include "result_code.h"
#include "share_window_texts.h"
#include "study_status.h"
#include "trial_loader.h"

namespace trialmatch::flow {

const char* screen_id(Screen screen) {
  switch (screen) {
    case Screen::Loading: return "loading";
    case Screen::Error: return "error";
    case Screen::Welcome: return "welcome";
    case Screen::Question: return "question";
    case Screen::Review: return "review";
    case Screen::Results: return "results";
    case Screen::Zip: return "zip";
    case Screen::Result: return "result";
    case Screen::Support: return "support";
    case Screen::ShareConfirm: return "share_confirm";
    case Screen::ResultCode: return "result_code";
  }
  return "";
}

Flow::Flow(Lang lang) : lang_(lang) {}

const std::string& Flow::words(const LocalText& text) const { return text_in(text, lang_code(lang_)); }

// ---------------------------------------------------------------------------------------
// [SECTION] Loading the study, or a catalog and its studies
// ---------------------------------------------------------------------------------------
namespace {

// `relative` (a catalog's "trial") from the folder of `base`, both paths from the site's
// root: "catalogs/depression.json" + "../trials/A.json" is "trials/A.json". "" when it
// would leave the site's root. The platform still checks that it is one of the site's
// own study files before fetching it.
std::string resolve(const std::string& base, const std::string& relative) {
  std::vector<std::string> parts;
  auto push = [&](const std::string& path) {
    size_t at = 0;
    while (at <= path.size()) {
      const size_t slash = std::min(path.find('/', at), path.size());
      const std::string part = path.substr(at, slash - at);
      at = slash + 1;
      if (part.empty() || part == ".") continue;
      if (part != "..") parts.push_back(part);
      else if (parts.empty()) return false;
      else parts.pop_back();
    }
    return true;
  };
  if (!relative.empty() && relative.front() == '/') return "";
  const size_t slash = base.rfind('/');
  if (slash != std::string::npos && !push(base.substr(0, slash))) return "";
  if (!push(relative) || parts.empty()) return "";
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// Each problem with its place in `file_name`, as the error screen lists them.
std::vector<std::string> located(const std::vector<Diagnostic>& problems, const std::string& file_name) {
  std::vector<std::string> out;
  for (const Diagnostic& d : problems) out.push_back(format_diagnostic(d, file_name));
  return out;
}

// What keeps a trial file from people: its errors, or its draft criteria (a file drafted from
// a registry that an author has not finished).
// A study the registry says is not recruiting is refused too: nobody is matched to it.
std::vector<Diagnostic> refusals(const TrialLoadResult& loaded) {
  if (!loaded.trial) return loaded.errors;
  const Trial& trial = *loaded.trial;
  std::vector<Diagnostic> out;
  for (size_t i = 0; i < trial.criteria.size(); ++i)
    if (trial.criteria[i].draft)
      out.push_back({"/criteria/" + std::to_string(i) + "/draft", {}, "this criterion is still a draft"});
  if (!trial.info.status.empty() && trial.info.status != study_status_id(StudyStatus::Recruiting))
    out.push_back({"/trial/status", {}, "the registry says this study is " + trial.info.status + ", not recruiting"});
  // The warnings know where each is in the file.
  for (Diagnostic& d : out)
    for (const Diagnostic& w : loaded.warnings)
      if (w.pointer == d.pointer) d.position = w.position;
  return out;
}

}  // namespace

bool Flow::is_catalog_file(const std::string& file_name) { return file_name.rfind("catalogs/", 0) == 0; }

void Flow::on_file_text(const std::string& file_name, const std::string& text) {
  if (file_name == kZipTableFile) return on_zip_table(&text, "");
  if (has_trial() || screen_ == Screen::Error) return;  // one load per page
  if (!loading_catalog_) {
    if (is_catalog_file(file_name)) on_catalog_text(file_name, text);
    else on_trial_text(file_name, text);
    return;
  }
  // The first study still waiting for this file (two studies may name the same file: it is
  // fetched, and arrives, once for each).
  for (size_t i = 0; i < study_files_.size(); ++i)
    if (study_files_[i] == file_name && !loaded_trials_[i]) return on_catalog_trial_text(i, text);
}

void Flow::on_file_fetch_failed(const std::string& file_name, const std::string& reason) {
  if (file_name == kZipTableFile) return on_zip_table(nullptr, reason);
  opening_catalog_ = opening_catalog_ || is_catalog_file(file_name);
  if (has_trial() || screen_ == Screen::Error) return;
  show_error(file_name, {reason});
}

std::vector<std::string> Flow::take_file_requests() {
  std::vector<std::string> out;
  out.swap(file_requests_);
  return out;
}

void Flow::show_error(const std::string& file_name, std::vector<std::string> errors) {
  file_name_ = file_name;
  errors_ = std::move(errors);
  loading_catalog_.reset();
  loaded_trials_.clear();
  file_requests_.clear();
  go_to(Screen::Error);
}

// The languages a person can switch between: those of the file the interface speaks too.
bool Flow::take_languages(const std::vector<std::string>& codes, const std::string& file_name) {
  languages_.clear();
  for (const std::string& code : codes) {
    Lang l;
    if (lang_from_code(code, l)) languages_.push_back(l);
  }
  if (languages_.empty()) {
    show_error(file_name, {file_name + ": the study is in languages this app cannot show (it shows en and es)"});
    return false;
  }
  if (std::find(languages_.begin(), languages_.end(), lang_) == languages_.end()) lang_ = languages_.front();
  return true;
}

void Flow::on_trial_text(const std::string& file_name, const std::string& text) {
  file_name_ = file_name;
  TrialLoadResult loaded_trial = load_trial(text);
  if (const auto problems = refusals(loaded_trial); !problems.empty()) {
    show_error(file_name, located(problems, file_name));
    return;
  }
  if (!take_languages(loaded_trial.trial->languages, file_name)) return;
  auto study = std::make_unique<StudyQuestionnaire>(std::move(*loaded_trial.trial));
  study_ = study.get();
  loaded(std::move(study));
}

void Flow::on_catalog_text(const std::string& file_name, const std::string& text) {
  file_name_ = file_name;
  opening_catalog_ = true;
  CatalogLoadResult result = load_catalog(text);
  if (!result.catalog) {
    show_error(file_name, located(result.errors, file_name));
    return;
  }
  if (!take_languages(result.catalog->languages, file_name)) return;
  loading_catalog_ = std::move(*result.catalog);
  study_files_.clear();
  loaded_trials_.clear();
  if (std::none_of(loading_catalog_->studies.begin(), loading_catalog_->studies.end(),
                   [](const CatalogStudy& s) { return s.open(); })) {
    show_error(file_name, {file_name + ": no study in the catalog is recruiting, so there is nothing to match"});
    return;
  }
  for (const CatalogStudy& s : loading_catalog_->studies) {
    std::string file;
    if (s.open()) {
      file = resolve(file_name, s.trial_file);
      if (file.empty()) {
        show_error(file_name, {file_name + ": study " + s.id + "'s file \"" + s.trial_file + "\" is outside this site"});
        return;
      }
      file_requests_.push_back(file);
    }
    study_files_.push_back(file);
    loaded_trials_.push_back(nullptr);
  }
}

// One of the catalog's study files arrived. Once every open study's file is in, they are
// checked against the catalog together.
void Flow::on_catalog_trial_text(size_t study, const std::string& text) {
  TrialLoadResult loaded_trial = load_trial(text);
  if (const auto problems = refusals(loaded_trial); !problems.empty()) {
    show_error(study_files_[study], located(problems, study_files_[study]));
    return;
  }
  loaded_trials_[study] = std::make_unique<Trial>(std::move(*loaded_trial.trial));
  for (size_t i = 0; i < study_files_.size(); ++i)
    if (!study_files_[i].empty() && !loaded_trials_[i]) return;  // still waiting
  std::vector<const Trial*> trials;
  for (const auto& t : loaded_trials_) trials.push_back(t.get());
  const std::vector<Diagnostic> problems = check_catalog_studies(*loading_catalog_, trials);
  if (!problems.empty()) {
    show_error(file_name_, located(problems, file_name_));
    return;
  }
  Catalog catalog = std::move(*loading_catalog_);
  loading_catalog_.reset();
  auto matched = std::make_unique<CatalogQuestionnaire>(std::move(catalog), std::move(loaded_trials_));
  loaded_trials_.clear();
  catalog_ = matched.get();
  loaded(std::move(matched));
}

void Flow::loaded(std::unique_ptr<Questionnaire> questionnaire) {
  questionnaire_ = std::move(questionnaire);  // study_ or catalog_ points to it
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

std::string Flow::status_words(int study) const {
  static constexpr Phrase kWords[] = {Phrase::StatusRecruiting,          Phrase::StatusNotYetRecruiting,
                                      Phrase::StatusByInvitation,        Phrase::StatusActiveNotRecruiting,
                                      Phrase::StatusSuspended,           Phrase::StatusTerminated,
                                      Phrase::StatusCompleted,           Phrase::StatusWithdrawn};
  static_assert(sizeof(kWords) / sizeof(kWords[0]) == static_cast<size_t>(StudyStatus::Withdrawn) + 1,
                "a word for every status");
  const CatalogStudy& s = catalog_->catalog().studies[static_cast<size_t>(study)];
  return fill(phrase(Phrase::StatusAsOf, lang_), {{"status", phrase(kWords[static_cast<int>(s.status)], lang_)},
                                                   {"date", date_words(s.status_date, lang_)}});
}

std::string Flow::study_line(int study) const {
  if (!catalog_ || !catalog_->session().open(study)) return "";
  const CatalogSession& cs = catalog_->session();
  const Evaluation& e = cs.session(study).evaluation();
  auto reason = [&](const CriterionResult& r) {
    return words(criterion_text(cs.trial(study).criteria[static_cast<size_t>(r.criterion_index)], r.outcome));
  };
  // Out of reach: what the person said that put it so, in the study's words.
  if (const std::vector<int> reach = out_of_reach_criteria(cs.trial(study), e); !reach.empty())
    return reason(e.criteria[static_cast<size_t>(reach.front())]);
  if (const std::optional<int> obstacle = only_obstacle(e)) {
    for (const CriterionResult& r : e.criteria)
      if (r.criterion_index == *obstacle)
        return fill(phrase(e.verdict == Verdict::NotEligible ? Phrase::OnlyReason : Phrase::OneThingToTalkOver, lang_),
                    {{"reason", reason(r)}});
  }
  if (e.verdict == Verdict::NotEligible)
    for (const CriterionResult& r : e.criteria)
      if (r.outcome == CriterionOutcome::RulesOut) return reason(r);
  return "";
}

std::string Flow::result_title() const {
  if (catalog_ && result_study_ >= 0) return words(catalog_->catalog().studies[static_cast<size_t>(result_study_)].title);
  return words(trial().info.title);
}

std::string Flow::title() const {
  if (!questionnaire_) return "";
  return words(catalog_ ? catalog_->catalog().title : study_->trial().info.title);
}

// ---------------------------------------------------------------------------------------
// [SECTION] Intents
// ---------------------------------------------------------------------------------------
void Flow::apply(const Intent& intent) {
  using K = Intent::Kind;
  // Without a trial only the text size can change (the error and loading screens).
  if (!questionnaire_ && intent.kind != K::CycleTextSize) return;
  // The countdown covers the screen: only its own button, "Need help now?" and the top bar act,
  // and on the support screen the crisis numbers it leaves up (a press there is someone there).
  if (still_there_shown()) {
    const bool crisis = intent.kind == K::Call988 || intent.kind == K::Text988 ||
                        intent.kind == K::TextCrisisLine || intent.kind == K::Call911;
    if (crisis && screen_ == Screen::Support) stop_countdown();
    else if (intent.kind != K::StillHere && intent.kind != K::OpenSupport && intent.kind != K::SwitchLanguage &&
             intent.kind != K::CycleTextSize)
      return;
  }
  const bool on_question = screen_ == Screen::Question;
  switch (intent.kind) {
    case K::Start:
      if (screen_ != Screen::Welcome) return;
      if (offers_zip_at_start()) open_zip_at_start();
      else begin_questions();
      break;
    case K::SkipZip:
      if (screen_ != Screen::Zip || !zip_at_start_) return;  // also while the table loads: no waiting on it
      clear_zip();
      apply_distance_limit();
      begin_questions();
      break;
    case K::AnswerMore:
      if (screen_ == Screen::Results && questionnaire_->next_question() >= 0) show_question(questionnaire_->next_question());
      break;
    case K::Choose:
      if (on_question) choose(intent.option);
      break;
    case K::ChooseUnknown:
      if (on_question && std::find(question().unknown_answers.begin(), question().unknown_answers.end(),
                                   intent.unknown) != question().unknown_answers.end())
        give_answer(Answer::unknown(intent.unknown));
      break;
    case K::Digit:
      if (screen_ == Screen::Zip && !zip_waiting_ && intent.number >= 0 && intent.number <= 9 && zip_entry_.size() < 5) {
        zip_entry_ += static_cast<char>('0' + intent.number);
        input_problem_ = InputProblem::None;
      }
      if (!on_question || intent.number < 0 || intent.number > 9) return;
      if (question().type == QuestionType::Number) type_digit(intent.number);
      else if (question().type != QuestionType::MonthYear && intent.number >= 1 &&
               static_cast<size_t>(intent.number) <= question().options.size())
        choose(question().options[static_cast<size_t>(intent.number - 1)].id);
      break;
    case K::DeleteDigit:
    case K::ClearNumber:
      if (screen_ == Screen::Zip) {
        if (zip_waiting_) return;  // the code being looked up stays as it was
        if (intent.kind == K::ClearNumber) zip_entry_.clear();
        else if (!zip_entry_.empty()) zip_entry_.pop_back();
        input_problem_ = InputProblem::None;
        return;
      }
      if (!on_question || question().type != QuestionType::Number) return;
      input_problem_ = InputProblem::None;
      if (intent.kind == K::ClearNumber) number_entry_.clear();
      else if (!number_entry_.empty()) number_entry_.pop_back();
      number_prefilled_ = false;
      break;
    case K::Continue:
      if (on_question) submit();
      else if (screen_ == Screen::Zip && zip_at_start_ && zip_entry_.empty() && !zip_waiting_)
        apply(Intent::of(K::SkipZip));  // nothing typed: the same as skipping
      else if (screen_ == Screen::Zip) submit_zip();
      break;
    case K::PreviousYear:
    case K::NextYear:
      if (!on_question || question().type != QuestionType::MonthYear) return;
      year_shown_ = std::clamp(year_shown_ + (intent.kind == K::NextYear ? 1 : -1), static_cast<int>(question().min) / 12,
                               static_cast<int>(question().max) / 12);
      break;
    case K::PickMonth:
      if (on_question && question().type == QuestionType::MonthYear) pick_month(intent.number);
      break;
    case K::ToggleWhy:
      if (on_question) why_open_ = !why_open_;
      break;
    case K::Back: go_back(); break;
    case K::Change: {
      const std::vector<int> path = questionnaire_->path();
      if (screen_ == Screen::Review && std::find(path.begin(), path.end(), intent.number) != path.end())
        show_question(intent.number);
      break;
    }
    case K::SeeResult:
      if (screen_ == Screen::Review && questionnaire_->next_question() < 0) go_to(catalog_ ? Screen::Results : Screen::Result);
      break;
    case K::OpenStudy:
      if (screen_ == Screen::Results && intent.number >= 0 &&
          static_cast<size_t>(intent.number) < catalog_->catalog().studies.size() && catalog_->session().open(intent.number)) {
        result_study_ = intent.number;
        go_to(Screen::Result);
      }
      break;
    case K::OpenZip:
      if (screen_ != Screen::Results) return;
      zip_entry_ = zip_;
      zip_at_start_ = false;
      go_to(Screen::Zip);
      break;
    case K::ForgetZip:
      if (screen_ != Screen::Results) return;
      clear_zip();
      apply_distance_limit();
      ++view_number_;  // the list changes under the person's finger
      break;
    case K::LimitDistance:
      // On the results once a ZIP code is in use; before the questions, with the ZIP code.
      if (intent.number < 0 || intent.number > 5000) return;
      if (!(screen_ == Screen::Results && !zip_.empty()) && !(screen_ == Screen::Zip && zip_at_start_)) return;
      distance_limit_ = intent.number;
      apply_distance_limit();
      ++view_number_;
      break;
    case K::ReviewAnswers:
      if (screen_ == Screen::Result || screen_ == Screen::Results) go_to(Screen::Review);
      break;
    case K::StartOver:
      if (screen_ == Screen::Review || screen_ == Screen::Result || screen_ == Screen::Results ||
          screen_ == Screen::ResultCode)
        start_over();
      break;
    case K::OpenSupport:
      if (!mental_health() || screen_ == Screen::Support) return;
      wipe_at_ = -1;  // someone asking for help is there: no countdown over the numbers
      note_activity(now_);
      open_support();
      break;
    case K::LeaveSupport:
      if (screen_ == Screen::Support) go_to(support_return_);
      break;
    case K::Share:  // on a result, and "Show the window again" on the screen that says to look there
      if ((screen_ != Screen::Result && screen_ != Screen::ShareConfirm) || !can_share() || shared()) return;
      if (screen_ == Screen::Result) go_to(Screen::ShareConfirm);
      share_window_blocked_ = false;
      share_window_request_ = share_window_texts(result_title(), host_site_, lang_);
      break;
    case K::CancelShare:
      if (screen_ == Screen::ShareConfirm) go_to(Screen::Result);
      break;
    case K::SwitchLanguage: lang_ = next_language(); break;
    case K::CycleTextSize: text_size_percent_ = text_size_percent_ >= 200 ? 100 : text_size_percent_ + 25; break;
    case K::StillHere: stop_countdown(); break;
    case K::Print:
      if (can_print()) print_request_ = printable_summary_json(*this);
      break;
    case K::SaveAnswers:
      if (can_save_answers())
        save_request_ = {saved_answers_file_name(file_name_), saved_answers_json(file_name_, study_editions(), *questionnaire_)};
      break;
    case K::OpenSaved:
      if (can_open_saved()) open_request_ = true;
      break;
    case K::SaveFhir:
      if (can_save_fhir())
        save_request_ = {download_file_name("questionnaire-response-", trial().info.id),
                         fhir_questionnaire_response(trial(), session().answers(), lang_code(lang_))
                             .dump(1, ' ', false, nlohmann::json::error_handler_t::replace)};
      break;
    case K::ShowCode:
      if (screen_ == Screen::Result) go_to(Screen::ResultCode);
      break;
    case K::OpenContact:
      if (screen_ == Screen::Result) link_request_ = contact_link(intent.number);
      break;
    case K::Call988: link_request_ = "tel:988"; break;
    case K::Text988: link_request_ = lang_ == Lang::Es ? "sms:988?&body=AYUDA" : "sms:988"; break;
    case K::TextCrisisLine: link_request_ = lang_ == Lang::Es ? "sms:741741?&body=AYUDA" : "sms:741741?&body=HOME"; break;
    case K::Call911: link_request_ = "tel:911"; break;
  }
}

void Flow::go_to(Screen screen) {
  if (screen != Screen::Zip) zip_waiting_ = false;  // the person left: the table arriving changes nothing
  // What opening a saved file came to stays up through the support screen an answer in it
  // may open, and goes with the next screen after.
  if (screen != Screen::Support && screen_ != Screen::Support) saved_notice_ = SavedNotice::None;
  if (screen_ == Screen::ShareConfirm && screen != Screen::ShareConfirm) share_window_close_ = true;
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
  number_entry_.clear();
  ticked_.clear();
  const auto& previous = questionnaire_->answer_to(question_index);
  number_prefilled_ = false;
  if (previous && previous->kind == Answer::Kind::Number) {
    number_entry_ = format_number(previous->number);
    number_prefilled_ = true;  // the first digit typed replaces it, like selected text
  }
  if (previous && previous->kind == Answer::Kind::Choices) ticked_ = previous->choices;
  const Question& q = question();
  if (q.type == QuestionType::MonthYear) {
    // Start on the earlier answer's year, or this year, kept within the question's range.
    const std::time_t t = std::time(nullptr);
    const std::tm* now = std::gmtime(&t);
    int year = previous && previous->kind == Answer::Kind::MonthYear ? static_cast<int>(previous->number) / 12
                                                                       : (now ? now->tm_year + 1900 : 2026);
    year_shown_ = std::clamp(year, static_cast<int>(q.min) / 12, static_cast<int>(q.max) / 12);
  }
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
  const int next = questionnaire_->next_question();
  if (next < 0) go_to(Screen::Review);
  else show_question(next);
  if (alert) show_support_after_disclosure();
}

// The support screen, because of an answer; "Continue" goes back to the screen now shown.
void Flow::show_support_after_disclosure() {
  support_return_ = screen_;
  go_to(Screen::Support);
  support_after_disclosure_ = true;
  crisis_disclosed_ = true;
}

void Flow::choose(const std::string& option_id) {
  const Question& q = question();
  const Option* option = q.find_option(option_id);
  if (!option) return;
  if (q.type == QuestionType::MultipleChoice) toggle(*option);
  else if (q.type == QuestionType::YesNo || q.type == QuestionType::SingleChoice) give_answer(Answer::of_choice(option_id));
}

// A tick: "None of these" (an exclusive option) clears the others, and any other clears it.
void Flow::toggle(const Option& option) {
  input_problem_ = InputProblem::None;
  const Question& q = question();
  auto it = std::find(ticked_.begin(), ticked_.end(), option.id);
  if (it != ticked_.end()) {
    ticked_.erase(it);
  } else if (option.exclusive) {
    ticked_ = {option.id};
  } else {
    ticked_.erase(std::remove_if(ticked_.begin(), ticked_.end(),
                                 [&](const std::string& id) { return q.find_option(id)->exclusive; }),
                  ticked_.end());
    ticked_.push_back(option.id);
  }
}

bool Flow::ticked(const std::string& option_id) const {
  return std::find(ticked_.begin(), ticked_.end(), option_id) != ticked_.end();
}

void Flow::type_digit(int digit) {
  input_problem_ = InputProblem::None;
  if (number_prefilled_ || number_entry_ == "0") number_entry_.clear();
  number_prefilled_ = false;
  if (number_entry_.size() < 6) number_entry_ += static_cast<char>('0' + digit);
}

void Flow::submit() {
  const Question& q = question();
  if (q.type == QuestionType::MultipleChoice) {
    if (ticked_.empty()) input_problem_ = InputProblem::ChooseAtLeastOne;
    else give_answer(Answer::of_choices(ticked_));
  } else if (q.type == QuestionType::Number) {
    const double value = number_entry_.empty() ? -1 : std::atof(number_entry_.c_str());
    if (number_entry_.empty() || value < q.min || value > q.max) input_problem_ = InputProblem::NumberOutOfRange;
    else give_answer(Answer::of_number(value));
  }
}

void Flow::pick_month(int month) {
  if (month < 0 || month > 11) return;
  const int value = year_shown_ * 12 + month;
  if (value < question().min || value > question().max) input_problem_ = InputProblem::MonthOutOfRange;
  else give_answer(Answer::of_month_year(value));
}

void Flow::go_back() {
  switch (screen_) {
    case Screen::Question: {
      const int previous = questionnaire_->previous_question(question_);
      if (previous >= 0) show_question(previous);
      else if (offers_zip_at_start()) open_zip_at_start();
      else go_to(Screen::Welcome);
      break;
    }
    case Screen::Review: {
      const int last = questionnaire_->previous_question(-1);
      if (last >= 0) show_question(last);
      else if (offers_zip_at_start()) open_zip_at_start();
      else go_to(Screen::Welcome);
      break;
    }
    case Screen::Results: go_to(Screen::Review); break;
    case Screen::Zip: go_to(zip_at_start_ ? Screen::Welcome : Screen::Results); break;
    case Screen::Result: go_to(catalog_ ? Screen::Results : Screen::Review); break;
    case Screen::Support: go_to(support_return_); break;
    case Screen::ShareConfirm: go_to(Screen::Result); break;
    case Screen::ResultCode: go_to(Screen::Result); break;
    default: break;
  }
}

void Flow::start_over() {
  if (kiosk()) {
    wipe_request_ = Wipe::ToWelcome;  // a fresh page for the next person, not cleared fields
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
  clear_zip();
  zip_at_start_ = false;
  support_after_disclosure_ = false;
  crisis_disclosed_ = false;
  shared_studies_.clear();
  question_ = -1;
  number_entry_.clear();
  ticked_.clear();
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

Flow::SaveRequest Flow::take_save_request() { return std::exchange(save_request_, SaveRequest{}); }

bool Flow::take_open_request() { return std::exchange(open_request_, false); }

void Flow::on_saved_answers(const std::string& text, bool too_big) {
  if (screen_ != Screen::Welcome || !questionnaire_) return;  // the person moved on meanwhile
  const SavedAnswers saved = too_big ? SavedAnswers{} : read_saved_answers(text, file_name_, study_editions(), *questionnaire_);
  using S = SavedAnswers::Status;
  if (saved.status == S::Unreadable || saved.status == S::OtherFile) {
    ++view_number_;
    saved_notice_ = saved.status == S::Unreadable ? SavedNotice::Unreadable : SavedNotice::OtherFile;
    return;
  }
  // The answers replace any already given, in the order they were given.
  forget_person();
  for (const auto& [q, answer] : saved.answers) questionnaire_->answer(q, answer);
  const int next = questionnaire_->next_question();
  if (next < 0) go_to(Screen::Review);
  else show_question(next);
  saved_notice_ = saved.status == S::Same ? SavedNotice::Restored : SavedNotice::Changed;
  // An answer in the file that calls for crisis support shows the help first, as it did
  // when the person gave it.
  if (questionnaire_->calls_for_crisis_support()) show_support_after_disclosure();
}

void Flow::clear_zip() {
  zip_.clear();
  zip_entry_.clear();
  zip_place_ = LatLon{};
  distance_limit_ = 0;
}

// Someone is there: the countdown goes, and the screen under it is shown again.
void Flow::stop_countdown() {
  wipe_at_ = -1;
  ++view_number_;
  note_activity(now_);
}

void Flow::open_support() {
  if (screen_ != Screen::Support) support_return_ = screen_;
  go_to(Screen::Support);
  support_after_disclosure_ = false;
}

// Sharing is always the person's own act, confirmed in a window of the app's own (see
// take_share_window_request), and only while the frame still shows the screen that sent them
// there: an answer from a window of an earlier screen does nothing.
void Flow::share_window_answered(bool yes) {
  if (screen_ != Screen::ShareConfirm || !can_share() || shared()) return;
  if (yes) {
    host_messages_.push_back(share_message(session(), lang_));
    shared_studies_.push_back(result_study_);
  }
  go_to(Screen::Result);
}

void Flow::share_window_opened(bool opened) {
  if (screen_ != Screen::ShareConfirm) return;
  share_window_blocked_ = !opened;
  ++view_number_;  // the screen's words change
}

std::string Flow::take_share_window_request() {
  std::string out;
  out.swap(share_window_request_);
  return out;
}

bool Flow::take_share_window_close() {
  const bool close = share_window_close_;
  share_window_close_ = false;
  return close;
}

// ---------------------------------------------------------------------------------------
// [SECTION] What the screens show
// ---------------------------------------------------------------------------------------
Lang Flow::next_language() const {
  // lang_ is always one of languages_ once a trial is loaded (take_languages makes it so).
  const auto at = std::find(languages_.begin(), languages_.end(), lang_);
  if (languages_.size() < 2 || at == languages_.end()) return lang_;
  return languages_[static_cast<size_t>(at - languages_.begin() + 1) % languages_.size()];
}

// Counts the questions before this one on the person's path, so going back to change an
// answer shows where that question sits.
PathStep Flow::path_step() const {
  if (!questionnaire_) return {};
  const std::vector<int> path = questionnaire_->path();
  const int total = questionnaire_->estimated_total();
  const int next = questionnaire_->next_question();
  const int shown = screen_ == Screen::Question ? question_ : next;
  const int step = shown < 0 ? static_cast<int>(path.size()) : questionnaire_->position(shown) + 1;
  return {step, std::max(total, step)};
}

std::string Flow::input_message() const {
  const Question* q = screen_ == Screen::Question ? &question() : nullptr;
  switch (input_problem_) {
    case InputProblem::None: return "";
    case InputProblem::ChooseAtLeastOne: return phrase(Phrase::ChooseAtLeastOne, lang_);
    case InputProblem::AnswerDoesNotFit: return phrase(Phrase::AnswerDoesNotFit, lang_);
    case InputProblem::NumberOutOfRange:
      return fill(phrase(Phrase::NumberOutOfRange, lang_), {{"min", format_number(q->min)}, {"max", format_number(q->max)}});
    case InputProblem::ZipNeedsFiveDigits: return phrase(Phrase::ZipNeedsFiveDigits, lang_);
    case InputProblem::ZipNotFound: return phrase(Phrase::ZipNotFound, lang_);
    case InputProblem::ZipTableFailed: return phrase(Phrase::ZipTableFailed, lang_);
    case InputProblem::MonthOutOfRange: {
      auto name = [&](double v) {
        const int m = static_cast<int>(v);
        return std::string(month_name(m % 12, lang_)) + " " + std::to_string(m / 12);
      };
      return fill(phrase(Phrase::MonthOutOfRange, lang_), {{"min", name(q->min)}, {"max", name(q->max)}});
    }
  }
  return "";
}

std::string Flow::answer_words(const Question& q, const Answer& a) const {
  // Months by name, in the person's language ("March 2024").
  return trialmatch::answer_words(q, a, lang_code(lang_), [this](int month_number) {
    return std::string(month_name(month_number % 12, lang_)) + " " + std::to_string(month_number / 12);
  });
}

std::string Flow::heading() const {
  if (still_there_shown()) return phrase(Phrase::StillThereHeading, lang_);
  switch (screen_) {
    case Screen::Loading: return phrase(opening_catalog_ ? Phrase::LoadingCatalog : Phrase::Loading, lang_);
    case Screen::Error: return phrase(opening_catalog_ ? Phrase::ErrorTitleCatalog : Phrase::ErrorTitle, lang_);
    case Screen::Welcome: return title();
    case Screen::Question: return words(question().text);
    case Screen::Review: return phrase(Phrase::ReviewHeading, lang_);
    case Screen::Results: return phrase(Phrase::ResultsHeading, lang_);
    case Screen::Result: {
      const Verdict v = session().evaluation().verdict;
      return phrase(v == Verdict::LikelyEligible ? Phrase::LikelyHeadline
                    : v == Verdict::NeedsReview   ? Phrase::ReviewHeadline
                                                  : Phrase::NotEligibleHeadline,
                    lang_);
    }
    case Screen::Zip: return phrase(zip_at_start_ ? Phrase::ZipStartHeading : Phrase::ZipHeading, lang_);
    case Screen::Support: return phrase(Phrase::SupportHeading, lang_);
    case Screen::ShareConfirm:
      return phrase(share_window_blocked_ ? Phrase::ShareWindowBlockedHeading : Phrase::ShareWindowHeading, lang_);
    case Screen::ResultCode: return phrase(Phrase::CodeHeading, lang_);
  }
  return "";
}

// ---------------------------------------------------------------------------------------
// [SECTION] Kiosk: idle warning, then a full wipe
// ---------------------------------------------------------------------------------------
void Flow::note_activity(double now) {
  now_ = now;
  last_activity_ = now;  // the countdown, once shown, needs its own button ("I'm still here")
}

bool Flow::has_anything_to_wipe() const {
  if (!questionnaire_) return false;
  for (int q = 0; q < questionnaire_->count(); ++q)
    if (questionnaire_->answer_to(q)) return true;
  return screen_ != Screen::Welcome;
}

double Flow::tick(double now) {
  now_ = now;
  if (!kiosk() || !has_anything_to_wipe() || wipe_request_ != Wipe::None) {
    wipe_at_ = -1;
    return -1;
  }
  // The same countdown and one fresh page load on every screen, at the same moment: the
  // server and an embedding page see a wipe, never which screen it came from. On the support
  // screen the countdown leaves the crisis numbers up, and so does the fresh page.
  const Wipe wipe = screen_ == Screen::Support ? Wipe::ToSupport : Wipe::ToWelcome;
  if (wipe_at_ >= 0) {
    if (now < wipe_at_) return std::min(1.0, wipe_at_ - now);  // redraw the countdown every second
    wipe_at_ = -1;
    wipe_request_ = wipe;
    return -1;
  }
  const double idle_until = last_activity_ + kiosk_idle_;
  if (now < idle_until) return idle_until - now;
  if (screen_ == Screen::Support && support_after_wipe_) {
    // The numbers, shown again on the fresh page for someone who may be dialling from their
    // own phone, give way to the welcome screen in the kiosk's own language after a further
    // idle period. This page holds nothing of the person, so no second load: the server and
    // an embedding page see one load per wipe, whatever the screen was.
    lang_ = home_lang_;
    go_to(Screen::Welcome);
    return -1;
  }
  // The countdown runs from when the idle time ran out, not from when a frame noticed: a
  // page that was hidden or frozen through all of it is wiped at once, with no second chance.
  wipe_at_ = idle_until + std::min(15.0, kiosk_idle_);
  ++view_number_;  // the countdown covers the screen: presses aimed at it are dropped
  if (now >= wipe_at_) {
    wipe_at_ = -1;
    wipe_request_ = wipe;
    return -1;
  }
  return 0;
}

int Flow::still_there_seconds() const { return std::max(0, static_cast<int>(std::ceil(wipe_at_ - now_))); }

Flow::Wipe Flow::take_wipe_request() {
  const Wipe wipe = wipe_request_;
  wipe_request_ = Wipe::None;
  return wipe;
}

void Flow::start_on_support(Lang lang) {
  home_lang_ = lang_;
  lang_ = lang;
  start_on_support_ = true;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Studies near me
// ---------------------------------------------------------------------------------------
void Flow::submit_zip() {
  if (zip_entry_.size() != 5) {
    input_problem_ = InputProblem::ZipNeedsFiveDigits;
    return;
  }
  if (!zip_table_) {
    zip_waiting_ = true;
    input_problem_ = InputProblem::None;
    if (!zip_requested_) file_requests_.push_back(kZipTableFile);
    zip_requested_ = true;
    return;
  }
  const std::optional<LatLon> place = zip_table_->find(zip_entry_);
  if (!place) {
    input_problem_ = InputProblem::ZipNotFound;
    return;
  }
  zip_ = zip_entry_;
  zip_place_ = *place;
  apply_distance_limit();
  if (zip_at_start_) begin_questions();
  else go_to(Screen::Results);
}

// The questions begin (or the review, when a restored file answered them all).
void Flow::begin_questions() {
  if (questionnaire_->next_question() >= 0) show_question(questionnaire_->next_question());
  else go_to(Screen::Review);
}

void Flow::open_zip_at_start() {
  zip_at_start_ = true;
  zip_entry_ = zip_;
  input_problem_ = InputProblem::None;
  go_to(Screen::Zip);
}

bool Flow::offers_zip_at_start() const {
  if (!catalog_) return false;
  for (size_t s = 0; s < catalog_->catalog().studies.size(); ++s)
    if (catalog_->session().open(static_cast<int>(s)) && has_placeable_site(catalog_->session().trial(static_cast<int>(s))))
      return true;
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
  if (zip_table_) return;
  std::string error = problem;
  if (text) zip_table_ = ZipTable::parse(*text, error);
  const bool waiting = zip_waiting_;
  zip_waiting_ = false;
  if (!zip_table_) {
    zip_requested_ = false;  // the person may try again
    if (waiting && screen_ == Screen::Zip) input_problem_ = InputProblem::ZipTableFailed;
    return;
  }
  if (waiting && screen_ == Screen::Zip) submit_zip();
}

std::optional<double> Flow::miles_to(int study) const {
  if (zip_.empty() || !zip_table_ || !catalog_ || !catalog_->session().open(study)) return std::nullopt;
  return nearest_site_miles(catalog_->session().trial(study), *zip_table_, zip_place_);
}

std::optional<long> Flow::shown_miles(int study) const {
  const std::optional<double> miles = miles_to(study);
  if (!miles) return std::nullopt;
  return std::lround(*miles);
}

bool Flow::within_limit(int study) const {
  if (distance_limit_ <= 0) return true;
  const std::optional<long> miles = shown_miles(study);
  return !miles || *miles <= distance_limit_;
}

// ---------------------------------------------------------------------------------------
// [SECTION] Embedded mode and links
// ---------------------------------------------------------------------------------------
void Flow::set_embedded(bool embedded, const std::string& host_site) {
  embedded_ = embedded;
  host_site_ = host_site;
}

std::vector<std::string> Flow::take_host_messages() {
  std::vector<std::string> out;
  out.swap(host_messages_);
  return out;
}

std::string Flow::contact_link(int kind) const {
  if (kiosk() || !questionnaire_ || (catalog_ && result_study_ < 0)) return "";
  const Contact& c = trial().info.contact;
  if (kind == 0) {
    // The number's digits (a leading +), up to an extension ("x5", "ext. 5", ", 5"), which
    // a dialer would otherwise dial as part of the number.
    std::string digits;
    for (char ch : c.phone) {
      if ((ch >= '0' && ch <= '9') || (ch == '+' && digits.empty())) digits += ch;
      else if (std::isalpha(static_cast<unsigned char>(ch)) || ch == ',' || ch == ';' || ch == '#') break;
    }
    return digits.size() >= 7 && digits.size() <= 16 ? "tel:" + digits : "";
  }
  // Only a plain address, and a web address that goes where it seems to (contact_addresses.h).
  if (kind == 1) return !c.email.empty() && email_address_concern(c.email).empty() ? "mailto:" + c.email : "";
  if (kind == 2) return !c.url.empty() && web_address_concern(c.url).empty() ? c.url : "";
  return "";
}

std::string Flow::take_print_request() {
  std::string summary;
  summary.swap(print_request_);
  return summary;
}

std::string Flow::take_link_request() {
  std::string link;
  link.swap(link_request_);
  return link;
}

}  // namespace trialmatch::flow
