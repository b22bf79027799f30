// A draft trial file from a ClinicalTrials.gov record (ctgov_import.h): the study's facts (ids,
// titles, sponsor, phase, status, sites, contact) here, its questions and criteria from
// ctgov_eligibility.cpp, and the notes for the author.
#include "ctgov_import.h"

#include <algorithm>
#include <string>
#include <vector>

#include "ctgov_draft.h"
#include "input_limits.h"
#include "problem.h"
#include "study_status.h"

namespace trialmatch::cli {

using ctgov::at;
using ctgov::english;
using ctgov::json;
using ctgov::lower;
using ctgov::ordered;
using ctgov::shortened;
using ctgov::string_at;
using ctgov::trim;

namespace {

constexpr size_t kMaxSummaryChars = 4000;  // the study's summary, cut on a word

// "NCT" and 8 digits: the id names the draft's file, so nothing else may pass.
bool is_nct_id(const std::string& id) {
  return id.size() == 11 && id.compare(0, 3, "NCT") == 0 &&
         std::all_of(id.begin() + 3, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

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

ordered sites_of(const json& protocol, std::vector<DraftNote>& notes) {
  ordered sites = ordered::array();
  const json& locations = at(protocol, {"contactsLocationsModule", "locations"});
  if (!locations.is_array()) return sites;
  for (const json& l : locations) {
    std::string name = string_at(l, {"facility"});
    const std::string city = string_at(l, {"city"});
    if (city.empty()) {
      notes.push_back({ImportNote::SiteWithoutCity, {trialmatch::quoted(name)}});
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
        notes.push_back({ImportNote::SiteOffMap, {trialmatch::quoted(name)}});
      }
    }
    const std::string status = lower(string_at(l, {"status"}));
    if (study_status_from_id(status)) site["status"] = status;
    sites.push_back(site);
  }
  return sites;
}

ordered contact_of(const json& protocol, const std::string& registry_url, std::vector<DraftNote>& notes) {
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
      if (contacts.size() > 1) notes.push_back({ImportNote::SeveralContacts, {std::to_string(contacts.size())}});
      return contact;
    }
  }
  notes.push_back({ImportNote::NoContact, {}});
  return ordered{{"name", "Study team"}, {"url", registry_url}};
}

CtgovDraft draft_of(const json& study) {
  CtgovDraft draft;
  const json& protocol = at(study, {"protocolSection"});
  draft.id = string_at(protocol, {"identificationModule", "nctId"});
  if (!is_nct_id(draft.id)) {
    draft.notes.push_back({ImportNote::NotNctId, {}});
    draft.id.clear();
    return draft;
  }
  const std::string url = "https://clinicaltrials.gov/study/" + draft.id;
  const std::string source = "ClinicalTrials.gov " + draft.id;
  std::vector<DraftNote>& notes = draft.notes;
  ordered info;
  info["id"] = draft.id;
  info["registry_url"] = url;
  const std::string title = string_at(protocol, {"identificationModule", "briefTitle"});
  info["title"] = english(title.empty() ? draft.id : title);
  const std::string summary = trim(string_at(protocol, {"descriptionModule", "briefSummary"}));
  info["summary"] = english(shortened(summary.empty() ? (title.empty() ? draft.id : title) : summary, kMaxSummaryChars));
  notes.push_back({ImportNote::RegistryWords, {}});
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
    notes.push_back({ImportNote::StatusLeftOut, {trialmatch::quoted(overall)}});
  }
  if (const std::string topic = mental_health_topic(protocol); !topic.empty()) {
    info["mental_health"] = true;
    notes.push_back({ImportNote::MentalHealthOn, {trialmatch::quoted(topic)}});
  }
  const ordered sites = sites_of(protocol, notes);
  if (!sites.empty()) info["sites"] = sites;
  info["contact"] = contact_of(protocol, url, notes);
  info["full_criteria_note"] = english("The study team goes over the full list of rules with you before you can join.");

  ordered questions = ordered::array(), criteria = ordered::array();
  ctgov::structured_eligibility(protocol, source, questions, criteria, notes);
  ctgov::free_text_criteria(protocol, source, criteria, notes);
  if (questions.empty())
    notes.push_back({ImportNote::NoLimits, {}});
  if (criteria.empty())
    criteria.push_back({{"id", "full_review"},
                        {"type", "inclusion"},
                        {"checked_by", "study_team"},
                        {"text", english("The study team checks every rule of the study with you.")},
                        {"source", source + ": the record lists no criteria"}});
  notes.push_back({ImportNote::EnglishOnly, {}});
  draft.trial = {{"format", "trialmatch/1"},
                 {"languages", {"en"}},
                 {"trial", info},
                 {"questions", questions},
                 {"criteria", criteria}};
  return draft;
}

}  // namespace

namespace {

const char* const kNotesEnglish[] = {
#define TM_NOTE(name, english, spanish) english,
#include "import_notes.def"
#undef TM_NOTE
};

}  // namespace

std::string say_with(const char* const* sentences, const DraftNote& note) {
  return fill_places(sentences[static_cast<int>(note.note)], note.words);
}

std::string in_english(const DraftNote& note) { return say_with(kNotesEnglish, note); }

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
