#include "ctgov_import.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <sstream>

#include "input_limits.h"
#include "study_status.h"

namespace trialmatch::cli {

using nlohmann::json;
using ordered = nlohmann::ordered_json;  // the draft keeps the format's order of fields

namespace {

constexpr size_t kMaxLineChars = 2000;     // a draft criterion's text, cut on a word
constexpr size_t kMaxSummaryChars = 4000;  // the study's summary, cut on a word

// "NCT" and 8 digits: the id names the draft's file, so nothing else may pass.
bool is_nct_id(const std::string& id) {
  return id.size() == 11 && id.compare(0, 3, "NCT") == 0 &&
         std::all_of(id.begin() + 3, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The value at a path of object keys, or null when any step is missing.
const json& at(const json& value, std::initializer_list<const char*> path) {
  static const json none;
  const json* v = &value;
  for (const char* key : path) {
    if (!v->is_object()) return none;
    const auto it = v->find(key);
    if (it == v->end()) return none;
    v = &*it;
  }
  return *v;
}

// A text at a path; "" when it is missing, not a text, or only spaces (a blank name or title
// would make the draft invalid: it counts as not given).
std::string string_at(const json& value, std::initializer_list<const char*> path) {
  const json& v = at(value, path);
  if (!v.is_string()) return std::string();
  const std::string& s = v.get_ref<const std::string&>();
  if (std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) return "";
  return s;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// At most `limit` bytes, cut at a space (never inside a UTF-8 character), with "…".
std::string shortened(const std::string& s, size_t limit) {
  if (s.size() <= limit) return s;
  size_t cut = s.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

// The registry writes its eligibility text as markdown: "\>=" is ">=".
std::string unescaped(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) ++i;
    out += s[i];
  }
  return out;
}

ordered english(const std::string& text) { return ordered{{"en", text}}; }

// "PHASE2" -> "Phase 2", "EARLY_PHASE1" -> "Early phase 1"; "NA" -> "".
std::string phase_words(const json& phases) {
  std::string out;
  if (!phases.is_array()) return out;
  for (const json& p : phases) {
    if (!p.is_string()) continue;
    const std::string id = p.get<std::string>();
    std::string words;
    if (id.rfind("EARLY_PHASE", 0) == 0) words = "Early phase " + id.substr(11);
    else if (id.rfind("PHASE", 0) == 0) words = "Phase " + id.substr(5);
    if (!words.empty()) out += (out.empty() ? "" : " / ") + words;
  }
  return out;
}

// Mental health studies show "Need help now?" on every screen; the record's conditions,
// keywords and title decide it here, and the note tells the author to check.
const char* const kMentalHealthWords[] = {"depress", "anxiety", "bipolar", "schizo", "psychos", "suicid", "mental",
                                          "psychiatr", "ptsd", "stress disorder", "obsessive", "eating disorder",
                                          "anorexia", "bulimia", "substance", "alcohol", "opioid", "addiction", "mood"};

// The record's title, condition or keyword that names a mental health topic; "" when none.
std::string mental_health_topic(const json& protocol) {
  std::vector<std::string> texts{string_at(protocol, {"identificationModule", "briefTitle"})};
  for (const char* list : {"conditions", "keywords"}) {
    const json& items = at(protocol, {"conditionsModule", list});
    if (items.is_array())
      for (const json& c : items)
        if (c.is_string()) texts.push_back(c.get<std::string>());
  }
  for (const std::string& text : texts)
    for (const char* word : kMentalHealthWords)
      if (lower(text).find(word) != std::string::npos) return text;
  return "";
}

ordered sites_of(const json& protocol, std::vector<std::string>& notes) {
  ordered sites = ordered::array();
  const json& locations = at(protocol, {"contactsLocationsModule", "locations"});
  if (!locations.is_array()) return sites;
  for (const json& l : locations) {
    std::string name = string_at(l, {"facility"});
    const std::string city = string_at(l, {"city"});
    if (city.empty()) {
      notes.push_back("A site without a city (" + trialmatch::quoted(name) + ") was left out.");
      continue;
    }
    if (name.empty()) name = city;
    ordered site{{"name", name}, {"city", city}};
    for (const char* key : {"state", "zip", "country"})
      if (!string_at(l, {key}).empty()) site[key] = string_at(l, {key});
    const json &lat = at(l, {"geoPoint", "lat"}), &lon = at(l, {"geoPoint", "lon"});
    if (lat.is_number() && lon.is_number()) {
      // A place off the map would make the draft invalid: left out, and said.
      const double la = lat.get<double>(), lo = lon.get<double>();
      if (la >= -90 && la <= 90 && lo >= -180 && lo <= 180) {
        site["lat"] = lat;
        site["lon"] = lon;
      } else {
        notes.push_back("The site " + trialmatch::quoted(name) +
                        " has a geoPoint that is not a latitude and longitude; it was left out: add the site's place "
                        "by hand.");
      }
    }
    const std::string status = lower(string_at(l, {"status"}));
    if (study_status_from_id(status)) site["status"] = status;
    sites.push_back(site);
  }
  return sites;
}

ordered contact_of(const json& protocol, const std::string& registry_url, std::vector<std::string>& notes) {
  const json& contacts = at(protocol, {"contactsLocationsModule", "centralContacts"});
  if (contacts.is_array()) {
    for (const json& c : contacts) {
      std::string phone = string_at(c, {"phone"});
      const std::string email = string_at(c, {"email"});
      if (phone.empty() && email.empty()) continue;
      if (!phone.empty() && !string_at(c, {"phoneExt"}).empty()) phone += " ext. " + string_at(c, {"phoneExt"});
      ordered contact{{"name", string_at(c, {"name"}).empty() ? "Study team" : string_at(c, {"name"})}};
      if (!phone.empty()) contact["phone"] = phone;
      if (!email.empty()) contact["email"] = email;
      contact["url"] = registry_url;
      if (contacts.size() > 1) notes.push_back("The record names " + std::to_string(contacts.size()) +
                                               " central contacts; the draft shows the first with a phone or email.");
      return contact;
    }
  }
  notes.push_back("The record names no central contact with a phone or email: the draft points to the registry page. "
                  "Add the study team's phone or email.");
  return ordered{{"name", "Study team"}, {"url", registry_url}};
}

// Age, sex and healthy volunteers: questions and finished criteria.
void structured_eligibility(const json& protocol, const std::string& source, ordered& questions, ordered& criteria,
                            std::vector<std::string>& notes) {
  const json& e = at(protocol, {"eligibilityModule"});
  const std::string min_text = string_at(e, {"minimumAge"}), max_text = string_at(e, {"maximumAge"});
  const std::optional<int> min_age = registry_age_years(min_text), max_age = registry_age_years(max_text);
  if (!min_text.empty() && !min_age)
    notes.push_back("The minimum age " + trialmatch::quoted(min_text) + " could not be read.");
  if (!max_text.empty() && !max_age)
    notes.push_back("The maximum age " + trialmatch::quoted(max_text) + " could not be read.");
  // -1: no limit. A minimum of 0 limits nothing.
  const int lo = min_age && *min_age > 0 ? *min_age : -1, hi = max_age ? *max_age : -1;
  if (lo >= 0 || hi >= 0) {
    questions.push_back({{"id", "age"},
                         {"type", "number"},
                         {"text", english("How old are you?")},
                         {"unit", english("years")},
                         {"min", 0},
                         {"max", 120},
                         {"unknown", {"prefer_not_to_say"}}});
    std::string rule, text;
    if (lo >= 0 && hi >= 0) {
      rule = "age >= " + std::to_string(lo) + " and age <= " + std::to_string(hi);
      text = "The study is for people aged " + std::to_string(lo) + " to " + std::to_string(hi) + ".";
    } else if (lo >= 0) {
      rule = "age >= " + std::to_string(lo);
      text = "The study is for people aged " + std::to_string(lo) + " or older.";
    } else {
      rule = "age <= " + std::to_string(hi);
      text = "The study is for people aged " + std::to_string(hi) + " or younger.";
    }
    criteria.push_back({{"id", "age_range"},
                        {"type", "inclusion"},
                        {"rule", rule},
                        {"text", english(text)},
                        {"source", source + ": minimumAge \"" + min_text + "\", maximumAge \"" + max_text + "\""}});
  }
  const std::string sex = string_at(e, {"sex"});
  if (sex == "FEMALE" || sex == "MALE") {
    const std::string only = sex == "FEMALE" ? "female" : "male";
    questions.push_back(
        {{"id", "sex_at_birth"},
         {"type", "single"},
         {"text", english("What sex were you assigned at birth?")},
         {"why", english("The registry lists this study for one sex only.")},
         {"options", {{{"id", "female"}, {"text", english("Female")}}, {{"id", "male"}, {"text", english("Male")}}}},
         {"unknown", {"prefer_not_to_say"}}});
    // A conversation, never a rule-out: intersex people, and studies that mean gender, are
    // for the study team to talk over.
    criteria.push_back({{"id", "sex"},
                        {"type", "inclusion"},
                        {"rule", "sex_at_birth = \"" + only + "\""},
                        {"when_fails", "review"},
                        {"text", english("The registry lists this study for " + only +
                                         "s only. The study team can talk with you about what this means for you.")},
                        {"source", source + ": sex \"" + sex + "\""}});
    if (at(e, {"genderBased"}).is_boolean() && at(e, {"genderBased"}).get<bool>())
      notes.push_back("The record says eligibility is based on gender: " +
                      shorten(string_at(e, {"genderDescription"}), 240) + " Check the sex question's words.");
  }
  const json& healthy = at(e, {"healthyVolunteers"});
  std::vector<std::string> conditions;
  if (const json& c = at(protocol, {"conditionsModule", "conditions"}); c.is_array())
    for (const json& name : c)
      if (name.is_string()) conditions.push_back(name.get<std::string>());
  if (healthy.is_boolean() && !healthy.get<bool>() && !conditions.empty()) {
    std::string list;
    for (const std::string& c : conditions) list += (list.empty() ? "" : ", ") + c;
    questions.push_back({{"id", "has_condition"},
                         {"type", "yes_no"},
                         {"text", english("Has a doctor told you that you have any of these: " + list + "?")},
                         {"unknown", {"not_sure"}}});
    // A self-report of a diagnosis a clinician confirms: review, never a rule-out.
    criteria.push_back({{"id", "has_condition"},
                        {"type", "inclusion"},
                        {"rule", "has_condition = \"yes\""},
                        {"when_fails", "review"},
                        {"text", english("The study is for people who have one of these: " + list + ".")},
                        {"source", source + ": healthyVolunteers false; conditions"}});
  }
}

void free_text_criteria(const json& protocol, const std::string& source, ordered& criteria,
                        std::vector<std::string>& notes) {
  const std::string text = string_at(protocol, {"eligibilityModule", "eligibilityCriteria"});
  int inclusions = 0, exclusions = 0;
  for (const CriteriaLine& line : criteria_lines(text)) {
    const int n = line.inclusion ? ++inclusions : ++exclusions;
    const std::string kind = line.inclusion ? "inclusion" : "exclusion";
    criteria.push_back({{"id", kind + "_" + std::to_string(n)},
                        {"type", kind},
                        {"checked_by", "study_team"},
                        {"text", english(shortened(line.text, kMaxLineChars))},
                        {"source", source + ": " + kind + " criterion " + std::to_string(n) + " of the free text"},
                        {"draft", true}});
  }
  if (inclusions + exclusions > 0)
    notes.push_back(std::to_string(inclusions + exclusions) +
                    " draft criteria from the free text: for each, write a rule over the answers (adding the questions "
                    "it needs) or keep it for the study team, in plain words in every language, then remove \"draft\".");
  else if (!trim(text).empty())
    notes.push_back("The free-text criteria had no lines the importer could read: write them by hand.");
}

CtgovDraft draft_of(const json& study) {
  CtgovDraft draft;
  const json& protocol = at(study, {"protocolSection"});
  draft.id = string_at(protocol, {"identificationModule", "nctId"});
  if (!is_nct_id(draft.id)) {
    draft.notes.push_back("A record whose protocolSection.identificationModule.nctId is not an NCT number (\"NCT\" "
                          "and 8 digits) was skipped.");
    draft.id.clear();
    return draft;
  }
  const std::string url = "https://clinicaltrials.gov/study/" + draft.id;
  const std::string source = "ClinicalTrials.gov " + draft.id;
  std::vector<std::string>& notes = draft.notes;
  ordered info;
  info["id"] = draft.id;
  info["registry_url"] = url;
  const std::string title = string_at(protocol, {"identificationModule", "briefTitle"});
  info["title"] = english(title.empty() ? draft.id : title);
  const std::string summary = trim(string_at(protocol, {"descriptionModule", "briefSummary"}));
  info["summary"] = english(shortened(summary.empty() ? (title.empty() ? draft.id : title) : summary, kMaxSummaryChars));
  notes.push_back("The title and summary are the registry's words: rewrite them in plain language.");
  std::string sponsor = string_at(protocol, {"sponsorCollaboratorsModule", "leadSponsor", "name"});
  if (sponsor.empty()) sponsor = string_at(protocol, {"identificationModule", "organization", "fullName"});
  info["sponsor"] = sponsor.empty() ? "Not given in the registry record" : sponsor;
  const json& officials = at(protocol, {"contactsLocationsModule", "overallOfficials"});
  if (officials.is_array())
    for (const json& o : officials)
      if (string_at(o, {"role"}) == "PRINCIPAL_INVESTIGATOR" && !string_at(o, {"name"}).empty()) {
        info["investigator"] = string_at(o, {"name"});
        break;
      }
  const std::string phase = phase_words(at(protocol, {"designModule", "phases"}));
  if (!phase.empty()) info["phase"] = phase;
  const std::string overall = string_at(protocol, {"statusModule", "overallStatus"});
  if (study_status_from_id(lower(overall))) {
    info["status"] = lower(overall);
    std::string date = string_at(protocol, {"statusModule", "statusVerifiedDate"});
    if (!is_status_date(date)) date = string_at(protocol, {"statusModule", "lastUpdatePostDateStruct", "date"});
    if (is_status_date(date)) info["status_date"] = date;
  } else if (!overall.empty()) {
    notes.push_back("The registry status " + trialmatch::quoted(overall) +
                    " is not one a study file can carry; it was left out.");
  }
  if (const std::string topic = mental_health_topic(protocol); !topic.empty()) {
    info["mental_health"] = true;
    notes.push_back("\"Need help now?\" is on (mental_health), because the record names " + trialmatch::quoted(topic) +
                    ": check it.");
  }
  const ordered sites = sites_of(protocol, notes);
  if (!sites.empty()) info["sites"] = sites;
  info["contact"] = contact_of(protocol, url, notes);
  info["full_criteria_note"] = english("The study team goes over the full list of rules with you before you can join.");

  ordered questions = ordered::array(), criteria = ordered::array();
  structured_eligibility(protocol, source, questions, criteria, notes);
  free_text_criteria(protocol, source, criteria, notes);
  if (questions.empty())
    notes.push_back("The record limits no age, sex or health: write at least one question before the file is valid.");
  if (criteria.empty())
    criteria.push_back({{"id", "full_review"},
                        {"type", "inclusion"},
                        {"checked_by", "study_team"},
                        {"text", english("The study team checks every rule of the study with you.")},
                        {"source", source + ": the record lists no criteria"}});
  notes.push_back("The draft is in English only: add every language the study's page will offer.");
  draft.trial = {{"format", "trialmatch/1"},
                 {"languages", {"en"}},
                 {"trial", info},
                 {"questions", questions},
                 {"criteria", criteria}};
  return draft;
}

bool is_bullet(const std::string& line, size_t& text_start) {
  const size_t first = line.find_first_not_of(" \t");
  if (first == std::string::npos) return false;
  if (line[first] == '*' || line[first] == '-' || line[first] == '+') {
    text_start = first + 1;
    return true;
  }
  if (line.compare(first, 3, "\xE2\x80\xA2") == 0) {  // •
    text_start = first + 3;
    return true;
  }
  size_t i = first;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i > first && i < line.size() && (line[i] == '.' || line[i] == ')')) {
    text_start = i + 1;
    return true;
  }
  return false;
}

// "Inclusion Criteria:", "Key Exclusion Criteria", "EXCLUSION:": which section starts.
std::optional<bool> heading(const std::string& line) {
  const std::string words = lower(trim(line));
  if (words.empty() || words.size() > 40) return std::nullopt;
  if (words.back() != ':' && words.find("criteria") == std::string::npos) return std::nullopt;
  const bool inclusion = words.find("inclusion") != std::string::npos;
  const bool exclusion = words.find("exclusion") != std::string::npos;
  if (inclusion == exclusion) return std::nullopt;
  return inclusion;
}

}  // namespace

std::optional<int> registry_age_years(const std::string& age) {
  std::istringstream in(age);
  double value = 0;
  std::string unit;
  if (!(in >> value >> unit) || !(value >= 0)) return std::nullopt;
  unit = lower(unit);
  if (!unit.empty() && unit.back() == 's') unit.pop_back();
  double per_year = 0;
  if (unit == "year") per_year = 1;
  else if (unit == "month") per_year = 12;
  else if (unit == "week") per_year = 52.1775;
  else if (unit == "day") per_year = 365.25;
  else if (unit == "hour") per_year = 365.25 * 24;
  else if (unit == "minute") per_year = 365.25 * 24 * 60;
  else return std::nullopt;
  const double years = std::floor(value / per_year + 1e-9);
  if (years > 150) return std::nullopt;  // not a person's age
  return static_cast<int>(years);
}

std::vector<CriteriaLine> criteria_lines(const std::string& eligibility_text) {
  std::vector<CriteriaLine> out;
  bool inclusion = true;
  int item_indent = -1;  // the indentation of the section's items; deeper bullets are sub-items
  bool continuing = false;
  std::istringstream in(eligibility_text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty()) {
      continuing = false;
      continue;
    }
    // A heading may be bold ("**Exclusion Criteria:**"), which looks like a bullet.
    std::string plain;
    for (char c : line)
      if (c != '*' && c != '_') plain += c;
    if (const auto section = heading(plain)) {
      inclusion = *section;
      item_indent = -1;
      continuing = false;
      continue;
    }
    size_t start = 0;
    const bool bullet = is_bullet(line, start);
    const std::string text = trim(unescaped(bullet ? line.substr(start) : line));
    if (text.empty()) continue;
    const int indent = static_cast<int>(line.find_first_not_of(" \t"));
    if (bullet && item_indent < 0) item_indent = indent;
    const bool sub_item = bullet && indent > item_indent && !out.empty();
    if ((sub_item || (!bullet && continuing)) && !out.empty()) {
      const bool after_colon = !out.back().text.empty() && out.back().text.back() == ':';
      out.back().text += (sub_item && !after_colon ? "; " : " ") + text;
    } else {
      out.push_back({inclusion, text});
    }
    continuing = true;
  }
  return out;
}

std::vector<CtgovDraft> drafts_from_ctgov(const json& document, std::string& problem) {
  std::vector<CtgovDraft> out;
  if (document.is_object() && document.contains("protocolSection")) {
    out.push_back(draft_of(document));
  } else if (document.is_object() && document.contains("studies") && document["studies"].is_array()) {
    for (const json& study : document["studies"]) out.push_back(draft_of(study));
  } else {
    problem = "this is not a ClinicalTrials.gov API v2 study record: expected {\"protocolSection\": ...} or "
              "{\"studies\": [...]}";
  }
  if (out.empty() && problem.empty()) problem = "the list of studies is empty";
  return out;
}

}  // namespace trialmatch::cli
