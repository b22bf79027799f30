#include "decode_command.h"

#include <iostream>
#include <iterator>
#include <memory>

#include "answer_words.h"
#include "cli_files.h"
#include "navigation.h"
#include "report_json.h"
#include "result_code.h"

namespace trialmatch::cli {

namespace {

int decode_usage(const std::string& message) {
  std::cerr << "trialmatch: " << message
            << "\nusage: trialmatch decode TRIAL.json|CATALOG.json CODE|- [--lang CODE] [--json]\n";
  return 2;
}

// The trial the code was made with: the file itself, or the catalog study of the code's id.
const Trial* find_trial(const std::string& path, const ResultCode& code, std::unique_ptr<Trial>& one,
                        LoadedCatalog& catalog) {
  std::string text;
  if (!read_file(path, text)) return nullptr;
  if (looks_like_catalog(text)) {
    if (!load_catalog_file(path, catalog)) return nullptr;
    for (const auto& t : catalog.trials)
      if (t && t->info.id == code.study_id) return t.get();
    std::cerr << "trialmatch: the catalog " << path << " has no study \"" << code.study_id << "\" with a trial file\n";
    return nullptr;
  }
  TrialLoadResult loaded;
  if (!load_trial_file(path, text, loaded)) return nullptr;
  one = std::make_unique<Trial>(std::move(*loaded.trial));
  return one.get();
}

// What was scanned: the words after the file, or standard input for "-"; without the
// "QR-Code:" zbarimg writes before what it read.
std::string code_text(const std::vector<std::string>& words) {
  std::string text;
  if (words.size() == 2 && words[1] == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    for (size_t i = 1; i < words.size(); ++i) text += (i > 1 ? " " : "") + words[i];
  }
  if (text.rfind("QR-Code:", 0) == 0) text.erase(0, 8);
  return text;
}

// Whether the code was made with this trial file (`path`); says what differs when not.
bool made_with(const ResultCode& code, const Trial& trial, const std::string& path) {
  if (result_code_matches(code, trial)) return true;
  std::cerr << "trialmatch: the code was made with another file: study " << code.study_id << ", version "
            << (code.version.empty() ? "(none)" : code.version) << ", SHA-256 beginning " << code.file_hash
            << "; " << path << " is study " << trial.info.id << ", version "
            << (trial.info.version.empty() ? "(none)" : trial.info.version) << ", SHA-256 " << trial.sha256 << "\n";
  return false;
}

// Whether the app could have written these answers: the app writes only answers that count
// (one to a question these answers skip was not made by it), and their verdict is the code's.
bool app_could_write(const ResultCode& code, const Trial& trial, const DecodedAnswers& decoded,
                     const Evaluation& evaluation) {
  for (int q : decoded.order)
    if (!evaluation.applies[static_cast<size_t>(q)]) {
      std::cerr << "trialmatch: the code answers question " << q << " (" << trial.questions[static_cast<size_t>(q)].id
                << "), which its other answers skip; the app never writes such a code\n";
      return false;
    }
  if (evaluation.verdict != code.verdict) {
    std::cerr << "trialmatch: the code says " << verdict_id(code.verdict) << " but its answers give "
              << verdict_id(evaluation.verdict) << " with this file\n";
    return false;
  }
  return true;
}

// --json: the study, the verdict, each answer with its words, and the evaluation.
void print_json(const ResultCode& code, const Trial& trial, const DecodedAnswers& decoded,
                const Evaluation& evaluation, const std::string& lang) {
  const Progress progress = Navigator(trial).progress(decoded.answers, evaluation);
  nlohmann::json answers = nlohmann::json::array();
  for (int q : decoded.order) {
    const Question& question = trial.questions[static_cast<size_t>(q)];
    answers.push_back({{"question", question.id},
                       {"text", text_in(question.text, lang)},
                       {"answer", answer_to_json(*decoded.answers[static_cast<size_t>(q)])},
                       {"words", answer_words(question, *decoded.answers[static_cast<size_t>(q)], lang)}});
  }
  std::cout << nlohmann::json{{"study", trial.info.id},
                              {"title", text_in(trial.info.title, lang)},
                              {"version", trial.info.version},
                              {"file_sha256", trial.sha256},
                              {"verdict", verdict_id(code.verdict)},
                              {"answers", answers},
                              {"evaluation", evaluation_to_json(trial, decoded.answers, evaluation, progress, lang)}}
                   .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
}

// The readable summary: the study and file, the verdict, each criterion, safety, the answers.
void print_summary(const ResultCode& code, const Trial& trial, const DecodedAnswers& decoded,
                   const Evaluation& evaluation, const std::string& lang) {
  std::cout << trial.info.id << ": " << text_in(trial.info.title, lang) << "\n"
            << "Study file: version " << (trial.info.version.empty() ? "(none)" : trial.info.version) << ", SHA-256 "
            << trial.sha256 << " (the file the code was made with)\n"
            << "Verdict: " << verdict_id(code.verdict) << "\n\nCriteria:\n";
  for (const CriterionResult& r : evaluation.criteria) {
    const Criterion& c = trial.criteria[static_cast<size_t>(r.criterion_index)];
    std::cout << "  [" << outcome_id(r.outcome) << "] " << c.id << ": " << text_in(criterion_text(c, r.outcome), lang)
              << "\n";
  }
  for (const SafetyAlert& s : evaluation.safety)
    std::cout << "\nSafety: " << s.action << " (question " << trial.questions[static_cast<size_t>(s.question_index)].id
              << ")\n";
  std::cout << "\nAnswers:\n";
  for (int q : decoded.order) {
    const Question& question = trial.questions[static_cast<size_t>(q)];
    std::cout << "  " << text_in(question.text, lang) << "\n    "
              << answer_words(question, *decoded.answers[static_cast<size_t>(q)], lang) << "\n";
  }
}

}  // namespace

int cmd_decode(const std::vector<std::string>& args) {
  std::vector<std::string> words;
  std::string lang;
  bool as_json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") as_json = true;
    else if (args[i] == "--lang" && i + 1 < args.size()) lang = args[++i];
    else if (args[i].rfind("--", 0) == 0) return decode_usage("unknown option " + args[i]);
    else words.push_back(args[i]);
  }
  if (words.size() < 2) return decode_usage("decode takes the trial (or catalog) file and the code");
  std::string problem;
  const auto code = read_result_code(code_text(words), problem);
  if (!code) {
    std::cerr << "trialmatch: " << problem << "\n";
    return 1;
  }
  std::unique_ptr<Trial> one;
  LoadedCatalog catalog;
  const Trial* found = find_trial(words[0], *code, one, catalog);
  if (!found) return 1;
  const Trial& trial = *found;
  if (!made_with(*code, trial, words[0])) return 1;
  if (lang.empty()) lang = trial.languages.front();
  bool known_lang = false;
  for (const std::string& l : trial.languages) known_lang = known_lang || l == lang;
  if (!known_lang) return decode_usage("the study has no language \"" + lang + "\"");

  const DecodedAnswers decoded = decode_result_answers(*code, trial);
  print_capped(decoded.errors, "trialmatch: ");
  if (!decoded.errors.empty()) return 1;
  const Evaluation evaluation = evaluate(trial, decoded.answers);
  if (!app_could_write(*code, trial, decoded, evaluation)) return 1;
  if (as_json) print_json(*code, trial, decoded, evaluation, lang);
  else print_summary(*code, trial, decoded, evaluation, lang);
  return 0;
}

}  // namespace trialmatch::cli