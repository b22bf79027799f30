#include "open_study.h"

#include "catalog.h"
#include "ctgov_import.h"
#include "input_limits.h"
#include "json_text.h"
#include "problem_spanish.h"
#include "trial_loader.h"

namespace trialmatch::studio {

namespace {

using Json = StudyDocument::Json;

Json both_languages() { return Json{{"en", ""}, {"es", ""}}; }

BothLanguages note_words(const cli::DraftNote& note) { return BothLanguages{cli::in_english(note), in_spanish(note)}; }

// What a file's JSON holds: by its "format", or a registry record by its shape.
enum class FileKind { Trial, Catalog, Record, Other };

template <typename J>
FileKind file_kind(const J& root) {
  if (!root.is_object()) return FileKind::Other;
  const auto format = root.find("format");
  if (format != root.end() && *format == kTrialFormat) return FileKind::Trial;
  if (format != root.end() && *format == kCatalogFormat) return FileKind::Catalog;
  if (root.contains("protocolSection") || root.contains("studies")) return FileKind::Record;
  return FileKind::Other;
}

}  // namespace

bool is_catalog_text(const std::string& text) {
  return file_kind(nlohmann::json::parse(text, nullptr, false)) == FileKind::Catalog;
}

OpenedStudy open_study_text(const std::string& file_name, const std::string& text) {
  OpenedStudy opened;
  if (text.empty()) {
    opened.problem = both(Say::FileEmptyOrBig, {{"n", std::to_string(limits::kMaxFileBytes / 1024)}});
    return opened;
  }
  if (const JsonTextResult parsed = parse_json_text(text); parsed.error) {
    Diagnostic spanish = *parsed.error;
    spanish.message = in_spanish(*parsed.error);
    opened.problem = BothLanguages{std::string(say(Say::FileUnreadable, Lang::En)) + " " + format_diagnostic(*parsed.error, file_name),
                                   std::string(say(Say::FileUnreadable, Lang::Es)) + " " + format_diagnostic(spanish, file_name)};
    return opened;
  }
  Json root = Json::parse(text, nullptr, false);
  if (!root.is_object()) {
    opened.problem = both(Say::NotAStudy);
    return opened;
  }
  const FileKind kind = file_kind(root);
  if (kind == FileKind::Trial) {
    opened.document = StudyDocument(DocumentKind::Trial, std::move(root), file_name);
  } else if (kind == FileKind::Catalog) {
    opened.document = StudyDocument(DocumentKind::Catalog, std::move(root), file_name);
  } else if (kind == FileKind::Record) {
    std::string problem;
    const std::vector<cli::CtgovDraft> drafts = cli::drafts_from_ctgov(nlohmann::json::parse(text, nullptr, false), problem);
    if (drafts.empty() || drafts.front().id.empty()) {
      opened.problem = both(Say::NoRecord);
      return opened;
    }
    const cli::CtgovDraft& draft = drafts.front();
    opened.document = StudyDocument(DocumentKind::Trial, draft.trial, draft.id + ".json");
    for (const cli::DraftNote& note : draft.notes) opened.notes.push_back(note_words(note));
    if (drafts.size() > 1)
      opened.notes.insert(opened.notes.begin(),
                          note_words({cli::ImportNote::SeveralRecords, {std::to_string(drafts.size()), draft.id}}));
    // A drafted study was never saved: closing it would lose it.
    opened.document->mark_unsaved();
  } else {
    opened.problem = both(Say::NotAStudyFile);
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
