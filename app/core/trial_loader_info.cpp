// Reading a trial file's "trial" object, the study's facts (trial_loader_steps.h), and checking
// the words shown with every result.
#include <cmath>
#include <set>

#include "contact_addresses.h"
#include "study_status.h"
#include "trial_loader_steps.h"

namespace trialmatch::trial_loading {

namespace {

const std::set<std::string> kTrialFields = {"id", "registry_url", "title", "summary", "sponsor", "investigator",
                                            "phase", "version", "status", "status_date", "mental_health", "sites", "contact", "participation",
                                            "stages", "full_criteria_note", "welcome_note"};

// "sites": where the study runs, each with a city, and its place and status when given.
void read_sites(Reader& r, const std::string& p, const json& t, TrialInfo& info) {
  auto sites = t.find("sites");
  if (sites == t.end()) return;
  if (!sites->is_array()) {
    r.error(p + "/sites", Problem::SitesList);
    return;
  }
  for (size_t i = 0; i < sites->size(); ++i) {
    const std::string sp = p + "/sites/" + std::to_string(i);
    const json& s = (*sites)[i];
    if (!r.check_object(sp, s, {"name", "city", "state", "zip", "country", "lat", "lon", "status"}, {"name", "city"},
                        Problem::ASite))
      continue;
    Site site{r.read_string(sp, s, "name", true), r.read_string(sp, s, "city", true),
              r.read_string(sp, s, "state", false), r.read_string(sp, s, "zip", false),
              r.read_string(sp, s, "country", false), r.read_number(sp, s, "lat"), r.read_number(sp, s, "lon"),
              r.read_string(sp, s, "status", false)};
    if (site.lat && (*site.lat < -90 || *site.lat > 90)) r.error(sp + "/lat", Problem::Latitude);
    if (site.lon && (*site.lon < -180 || *site.lon > 180)) r.error(sp + "/lon", Problem::Longitude);
    if (site.lat.has_value() != site.lon.has_value())
      r.error(sp, Problem::LatAndLon);
    if (s.contains("status") && !site.status.empty() && !study_status_from_id(site.status))
      r.error(sp + "/status", Problem::UnknownStatus, {site.status, study_status_ids()});
    info.sites.push_back(std::move(site));
  }
}

// "contact": the study team, reached by phone, email or a web page.
void read_contact(Reader& r, const std::string& p, const json& t, TrialInfo& info) {
  auto c = t.find("contact");
  if (c == t.end()) return;
  const std::string cp = p + "/contact";
  if (!r.check_object(cp, *c, {"name", "phone", "email", "url", "note"}, {}, Problem::TheContact)) return;
  info.contact.name = r.read_string(cp, *c, "name", true);
  info.contact.phone = r.read_string(cp, *c, "phone", true);
  info.contact.email = r.read_string(cp, *c, "email", true);
  info.contact.url = r.read_string(cp, *c, "url", true);
  info.contact.note = r.read_text(cp, *c, "note");
  if (info.contact.phone.empty() && info.contact.email.empty() && info.contact.url.empty())
    r.error(cp, Problem::ContactNeedsWay);
  if (!info.contact.url.empty())
    if (Said why = web_address_problem(info.contact.url); why.problem != Problem::None)
      r.warning(cp + "/url", Problem::NoLinkToAddress, {ProblemArg(why.problem, why.args)});
  if (!info.contact.email.empty())
    if (Said why = email_address_problem(info.contact.email); why.problem != Problem::None)
      r.warning(cp + "/email", Problem::NoLinkToAddress, {ProblemArg(why.problem, why.args)});
}

// "stages": what taking part involves, stage by stage.
void read_stages(Reader& r, const std::string& p, const json& t, TrialInfo& info) {
  auto stages = t.find("stages");
  if (stages == t.end()) return;
  if (!stages->is_array()) {
    r.error(p + "/stages", Problem::StagesList);
    return;
  }
  for (size_t i = 0; i < stages->size(); ++i) {
    const std::string sp = p + "/stages/" + std::to_string(i);
    const json& s = (*stages)[i];
    if (!r.check_object(sp, s, {"name", "duration", "visits", "details"}, {"name", "duration"}, Problem::AStage))
      continue;
    Stage stage;
    stage.name = r.read_text(sp, s, "name");
    stage.duration = r.read_text(sp, s, "duration");
    stage.details = r.read_text(sp, s, "details");
    if (auto v = r.read_number(sp, s, "visits")) {
      if (*v < 0 || *v > 1000 || std::floor(*v) != *v)
        r.error(sp + "/visits", Problem::Visits);
      else stage.visits = static_cast<int>(*v);
    }
    info.stages.push_back(std::move(stage));
  }
}

}  // namespace

void read_trial_info(Reader& r, const json& doc, TrialInfo& info) {
  auto it = doc.find("trial");
  if (it == doc.end()) return;
  const std::string p = "/trial";
  const json& t = *it;
  if (!r.check_object(p, t, kTrialFields, {"id", "title", "summary", "sponsor", "contact", "full_criteria_note"},
                      Problem::TheTrial))
    return;
  info.id = r.read_string(p, t, "id", true);
  info.registry_url = r.read_string(p, t, "registry_url", false);
  if (!info.registry_url.empty())
    if (Said why = web_address_problem(info.registry_url); why.problem != Problem::None)
      r.warning(p + "/registry_url", Problem::DoNotFollow, {ProblemArg(why.problem, why.args)});
  info.title = r.read_text(p, t, "title");
  info.summary = r.read_text(p, t, "summary");
  info.sponsor = r.read_string(p, t, "sponsor", true);
  info.investigator = r.read_string(p, t, "investigator", false);
  info.phase = r.read_string(p, t, "phase", false);
  info.version = r.read_string(p, t, "version", false);
  info.status = r.read_string(p, t, "status", false);
  if (t.contains("status") && t["status"].is_string()) {
    if (!study_status_from_id(info.status))
      r.error(p + "/status", Problem::UnknownStatus, {info.status, study_status_ids()});
    else if (info.status != study_status_id(StudyStatus::Recruiting))
      r.warning(p + "/status", Problem::NotRecruiting, {info.status});
  }
  info.status_date = r.read_string(p, t, "status_date", false);
  if (t.contains("status_date") && t["status_date"].is_string() && !is_status_date(info.status_date))
    r.error(p + "/status_date", Problem::StatusDate);
  info.mental_health = r.read_bool(p, t, "mental_health", false);
  info.participation = r.read_text(p, t, "participation");
  info.welcome_note = r.read_text(p, t, "welcome_note");
  info.full_criteria_note = r.read_text(p, t, "full_criteria_note");

  read_sites(r, p, t, info);
  read_contact(r, p, t, info);
  read_stages(r, p, t, info);
}

void check_result_texts_wording(Reader& r, const TrialInfo& info) {
  auto check = [&](const std::string& p, const LocalText& text) {
    for (const auto& [lang, words] : text)
      if (auto phrase = phrase_claiming_an_answer(lang, words))
        r.error(p + "/" + lang, Problem::SaysWhatTheyToldUs, {*phrase});
  };
  check("/trial/full_criteria_note", info.full_criteria_note);
  check("/trial/participation", info.participation);
  for (size_t s = 0; s < info.stages.size(); ++s) {
    check("/trial/stages/" + std::to_string(s) + "/duration", info.stages[s].duration);
    check("/trial/stages/" + std::to_string(s) + "/details", info.stages[s].details);
  }
  check("/trial/contact/note", info.contact.note);
}

}  // namespace trialmatch::trial_loading
