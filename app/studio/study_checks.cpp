#include "study_checks.h"

#include <algorithm>
#include <memory>

#include "catalog.h"
#include "content_checks.h"
#include "evaluation.h"
#include "paths.h"
#include "problem_spanish.h"
#include "trial_loader.h"

namespace trialmatch::studio {

namespace {

Finding finding(Finding::Kind kind, const Diagnostic& d) { return Finding{kind, d.pointer, {d.message, in_spanish(d)}, d.column}; }

void add(StudyChecks& checks, Finding::Kind kind, const std::vector<Diagnostic>& list) {
  for (const Diagnostic& d : list) checks.findings.push_back(finding(kind, d));
}


// A draft criterion's warning is a to-do: the file can be saved, but not shown to people.
bool is_draft_warning(const Diagnostic& d) {
  const std::string tail = "/draft";
  return d.pointer.size() > tail.size() && d.pointer.compare(d.pointer.size() - tail.size(), tail.size(), tail) == 0;
}

PathSummary summary_of(const Trial& trial, const QuestionPath& path) {
  PathSummary summary;
  summary.verdict = verdict_id(path.evaluation.verdict);
  for (const PathStep& step : path.steps)
    summary.steps += (summary.steps.empty() ? "" : ", ") + trial.questions[static_cast<std::size_t>(step.question_index)].id +
                     "=" + step.answer;
  return summary;
}

void check_trial(const std::string& text, StudyChecks& checks) {
  const TrialLoadResult loaded = load_trial(text);
  add(checks, Finding::Kind::Error, loaded.errors);
  for (const Diagnostic& d : loaded.warnings)
    checks.findings.push_back(finding(is_draft_warning(d) ? Finding::Kind::ToDo : Finding::Kind::Warning, d));
  if (!loaded.trial) return;
  const ContentFindings content = check_trial_content(*loaded.trial);
  add(checks, Finding::Kind::Error, content.errors);
  add(checks, Finding::Kind::Warning, content.warnings);
  checks.paths_known = true;
  const Trial& trial = *loaded.trial;
  // One path more than counted: "more than" only when there are more.
  std::size_t seen = 0;
  const std::size_t walked = for_each_path(
      trial,
      [&](const QuestionPath& path) {
        if (++seen > kMaxPathsWalked) return;
        ++checks.paths_by_verdict[verdict_id(path.evaluation.verdict)];
        if (checks.first_paths.size() < kMaxPathsListed) checks.first_paths.push_back(summary_of(trial, path));
      },
      kMaxPathsWalked + 1);
  checks.paths_stopped = walked > kMaxPathsWalked;
  checks.paths = std::min(walked, kMaxPathsWalked);
}

// A catalog's studies, from the files opened with it: each one's own problems (at the
// study's "trial"), then, once every recruiting study's file is there, the checks of the
// catalog with its studies.
void check_catalog_studies_files(const Catalog& catalog, const StudyFiles& study_files, StudyChecks& checks) {
  std::vector<std::unique_ptr<Trial>> trials;
  std::vector<const Trial*> pointers;
  bool all = true;
  for (std::size_t i = 0; i < catalog.studies.size(); ++i) {
    const CatalogStudy& study = catalog.studies[i];
    trials.emplace_back();
    pointers.push_back(nullptr);
    if (study.trial_file.empty()) continue;
    const std::string place = "/studies/" + std::to_string(i) + "/trial";
    const std::string name = study_file_name(study.trial_file);
    const auto file = study_files.find(name);
    if (file == study_files.end()) {
      checks.findings.push_back(Finding{Finding::Kind::ToDo, place, both(Say::OpenWithCatalog, {{"name", name}}), 0});
      all = false;
      continue;
    }
    TrialLoadResult loaded = load_trial(file->second);
    for (const Diagnostic& d : loaded.errors) {
      // The study file's own problem, at the catalog's entry for it.
      Finding f = finding(Finding::Kind::Error, d);
      f.pointer = place;
      for (std::string* words : {&f.message.en, &f.message.es}) *words = name + ": " + d.pointer + ": " + *words;
      f.column = 0;
      checks.findings.push_back(std::move(f));
    }
    if (!loaded.trial) {
      all = false;
      continue;
    }
    trials.back() = std::make_unique<Trial>(std::move(*loaded.trial));
    pointers.back() = trials.back().get();
  }
  if (!all) return;
  const std::vector<Diagnostic> fit = check_catalog_studies(catalog, pointers);
  add(checks, Finding::Kind::Error, fit);
  if (!fit.empty()) return;
  const ContentFindings content = check_catalog_content(catalog, pointers);
  add(checks, Finding::Kind::Error, content.errors);
  add(checks, Finding::Kind::Warning, content.warnings);
}

void check_catalog(const std::string& text, const StudyFiles& study_files, StudyChecks& checks) {
  const CatalogLoadResult loaded = load_catalog(text);
  add(checks, Finding::Kind::Error, loaded.errors);
  add(checks, Finding::Kind::Warning, loaded.warnings);
  if (loaded.catalog) check_catalog_studies_files(*loaded.catalog, study_files, checks);
}

}  // namespace

PathAnswers answers_of_path(const StudyDocument& document, std::size_t index) {
  PathAnswers answers;
  if (document.kind() != DocumentKind::Trial) return answers;
  const TrialLoadResult loaded = load_trial(document.text());
  if (!loaded.trial) return answers;
  const Trial& trial = *loaded.trial;
  std::size_t seen = 0;
  for_each_path(
      trial,
      [&](const QuestionPath& path) {
        if (seen++ != index) return;
        for (const PathStep& step : path.steps) {
          const std::size_t q = static_cast<std::size_t>(step.question_index);
          if (const auto& answer = path.answers[q]) answers.emplace_back(trial.questions[q].id, *answer);
        }
      },
      index + 1);
  return answers;
}

std::string study_file_name(const std::string& trial_file) {
  const std::size_t slash = trial_file.find_last_of('/');
  return slash == std::string::npos ? trial_file : trial_file.substr(slash + 1);
}

StudyChecks check_study(const StudyDocument& document, const StudyFiles& study_files) {
  return check_study_text(document.kind(), document.text(), study_files);
}

StudyChecks check_study_text(DocumentKind kind, const std::string& text, const StudyFiles& study_files) {
  StudyChecks checks;
  if (kind == DocumentKind::Catalog) check_catalog(text, study_files, checks);
  else check_trial(text, checks);
  std::stable_sort(checks.findings.begin(), checks.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.kind < b.kind; });
  for (const Finding& f : checks.findings) {
    if (f.kind == Finding::Kind::Error) ++checks.errors;
    else if (f.kind == Finding::Kind::ToDo) ++checks.to_dos;
    else ++checks.warnings;
  }
  return checks;
}

std::vector<const Finding*> findings_under(const StudyChecks& checks, const std::string& pointer) {
  std::vector<const Finding*> out;
  for (const Finding& f : checks.findings)
    if (f.pointer == pointer || (f.pointer.size() > pointer.size() && f.pointer.compare(0, pointer.size(), pointer) == 0 &&
                                 f.pointer[pointer.size()] == '/'))
      out.push_back(&f);
  return out;
}

}  // namespace trialmatch::studio
