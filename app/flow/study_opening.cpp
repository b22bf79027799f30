#include "study_opening.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "study_status.h"
#include "trial_loader.h"

namespace trialmatch::flow {

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
      out.push_back(diagnostic("/criteria/" + std::to_string(i) + "/draft", {}, Problem::None, {"this criterion is still a draft"}));
  if (!trial.info.status.empty() && trial.info.status != study_status_id(StudyStatus::Recruiting))
    out.push_back(diagnostic("/trial/status", {}, Problem::None, {"the registry says this study is " + trial.info.status + ", not recruiting"}));
  // The warnings know where each is in the file.
  for (Diagnostic& d : out)
    for (const Diagnostic& w : loaded.warnings)
      if (w.pointer == d.pointer) d.position = w.position;
  return out;
}

}  // namespace

bool StudyOpening::is_catalog_file(const std::string& file_name) { return file_name.rfind("catalogs/", 0) == 0; }

StudyOpening::Step StudyOpening::on_file_text(const std::string& file_name, const std::string& text, EffectQueue& effects) {
  if (!loading_catalog_) {
    if (is_catalog_file(file_name)) return on_catalog_text(file_name, text, effects);
    return on_trial_text(file_name, text, effects);
  }
  // The first study still waiting for this file (two studies may name the same file: it is
  // fetched, and arrives, once for each).
  for (size_t i = 0; i < study_files_.size(); ++i)
    if (study_files_[i] == file_name && !loaded_trials_[i]) return on_catalog_trial_text(i, text, effects);
  return Step::Waiting;
}

StudyOpening::Step StudyOpening::on_fetch_failed(const std::string& file_name, const std::string& reason,
                                                 EffectQueue& effects) {
  catalog_ = catalog_ || is_catalog_file(file_name);
  return fail(file_name, {reason}, effects);
}

StudyOpening::Step StudyOpening::fail(const std::string& file_name, std::vector<std::string> errors, EffectQueue& effects) {
  file_name_ = file_name;
  errors_ = std::move(errors);
  loading_catalog_.reset();
  loaded_trials_.clear();
  effects.drop<effect::FetchFile>();
  return Step::Failed;
}

bool StudyOpening::take_languages(const std::vector<std::string>& codes) {
  languages_ = langs_from_codes(codes);
  return !languages_.empty();
}

StudyOpening::Step StudyOpening::on_trial_text(const std::string& file_name, const std::string& text, EffectQueue& effects) {
  file_name_ = file_name;
  TrialLoadResult loaded_trial = load_trial(text);
  if (const auto problems = refusals(loaded_trial); !problems.empty())
    return fail(file_name, located(problems, file_name), effects);
  if (!take_languages(loaded_trial.trial->languages))
    return fail(file_name, {file_name + ": the study is in languages this app cannot show (it shows en and es)"}, effects);
  auto study = std::make_unique<StudyQuestionnaire>(std::move(*loaded_trial.trial));
  study_ = study.get();
  questionnaire_ = std::move(study);
  return Step::Opened;
}

StudyOpening::Step StudyOpening::on_catalog_text(const std::string& file_name, const std::string& text,
                                                 EffectQueue& effects) {
  file_name_ = file_name;
  catalog_ = true;
  CatalogLoadResult result = load_catalog(text);
  if (!result.catalog) return fail(file_name, located(result.errors, file_name), effects);
  if (!take_languages(result.catalog->languages))
    return fail(file_name, {file_name + ": the study is in languages this app cannot show (it shows en and es)"}, effects);
  loading_catalog_ = std::make_unique<Catalog>(std::move(*result.catalog));
  const std::vector<CatalogStudy>& studies = loading_catalog_->studies;
  if (std::none_of(studies.begin(), studies.end(), [](const CatalogStudy& s) { return s.open(); }))
    return fail(file_name, {file_name + ": no study in the catalog is recruiting, so there is nothing to match"}, effects);
  study_files_.clear();
  loaded_trials_.clear();
  for (const CatalogStudy& s : studies) {
    std::string file;
    if (s.open()) {
      file = resolve(file_name, s.trial_file);
      if (file.empty())
        return fail(file_name, {file_name + ": study " + s.id + "'s file \"" + s.trial_file + "\" is outside this site"},
                    effects);
      effects.push(effect::FetchFile{file});
    }
    study_files_.push_back(file);
    loaded_trials_.push_back(nullptr);
  }
  return Step::Waiting;
}

// One of the catalog's study files arrived. Once every open study's file is in, they are
// checked against the catalog together.
StudyOpening::Step StudyOpening::on_catalog_trial_text(size_t study, const std::string& text, EffectQueue& effects) {
  TrialLoadResult loaded_trial = load_trial(text);
  if (const auto problems = refusals(loaded_trial); !problems.empty())
    return fail(study_files_[study], located(problems, study_files_[study]), effects);
  loaded_trials_[study] = std::make_unique<Trial>(std::move(*loaded_trial.trial));
  for (size_t i = 0; i < study_files_.size(); ++i)
    if (!study_files_[i].empty() && !loaded_trials_[i]) return Step::Waiting;
  std::vector<const Trial*> trials;
  for (const auto& t : loaded_trials_) trials.push_back(t.get());
  const std::vector<Diagnostic> problems = check_catalog_studies(*loading_catalog_, trials);
  if (!problems.empty()) return fail(file_name_, located(problems, file_name_), effects);
  std::vector<std::shared_ptr<const Trial>> owned(std::make_move_iterator(loaded_trials_.begin()),
                                                  std::make_move_iterator(loaded_trials_.end()));
  auto matched = std::make_unique<CatalogQuestionnaire>(std::move(*loading_catalog_), std::move(owned));
  loading_catalog_.reset();
  loaded_trials_.clear();
  catalog_questionnaire_ = matched.get();
  questionnaire_ = std::move(matched);
  return Step::Opened;
}

}  // namespace trialmatch::flow
