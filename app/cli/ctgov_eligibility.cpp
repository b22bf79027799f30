// The eligibility of a draft from a ClinicalTrials.gov record (ctgov_import.h): the record's
// structured eligibility (age range, sex, healthy volunteers) as questions and finished
// criteria, and each line of its free-text criteria as a draft criterion.
#include <cctype>
#include <cmath>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "ctgov_draft.h"
#include "ctgov_import.h"
#include "input_limits.h"

namespace trialmatch::cli {

using ctgov::lower;
using ctgov::trim;

namespace {

constexpr size_t kMaxLineChars = 2000;  // a draft criterion's text, cut on a word

// The registry writes its eligibility text as markdown: "\>=" is ">=".
std::string unescaped(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) ++i;
    out += s[i];
  }
  return out;
}

bool is_bullet(const std::string& line, size_t& text_start) {
  const size_t first = line.find_first_not_of(" \t");
  if (first == std::string::npos) return false;
  if (line[first] == '*' || line[first] == '-' || line[first] == '+') {
    text_start = first + 1;
    return true;
  }
  if (line.compare(first, 3, "\xE2\x80\xA2") == 0) {  // •
    text_start = first + 3;
    return true;
  }
  size_t i = first;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  if (i > first && i < line.size() && (line[i] == '.' || line[i] == ')')) {
    text_start = i + 1;
    return true;
  }
  return false;
}

// "Inclusion Criteria:", "Key Exclusion Criteria", "EXCLUSION:": which section starts.
std::optional<bool> heading(const std::string& line) {
  const std::string words = lower(trim(line));
  if (words.empty() || words.size() > 40) return std::nullopt;
  if (words.back() != ':' && words.find("criteria") == std::string::npos) return std::nullopt;
  const bool inclusion = words.find("inclusion") != std::string::npos;
  const bool exclusion = words.find("exclusion") != std::string::npos;
  if (inclusion == exclusion) return std::nullopt;
  return inclusion;
}

}  // namespace

std::optional<int> registry_age_years(const std::string& age) {
  std::istringstream in(age);
  double value = 0;
  std::string unit;
  if (!(in >> value >> unit) || !(value >= 0)) return std::nullopt;
  unit = lower(unit);
  if (!unit.empty() && unit.back() == 's') unit.pop_back();
  double per_year = 0;
  if (unit == "year") per_year = 1;
  else if (unit == "month") per_year = 12;
  else if (unit == "week") per_year = 52.1775;
  else if (unit == "day") per_year = 365.25;
  else if (unit == "hour") per_year = 365.25 * 24;
  else if (unit == "minute") per_year = 365.25 * 24 * 60;
  else return std::nullopt;
  const double years = std::floor(value / per_year + 1e-9);
  if (years > 150) return std::nullopt;  // not a person's age
  return static_cast<int>(years);
}

std::vector<CriteriaLine> criteria_lines(const std::string& eligibility_text) {
  std::vector<CriteriaLine> out;
  bool inclusion = true;
  int item_indent = -1;  // the indentation of the section's items; deeper bullets are sub-items
  bool continuing = false;
  std::istringstream in(eligibility_text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty()) {
      continuing = false;
      continue;
    }
    // A heading may be bold ("**Exclusion Criteria:**"), which looks like a bullet.
    std::string plain;
    for (char c : line)
      if (c != '*' && c != '_') plain += c;
    if (const auto section = heading(plain)) {
      inclusion = *section;
      item_indent = -1;
      continuing = false;
      continue;
    }
    size_t start = 0;
    const bool bullet = is_bullet(line, start);
    const std::string text = trim(unescaped(bullet ? line.substr(start) : line));
    if (text.empty()) continue;
    const int indent = static_cast<int>(line.find_first_not_of(" \t"));
    if (bullet && item_indent < 0) item_indent = indent;
    const bool sub_item = bullet && indent > item_indent && !out.empty();
    if ((sub_item || (!bullet && continuing)) && !out.empty()) {
      const bool after_colon = !out.back().text.empty() && out.back().text.back() == ':';
      out.back().text += (sub_item && !after_colon ? "; " : " ") + text;
    } else {
      out.push_back({inclusion, text});
    }
    continuing = true;
  }
  return out;
}

namespace ctgov {

// Age, sex and healthy volunteers: questions and finished criteria.
void structured_eligibility(const json& protocol, const std::string& source, ordered& questions, ordered& criteria,
                            std::vector<DraftNote>& notes) {
  const json& e = at(protocol, {"eligibilityModule"});
  const std::string min_text = string_at(e, {"minimumAge"}), max_text = string_at(e, {"maximumAge"});
  const std::optional<int> min_age = registry_age_years(min_text), max_age = registry_age_years(max_text);
  if (!min_text.empty() && !min_age)
    notes.push_back({ImportNote::MinimumAge, {trialmatch::quoted(min_text)}});
  if (!max_text.empty() && !max_age)
    notes.push_back({ImportNote::MaximumAge, {trialmatch::quoted(max_text)}});
  // -1: no limit. A minimum of 0 limits nothing.
  const int lo = min_age && *min_age > 0 ? *min_age : -1, hi = max_age ? *max_age : -1;
  if (lo >= 0 || hi >= 0) {
    questions.push_back({{"id", "age"},
                         {"type", "number"},
                         {"text", english("How old are you?")},
                         {"unit", english("years")},
                         {"min", 0},
                         {"max", 120},
                         {"unknown", {"prefer_not_to_say"}}});
    std::string rule, text;
    if (lo >= 0 && hi >= 0) {
      rule = "age >= " + std::to_string(lo) + " and age <= " + std::to_string(hi);
      text = "The study is for people aged " + std::to_string(lo) + " to " + std::to_string(hi) + ".";
    } else if (lo >= 0) {
      rule = "age >= " + std::to_string(lo);
      text = "The study is for people aged " + std::to_string(lo) + " or older.";
    } else {
      rule = "age <= " + std::to_string(hi);
      text = "The study is for people aged " + std::to_string(hi) + " or younger.";
    }
    criteria.push_back({{"id", "age_range"},
                        {"type", "inclusion"},
                        {"rule", rule},
                        {"text", english(text)},
                        {"source", source + ": minimumAge \"" + min_text + "\", maximumAge \"" + max_text + "\""}});
  }
  const std::string sex = string_at(e, {"sex"});
  if (sex == "FEMALE" || sex == "MALE") {
    const std::string only = sex == "FEMALE" ? "female" : "male";
    questions.push_back(
        {{"id", "sex_at_birth"},
         {"type", "single"},
         {"text", english("What sex were you assigned at birth?")},
         {"why", english("The registry lists this study for one sex only.")},
         {"options", {{{"id", "female"}, {"text", english("Female")}}, {{"id", "male"}, {"text", english("Male")}}}},
         {"unknown", {"prefer_not_to_say"}}});
    // A conversation, never a rule-out: intersex people, and studies that mean gender, are
    // for the study team to talk over.
    criteria.push_back({{"id", "sex"},
                        {"type", "inclusion"},
                        {"rule", "sex_at_birth = \"" + only + "\""},
                        {"when_fails", "review"},
                        {"text", english("The registry lists this study for " + only +
                                         "s only. The study team can talk with you about what this means for you.")},
                        {"source", source + ": sex \"" + sex + "\""}});
    if (at(e, {"genderBased"}).is_boolean() && at(e, {"genderBased"}).get<bool>())
      notes.push_back({ImportNote::GenderBased, {shorten(string_at(e, {"genderDescription"}), 240)}});
  }
  const json& healthy = at(e, {"healthyVolunteers"});
  std::vector<std::string> conditions;
  if (const json& c = at(protocol, {"conditionsModule", "conditions"}); c.is_array())
    for (const json& name : c)
      if (name.is_string()) conditions.push_back(name.get<std::string>());
  if (healthy.is_boolean() && !healthy.get<bool>() && !conditions.empty()) {
    std::string list;
    for (const std::string& c : conditions) list += (list.empty() ? "" : ", ") + c;
    questions.push_back({{"id", "has_condition"},
                         {"type", "yes_no"},
                         {"text", english("Has a doctor told you that you have any of these: " + list + "?")},
                         {"unknown", {"not_sure"}}});
    // A self-report of a diagnosis a clinician confirms: review, never a rule-out.
    criteria.push_back({{"id", "has_condition"},
                        {"type", "inclusion"},
                        {"rule", "has_condition = \"yes\""},
                        {"when_fails", "review"},
                        {"text", english("The study is for people who have one of these: " + list + ".")},
                        {"source", source + ": healthyVolunteers false; conditions"}});
  }
}

void free_text_criteria(const json& protocol, const std::string& source, ordered& criteria,
                        std::vector<DraftNote>& notes) {
  const std::string text = string_at(protocol, {"eligibilityModule", "eligibilityCriteria"});
  int inclusions = 0, exclusions = 0;
  for (const CriteriaLine& line : criteria_lines(text)) {
    const int n = line.inclusion ? ++inclusions : ++exclusions;
    const std::string kind = line.inclusion ? "inclusion" : "exclusion";
    criteria.push_back({{"id", kind + "_" + std::to_string(n)},
                        {"type", kind},
                        {"checked_by", "study_team"},
                        {"text", english(shortened(line.text, kMaxLineChars))},
                        {"source", source + ": " + kind + " criterion " + std::to_string(n) + " of the free text"},
                        {"draft", true}});
  }
  if (inclusions + exclusions > 0)
    notes.push_back({ImportNote::DraftCriteria, {std::to_string(inclusions + exclusions)}});
  else if (!trim(text).empty())
    notes.push_back({ImportNote::NoLinesRead, {}});
}

}  // namespace ctgov

}  // namespace trialmatch::cli
