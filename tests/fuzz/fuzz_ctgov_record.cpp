// libFuzzer target: any bytes as a ClinicalTrials.gov API v2 record (one study, or the list
// form), drafted as `trialmatch import-ctgov` drafts it (docs/import-ctgov.md). Never
// crashes; a record gives drafts or a reason, every note is short; a draft is made only for
// an NCT number, and is valid JSON that reads back the same; the draft loads as a trial file
// within the reader's promises (few and short problems). And a draft that asks at least one
// question (the record limits age, sex or health) is a valid trial file, with its free-text
// lines as drafts the app refuses to show: it loads, unless it is past the reader's limits
// (a huge record: "split a bigger download") or the registry's words trip the checks of
// the words (they say what a person told us, turn someone away in a talk-it-over criterion,
// or promise privacy), which an author rewrites anyway.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ctgov_import.h"
#include "fuzz_support.h"
#include "json_text.h"
#include "wording_checks.h"

using namespace trialmatch;

namespace {

bool is_nct_id(const std::string& id) {
  if (id.size() != 11 || id.compare(0, 3, "NCT") != 0) return false;
  return id.find_first_not_of("0123456789", 3) == std::string::npos;
}

// Whether a text of the draft holds words the loader's checks of the words refuse.
bool has_checked_words(const nlohmann::ordered_json& value) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    return phrase_claiming_an_answer("en", text) || phrase_turning_away("en", text) ||
           phrase_promising_privacy("en", text);
  }
  if (value.is_object() || value.is_array())  // (a number or true "iterates" over itself)
    for (const auto& item : value)
      if (has_checked_words(item)) return true;
  return false;
}

}  // namespace

int trialmatch_fuzz::fuzz_ctgov_record(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const JsonTextResult parsed = parse_json_text(text);
  if (parsed.error) {
    trialmatch_fuzz::require_short(*parsed.error, "record.json");
    return 0;
  }
  std::string problem;
  const std::vector<cli::CtgovDraft> drafts = cli::drafts_from_ctgov(parsed.value, problem);
  trialmatch_fuzz::require(drafts.empty() != problem.empty(), "a record gives drafts or a reason");
  trialmatch_fuzz::require_short(problem);
  for (const cli::CtgovDraft& draft : drafts) {
    for (const cli::DraftNote& note : draft.notes) trialmatch_fuzz::require_short(cli::in_english(note));
    if (draft.id.empty()) continue;  // skipped, as a note says
    trialmatch_fuzz::require(is_nct_id(draft.id), "a draft is made only for an NCT number");
    // As import-ctgov writes it.
    const std::string draft_text = draft.trial.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    const nlohmann::json reread = nlohmann::json::parse(draft_text, nullptr, false);
    trialmatch_fuzz::require(!reread.is_discarded(), "a draft is valid JSON");
    trialmatch_fuzz::require(reread == nlohmann::json(draft.trial), "a draft reads back as it was made");
    const bool within_limits = !parse_json_text(draft_text).error;  // its size, values, nesting and texts

    const TrialLoadResult loaded = load_trial(draft_text);
    trialmatch_fuzz::require(loaded.trial.has_value() == loaded.errors.empty(),
                             "a draft loads exactly when there are no errors");
    trialmatch_fuzz::require(loaded.errors.size() <= limits::kMaxErrors + 1, "at most kMaxErrors problems are listed");
    for (const Diagnostic& d : loaded.errors) trialmatch_fuzz::require_short(d, "draft.json");
    if (!draft.trial.at("questions").empty() && within_limits && !has_checked_words(draft.trial)) {
      if (!loaded.trial)  // what is wrong, beside the crash report
        std::fprintf(stderr, "%s\n", format_diagnostic(loaded.errors.front(), "draft.json").c_str());
      trialmatch_fuzz::require(loaded.trial.has_value(), "a draft that asks a question is a valid trial file");
      trialmatch_fuzz::require(loaded.trial->info.id == draft.id, "the draft is the record's study");
    }
  }
  return 0;
}

#ifndef TRIALMATCH_FUZZ_REPLAY  // the unit tests replay the corpus through fuzz_ctgov_record directly
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return trialmatch_fuzz::fuzz_ctgov_record(data, size);
}
#endif
