// The CLI's catalog commands: `validate` of a catalog, and `match`.
#pragma once

#include <string>
#include <vector>

namespace trialmatch::cli {

// Checks a catalog and every trial file it names; prints a summary or the located errors.
int validate_catalog(const std::string& path);

// trialmatch match CATALOG.json ANSWERS.json [--lang CODE]
int cmd_match(const std::vector<std::string>& args);

}  // namespace trialmatch::cli
