#include "open_study.h"

#include "catalog.h"
#include "ctgov_import.h"
#include "input_limits.h"
#include "json_text.h"
#include "trial_loader.h"

namespace trialmatch::studio {

namespace {

using Json = StudyDocument::Json;

Json both_languages() { return Json{{"en", ""}, {"es", ""}}; }

}  // namespace

OpenedStudy open_study_text(const std::string& file_name, const std::string& text) {
  OpenedStudy opened;
  if (text.empty()) {
    opened.problem = "This file is empty, or larger than the " + std::to_string(limits::kMaxFileBytes / 1024) +
                     " KiB the studio opens.";
    return opened;
  }
  if (const JsonTextResult parsed = parse_json_text(text); parsed.error) {
    opened.problem = "This file could not be read: " + format_diagnostic(*parsed.error, file_name);
    return opened;
  }
  Json root = Json::parse(text, nullptr, false);
  if (!root.is_object()) {
    opened.problem = "This file is not a study: it holds no JSON object.";
    return opened;
  }
  const Json* format = root.contains("format") ? &root["format"] : nullptr;
  if (format && *format == kTrialFormat) {
    opened.document = StudyDocument(DocumentKind::Trial, std::move(root), file_name);
  } else if (format && *format == kCatalogFormat) {
    opened.document = StudyDocument(DocumentKind::Catalog, std::move(root), file_name);
  } else if (root.contains("protocolSection") || root.contains("studies")) {
    std::string problem;
    const std::vector<cli::CtgovDraft> drafts = cli::drafts_from_ctgov(nlohmann::json::parse(text, nullptr, false), problem);
    if (drafts.empty() || drafts.front().id.empty()) {
      opened.problem = problem.empty() ? "This ClinicalTrials.gov file holds no study record." : problem;
      return opened;
    }
    const cli::CtgovDraft& draft = drafts.front();
    opened.document = StudyDocument(DocumentKind::Trial, draft.trial, draft.id + ".json");
    opened.notes = draft.notes;
    if (drafts.size() > 1)
      opened.notes.insert(opened.notes.begin(), "The file holds " + std::to_string(drafts.size()) +
                                                    " study records; the first one, " + draft.id + ", is open.");
    // A drafted study was never saved: closing it would lose it.
    opened.document->mark_unsaved();
  } else {
    opened.problem = "This file is neither a trial file (\"format\": \"trialmatch/1\"), a catalog, nor a "
                     "ClinicalTrials.gov study record.";
  }
  return opened;
}

StudyDocument new_study() {
  Json trial = Json::object();
  trial["id"] = "";
  trial["title"] = both_languages();
  trial["summary"] = both_languages();
  trial["sponsor"] = "";
  trial["contact"] = Json{{"name", ""}, {"phone", ""}};
  trial["full_criteria_note"] = both_languages();
  Json question = Json{{"id", "age"}, {"type", "number"}, {"text", both_languages()}, {"min", 0}, {"max", 120}};
  Json criterion = Json{{"id", "adult"}, {"type", "inclusion"}, {"rule", "age >= 18"}, {"text", both_languages()},
                        {"source", ""}};
  Json root = Json::object();
  root["format"] = kTrialFormat;
  root["languages"] = Json::array({"en", "es"});
  root["trial"] = std::move(trial);
  root["questions"] = Json::array({std::move(question)});
  root["criteria"] = Json::array({std::move(criterion)});
  StudyDocument document(DocumentKind::Trial, std::move(root), "new-study.json");
  document.mark_unsaved();
  return document;
}

}  // namespace trialmatch::studio
