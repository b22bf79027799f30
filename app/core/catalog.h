// A catalog: several studies a person is matched against at once, answering each shared
// question once (docs/catalog-format.md). The catalog lists the studies with their
// recruiting status and the date those facts were read, and names the shared questions:
// a question id listed there means the same in every study that asks it, and every such
// study must define it identically (check_catalog_studies), so it is asked once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "study_status.h"
#include "trial.h"

namespace trialmatch {

inline constexpr const char* kCatalogFormat = "trialmatch-catalog/1";


struct CatalogStudy {
  std::string id;           // the registry id, "NCT04979910"; the trial file's own id must match
  std::string trial_file;   // relative to the catalog; required for a recruiting study
  StudyStatus status = StudyStatus::Recruiting;
  // "YYYY-MM-DD" or "YYYY-MM": the date of the registry record the status was read from (its last
  // update when the copy shows one, else the day the copy was read; never the study's start or end).
  std::string status_date;
  std::string status_source;  // optional, for reviewers: which record, and what its date is
  LocalText title;          // how the study is named in lists (a closed study has no trial file)
  std::string registry_url;
  bool open() const { return status == StudyStatus::Recruiting; }
};

struct Catalog {
  std::string format;
  std::vector<std::string> languages;
  LocalText title;
  // Optional: shown on the welcome screen, saying which personal topics the questions cover.
  LocalText welcome_note;
  std::vector<std::string> shared_questions;  // question ids that mean the same in every study
  std::vector<CatalogStudy> studies;

  bool is_shared(const std::string& question_id) const;
};

struct CatalogLoadResult {
  std::optional<Catalog> catalog;  // set only when there are no errors
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;  // the catalog loads; a reviewer should look (an odd web address)
};

// Reads a catalog document strictly; every problem is reported with its place.
CatalogLoadResult load_catalog(const std::string& json_text);

// Whether the loaded trial files fit the catalog (`trials[i]` for `catalog.studies[i]`,
// nullptr where a study has no file): each open study has its trial, with the catalog's id
// and every catalog language; a shared question is defined identically (type, words,
// options, bounds, unknown answers, ask_if, safety, and "why": asked once, it is asked for
// one agreed reason) in every study
// that asks it, and its ask_if names shared questions only. The
// diagnostics' pointers are within the catalog ("/studies/2") or name the trial file.
std::vector<Diagnostic> check_catalog_studies(const Catalog& catalog, const std::vector<const Trial*>& trials);

}  // namespace trialmatch
