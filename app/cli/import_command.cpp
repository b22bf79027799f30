#include "import_command.h"

#include <fstream>
#include <iostream>

#include "cli_files.h"
#include "ctgov_import.h"
#include "json_text.h"

namespace trialmatch::cli {

namespace {

int usage(const std::string& message) {
  std::cerr << "trialmatch: " << message << "\nusage: trialmatch import-ctgov RECORD.json [--out DIR]\n";
  return 2;
}

bool exists(const std::string& path) { return static_cast<bool>(std::ifstream(path)); }

}  // namespace

int cmd_import_ctgov(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::string out_dir;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--out") {
      if (i + 1 >= args.size()) return usage("--out needs a folder");
      out_dir = args[++i];
    } else if (args[i].rfind("--", 0) == 0) {
      return usage("unknown option " + args[i]);
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.size() != 1) return usage("import-ctgov takes one record file");
  std::string text;
  if (!read_file(files[0], text)) return 1;
  const JsonTextResult parsed = parse_json_text(text);
  if (parsed.error) {
    std::cerr << format_diagnostic(*parsed.error, files[0]) << "\n";
    return 1;
  }
  std::string problem;
  const std::vector<CtgovDraft> drafts = drafts_from_ctgov(parsed.value, problem);
  if (!problem.empty()) {
    std::cerr << "trialmatch: " << files[0] << ": " << problem << "\n";
    return 1;
  }
  if (drafts.size() > 1 && out_dir.empty())
    return usage(files[0] + " holds " + std::to_string(drafts.size()) + " studies: name a folder for them with --out");
  int status = 0;
  for (const CtgovDraft& d : drafts) {
    const std::string who = d.id.empty() ? files[0] : d.id;
    for (const std::string& note : d.notes) std::cerr << who << ": " << note << "\n";
    if (d.id.empty()) {
      status = 1;
      continue;
    }
    const std::string json_text = d.trial.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (out_dir.empty()) {
      std::cout << json_text;
      continue;
    }
    const std::string path = out_dir + "/" + d.id + ".json";
    if (exists(path)) {
      std::cerr << "trialmatch: " << path << " exists; it was not overwritten\n";
      status = 1;
      continue;
    }
    std::ofstream file(path, std::ios::binary);
    file << json_text;
    if (!file) {
      std::cerr << "trialmatch: could not write " << path << "\n";
      status = 1;
      continue;
    }
    std::cout << path << "\n";
  }
  return status;
}

}  // namespace trialmatch::cli
