#include "trial_loader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "contact_addresses.h"
#include "input_limits.h"
#include "json_reader.h"
#include "json_text.h"
#include "sha256.h"
#include "study_status.h"
#include "wording_checks.h"

namespace trialmatch {

using nlohmann::json;

namespace {

using Reader = JsonReader;

// A reason in "answers_not_used" is one short sentence.
constexpr size_t kMaxReasonBytes = 300;

const std::set<std::string> kTopFields = {"format", "languages", "trial", "questions", "criteria", "answers_not_used"};
const std::set<std::string> kTrialFields = {"id", "registry_url", "title", "summary", "sponsor", "investigator",
                                            "phase", "version", "status", "status_date", "mental_health", "sites", "contact", "participation",
                                            "stages", "full_criteria_note", "welcome_note"};
const std::set<std::string> kQuestionFields = {"id", "concept", "type", "text", "note", "why", "options", "unit", "min",
                                               "max", "integer", "unknown", "ask_if", "safety"};

// A concept names what a question asks: lower-case letters, digits, "-" and "_".
bool is_concept(const std::string& s) {
  return !s.empty() && s[0] >= 'a' && s[0] <= 'z' &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; });
}
const std::set<std::string> kCriterionFields = {"id",   "type",    "rule",   "checked_by", "when_fails",   "text",
                                                "because", "find_out", "source", "draft", "out_of_reach"};

void read_trial_info(Reader& r, const json& doc, TrialInfo& info) {
  auto it = doc.find("trial");
  if (it == doc.end()) return;
  const std::string p = "/trial";
  const json& t = *it;
  if (!r.check_object(p, t, kTrialFields, {"id", "title", "summary", "sponsor", "contact", "full_criteria_note"},
                      "the trial"))
    return;
  info.id = r.read_string(p, t, "id", true);
  info.registry_url = r.read_string(p, t, "registry_url", false);
  if (!info.registry_url.empty())
    if (const std::string why = web_address_concern(info.registry_url); !why.empty())
      r.warning(p + "/registry_url", "a reviewer should not follow this address: " + why);
  info.title = r.read_text(p, t, "title");
  info.summary = r.read_text(p, t, "summary");
  info.sponsor = r.read_string(p, t, "sponsor", true);
  info.investigator = r.read_string(p, t, "investigator", false);
  info.phase = r.read_string(p, t, "phase", false);
  info.version = r.read_string(p, t, "version", false);
  info.status = r.read_string(p, t, "status", false);
  if (t.contains("status") && t["status"].is_string()) {
    if (!study_status_from_id(info.status))
      r.error(p + "/status", "unknown status \"" + info.status + "\" (one of: " + study_status_ids() + ")");
    else if (info.status != study_status_id(StudyStatus::Recruiting))
      r.warning(p + "/status", "the registry says this study is " + info.status +
                                   ", not recruiting: the app will not open this file, so nobody is matched to it");
  }
  info.status_date = r.read_string(p, t, "status_date", false);
  if (t.contains("status_date") && t["status_date"].is_string() && !is_status_date(info.status_date))
    r.error(p + "/status_date", "the date of the record the status was read from, as \"YYYY-MM-DD\" (or \"YYYY-MM\")");
  info.mental_health = r.read_bool(p, t, "mental_health", false);
  info.participation = r.read_text(p, t, "participation");
  info.welcome_note = r.read_text(p, t, "welcome_note");
  info.full_criteria_note = r.read_text(p, t, "full_criteria_note");

  if (auto sites = t.find("sites"); sites != t.end()) {
    if (!sites->is_array()) {
      r.error(p + "/sites", "\"sites\" must be a list");
    } else {
      for (size_t i = 0; i < sites->size(); ++i) {
        const std::string sp = p + "/sites/" + std::to_string(i);
        const json& s = (*sites)[i];
        if (!r.check_object(sp, s, {"name", "city", "state", "zip", "country", "lat", "lon", "status"}, {"name", "city"},
                            "a site"))
          continue;
        Site site{r.read_string(sp, s, "name", true), r.read_string(sp, s, "city", true),
                  r.read_string(sp, s, "state", false), r.read_string(sp, s, "zip", false),
                  r.read_string(sp, s, "country", false), r.read_number(sp, s, "lat"), r.read_number(sp, s, "lon"),
                  r.read_string(sp, s, "status", false)};
        if (site.lat && (*site.lat < -90 || *site.lat > 90)) r.error(sp + "/lat", "a latitude is from -90 to 90");
        if (site.lon && (*site.lon < -180 || *site.lon > 180)) r.error(sp + "/lon", "a longitude is from -180 to 180");
        if (site.lat.has_value() != site.lon.has_value())
          r.error(sp, "a site's place needs both \"lat\" and \"lon\"");
        if (s.contains("status") && !site.status.empty() && !study_status_from_id(site.status))
          r.error(sp + "/status", "unknown status \"" + site.status + "\" (one of: " + study_status_ids() + ")");
        info.sites.push_back(std::move(site));
      }
    }
  }

  if (auto c = t.find("contact"); c != t.end()) {
    const std::string cp = p + "/contact";
    if (r.check_object(cp, *c, {"name", "phone", "email", "url", "note"}, {}, "the contact")) {
      info.contact.name = r.read_string(cp, *c, "name", true);
      info.contact.phone = r.read_string(cp, *c, "phone", true);
      info.contact.email = r.read_string(cp, *c, "email", true);
      info.contact.url = r.read_string(cp, *c, "url", true);
      info.contact.note = r.read_text(cp, *c, "note");
      if (info.contact.phone.empty() && info.contact.email.empty() && info.contact.url.empty())
        r.error(cp, "the contact needs at least one of \"phone\", \"email\" or \"url\"");
      if (!info.contact.url.empty())
        if (const std::string why = web_address_concern(info.contact.url); !why.empty())
          r.warning(cp + "/url", "the app offers no link to this address: " + why);
      if (!info.contact.email.empty())
        if (const std::string why = email_address_concern(info.contact.email); !why.empty())
          r.warning(cp + "/email", "the app offers no link to this address: " + why);
    }
  }

  if (auto stages = t.find("stages"); stages != t.end()) {
    if (!stages->is_array()) {
      r.error(p + "/stages", "\"stages\" must be a list");
    } else {
      for (size_t i = 0; i < stages->size(); ++i) {
        const std::string sp = p + "/stages/" + std::to_string(i);
        const json& s = (*stages)[i];
        if (!r.check_object(sp, s, {"name", "duration", "visits", "details"}, {"name", "duration"}, "a stage"))
          continue;
        Stage stage;
        stage.name = r.read_text(sp, s, "name");
        stage.duration = r.read_text(sp, s, "duration");
        stage.details = r.read_text(sp, s, "details");
        if (auto v = r.read_number(sp, s, "visits")) {
          if (*v < 0 || *v > 1000 || std::floor(*v) != *v)
            r.error(sp + "/visits", "\"visits\" must be a whole number from 0 to 1000");
          else stage.visits = static_cast<int>(*v);
        }
        info.stages.push_back(std::move(stage));
      }
    }
  }
}

QuestionType parse_question_type(Reader& r, const std::string& p, const std::string& type, bool& ok) {
  ok = true;
  if (type == "yes_no") return QuestionType::YesNo;
  if (type == "single") return QuestionType::SingleChoice;
  if (type == "multiple") return QuestionType::MultipleChoice;
  if (type == "number") return QuestionType::Number;
  if (type == "month_year") return QuestionType::MonthYear;
  ok = false;
  if (!type.empty())
    r.error(p, "unknown question type \"" + type + "\" (use yes_no, single, multiple, number or month_year)");
  return QuestionType::YesNo;
}

void read_options(Reader& r, const std::string& p, const json& q, Question& question) {
  auto it = q.find("options");
  const bool has_options = question.type == QuestionType::SingleChoice || question.type == QuestionType::MultipleChoice;
  if (!has_options) {
    if (it != q.end())
      r.error(p + "/options", std::string("a ") + question_type_id(question.type) + " question has no \"options\"");
    if (question.type == QuestionType::YesNo) question.options = {Option{"yes", {}, false}, Option{"no", {}, false}};
    return;
  }
  if (it == q.end()) {
    r.error(p, "a choice question needs \"options\"");
    return;
  }
  if (!it->is_array() || it->size() < 2) {
    r.error(p + "/options", "\"options\" must be a list of at least two options");
    return;
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string op = p + "/options/" + std::to_string(i);
    const json& o = (*it)[i];
    if (!r.check_object(op, o, {"id", "text", "exclusive"}, {"id", "text"}, "an option")) continue;
    Option option;
    option.id = r.read_string(op, o, "id", true);
    if (!option.id.empty() && !is_identifier(option.id))
      r.error(op + "/id", "an option id must start with a lower-case letter and use only a-z, 0-9 and _");
    else if (!option.id.empty() && !ids.insert(option.id).second)
      r.error(op + "/id", "option id \"" + option.id + "\" is used twice in this question");
    if (option.id == "not_sure" || option.id == "prefer_not_to_say" || option.id == "unknown")
      r.error(op + "/id", "\"" + option.id + "\" is reserved for unknown answers: list \"not_sure\" or "
                          "\"prefer_not_to_say\" under \"unknown\" instead");
    option.text = r.read_text(op, o, "text");
    option.exclusive = r.read_bool(op, o, "exclusive", false);
    if (option.exclusive && question.type != QuestionType::MultipleChoice)
      r.error(op + "/exclusive", "only options of a multiple-choice question can be exclusive");
    question.options.push_back(std::move(option));
  }
  if (question.options.size() > kMaxOptions)
    r.error(p + "/options", "a question can have at most " + std::to_string(kMaxOptions) +
                                " options; split it into several questions");
}

void read_bounds(Reader& r, const std::string& p, const json& q, Question& question) {
  const bool number = question.type == QuestionType::Number;
  const bool month = question.type == QuestionType::MonthYear;
  for (const char* key : {"unit", "min", "max", "integer"}) {
    if (!q.contains(key)) continue;
    const bool fits = number || (month && (std::string(key) == "min" || std::string(key) == "max"));
    if (!fits)
      r.error(p + "/" + key, std::string("\"") + key + "\" does not apply to a " + question_type_id(question.type) +
                                 " question");
  }
  if (number) {
    question.unit = r.read_text(p, q, "unit");
    question.integer = r.read_bool(p, q, "integer", true);
    auto lo = r.read_number(p, q, "min");
    auto hi = r.read_number(p, q, "max");
    if (!q.contains("min") || !q.contains("max")) r.error(p, "a number question needs \"min\" and \"max\"");
    if (lo && hi) {
      question.min = *lo;
      question.max = *hi;
      if (*lo >= *hi) r.error(p + "/max", "\"max\" must be greater than \"min\"");
    }
  } else if (month) {
    question.min = 1900 * 12;
    question.max = 2200 * 12 - 1;
    for (const char* key : {"min", "max"}) {
      std::string s = r.read_string(p, q, key, false);
      if (s.empty()) continue;
      auto m = parse_month_year(s);
      if (!m) r.error(p + "/" + key, std::string("\"") + key + "\" must be a month like \"2024-05\"");
      else (std::string(key) == "min" ? question.min : question.max) = *m;
    }
    if (question.min > question.max) r.error(p + "/max", "\"max\" must not be before \"min\"");
  }
}

void read_unknown_answers(Reader& r, const std::string& p, const json& q, Question& question) {
  auto it = q.find("unknown");
  if (it == q.end()) return;
  if (!it->is_array()) {
    r.error(p + "/unknown", "\"unknown\" must be a list, e.g. [\"not_sure\"] or [\"prefer_not_to_say\"]");
    return;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const json& u = (*it)[i];
    const std::string up = p + "/unknown/" + std::to_string(i);
    std::string id = u.is_string() ? u.get<std::string>() : "";
    UnknownKind kind;
    if (id == "not_sure") kind = UnknownKind::NotSure;
    else if (id == "prefer_not_to_say") kind = UnknownKind::PreferNotToSay;
    else {
      r.error(up, "an unknown answer must be \"not_sure\" or \"prefer_not_to_say\"");
      continue;
    }
    if (question.offers(kind)) r.error(up, "\"" + id + "\" is listed twice");
    else question.unknown_answers.push_back(kind);
  }
}

void read_questions(Reader& r, const json& doc, Trial& trial) {
  auto it = doc.find("questions");
  if (it == doc.end()) return;
  if (!it->is_array() || it->empty()) {
    r.error("/questions", "\"questions\" must be a non-empty list");
    return;
  }
  std::set<std::string> ids;
  std::map<std::string, std::string> concepts;  // concept -> the first question that asks it
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string p = "/questions/" + std::to_string(i);
    const json& q = (*it)[i];
    Question question;
    question.index = static_cast<int>(trial.questions.size());
    if (!r.check_object(p, q, kQuestionFields, {"id", "type", "text"}, "a question")) {
      question.id = "#" + std::to_string(i);  // keep indexes aligned with the file
      trial.questions.push_back(std::move(question));
      continue;
    }
    question.id = r.read_string(p, q, "id", true);
    if (!question.id.empty()) {
      if (!is_identifier(question.id))
        r.error(p + "/id", "a question id must start with a lower-case letter and use only a-z, 0-9 and _");
      else if (is_condition_keyword(question.id))
        r.error(p + "/id", "\"" + question.id + "\" is a word of the condition language; choose another id");
      else if (!ids.insert(question.id).second)
        r.error(p + "/id", "question id \"" + question.id + "\" is used by an earlier question too");
    }
    question.concept = r.read_string(p, q, "concept", false);
    if (q.contains("concept") && q["concept"].is_string()) {
      if (!is_concept(question.concept))
        r.error(p + "/concept", "a concept starts with a lower-case letter and uses only a-z, 0-9, - and _");
      else if (const auto [at, added] = concepts.emplace(question.concept, question.id); !added)
        r.error(p + "/concept", "question \"" + question.id + "\" asks the same thing as \"" + at->second +
                                    "\" (concept \"" + question.concept + "\"): ask it once");
    }
    bool type_ok = false;
    question.type = parse_question_type(r, p + "/type", r.read_string(p, q, "type", true), type_ok);
    question.text = r.read_text(p, q, "text");
    question.note = r.read_text(p, q, "note");
    question.why = r.read_text(p, q, "why");
    if (type_ok) {
      read_options(r, p, q, question);
      read_bounds(r, p, q, question);
    }
    read_unknown_answers(r, p, q, question);
    trial.questions.push_back(std::move(question));
  }
}

// Conditions are read after every question, so they can be checked against the whole list.
void read_question_conditions(Reader& r, const json& doc, Trial& trial) {
  auto it = doc.find("questions");
  if (it == doc.end() || !it->is_array()) return;
  const json& list = *it;
  for (size_t i = 0; i < list.size() && i < trial.questions.size(); ++i) {
    const std::string p = "/questions/" + std::to_string(i);
    const json& q = list[i];
    if (!q.is_object()) continue;
    Question& question = trial.questions[i];
    if (auto cond = r.read_condition(p, q, "ask_if")) {
      for (const auto& e : check_condition(*cond, trial.questions, question.index, "this question"))
        r.error_in_string(p + "/ask_if", e.column, e.message);
      question.ask_if = std::move(cond);
    }
    auto safety = q.find("safety");
    if (safety == q.end()) continue;
    const std::string sp = p + "/safety";
    if (!r.check_object(sp, *safety, {"when", "action"}, {"when", "action"}, "a safety trigger")) continue;
    const std::string action = r.read_string(sp, *safety, "action", true);
    if (!action.empty() && action != kCrisisSupport)
      r.error(sp + "/action", "unknown safety action \"" + action + "\" (the only action is \"crisis_support\")");
    if (auto cond = r.read_condition(sp, *safety, "when")) {
      for (const auto& e : check_condition(*cond, trial.questions, question.index + 1, "this question"))
        r.error_in_string(sp + "/when", e.column, e.message);
      auto refs = referenced_questions(*cond);
      if (refs.size() != 1 || refs.front() != question.index)
        r.error(sp + "/when", "a safety trigger must test only the answer to its own question, \"" + question.id + "\"");
      question.safety = SafetyTrigger{std::move(*cond), action};
    }
  }
}

// Every sentence must be true for the person who reads it (docs/trial-format.md, "Words").
void check_criterion_wording(Reader& r, const std::string& p, const Criterion& criterion) {
  for (const auto& [lang, words] : criterion.text)
    if (auto phrase = phrase_claiming_an_answer(lang, words))
      r.error(p + "/text/" + lang, "\"" + *phrase + "\": this text is also shown to people who were not sure or "
                                   "did not answer, so it must not say what they told us; put such words in "
                                   "\"because\"");
  for (const auto& [lang, words] : criterion.find_out)
    if (auto phrase = phrase_claiming_an_answer(lang, words))
      r.error(p + "/find_out/" + lang, "\"" + *phrase + "\": this text is shown whatever the person answered, so "
                                       "it must not say what they told us");
  if (criterion.when_fails != WhenFails::Review) return;
  for (const char* key : {"text", "because"}) {
    const LocalText& texts = std::string(key) == "text" ? criterion.text : criterion.because;
    for (const auto& [lang, words] : texts)
      if (auto phrase = phrase_turning_away(lang, words))
        r.error(p + "/" + key + "/" + lang, "\"" + *phrase + "\": this criterion goes to review, so it never rules "
                                           "anyone out and its words must not say so");
  }
}

// The texts shown with every result, whatever the person answered, must not say what they told us.
void check_result_texts_wording(Reader& r, const TrialInfo& info) {
  auto check = [&](const std::string& p, const LocalText& text) {
    for (const auto& [lang, words] : text)
      if (auto phrase = phrase_claiming_an_answer(lang, words))
        r.error(p + "/" + lang, "\"" + *phrase + "\": this text is shown with every result, whatever the person "
                                "answered, so it must not say what they told us");
  };
  check("/trial/full_criteria_note", info.full_criteria_note);
  check("/trial/participation", info.participation);
  for (size_t s = 0; s < info.stages.size(); ++s) {
    check("/trial/stages/" + std::to_string(s) + "/duration", info.stages[s].duration);
    check("/trial/stages/" + std::to_string(s) + "/details", info.stages[s].details);
  }
  check("/trial/contact/note", info.contact.note);
}

// A shared question of a catalog that this study's criteria do not use, with the reason
// (docs/catalog-format.md, "Answers in hand"): read after the criteria, to check against them.
void read_answers_not_used(Reader& r, const json& doc, Trial& trial) {
  auto it = doc.find("answers_not_used");
  if (it == doc.end()) return;
  const std::string p = "/answers_not_used";
  if (!it->is_object()) {
    r.error(p, "\"answers_not_used\" maps a question id to the reason its answer is not used, for reviewers");
    return;
  }
  std::vector<bool> used(trial.questions.size(), false);
  for (const Criterion& c : trial.criteria)
    if (c.rule)
      for (int q : referenced_questions(*c.rule)) used[static_cast<size_t>(q)] = true;
  for (const auto& [id, reason] : it->items()) {
    const std::string ip = p + "/" + pointer_escape(id);
    if (!is_identifier(id)) {
      r.error(ip, "a question id starts with a lower-case letter and uses only a-z, 0-9 and _");
      continue;
    }
    if (!reason.is_string() || is_blank(reason.get_ref<const std::string&>())) {
      r.error(ip, "say in a short sentence, for reviewers, why this study does not use the answer");
      continue;
    }
    if (reason.get_ref<const std::string&>().size() > kMaxReasonBytes)
      r.error(ip, "keep the reason short: at most " + std::to_string(kMaxReasonBytes) + " bytes");
    const Question* q = trial.find_question(id);
    if (q && used[static_cast<size_t>(q->index)])
      r.error(ip, "the criteria use \"" + id + "\", so its answer is used: remove it here");
    trial.answers_not_used[id] = reason.get<std::string>();
  }
}

void read_criteria(Reader& r, const json& doc, Trial& trial) {
  auto it = doc.find("criteria");
  if (it == doc.end()) return;
  if (!it->is_array() || it->empty()) {
    r.error("/criteria", "\"criteria\" must be a non-empty list");
    return;
  }
  std::set<std::string> ids;
  const int all = static_cast<int>(trial.questions.size());
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string p = "/criteria/" + std::to_string(i);
    const json& c = (*it)[i];
    if (!r.check_object(p, c, kCriterionFields, {"id", "type", "text", "source"}, "a criterion")) continue;
    Criterion criterion;
    criterion.id = r.read_string(p, c, "id", true);
    if (!criterion.id.empty()) {
      if (!is_identifier(criterion.id))
        r.error(p + "/id", "a criterion id must start with a lower-case letter and use only a-z, 0-9 and _");
      else if (!ids.insert(criterion.id).second)
        r.error(p + "/id", "criterion id \"" + criterion.id + "\" is used by an earlier criterion too");
    }
    const std::string type = r.read_string(p, c, "type", true);
    if (type == "exclusion") criterion.kind = CriterionKind::Exclusion;
    else if (type != "inclusion" && !type.empty())
      r.error(p + "/type", "a criterion type must be \"inclusion\" or \"exclusion\", not \"" + type + "\"");
    criterion.text = r.read_text(p, c, "text");
    criterion.source = r.read_string(p, c, "source", true);

    const bool has_rule = c.contains("rule");
    const std::string checked_by = r.read_string(p, c, "checked_by", true);
    if (c.contains("checked_by") && checked_by != "study_team" && !checked_by.empty())
      r.error(p + "/checked_by", "\"checked_by\" can only be \"study_team\"");
    if (has_rule == c.contains("checked_by"))
      r.error(p, "a criterion needs exactly one of \"rule\" (decided by the answers) or "
                 "\"checked_by\": \"study_team\"");
    const std::string when_fails = r.read_string(p, c, "when_fails", true);
    if (c.contains("when_fails")) {
      if (!has_rule) r.error(p + "/when_fails", "\"when_fails\" only applies to a criterion with a \"rule\"");
      if (when_fails == "review") criterion.when_fails = WhenFails::Review;
      else if (when_fails != "exclude" && !when_fails.empty())
        r.error(p + "/when_fails", "\"when_fails\" must be \"exclude\" or \"review\"");
    }
    if (auto cond = r.read_condition(p, c, "rule")) {
      for (const auto& e : check_condition(*cond, trial.questions, all, "the criteria"))
        r.error_in_string(p + "/rule", e.column, e.message);
      // An answer that calls for crisis support is for a clinician to weigh, never a reason
      // on its own to turn someone away.
      for (int q : referenced_questions(*cond))
        if (trial.questions[static_cast<size_t>(q)].safety && criterion.when_fails != WhenFails::Review)
          r.error(p + "/rule", "this rule uses \"" + trial.questions[static_cast<size_t>(q)].id +
                                   "\", which has a safety trigger, so it needs \"when_fails\": \"review\"");
      criterion.rule = std::move(cond);
    }
    criterion.because = r.read_text(p, c, "because");
    if (c.contains("because") && !has_rule)
      r.error(p + "/because", "\"because\" only applies to a criterion with a \"rule\": a study-team check is "
                              "never decided by the person's answers");
    criterion.find_out = r.read_text(p, c, "find_out");
    if (c.contains("find_out") && has_rule)
      r.error(p + "/find_out", "\"find_out\" is for a study-team check: what a person could find out before calling");
    check_criterion_wording(r, p, criterion);
    criterion.out_of_reach = r.read_bool(p, c, "out_of_reach", false);
    if (criterion.out_of_reach && (!has_rule || criterion.when_fails != WhenFails::Review))
      r.error(p + "/out_of_reach", "an \"out_of_reach\" criterion needs a \"rule\" and \"when_fails\": \"review\": it "
                                   "stops the study's questions and is talked over, never a reason to rule out");
    criterion.draft = r.read_bool(p, c, "draft", false);
    if (criterion.draft)
      r.warning(p + "/draft", "a draft: an author still has to finish this criterion (a rule over the answers, or "
                              "\"checked_by\": \"study_team\", in plain words in every language) and remove \"draft\"; "
                              "the app refuses a trial with drafts");
    trial.criteria.push_back(std::move(criterion));
  }
}

// A question no rule, ask_if or safety trigger uses would never be asked: almost always a typo.
void check_every_question_is_used(Reader& r, Trial& trial) {
  std::vector<bool> used(trial.questions.size(), false);
  auto mark = [&](const std::optional<Condition>& c) {
    if (!c) return;
    for (int q : referenced_questions(*c)) used[q] = true;
  };
  for (const Question& q : trial.questions) {
    mark(q.ask_if);
    if (q.safety) used[q.index] = true;
  }
  for (const Criterion& c : trial.criteria) mark(c.rule);
  for (const Question& q : trial.questions)
    if (!used[q.index] && !q.id.empty() && q.id[0] != '#')
      r.error("/questions/" + std::to_string(q.index),
              "question \"" + q.id + "\" is not used by any rule, ask_if or safety trigger, so it would never be asked");
}

}  // namespace

TrialLoadResult load_trial(const std::string& json_text) {
  TrialLoadResult result;
  JsonTextResult parsed = parse_json_text(json_text);
  if (parsed.error) {
    result.errors.push_back(*parsed.error);
    return result;
  }
  const json& doc = parsed.value;
  Reader r(json_text);

  if (!r.check_object("", doc, kTopFields, {"format", "languages", "trial", "questions", "criteria"},
                      "a trial definition")) {
    result.errors = std::move(r.errors);
    finish_diagnostics(result.errors, r.dropped_errors);
    return result;
  }
  Trial trial;
  trial.sha256 = sha256_hex(json_text);
  trial.format = r.read_string("", doc, "format", true);
  if (doc.contains("format") && doc["format"].is_string() && trial.format != kTrialFormat)
    r.error("/format", "unsupported format \"" + trial.format + "\"; this tool reads \"" + kTrialFormat + "\"");
  r.read_languages(doc);
  trial.languages = r.languages;
  if (!trial.languages.empty()) {
    read_trial_info(r, doc, trial.info);
    read_questions(r, doc, trial);
    read_question_conditions(r, doc, trial);
    read_criteria(r, doc, trial);
    check_result_texts_wording(r, trial.info);
    read_answers_not_used(r, doc, trial);
    if (r.errors.empty()) check_every_question_is_used(r, trial);
  }
  result.errors = r.take_sorted_errors();
  result.warnings = std::move(r.warnings);
  if (result.errors.empty()) result.trial = std::move(trial);
  return result;
}

}  // namespace trialmatch
