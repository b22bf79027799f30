#include "run_cases.h"

#include <algorithm>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "terminal_safe.h"

namespace trialmatch::cli {

namespace {

struct Outcome {
  int exit = 0;
  std::string out, err;
};

// Runs one case with std::cout and std::cerr caught, each through its own terminal-safe
// filter as a process's would be, and their formatting as a fresh process has it.
Outcome run_one(const std::vector<std::string>& args, const Command& run) {
  std::ostringstream out, err;
  Outcome outcome;
  std::ios cout_format(nullptr), cerr_format(nullptr);
  cout_format.copyfmt(std::cout);
  cerr_format.copyfmt(std::cerr);
  std::streambuf* const cout_buf = std::cout.rdbuf();
  std::streambuf* const cerr_buf = std::cerr.rdbuf();
  {
    TerminalSafeBuffer safe_out(out.rdbuf()), safe_err(err.rdbuf());
    std::cout.rdbuf(&safe_out);
    std::cerr.rdbuf(&safe_err);
    outcome.exit = run(args);
    std::cout.flush();
    std::cerr.flush();
    std::cout.rdbuf(cout_buf);
    std::cerr.rdbuf(cerr_buf);
  }  // the filters write what they still hold
  std::cout.copyfmt(cout_format);
  std::cerr.copyfmt(cerr_format);
  std::cout.clear();
  std::cerr.clear();
  outcome.out = out.str();
  outcome.err = err.str();
  return outcome;
}

}  // namespace

int cmd_run_cases(const std::vector<std::string>& args, const Command& run) {
  if (!args.empty()) {
    std::cerr << "trialmatch: run-cases takes no arguments: one JSON array of arguments per line on stdin\n";
    return 2;
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(std::cin, line);)
    if (!line.empty()) lines.push_back(line);
  std::istringstream nothing;
  std::streambuf* const cin_buf = std::cin.rdbuf(nothing.rdbuf());
  int status = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const nlohmann::json parsed = nlohmann::json::parse(lines[i], nullptr, false);
    if (!parsed.is_array() || !std::all_of(parsed.begin(), parsed.end(), [](const nlohmann::json& a) { return a.is_string(); })) {
      std::cerr << "trialmatch: run-cases: line " << i + 1 << " is not a JSON array of strings\n";
      status = 2;
      break;
    }
    const Outcome o = run_one(parsed.get<std::vector<std::string>>(), run);
    const nlohmann::json line{{"exit", o.exit}, {"stdout", o.out}, {"stderr", o.err}};
    std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  std::cin.rdbuf(cin_buf);
  return status;
}

}  // namespace trialmatch::cli
