// trialmatch: the command-line tool for study teams and tests.
//
//   trialmatch validate TRIAL.json
//   trialmatch evaluate TRIAL.json ANSWERS.json [--lang es]
//   trialmatch paths TRIAL.json [--json] [--limit N]
//   trialmatch render TRIAL.json|CATALOG.json [--lang CODE] [--format markdown|html]
//   trialmatch match CATALOG.json ANSWERS.json [--lang CODE]
//   trialmatch decode TRIAL.json|CATALOG.json CODE|- [--lang CODE] [--json]
//   trialmatch import-ctgov RECORD.json [--out DIR]
//   trialmatch export-fhir TRIAL.json [--lang CODE] [--response ANSWERS.json]
//   trialmatch reading-level --lang en|es                 (texts on stdin, one per line)
//   trialmatch time-answers TRIAL.json [--seconds S]     (a benchmark, for build-scripts/bench.sh)
//   trialmatch time-match CATALOG.json [--respondents N | --generated-studies K [--own-trials] [--seconds S]]
//                                                         (a benchmark, for build-scripts/bench.sh)
//
// Exit codes: 0 success, 1 the input is wrong (errors on stderr), 2 the command is wrong.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "answer_classes.h"
#include "answer_draws.h"
#include "answers_file.h"
#include "catalog_commands.h"
#include "decode_command.h"
#include "import_command.h"
#include "terminal_safe.h"
#include "fhir_command.h"
#include "cli_files.h"
#include "content_checks.h"
#include "input_limits.h"
#include "json_text.h"
#include "paths.h"
#include "questionnaire_document.h"
#include "reading_level_command.h"
#include "run_cases.h"
#include "report_json.h"
#include "session.h"
#include "trial_loader.h"

namespace {

using namespace trialmatch;
using trialmatch::cli::load_trial_file;
using trialmatch::cli::pick_language;
using trialmatch::cli::read_file;

constexpr const char* kUsage =
    "usage:\n"
    "  trialmatch validate TRIAL.json|CATALOG.json\n"
    "      check a trial definition, or a catalog with its studies' trial files; prints located\n"
    "      errors and exits 1 if it is not valid\n"
    "  trialmatch evaluate TRIAL.json ANSWERS.json [--lang CODE]\n"
    "      evaluate answers ({\"question_id\": answer, ...}; \"unknown\" for not sure);\n"
    "      prints the verdict, each criterion, safety actions and the next question as JSON\n"
    "  trialmatch paths TRIAL.json [--json] [--limit N]\n"
    "      list every distinct path through the questionnaire and the verdict it ends in\n"
    "  trialmatch render TRIAL.json|CATALOG.json [--lang CODE] [--format markdown|html]\n"
    "      write the questionnaire as a document for the study team and ethics board to review:\n"
    "      every question, criterion, safety trigger and a summary of the paths; for a catalog, its\n"
    "      studies and statuses, each shared question once with how each study uses the answer,\n"
    "      each recruiting study's own questions and criteria, and the closed studies\n"
    "  trialmatch match CATALOG.json ANSWERS.json [--lang CODE]\n"
    "      match answers ({\"age\": 34, \"NCT06136546/some_question\": \"yes\"}: a shared question by\n"
    "      its id, a study's own question as STUDY/id) against a catalog; prints the ranked\n"
    "      matches with their reasons, the closed studies and the next question as JSON\n"
    "  trialmatch decode TRIAL.json|CATALOG.json CODE|- [--lang CODE] [--json]\n"
    "      read a result code scanned from the app's QR code (docs/result-code.md; - reads it\n"
    "      from stdin) back into the summary: study, file, verdict, criteria and answers\n"
    "  trialmatch import-ctgov RECORD.json [--out DIR]\n"
    "      draft a trial file from a ClinicalTrials.gov API v2 study record (or a list of them,\n"
    "      written to DIR); prints what an author still has to do (docs/import-ctgov.md)\n"
    "  trialmatch export-fhir TRIAL.json [--lang CODE] [--response ANSWERS.json]\n"
    "      print the questionnaire as a FHIR R4 Questionnaire (texts in CODE, the other languages\n"
    "      as translations), or with --response an answers file as a FHIR QuestionnaireResponse\n"
    "      (docs/fhir-export.md)\n"
    "  trialmatch reading-level --lang en|es\n"
    "      read texts from stdin, one per line, and print each one's reading level as a JSON line:\n"
    "      {\"grade\": 6.4, \"words\": 12, \"sentences\": 1, \"syllables\": 17} (app/core/reading_level.h)\n";

int usage_error(const std::string& message) {
  std::cerr << "trialmatch: " << message << "\n\n" << kUsage;
  return 2;
}

int cmd_validate(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage_error("validate takes one file: trialmatch validate TRIAL.json|CATALOG.json");
  std::string text;
  if (!read_file(args[0], text)) return 1;
  if (cli::looks_like_catalog(text)) return cli::validate_catalog(args[0]);
  TrialLoadResult result;
  if (!load_trial_file(args[0], text, result)) return 1;
  const Trial& t = *result.trial;
  // What a person could be shown on every path (content_checks.h): errors make the file invalid.
  const ContentFindings content = check_trial_content(t);
  if (const size_t errors = cli::print_content_findings(args[0], text, content)) {
    std::cerr << args[0] << ": " << errors << (errors == 1 ? " error" : " errors") << "; the trial definition is not valid\n";
    return 1;
  }
  const size_t warnings = result.warnings.size() + content.warnings.size();
  std::cout << args[0] << ": valid (" << t.info.id << ", " << t.questions.size() << (t.questions.size() == 1 ? " question, " : " questions, ")
            << t.criteria.size() << " criteria, languages:";
  for (const std::string& l : t.languages) std::cout << " " << l;
  std::cout << ")";
  if (warnings > 0)
    std::cout << ", with " << warnings << (warnings == 1 ? " warning" : " warnings")
              << (t.has_drafts() ? "; it has draft criteria, so the app will not show it to people" : "");
  std::cout << "\n";
  return 0;
}

int cmd_render(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::string lang;
  DocumentFormat format = DocumentFormat::Markdown;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" || args[i] == "--format") {
      if (i + 1 >= args.size()) return usage_error(args[i] + " needs a value");
      const std::string& value = args[++i];
      if (args[i - 1] == "--lang") lang = value;
      else if (value == "markdown" || value == "md") format = DocumentFormat::Markdown;
      else if (value == "html") format = DocumentFormat::Html;
      else return usage_error("--format is markdown or html, not \"" + value + "\"");
    } else if (args[i].rfind("--", 0) == 0) {
      return usage_error("unknown option " + args[i]);
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.size() != 1) return usage_error("render takes one file: trialmatch render TRIAL.json|CATALOG.json");
  std::string text;
  if (!read_file(files[0], text)) return 1;
  if (cli::looks_like_catalog(text)) {
    cli::LoadedCatalog catalog;
    if (!cli::load_catalog_file(files[0], catalog)) return 1;
    if (lang.empty()) lang = catalog.catalog.languages.front();
    bool known = false;
    for (const std::string& l : catalog.catalog.languages) known = known || l == lang;
    if (!known) {
      std::cerr << "trialmatch: the catalog has no language \"" << lang << "\"\n";
      return 1;
    }
    std::cout << render_catalog(catalog.catalog, catalog.trial_pointers(), lang, format);
    return 0;
  }
  TrialLoadResult loaded;
  if (!load_trial_file(files[0], text, loaded)) return 1;
  const std::string chosen = pick_language(*loaded.trial, lang);
  if (chosen.empty()) return 1;
  std::cout << render_questionnaire(*loaded.trial, chosen, format);
  return 0;
}

// Times what the app does after each answer (evaluate every criterion, choose the next
// question): people walk the questionnaire with answers drawn from every answer class, for
// about `seconds`. Prints {"answers": N, "microseconds_per_answer": T}.
int cmd_time_answers(const std::vector<std::string>& args) {
  double seconds = 1.0;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--seconds" && i + 1 < args.size()) seconds = std::atof(args[++i].c_str());
    else files.push_back(args[i]);
  }
  if (files.size() != 1 || !(seconds > 0)) return usage_error("time-answers takes one file: trialmatch time-answers TRIAL.json");
  std::string text;
  TrialLoadResult loaded;
  if (!load_trial_file(files[0], text, loaded)) return 1;
  const Trial& trial = *loaded.trial;
  std::vector<std::vector<AnswerClass>> classes;
  for (const Question& q : trial.questions) classes.push_back(answer_classes(trial, q));
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  unsigned long long answers = 0;
  cli::AnswerDraws draws(20261129);
  Session session(trial);
  while (std::chrono::duration<double>(Clock::now() - start).count() < seconds) {
    session.reset();
    for (size_t guard = 0; !session.finished() && guard <= trial.questions.size(); ++guard) {
      const int q = session.progress().next_question;
      session.answer(q, draws.pick(classes[static_cast<size_t>(q)]));
      ++answers;
    }
  }
  const double elapsed = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
  std::cout << nlohmann::json{{"answers", answers}, {"microseconds_per_answer", answers ? elapsed / answers : 0}}.dump()
            << "\n";
  return 0;
}

int cmd_evaluate(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::string lang;
  if (const std::string problem = cli::read_files_and_lang(args, files, lang); !problem.empty()) return usage_error(problem);
  if (files.size() != 2) return usage_error("evaluate takes two files: trialmatch evaluate TRIAL.json ANSWERS.json");
  std::string trial_text;
  TrialLoadResult loaded;
  if (!load_trial_file(files[0], trial_text, loaded)) return 1;
  const Trial& trial = *loaded.trial;
  lang = pick_language(trial, lang);
  if (lang.empty()) return 1;
  AnswerSet answers;
  if (!cli::load_answers_file(files[1], trial, answers)) return 1;
  Session session(trial);
  for (size_t i = 0; i < answers.size(); ++i)
    if (answers[i]) session.answer(static_cast<int>(i), *answers[i]);
  nlohmann::json report = evaluation_to_json(trial, session.answers(), session.evaluation(), session.progress(), lang);
  // The questions these answers skip (ask_if false): what a FHIR renderer's enableWhen must
  // hide too (tests/e2e/lhc_forms.test.mjs). Only here: the app's shared summary leaves it out.
  nlohmann::json skipped = nlohmann::json::array();
  for (const Question& q : trial.questions)
    if (!session.evaluation().applies[static_cast<size_t>(q.index)]) skipped.push_back(q.id);
  report["skipped_questions"] = skipped;
  std::cout << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 0;
}

int cmd_paths(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  bool as_json = false;
  size_t limit = static_cast<size_t>(-1);
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") {
      as_json = true;
    } else if (args[i] == "--limit") {
      if (i + 1 >= args.size()) return usage_error("--limit needs a number");
      const std::string& n = args[++i];
      if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos || n.size() > 12)
        return usage_error("--limit needs a whole number, not \"" + n + "\"");
      limit = static_cast<size_t>(std::stoull(n));
    } else if (args[i].rfind("--", 0) == 0) {
      return usage_error("unknown option " + args[i]);
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.size() != 1) return usage_error("paths takes one file: trialmatch paths TRIAL.json");
  std::string text;
  TrialLoadResult loaded;
  if (!load_trial_file(files[0], text, loaded)) return 1;
  const Trial& trial = *loaded.trial;
  std::map<std::string, size_t> by_verdict;
  size_t count = for_each_path(
      trial,
      [&](const QuestionPath& path) {
        ++by_verdict[verdict_id(path.evaluation.verdict)];
        if (as_json) {
          std::cout << path_to_json(trial, path).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
          return;
        }
        std::string line;
        for (const PathStep& s : path.steps)
          line += (line.empty() ? "" : ", ") + trial.questions[static_cast<size_t>(s.question_index)].id + "=" +
                  s.answer;
        line += " -> " + std::string(verdict_id(path.evaluation.verdict));
        std::string because;
        for (int c : criteria_behind_verdict(path.evaluation))
          because += (because.empty() ? "" : ", ") + trial.criteria[static_cast<size_t>(c)].id + " " +
                     outcome_id(path.evaluation.criteria[static_cast<size_t>(c)].outcome);
        if (!because.empty()) line += " (" + because + ")";
        if (!path.evaluation.safety.empty()) line += " [safety: " + path.evaluation.safety.front().action + "]";
        std::cout << line << "\n";
      },
      limit);
  std::string summary = std::to_string(count) + " paths";
  for (const auto& [verdict, n] : by_verdict) summary += ", " + std::to_string(n) + " " + verdict;
  if (count == limit) summary += " (stopped at --limit)";
  (as_json ? std::cerr : std::cout) << summary << "\n";
  return 0;
}

// One invocation: the command and its arguments (argv without the program's name).
int run_command(std::vector<std::string> args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "validate") return cmd_validate(args);
  if (command == "evaluate") return cmd_evaluate(args);
  if (command == "paths") return cmd_paths(args);
  if (command == "render") return cmd_render(args);
  if (command == "time-answers") return cmd_time_answers(args);
  if (command == "match") return cli::cmd_match(args);
  if (command == "time-match") return cli::cmd_time_match(args);
  if (command == "decode") return cli::cmd_decode(args);
  if (command == "import-ctgov") return cli::cmd_import_ctgov(args);
  if (command == "export-fhir") return cli::cmd_export_fhir(args, usage_error);
  if (command == "reading-level") return cli::cmd_reading_level(args);
  return usage_error("unknown command \"" + command + "\"");
}

}  // namespace

int main(int argc, char** argv) {
  const cli::TerminalSafeOutput terminal_safe;  // no control character from an input reaches the terminal raw
  std::vector<std::string> args(argv + 1, argv + argc);
  // For tests/wasm (run_cases.h): not in the usage, as it is no tool for people.
  if (!args.empty() && args[0] == "run-cases")
    return cli::cmd_run_cases({args.begin() + 1, args.end()}, run_command);
  return run_command(std::move(args));
}
