#include "catalog.h"

#include <algorithm>
#include <map>
#include <set>

#include "contact_addresses.h"
#include "json_reader.h"

namespace trialmatch {

namespace {


const std::set<std::string> kCatalogFields = {"format", "languages", "title", "welcome_note", "shared_questions", "studies"};
const std::set<std::string> kStudyFields = {"id", "trial", "status", "status_date", "status_source", "title", "registry_url"};


bool is_registry_id(const std::string& s) {
  return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
         });
}

// A trial file named in the catalog: a relative path to a .json file, from the catalog's
// folder ("../trials/NCT04979910.json"): ".." only at its start, no "." or empty parts.
bool is_relative_json_path(const std::string& s) {
  if (s.empty() || s.front() == '/' || s.find('\\') != std::string::npos || s.find(':') != std::string::npos) return false;
  if (s.size() < 6 || s.compare(s.size() - 5, 5, ".json") != 0) return false;
  size_t start = 0;
  bool leading = true;
  while (start <= s.size()) {
    const size_t end = std::min(s.find('/', start), s.size());
    const std::string part = s.substr(start, end - start);
    if (part == ".." && leading) {
      start = end + 1;
      continue;
    }
    leading = false;
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

void read_shared_questions(JsonReader& r, const json& doc, Catalog& catalog) {
  auto it = doc.find("shared_questions");
  if (it == doc.end()) return;
  if (!it->is_array()) {
    r.error("/shared_questions", Problem::SharedQuestionsList);
    return;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string p = "/shared_questions/" + std::to_string(i);
    const json& id = (*it)[i];
    if (!id.is_string() || !is_identifier(id.get_ref<const std::string&>())) {
      r.error(p, Problem::SharedQuestionId);
      continue;
    }
    if (catalog.is_shared(id.get_ref<const std::string&>())) {
      r.error(p, Problem::SharedQuestionTwice, {id.get<std::string>()});
      continue;
    }
    catalog.shared_questions.push_back(id.get<std::string>());
  }
}

void read_study(JsonReader& r, const std::string& p, const json& s, Catalog& catalog) {
  CatalogStudy study;
  if (!r.check_object(p, s, kStudyFields, {"id", "status", "status_date", "title"}, Problem::AStudy)) return;
  study.id = r.read_string(p, s, "id", true);
  if (s.contains("id") && s["id"].is_string() && !is_registry_id(study.id))
    r.error(p + "/id", Problem::StudyId);
  for (const CatalogStudy& earlier : catalog.studies)
    if (!study.id.empty() && earlier.id == study.id) r.error(p + "/id", Problem::StudyTwice, {study.id});
  const std::string status = r.read_string(p, s, "status", true);
  const auto known = study_status_from_id(status);
  if (known) study.status = *known;
  else if (s.contains("status") && s["status"].is_string())
    r.error(p + "/status", Problem::UnknownStatus, {status, study_status_ids()});
  study.status_date = r.read_string(p, s, "status_date", true);
  if (s.contains("status_date") && s["status_date"].is_string() && !is_status_date(study.status_date))
    r.error(p + "/status_date", Problem::StatusDate);
  study.status_source = r.read_string(p, s, "status_source", true);
  study.title = r.read_text(p, s, "title");
  study.registry_url = r.read_string(p, s, "registry_url", true);
  if (!study.registry_url.empty())
    if (Said why = web_address_problem(study.registry_url); why.problem != Problem::None)
      r.warning(p + "/registry_url", Problem::DoNotFollow, {ProblemArg(why.problem, why.args)});
  study.trial_file = r.read_string(p, s, "trial", true);
  if (s.contains("trial") && s["trial"].is_string() && !is_relative_json_path(study.trial_file))
    r.error(p + "/trial", Problem::TrialFilePath);
  if (known && study.open() && !s.contains("trial"))
    r.error(p, Problem::RecruitingNeedsFile);
  catalog.studies.push_back(std::move(study));
}

void read_studies(JsonReader& r, const json& doc, Catalog& catalog) {
  auto it = doc.find("studies");
  if (it == doc.end()) return;
  if (!it->is_array() || it->empty()) {
    r.error("/studies", Problem::StudiesList);
    return;
  }
  for (size_t i = 0; i < it->size(); ++i) read_study(r, "/studies/" + std::to_string(i), (*it)[i], catalog);
}

// What must be the same for two studies to ask a question once: everything a person reads
// and answers, and when it is asked. "Why we ask" too: a question asked once has one reason,
// which the studies agree on (a study's own reasons would be lost, or a safety question's
// "a yes does not keep you out" dropped for a generic one).
Problem first_difference(const Question& a, const Question& b) {
  if (a.concept != b.concept) return Problem::ItsConcept;
  if (a.type != b.type) return Problem::ItsType;
  if (a.text != b.text) return Problem::ItsText;
  if (a.note != b.note) return Problem::ItsNote;
  if (a.why != b.why) return Problem::ItsWhy;
  if (a.unit != b.unit) return Problem::ItsUnit;
  if (a.min != b.min || a.max != b.max || a.integer != b.integer) return Problem::ItsBounds;
  if (a.unknown_answers != b.unknown_answers) return Problem::ItsUnknown;
  if (a.options.size() != b.options.size()) return Problem::ItsOptions;
  for (size_t i = 0; i < a.options.size(); ++i)
    if (a.options[i].id != b.options[i].id || a.options[i].text != b.options[i].text ||
        a.options[i].exclusive != b.options[i].exclusive)
      return Problem::ItsOptions;
  if (a.ask_if.has_value() != b.ask_if.has_value() || (a.ask_if && a.ask_if->source != b.ask_if->source))
    return Problem::ItsAskIf;
  if (a.safety.has_value() != b.safety.has_value() ||
      (a.safety && (a.safety->when.source != b.safety->when.source || a.safety->action != b.safety->action)))
    return Problem::ItsSafety;
  return Problem::None;
}

// Every question a person could be asked names its concept, and no two of them the same one:
// two questions that ask the same thing, in other words, would be asked twice (one study's
// "birth control" beside another's). Either becomes a shared question.
void check_concepts(const Catalog& catalog, const std::vector<const Trial*>& trials, std::vector<Diagnostic>& errors) {
  std::map<std::string, std::string> asked;  // concept -> the first key that asks it
  for (size_t i = 0; i < catalog.studies.size() && i < trials.size(); ++i) {
    const Trial* trial = trials[i];
    if (!trial || !catalog.studies[i].open()) continue;
    const std::string p = "/studies/" + std::to_string(i) + "/trial";
    for (const Question& q : trial->questions) {
      const bool shared = catalog.is_shared(q.id);
      const std::string key = shared ? q.id : catalog.studies[i].id + "/" + q.id;
      if (q.concept.empty()) {
        errors.push_back(diagnostic(p, {}, Problem::NoConcept, {q.id, catalog.studies[i].trial_file}));
        continue;
      }
      const auto [at, added] = asked.emplace(q.concept, key);
      if (!added && at->second != key)
        errors.push_back(diagnostic(p, {}, Problem::AskedTwice, {key, at->second, q.concept}));
    }
  }
}

}  // namespace

bool Catalog::is_shared(const std::string& question_id) const {
  return std::find(shared_questions.begin(), shared_questions.end(), question_id) != shared_questions.end();
}

CatalogLoadResult load_catalog(const std::string& json_text) {
  CatalogLoadResult result;
  JsonTextResult parsed = parse_json_text(json_text);
  if (parsed.error) {
    result.errors.push_back(*parsed.error);
    return result;
  }
  const json& doc = parsed.value;
  JsonReader r(json_text);
  Catalog catalog;
  if (r.check_object("", doc, kCatalogFields, {"format", "languages", "title", "studies"}, Problem::ACatalog)) {
    catalog.format = r.read_string("", doc, "format", true);
    if (doc.contains("format") && doc["format"].is_string() && catalog.format != kCatalogFormat)
      r.error("/format", Problem::CatalogFormat, {catalog.format, kCatalogFormat});
    r.read_languages(doc);
    catalog.languages = r.languages;
    if (!catalog.languages.empty()) {
      catalog.title = r.read_text("", doc, "title");
      catalog.welcome_note = r.read_text("", doc, "welcome_note");
      read_shared_questions(r, doc, catalog);
      read_studies(r, doc, catalog);
    }
  }
  result.errors = r.take_sorted_errors();
  result.warnings = std::move(r.warnings);
  if (result.errors.empty()) result.catalog = std::move(catalog);
  return result;
}

std::vector<Diagnostic> check_catalog_studies(const Catalog& catalog, const std::vector<const Trial*>& trials) {
  std::vector<Diagnostic> errors;
  auto error = [&](const std::string& pointer, Problem problem, std::initializer_list<ProblemArg> args) {
    errors.push_back(diagnostic(pointer, {}, problem, args));
  };
  // The first study that asks each shared question: the others must ask it the same way.
  std::vector<std::pair<const Question*, size_t>> first(catalog.shared_questions.size(), {nullptr, 0});
  for (size_t i = 0; i < catalog.studies.size(); ++i) {
    const CatalogStudy& study = catalog.studies[i];
    const std::string p = "/studies/" + std::to_string(i);
    const Trial* trial = i < trials.size() ? trials[i] : nullptr;
    if (!trial) {
      if (study.open()) error(p + "/trial", Problem::TrialFileMissing, {study.id});
      continue;
    }
    if (trial->info.id != study.id)
      error(p + "/id", Problem::OtherStudyInFile, {study.id, study.trial_file, trial->info.id});
    for (const std::string& lang : catalog.languages)
      if (std::find(trial->languages.begin(), trial->languages.end(), lang) == trial->languages.end())
        error(p + "/trial", Problem::NoTextsInLanguage, {study.trial_file, lang});
    for (size_t s = 0; s < catalog.shared_questions.size(); ++s) {
      const Question* q = trial->find_question(catalog.shared_questions[s]);
      if (!q) continue;
      // When a shared question is asked may depend only on other shared questions: asked
      // once, it must be asked for the same reason in every study.
      std::vector<int> depends_on;
      if (q->ask_if) depends_on = referenced_questions(*q->ask_if);
      for (int d : depends_on)
        if (!catalog.is_shared(trial->questions[static_cast<size_t>(d)].id))
          error(p + "/trial", Problem::SharedDependsOnOwn, {q->id, trial->questions[static_cast<size_t>(d)].id, study.trial_file});
      if (!first[s].first) {
        first[s] = {q, i};
        continue;
      }
      const Problem difference = first_difference(*first[s].first, *q);
      if (difference != Problem::None)
        error(p + "/trial", Problem::SharedDiffers, {q->id, difference, catalog.studies[first[s].second].trial_file});
    }
  }
  for (size_t s = 0; s < catalog.shared_questions.size(); ++s)
    if (!first[s].first)
      error("/shared_questions/" + std::to_string(s),
            Problem::NoStudyAsks, {catalog.shared_questions[s]});
  check_concepts(catalog, trials, errors);
  // As few and as short as a file's own problems: a catalog can name one study file many
  // times, and a trial file's path is the catalog's text.
  finish_diagnostics(errors, 0);
  return errors;
}

}  // namespace trialmatch
