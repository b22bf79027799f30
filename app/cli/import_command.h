// `trialmatch import-ctgov RECORD.json [--out DIR]`: draft trial files from ClinicalTrials.gov
// API v2 records (ctgov_import.h). One study is printed; a list needs --out, where each draft
// is written as NCTxxxxxxxx.json (an existing file is never overwritten). What an author
// still has to do goes to stderr.
#pragma once

#include <string>
#include <vector>

namespace trialmatch::cli {

int cmd_import_ctgov(const std::vector<std::string>& args);

}  // namespace trialmatch::cli
