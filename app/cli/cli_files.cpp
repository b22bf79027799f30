#include "cli_files.h"

#include <fstream>
#include <iostream>

#include "answers_file.h"
#include "input_limits.h"
#include "json_locator.h"
#include "json_text.h"

namespace trialmatch::cli {

void print_capped(const std::vector<std::string>& lines, const std::string& prefix) {
  for (size_t i = 0; i < lines.size() && i < kMaxProblemsShown; ++i) std::cerr << prefix << lines[i] << "\n";
  if (lines.size() > kMaxProblemsShown)
    std::cerr << prefix << "... and " << lines.size() - kMaxProblemsShown << " more not shown\n";
}

void print_diagnostics(const std::vector<Diagnostic>& list, const std::string& path, const std::string& mark) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < list.size(); ++i) {
    if (i == kMaxProblemsShown) {  // the rest are only counted
      lines.resize(list.size());
      break;
    }
    Diagnostic d = list[i];
    d.message = mark + d.message;
    lines.push_back(format_diagnostic(d, path));
  }
  print_capped(lines);
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "trialmatch: cannot read " << path << ": the file does not exist or cannot be opened\n";
    return false;
  }
  // At most one byte past the size limit: the reader then says the file is too big, and a
  // huge file is never read into memory.
  out.resize(limits::kMaxFileBytes + 1);
  in.read(&out[0], static_cast<std::streamsize>(out.size()));
  out.resize(static_cast<size_t>(in.gcount()));
  return true;
}

bool load_trial_file(const std::string& path, std::string& text, TrialLoadResult& result) {
  if (!read_file(path, text)) return false;
  result = load_trial(text);
  print_diagnostics(result.errors, path);
  print_diagnostics(result.warnings, path, "warning: ");
  if (!result.trial) {
    std::cerr << path << ": " << result.errors.size() << (result.errors.size() == 1 ? " error" : " errors")
              << "; the trial definition is not valid\n";
    return false;
  }
  return true;
}

bool load_answers_file(const std::string& path, const Trial& trial, AnswerSet& answers) {
  std::string text;
  if (!read_file(path, text)) return false;
  const JsonTextResult parsed = parse_json_text(text);
  if (parsed.error) {
    std::cerr << format_diagnostic(*parsed.error, path) << "\n";
    return false;
  }
  AnswersFileResult read = answers_from_json(trial, parsed.value);
  print_capped(read.errors, path + ": ");
  answers = std::move(read.answers);
  return read.errors.empty();
}

std::string pick_language(const Trial& trial, const std::string& lang) {
  if (lang.empty()) return trial.languages.front();
  for (const std::string& l : trial.languages)
    if (l == lang) return lang;
  std::cerr << "trialmatch: trial " << trial.info.id << " has no language \"" << lang << "\"\n";
  return "";
}

std::string read_files_and_lang(const std::vector<std::string>& args, std::vector<std::string>& files, std::string& lang) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang") {
      if (i + 1 >= args.size()) return "--lang needs a language code, like --lang es";
      lang = args[++i];
    } else if (args[i].rfind("--", 0) == 0) {
      return "unknown option " + args[i];
    } else {
      files.push_back(args[i]);
    }
  }
  return "";
}

bool looks_like_catalog(const std::string& text) {
  const JsonTextResult parsed = parse_json_text(text);
  if (parsed.error || !parsed.value.is_object()) return false;
  auto it = parsed.value.find("format");
  return it != parsed.value.end() && it->is_string() && it->get_ref<const std::string&>().rfind("trialmatch-catalog", 0) == 0;
}

std::vector<const Trial*> LoadedCatalog::trial_pointers() const {
  std::vector<const Trial*> out;
  for (const auto& t : trials) out.push_back(t.get());
  return out;
}

bool load_catalog_file(const std::string& path, LoadedCatalog& out) {
  std::string text;
  if (!read_file(path, text)) return false;
  CatalogLoadResult loaded = load_catalog(text);
  print_diagnostics(loaded.errors, path);
  print_diagnostics(loaded.warnings, path, "warning: ");
  if (!loaded.catalog) {
    std::cerr << path << ": the catalog is not valid\n";
    return false;
  }
  out.catalog = std::move(*loaded.catalog);
  out.text = std::move(text);
  const size_t slash = path.find_last_of('/');
  const std::string folder = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  bool ok = true;
  for (const CatalogStudy& study : out.catalog.studies) {
    out.trials.emplace_back();
    out.trial_paths.emplace_back(study.trial_file.empty() ? "" : folder + study.trial_file);
    out.trial_texts.emplace_back();
    if (study.trial_file.empty()) continue;
    TrialLoadResult trial;
    if (!load_trial_file(out.trial_paths.back(), out.trial_texts.back(), trial)) {
      ok = false;
      continue;
    }
    out.trials.back() = std::make_unique<Trial>(std::move(*trial.trial));
  }
  if (!ok) return false;
  const std::vector<Diagnostic> problems = check_catalog_studies(out.catalog, out.trial_pointers());
  print_diagnostics(problems, path);
  if (!problems.empty()) std::cerr << path << ": the catalog and its studies do not fit together\n";
  return problems.empty();
}

}  // namespace trialmatch::cli

namespace trialmatch::cli {

size_t print_content_findings(const std::string& path, const std::string& text, const ContentFindings& findings) {
  const JsonLocator locator(text);
  auto located = [&](std::vector<Diagnostic> list) {
    for (size_t i = 0; i < list.size() && i < kMaxProblemsShown; ++i) list[i].position = locator.value_position(list[i].pointer);
    return list;
  };
  print_diagnostics(located(findings.errors), path);
  print_diagnostics(located(findings.warnings), path, "warning: ");
  return findings.errors.size();
}

}  // namespace trialmatch::cli
