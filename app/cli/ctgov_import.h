// `trialmatch import-ctgov`: a draft trial file from a ClinicalTrials.gov API v2 study record
// (docs/import-ctgov.md). The registry's facts (ids, titles, sponsor, phase, status and its
// date, sites with ZIP codes and coordinates, central contacts) are copied; the structured
// eligibility (age range, sex, healthy volunteers) becomes questions and finished criteria;
// each line of the free-text criteria becomes a draft criterion (checked by the study team,
// "draft": true) for an author to finish. A trial with drafts validates with warnings and is
// never shown to people.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace trialmatch::cli {

enum class ImportNote {
#define TM_NOTE(name, english, spanish) name,
#include "import_notes.def"
#undef TM_NOTE
};

// A note with what goes in its places.
struct DraftNote {
  ImportNote note;
  std::vector<std::string> words;
};
std::string in_english(const DraftNote& note);
// `note` in the language of `sentences` (one per ImportNote, in the list's order).
std::string say_with(const char* const* sentences, const DraftNote& note);

struct CtgovDraft {
  std::string id;                  // the NCT id ("" when the record has none: not drafted)
  nlohmann::ordered_json trial;    // the draft trial file, its fields in the format's order
  std::vector<DraftNote> notes;    // what an author still has to do or check, in plain words
};

// One study record ({"protocolSection": ...}) or the list form ({"studies": [...]}); an
// empty list and `problem` when the document is neither.
std::vector<CtgovDraft> drafts_from_ctgov(const nlohmann::json& document, std::string& problem);

// One line of a record's free-text eligibility, as the drafts list them.
struct CriteriaLine {
  bool inclusion = true;
  std::string text;
};
// The lines of an eligibilityCriteria text: items under "Inclusion Criteria:" and
// "Exclusion Criteria:" headings, with sub-items joined to their item and the registry's
// markdown escapes removed.
std::vector<CriteriaLine> criteria_lines(const std::string& eligibility_text);

// Whole years from a registry age ("18 Years", "6 Months"), rounded down so a limit never
// turns away someone it allows; nullopt when it cannot be read.
std::optional<int> registry_age_years(const std::string& age);

}  // namespace trialmatch::cli
