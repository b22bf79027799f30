// Reading the CLI's input files: the size cap, and trials and catalogs validated with their
// errors printed, located, on stderr. Shared by every command.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "catalog.h"
#include "content_checks.h"
#include "evaluation.h"
#include "trial_loader.h"

namespace trialmatch::cli {

// At most this many lines of one list of problems are printed, then how many more there are
// (a crafted code once made about 200,000 lines).
constexpr size_t kMaxProblemsShown = 50;
// Prints `lines` on stderr, each prefixed, at most kMaxProblemsShown of them, then
// "<prefix>... and N more not shown".
void print_capped(const std::vector<std::string>& lines, const std::string& prefix = "");
// The same for located problems of the file at `path` (`mark`: "warning: " for warnings).
void print_diagnostics(const std::vector<Diagnostic>& list, const std::string& path, const std::string& mark = "");

// Reads a whole file, at most one byte past the size limit (the readers then say it is too
// big). False, with a message on stderr, when it cannot be read.
bool read_file(const std::string& path, std::string& out);

// Loads and validates a trial; prints its errors (located) and returns false if invalid.
bool load_trial_file(const std::string& path, std::string& text, TrialLoadResult& result);

// Reads an answers file ({"question_id": answer, ...}) for `trial`; prints every problem
// (located) and returns false if it cannot be used.
bool load_answers_file(const std::string& path, const Trial& trial, AnswerSet& answers);

// The trial's language `lang` ("" for its first), or "" after saying on stderr that it has none.
std::string pick_language(const Trial& trial, const std::string& lang);

// A command's files and its one option, "--lang CODE" (evaluate, match). Returns "" or what
// is wrong with the arguments, for the command's usage message.
std::string read_files_and_lang(const std::vector<std::string>& args, std::vector<std::string>& files, std::string& lang);

// Whether a document says it is a catalog ("format": "trialmatch-catalog/...").
bool looks_like_catalog(const std::string& text);

// A catalog with the trial files of its studies, loaded from beside it and checked
// together (check_catalog_studies). `trials[i]` is null for a study without a file.
struct LoadedCatalog {
  Catalog catalog;
  std::string text;  // the catalog file's text
  std::vector<std::unique_ptr<Trial>> trials;
  std::vector<std::string> trial_paths, trial_texts;  // per study; "" where it has no file
  std::vector<const Trial*> trial_pointers() const;
};
// Prints every problem (located) and returns false if the catalog or a trial is invalid.
bool load_catalog_file(const std::string& path, LoadedCatalog& out);

// Prints the findings of the content checks (content_checks.h) on the file at `path`, whose
// text is `text`, located like the loader's, on stderr (warnings marked so). Returns the
// number of errors.
size_t print_content_findings(const std::string& path, const std::string& text, const ContentFindings& findings);

}  // namespace trialmatch::cli
