// libFuzzer target: any bytes as a catalog file (assets/catalogs/...). The reader never
// crashes; a catalog loads exactly when there are no errors, with at most kMaxErrors (+1
// counting the rest) errors and kMaxErrors warnings, every message short. A catalog that
// loads is put together with its study files as `trialmatch` and the app do, from
// assets/catalogs/ (only the shipped study files exist here: a catalog naming another stops,
// as the tool stops on a file it cannot read); the problems of the whole are as few and as
// short, and a catalog that fits its studies runs: a catalog session asks and takes a few
// answers and ranks the studies.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "catalog.h"
#include "catalog_session.h"
#include "fuzz_support.h"

using namespace trialmatch;

namespace {

// The shipped study a catalog's "trial" names, resolved from assets/catalogs/ as a path on
// disk is; nullptr when it names another file.
const Trial* shipped_trial(const std::string& trial_file) {
  const std::string path =
      std::filesystem::path(TRIALMATCH_SOURCE_DIR "/assets/catalogs/" + trial_file).lexically_normal().string();
  for (const trialmatch_fuzz::ShippedTrial& shipped : trialmatch_fuzz::shipped_trials())
    if (shipped.path == path) return shipped.trial.get();
  return nullptr;
}

// An answer a person could give: the first option, the lowest number or month.
Answer plausible_answer(const Question& q) {
  switch (q.type) {
    case QuestionType::Number: return Answer::of_number(q.integer ? std::ceil(q.min) : q.min);
    case QuestionType::MonthYear: return Answer::of_month_year(static_cast<int>(q.min));
    case QuestionType::MultipleChoice: return Answer::of_choices({q.options.front().id});
    default: return Answer::of_choice(q.options.front().id);
  }
}

void require_few_short(const std::vector<Diagnostic>& list, size_t most) {
  trialmatch_fuzz::require(list.size() <= most, "at most kMaxErrors problems are listed");
  for (const Diagnostic& d : list) trialmatch_fuzz::require_short(d, "catalog.json");
}

}  // namespace

int trialmatch_fuzz::fuzz_catalog(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const CatalogLoadResult loaded = load_catalog(text);
  trialmatch_fuzz::require(loaded.catalog.has_value() == loaded.errors.empty(),
                           "a catalog loads exactly when there are no errors");
  require_few_short(loaded.errors, limits::kMaxErrors + 1);
  require_few_short(loaded.warnings, limits::kMaxErrors);
  if (!loaded.catalog) return 0;
  const Catalog& catalog = *loaded.catalog;
  trialmatch_fuzz::require(!catalog.languages.empty() && !catalog.studies.empty(),
                           "a catalog that loads has languages and studies");

  std::vector<const Trial*> trials;
  for (const CatalogStudy& study : catalog.studies) {
    trialmatch_fuzz::require(!study.open() || !study.trial_file.empty(), "a recruiting study names its trial file");
    if (study.trial_file.empty()) {
      trials.push_back(nullptr);
      continue;
    }
    const Trial* trial = shipped_trial(study.trial_file);
    if (!trial) return 0;  // no such file here
    trials.push_back(trial);
  }
  const std::vector<Diagnostic> problems = check_catalog_studies(catalog, trials);
  require_few_short(problems, limits::kMaxErrors + 1);
  if (!problems.empty()) return 0;

  CatalogSession session(catalog, trials);
  for (int step = 0; step < 3; ++step) {
    const std::optional<CatalogSession::Next> next = session.next_question();
    if (!next) break;
    trialmatch_fuzz::require(session.in_play(next->study), "the next question is asked for a study in play");
    const Question& q = session.trial(next->study).questions[static_cast<size_t>(next->question)];
    (void)session.answer(next->key, plausible_answer(q));
  }
  for (const CatalogSession::Match& m : session.ranking())
    trialmatch_fuzz::require(session.open(m.study), "only open studies are ranked");
  for (int s : session.closed_studies()) trialmatch_fuzz::require(!session.open(s), "closed studies are not matched");
  return 0;
}

#ifndef TRIALMATCH_FUZZ_REPLAY  // the unit tests replay the corpus through fuzz_catalog directly
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return trialmatch_fuzz::fuzz_catalog(data, size);
}
#endif
