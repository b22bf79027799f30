// What the studio opens, from the author's own disk (nothing is uploaded): a trial file, a
// catalog, or a ClinicalTrials.gov API v2 study record (drafted into a trial file by the
// same importer as `trialmatch import-ctgov`); or a new, empty study.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "studio_words.h"
#include "study_document.h"

namespace trialmatch::studio {

struct OpenedStudy {
  std::optional<StudyDocument> document;  // unset when the file could not be opened
  BothLanguages problem;                  // why not, in plain words
  // What the author still has to do or check (a drafted record's notes).
  std::vector<BothLanguages> notes;
};

// `file_name` is the name on the author's disk (the document keeps it to save under).
OpenedStudy open_study_text(const std::string& file_name, const std::string& text);

// Whether `text` is a catalog (its "format"), without opening it: to find the catalog among
// files picked together.
bool is_catalog_text(const std::string& text);

// A new study: the fields every trial file needs, empty, in English and Spanish, one question
// and one criterion to start from. The checks say what to fill in.
StudyDocument new_study();

}  // namespace trialmatch::studio
