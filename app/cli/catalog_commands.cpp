#include "catalog_commands.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "answers_file.h"
#include "catalog_session.h"
#include "cli_files.h"
#include "json_text.h"
#include "report_json.h"

namespace trialmatch::cli {

int usage(const std::string& message) {
  std::cerr << "trialmatch: " << message << "\n(trialmatch --help lists the commands)\n";
  return 2;
}

namespace {


// The answers file, split by study: a shared question's answer goes to every open study
// that asks it, a study's own question ("STUDY/id") to that study. Prints each problem.
bool read_catalog_answers(const std::string& path, const CatalogSession& session, std::vector<AnswerSet>& out) {
  std::string text;
  if (!read_file(path, text)) return false;
  JsonTextResult parsed = parse_json_text(text);
  if (parsed.error) {
    std::cerr << format_diagnostic(*parsed.error, path) << "\n";
    return false;
  }
  if (!parsed.value.is_object()) {
    std::cerr << path << ": the answers must be an object: {\"question\": answer, ...}\n";
    return false;
  }
  const Catalog& catalog = session.catalog();
  std::vector<nlohmann::json> per_study(catalog.studies.size(), nlohmann::json::object());
  bool ok = true;
  for (const auto& item : parsed.value.items()) {
    const auto where = session.holders(item.key());
    if (where.empty()) {
      std::cerr << path << ": no open study in the catalog asks \"" << item.key() << "\"\n";
      ok = false;
    }
    for (const auto& [study, question] : where)
      per_study[static_cast<size_t>(study)][session.trial(study).questions[static_cast<size_t>(question)].id] = item.value();
  }
  out.assign(catalog.studies.size(), AnswerSet{});
  std::vector<std::string> printed;  // a shared answer that does not fit is wrong in every study: said once
  std::set<std::string> said;
  for (size_t i = 0; i < catalog.studies.size(); ++i) {
    if (!session.open(static_cast<int>(i))) continue;
    AnswersFileResult answers = answers_from_json(session.trial(static_cast<int>(i)), per_study[i]);
    for (const std::string& e : answers.errors)
      if (said.insert(e).second) printed.push_back(e);
    ok = ok && answers.errors.empty();
    out[i] = std::move(answers.answers);
  }
  print_capped(printed, path + ": ");
  return ok;
}

}  // namespace

int validate_catalog(const std::string& path) {
  LoadedCatalog loaded;
  if (!load_catalog_file(path, loaded)) return 1;
  // The content checks of the catalog, then of each recruiting study's file (content_checks.h).
  const ContentFindings catalog_findings = check_catalog_content(loaded.catalog, loaded.trial_pointers());
  size_t errors = print_content_findings(path, loaded.text, catalog_findings);
  size_t warnings = catalog_findings.warnings.size();
  for (size_t s = 0; s < loaded.trials.size(); ++s) {
    if (!loaded.trials[s] || !loaded.catalog.studies[s].open()) continue;
    const ContentFindings findings = check_trial_content(*loaded.trials[s]);
    errors += print_content_findings(loaded.trial_paths[s], loaded.trial_texts[s], findings);
    warnings += findings.warnings.size();
  }
  if (errors > 0) {
    std::cerr << path << ": " << errors << (errors == 1 ? " error" : " errors") << "; the catalog is not valid\n";
    return 1;
  }
  size_t open = 0;
  for (const CatalogStudy& s : loaded.catalog.studies) open += s.open() ? 1 : 0;
  std::cout << path << ": valid catalog (" << loaded.catalog.studies.size() << " studies, " << open << " recruiting, "
            << loaded.catalog.shared_questions.size() << " shared questions)";
  if (warnings > 0) std::cout << ", with " << warnings << (warnings == 1 ? " warning" : " warnings");
  std::cout << "\n";
  return 0;
}

int cmd_match(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::string lang;
  if (const std::string problem = read_files_and_lang(args, files, lang); !problem.empty()) return usage(problem);
  if (files.size() != 2) return usage("match takes two files: trialmatch match CATALOG.json ANSWERS.json");
  LoadedCatalog loaded;
  if (!load_catalog_file(files[0], loaded)) return 1;
  const Catalog& catalog = loaded.catalog;
  if (lang.empty()) lang = catalog.languages.front();
  if (std::find(catalog.languages.begin(), catalog.languages.end(), lang) == catalog.languages.end()) {
    std::cerr << "trialmatch: the catalog has no language \"" << lang << "\"\n";
    return 1;
  }
  CatalogSession session(catalog, loaded.trial_pointers());
  std::vector<AnswerSet> answers;
  if (!read_catalog_answers(files[1], session, answers)) return 1;
  // In the file's order of keys per study: each answer reaches its study once.
  for (size_t i = 0; i < answers.size(); ++i)
    for (size_t q = 0; q < answers[i].size(); ++q)
      if (answers[i][q]) session.answer(session.key(static_cast<int>(i), static_cast<int>(q)), *answers[i][q]);

  nlohmann::json out;
  out["catalog"] = text_in(catalog.title, lang);
  out["matches"] = nlohmann::json::array();
  for (const CatalogSession::Match& m : session.ranking()) {
    const Session& s = session.session(m.study);
    nlohmann::json report = evaluation_to_json(session.trial(m.study), s.answers(), s.evaluation(), s.progress(), lang);
    report.erase("next_question");
    const std::optional<int> obstacle = only_obstacle(s.evaluation());
    out["matches"].push_back({{"id", catalog.studies[static_cast<size_t>(m.study)].id},
                              {"verdict", verdict_id(m.verdict)},
                              {"settled", m.settled},
                              {"only_obstacle", obstacle ? nlohmann::json(session.trial(m.study).criteria[static_cast<size_t>(*obstacle)].id)
                                                         : nlohmann::json(nullptr)},
                              {"report", report}});
  }
  out["closed"] = nlohmann::json::array();
  for (int c : session.closed_studies()) {
    const CatalogStudy& s = catalog.studies[static_cast<size_t>(c)];
    out["closed"].push_back({{"id", s.id}, {"title", text_in(s.title, lang)}, {"status", study_status_id(s.status)},
                             {"status_date", s.status_date}});
  }
  out["crisis_support"] = session.calls_for_crisis_support();
  if (const auto next = session.next_question()) {
    const Question& q = session.trial(next->study).questions[static_cast<size_t>(next->question)];
    out["next_question"] = {{"key", next->key}, {"text", text_in(q.text, lang)}, {"type", question_type_id(q.type)}};
  } else {
    out["next_question"] = nullptr;
  }
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

}  // namespace trialmatch::cli