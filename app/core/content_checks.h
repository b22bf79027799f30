// Checks of a valid trial's content that look at what a person could be shown on every way
// through the questionnaire, beyond what the loader checks field by field
// (docs/trial-format.md, "Checks of the content"). `trialmatch validate` runs them on every
// file, and so do the tests on every file in assets/. The app does not: they walk every path,
// and a file must pass them before it is deployed.
//
// Each is an error unless it says otherwise:
//  - a criterion left open on a path where the person gave no unknown answer to its
//    questions (a question skipped by an ask_if), which the result would list among the
//    things they "were not sure about" (found by walking every path);
//  - a `because` that says what the person told us, on a criterion that can be decided while
//    one of its questions has no answer (the words would claim an answer not given);
//  - a question with a safety trigger whose answer can decide "not a match" (directly, or by
//    which questions are asked);
//  - a text above grade 8 reading level (a warning, with the score: reading_level.h).
// In a catalog, also those of check_catalog_content below.
#pragma once

#include <vector>

#include "catalog.h"
#include "diagnostic.h"
#include "trial.h"

namespace trialmatch {

struct ContentFindings {
  std::vector<Diagnostic> errors;
  std::vector<Diagnostic> warnings;
};

// Diagnostics carry JSON pointers into the trial file; their positions are left unknown (the
// caller, who has the text, can fill them in with a JsonLocator).
ContentFindings check_trial_content(const Trial& trial);

// Checks of a catalog with its studies' trial files (`trials[i]` for `catalog.studies[i]`,
// nullptr where there is none), beyond check_catalog_studies (docs/catalog-format.md):
//  - every shared question is asked by at least two recruiting studies (a question only one
//    study asks is that study's own, and says so on screen);
//  - an answer in hand is never ignored by accident: for each recruiting study and each
//    shared question the catalog asks, the study's criteria use the answer, or its trial file
//    says why not in "answers_not_used";
//  - the welcome note's reading level (a warning).
// Pointers are within the catalog.
ContentFindings check_catalog_content(const Catalog& catalog, const std::vector<const Trial*>& trials);

// The grade above which a text is reported (a warning): about 8th grade. Texts shorter than
// kMinWordsForReadingGrade words are not graded: on a short text one long word moves the grade
// by several points ("¿Podría usted quedar embarazada?" scores as grade 17), so the formulas
// say nothing useful there.
inline constexpr double kMaxReadingGrade = 8.0;
inline constexpr int kMinWordsForReadingGrade = 12;

// A reading-level warning for `text` at `pointer` in language `lang`, appended to `out` when
// it reads above kMaxReadingGrade (reading_level.h knows English and Spanish only).
void check_reading_level(const std::string& pointer, const std::string& lang, const std::string& text,
                         std::vector<Diagnostic>& out);

}  // namespace trialmatch
