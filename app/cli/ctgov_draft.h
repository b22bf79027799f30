// What the two files that draft a trial file from a ClinicalTrials.gov record (ctgov_import.h)
// share: ctgov_import.cpp writes the study's facts, ctgov_eligibility.cpp its questions and
// criteria; both read the record's fields and write the draft's texts as below.
#pragma once

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ctgov_import.h"

namespace trialmatch::cli::ctgov {

using nlohmann::json;
using ordered = nlohmann::ordered_json;  // the draft keeps the format's order of fields

// The value at a path of object keys, or null when any step is missing.
inline const json& at(const json& value, std::initializer_list<const char*> path) {
  static const json none;
  const json* v = &value;
  for (const char* key : path) {
    if (!v->is_object()) return none;
    const auto it = v->find(key);
    if (it == v->end()) return none;
    v = &*it;
  }
  return *v;
}

// A text at a path; "" when it is missing, not a text, or only spaces (a blank name or title
// would make the draft invalid: it counts as not given).
inline std::string string_at(const json& value, std::initializer_list<const char*> path) {
  const json& v = at(value, path);
  if (!v.is_string()) return std::string();
  const std::string& s = v.get_ref<const std::string&>();
  if (std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) return "";
  return s;
}

// The record's ids ("RECRUITING", "PHASE2") and words, in lower case.
inline std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

inline std::string trim(const std::string& s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// At most `limit` bytes, cut at a space (never inside a UTF-8 character), with "…".
inline std::string shortened(const std::string& s, size_t limit) {
  if (s.size() <= limit) return s;
  size_t cut = s.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

// A text of the draft, in English only (the note to the author says so).
inline ordered english(const std::string& text) { return ordered{{"en", text}}; }

// Age, sex and healthy volunteers: questions and finished criteria (ctgov_eligibility.cpp).
void structured_eligibility(const json& protocol, const std::string& source, ordered& questions, ordered& criteria,
                            std::vector<DraftNote>& notes);
// Each line of the free-text criteria: a draft criterion for the study team to finish.
void free_text_criteria(const json& protocol, const std::string& source, ordered& criteria,
                        std::vector<DraftNote>& notes);

}  // namespace trialmatch::cli::ctgov
