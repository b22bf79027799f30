// libFuzzer target: any bytes as a trial-definition file. The loader must never crash,
// hang or allocate without bound; it either loads a trial with no errors, or lists at most
// limits::kMaxErrors (+1 counting the rest) located, shortened problems. A trial that loads
// must also run: a session with no answers evaluates and reports.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "report_json.h"
#include "session.h"

using namespace trialmatch;

int trialmatch_fuzz::fuzz_trial_loader(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  TrialLoadResult loaded = load_trial(text);
  trialmatch_fuzz::require(loaded.trial.has_value() == loaded.errors.empty(), "a trial loads exactly when there are no errors");
  trialmatch_fuzz::require(loaded.errors.size() <= limits::kMaxErrors + 1, "at most kMaxErrors problems are listed");
  for (const Diagnostic& d : loaded.errors) {
    trialmatch_fuzz::require_short(d.message);
    trialmatch_fuzz::require_short(format_diagnostic(d, "trial.json"));
  }
  if (loaded.trial) {
    Session session(*loaded.trial);
    const std::string lang = loaded.trial->languages.front();
    (void)evaluation_to_json(*loaded.trial, session.answers(), session.evaluation(), session.progress(), lang)
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return 0;
}

#ifndef TRIALMATCH_FUZZ_REPLAY  // the unit tests replay the corpus through fuzz_trial_loader directly
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return trialmatch_fuzz::fuzz_trial_loader(data, size);
}
#endif
