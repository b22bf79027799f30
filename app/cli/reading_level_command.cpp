#include "reading_level_command.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include "reading_level.h"

namespace trialmatch::cli {

namespace {

int reading_level_usage(const std::string& message) {
  std::cerr << "trialmatch: " << message
            << "\nusage: trialmatch reading-level --lang en|es  (texts on stdin, one per line)\n";
  return 2;
}

}  // namespace

int cmd_reading_level(const std::vector<std::string>& args) {
  std::string lang;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang") {
      if (i + 1 >= args.size()) return reading_level_usage("--lang needs a value");
      lang = args[++i];
    } else {
      return reading_level_usage(args[i].rfind("--", 0) == 0 ? "unknown option " + args[i]
                                               : "reading-level reads its texts from stdin");
    }
  }
  if (lang.empty()) return reading_level_usage("reading-level needs --lang");
  if (lang != "en" && lang != "es") return reading_level_usage("reading-level knows --lang en and es, not \"" + lang + "\"");
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::optional<ReadingLevel> level = reading_level(lang, line);
    if (!level) {
      std::cout << "null\n";
      continue;
    }
    double grade = std::round(level->grade * 10) / 10;
    if (grade == 0) grade = 0;  // not "-0.0"
    char number[32];
    std::snprintf(number, sizeof number, "%.1f", grade);
    std::cout << "{\"grade\": " << number << ", \"words\": " << level->words << ", \"sentences\": " << level->sentences
              << ", \"syllables\": " << level->syllables << "}\n";
  }
  return 0;
}

}  // namespace trialmatch::cli
