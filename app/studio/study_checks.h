// Everything the studio tells an author about the study as it stands, after each edit: the
// validator's errors and warnings (trial_loader.h, catalog.h), the content checks
// (content_checks.h), what is still a to-do (a draft criterion), and every path through the
// questionnaire with the verdicts they end in (paths.h). The same checks as
// `trialmatch validate` and `trialmatch paths`: the core's, not copies.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "answer.h"
#include "study_document.h"
#include "studio_words.h"

namespace trialmatch::studio {

struct Finding {
  enum class Kind { Error, ToDo, Warning };
  Kind kind = Kind::Error;
  std::string pointer;  // the place in the file ("" for the whole file)
  BothLanguages message;
  int column = 0;  // in a condition, the character where reading stopped (from 1); 0 elsewhere
};

// One way through the questions, as the path explorer lists it.
struct PathSummary {
  std::string steps;    // "age=18 to 65, can_attend_visits=yes"
  std::string verdict;  // "likely_eligible", "needs_review", "not_eligible"
};

// One answer for each step of a path, by question id, in the order asked: what the preview
// gives to open that path.
using PathAnswers = std::vector<std::pair<std::string, Answer>>;

struct StudyChecks {
  std::vector<Finding> findings;  // errors first, then to-dos, then warnings, each in the order found
  std::size_t errors = 0, to_dos = 0, warnings = 0;
  // The paths, once the file loads without errors.
  bool paths_known = false;
  std::size_t paths = 0;
  bool paths_stopped = false;  // more than kMaxPathsWalked: the counts are of the first ones
  std::map<std::string, std::size_t> paths_by_verdict;  // "likely_eligible": 3, ...
  std::vector<PathSummary> first_paths;  // the first kMaxPathsListed, in questionnaire order
  // A file people can be shown: no error and no to-do (the app refuses drafts).
  bool ready() const { return errors == 0 && to_dos == 0; }
};

// The studio walks at most this many paths after an edit (`trialmatch paths` walks all).
inline constexpr std::size_t kMaxPathsWalked = 20000;
// ...and lists the first this many.
inline constexpr std::size_t kMaxPathsListed = 2000;

// The study files opened with a catalog, by file name ("NCT04979910.json"): with the file of
// each recruiting study, a catalog is checked with its studies as `trialmatch validate` does.
using StudyFiles = std::map<std::string, std::string>;

StudyChecks check_study(const StudyDocument& document, const StudyFiles& study_files = {});
// The same, for a file's text (a worker has the text, not the document).
StudyChecks check_study_text(DocumentKind kind, const std::string& text, const StudyFiles& study_files = {});

// The answers of the trial's path number `index` (0 for the first listed), walked again on
// demand (the list does not keep them); empty when the file does not load or has fewer paths.
PathAnswers answers_of_path(const StudyDocument& document, std::size_t index);

// The file name a catalog's trial file is opened under: "NCT04979910.json" for
// "../trials/NCT04979910.json".
std::string study_file_name(const std::string& trial_file);

// The findings at one place and under it ("/questions/2" holds "/questions/2/ask_if").
std::vector<const Finding*> findings_under(const StudyChecks& checks, const std::string& pointer);

}  // namespace trialmatch::studio
