// The trial model: what a validated trial-definition file (docs/trial-format.md) becomes.
// Built only by load_trial (trial_loader.h), so every condition in it is resolved and
// type-checked, and every text has every language the trial declares.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "answer.h"
#include "condition.h"

namespace trialmatch {

// A text in every language of the trial: language code -> text.
using LocalText = std::map<std::string, std::string>;

// The text in `lang`, or in the trial's first language if `lang` is missing.
const std::string& text_in(const LocalText& text, const std::string& lang);

enum class QuestionType { YesNo, SingleChoice, MultipleChoice, Number, MonthYear };

const char* question_type_id(QuestionType type);

// At most this many options per question: more would not fit a phone screen, and the path
// explorer lists every combination of a multiple-choice question's options.
constexpr size_t kMaxOptions = 16;

struct Option {
  std::string id;
  LocalText text;  // empty for the built-in yes/no options
  bool exclusive = false;  // "None of these": choosing it clears the others
};

// The one safety action: show crisis help at once, and on every result while it stands.
constexpr const char* kCrisisSupport = "crisis_support";

struct SafetyTrigger {
  Condition when;
  std::string action;  // kCrisisSupport
};

struct Question {
  std::string id;
  // What the question asks, whatever its words ("age", "visits-mgh-boston"): two questions
  // with the same concept ask the same thing, so a study asks a concept once, and a catalog
  // asks it once, as a shared question. Optional alone; required in a catalog. "" when absent.
  std::string concept;
  int index = 0;
  QuestionType type = QuestionType::YesNo;
  LocalText text;
  // Optional: shown under the question, always: what counts and how to answer ("Answer no
  // if you do not have a uterus..."). Part of the question, not of "Why we ask".
  LocalText note;
  LocalText why;  // optional "Why we ask"
  LocalText unit;  // number questions
  double min = 0, max = 0;  // number: bounds; month/year: month numbers
  bool integer = true;
  std::vector<Option> options;  // yes/no questions get "yes" and "no"
  std::vector<UnknownKind> unknown_answers;  // which "I'm not sure" answers are offered
  std::optional<Condition> ask_if;
  std::optional<SafetyTrigger> safety;

  const Option* find_option(const std::string& option_id) const;
  std::string option_ids() const;  // "\"yes\", \"no\"": for messages
  bool offers(UnknownKind kind) const;
};

enum class CriterionKind { Inclusion, Exclusion };

// What a criterion that the person's answers fail does to the verdict.
enum class WhenFails {
  Exclude,  // the person is not eligible
  Review,   // a self-report proxy: the study team talks it over (needs_review)
};

struct Criterion {
  std::string id;
  CriterionKind kind = CriterionKind::Inclusion;
  std::optional<Condition> rule;  // absent: checked by the study team only
  WhenFails when_fails = WhenFails::Exclude;
  // With `when_fails` review: a failure puts the study out of the person's reach as things are
  // (they cannot come to its site, cannot read its language). It is still a talk, never "not
  // eligible", but no more of the study's questions are asked, but those that call for crisis
  // support, and its result says plainly what would have to change.
  bool out_of_reach = false;
  // The criterion in plain words, true whatever the person answered: shown when it is
  // still open, checked by the study team, and wherever `because` is absent.
  LocalText text;
  // Optional words for when the person's own answers decided it (it rules them out or goes
  // to review): these may say what the person told us. Empty when absent.
  LocalText because;
  // Optional, on a study-team check: what the person could find out before calling, and
  // how ("Your doctor's office can tell you if you have had a CRP blood test..."). The result
  // lists these checks first, each with these words. Empty when absent.
  LocalText find_out;
  std::string source;  // where the criterion comes from (for reviewers, not shown)
  // Drafted from a registry's free text (trialmatch import-ctgov) and not yet finished by
  // an author: a trial with a draft is never shown to people.
  bool draft = false;

  bool study_team_only() const { return !rule.has_value(); }
};

struct Site {
  std::string name, city, state, zip, country;
  std::optional<double> lat, lon;  // where it is, when the registry says
  std::string status;              // the site's own recruiting status (study_status.h), "" when not given
};

struct Contact {
  std::string name, phone, email, url;
  LocalText note;
};

struct Stage {
  LocalText name;
  LocalText duration;
  int visits = 0;
  LocalText details;
};

struct TrialInfo {
  std::string id;
  std::string registry_url;
  LocalText title;
  LocalText summary;
  std::string sponsor;
  std::string investigator;
  std::string phase;
  std::string version;  // optional: the authors' name for this edition of the file ("2026-11-25")
  // Optional: the registry's recruiting status (study_status.h) and the date of the record
  // it was read from, as a draft from the registry carries them. A catalog's own status is
  // what decides whether a study is matched.
  std::string status, status_date;
  bool mental_health = false;  // shows "Need help now?" on every screen
  std::vector<Site> sites;
  Contact contact;
  LocalText welcome_note;   // optional: shown on the welcome screen (e.g. "some questions are personal")
  LocalText participation;  // what taking part involves, in brief
  std::vector<Stage> stages;
  LocalText full_criteria_note;  // "the study team reviews the full list"
};

struct Trial {
  std::string format;
  std::vector<std::string> languages;
  TrialInfo info;
  std::vector<Question> questions;
  std::vector<Criterion> criteria;
  // Questions of a catalog this study is in (shared questions, asked for other studies) whose
  // answers its criteria do not use, each with the reason, for reviewers (not shown): so an
  // answer in hand is never ignored by accident (docs/catalog-format.md).
  std::map<std::string, std::string> answers_not_used;
  std::string sha256;  // of the file's bytes, as loaded: which file a result came from

  const Question* find_question(const std::string& question_id) const;
  int question_index(const std::string& question_id) const;  // -1 if absent
  bool has_drafts() const;  // a criterion is still a draft: not ready for people
};

}  // namespace trialmatch
