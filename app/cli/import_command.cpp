#include "import_command.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "cli_files.h"
#include "ctgov_import.h"
#include "json_text.h"

namespace trialmatch::cli {

namespace {

int import_usage(const std::string& message) {
  std::cerr << "trialmatch: " << message << "\nusage: trialmatch import-ctgov RECORD.json [--out DIR]\n";
  return 2;
}

// Writes `text` to a new file at `path`: never over a file that is there, and never through
// a symbolic link (one at `path`, even pointing nowhere, counts as there: O_CREAT with O_EXCL
// does not follow it). "" on success, else why not.
std::string write_new_file(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return errno == EEXIST ? "exists (or is a link); it was not overwritten" : std::strerror(errno);
  size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      return why;
    }
    written += static_cast<size_t>(n);
  }
  return ::close(fd) == 0 ? "" : std::strerror(errno);
}

}  // namespace

int cmd_import_ctgov(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  std::string out_dir;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--out") {
      if (i + 1 >= args.size()) return import_usage("--out needs a folder");
      out_dir = args[++i];
    } else if (args[i].rfind("--", 0) == 0) {
      return import_usage("unknown option " + args[i]);
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.size() != 1) return import_usage("import-ctgov takes one record file");
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
    return import_usage(files[0] + " holds " + std::to_string(drafts.size()) + " studies: name a folder for them with --out");
  int status = 0;
  for (const CtgovDraft& d : drafts) {
    const std::string who = d.id.empty() ? files[0] : d.id;
    for (const DraftNote& note : d.notes) std::cerr << who << ": " << in_english(note) << "\n";
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
    if (const std::string not_written = write_new_file(path, json_text); !not_written.empty()) {
      std::cerr << "trialmatch: " << path << ": " << not_written << "\n";
      status = 1;
      continue;
    }
    std::cout << path << "\n";
  }
  return status;
}

}  // namespace trialmatch::cli
