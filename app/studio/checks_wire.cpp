#include "checks_wire.h"

#include <nlohmann/json.hpp>


namespace trialmatch::studio {

namespace {

using nlohmann::json;

std::string string_in(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::size_t count_in(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
}

bool flag_in(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}

const json& list_in(const json& object, const char* key) {
  static const json empty = json::array();
  const auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : empty;
}

// The worker's messages are the studio's own (the file travels as one string in them), and a
// long path list holds more values than a study file may: parsed without the file limits.
json parse_message(const std::string& text) {
  json value = json::parse(text, nullptr, false);
  return value.is_object() ? value : json();
}

// The form of the messages below: a page and a worker must speak the same one.
constexpr int kWireVersion = 1;

StudyChecks broken() {
  StudyChecks checks;
  checks.findings.push_back(Finding{Finding::Kind::Error, "", both(Say::ChecksBroken), 0});
  checks.errors = 1;
  return checks;
}

}  // namespace

std::string checks_request(const StudyDocument& document, const StudyFiles& study_files) {
  json request = {{"kind", document.kind() == DocumentKind::Catalog ? "catalog" : "trial"},
                  {"text", document.text()},
                  {"files", study_files}};
  return request.dump();
}

std::string answer_checks_request(const std::string& request) {
  const json parsed = parse_message(request);
  if (parsed.is_null()) return checks_to_wire(broken());
  StudyFiles files;
  if (const auto it = parsed.find("files"); it != parsed.end() && it->is_object())
    for (const auto& [name, text] : it->items())
      if (text.is_string()) files[name] = text.get<std::string>();
  const DocumentKind kind = string_in(parsed, "kind") == "catalog" ? DocumentKind::Catalog : DocumentKind::Trial;
  return checks_to_wire(check_study_text(kind, string_in(parsed, "text"), files));
}

std::string checks_to_wire(const StudyChecks& checks) {
  json findings = json::array();
  for (const Finding& f : checks.findings) findings.push_back({static_cast<int>(f.kind), f.pointer, f.message.en, f.message.es, f.column});
  json paths = json::array();
  for (const PathSummary& p : checks.first_paths) paths.push_back({p.verdict, p.steps});
  json wire = {{"v", kWireVersion},
               {"findings", findings},
               {"errors", checks.errors},
               {"to_dos", checks.to_dos},
               {"warnings", checks.warnings},
               {"paths_known", checks.paths_known},
               {"paths", checks.paths},
               {"paths_stopped", checks.paths_stopped},
               {"paths_by_verdict", checks.paths_by_verdict},
               {"first_paths", paths}};
  return wire.dump();
}

StudyChecks checks_from_wire(const std::string& wire) {
  const json w = parse_message(wire);
  // From a worker of another version of the studio (a page and a worker cached apart): not read.
  if (w.is_null() || !w.contains("v") || w["v"] != kWireVersion) return broken();
  StudyChecks checks;
  for (const json& f : list_in(w, "findings")) {
    if (!f.is_array() || f.size() != 5 || !f[0].is_number_integer() || !f[1].is_string() || !f[2].is_string() ||
        !f[3].is_string() || !f[4].is_number_integer())
      return broken();
    const int kind = f[0].get<int>();
    checks.findings.push_back(Finding{kind == static_cast<int>(Finding::Kind::ToDo)      ? Finding::Kind::ToDo
                                      : kind == static_cast<int>(Finding::Kind::Warning) ? Finding::Kind::Warning
                                                                                         : Finding::Kind::Error,
                                      f[1].get<std::string>(), {f[2].get<std::string>(), f[3].get<std::string>()},
                                      f[4].get<int>()});
  }
  checks.errors = count_in(w, "errors");
  checks.to_dos = count_in(w, "to_dos");
  checks.warnings = count_in(w, "warnings");
  checks.paths_known = flag_in(w, "paths_known");
  checks.paths = count_in(w, "paths");
  checks.paths_stopped = flag_in(w, "paths_stopped");
  if (const auto it = w.find("paths_by_verdict"); it != w.end() && it->is_object())
    for (const auto& [verdict, n] : it->items())
      if (n.is_number_unsigned()) checks.paths_by_verdict[verdict] = n.get<std::size_t>();
  for (const json& p : list_in(w, "first_paths"))
    if (p.is_array() && p.size() == 2 && p[0].is_string() && p[1].is_string())
      checks.first_paths.push_back(PathSummary{p[1].get<std::string>(), p[0].get<std::string>()});
  return checks;
}

}  // namespace trialmatch::studio
