// Reading a JSON input document strictly, with located errors: the shared reader of the
// trial loader (trial_loader_steps.h) and the catalog loader (catalog.cpp). Each read_* method
// checks one field and reports what is wrong where (JSON pointer and line:column).
#pragma once

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "condition.h"
#include "diagnostic.h"
#include "input_limits.h"
#include "json_text.h"
#include "trial.h"
#include "wording_checks.h"

namespace trialmatch {

using nlohmann::json;

inline bool is_identifier(const std::string& s) {
  if (s.empty() || !std::islower(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

inline bool is_blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// Walks the document, collecting located errors. Each read_* method checks one field.
class JsonReader {
 public:
  // A repeated key is always an error (the JSON parser silently keeps one of them). `text`
  // must outlive the reader.
  explicit JsonReader(const std::string& text) : text_(text) {
    if (!may_repeat_a_key(text_)) return;
    for (const DuplicateKey& d : locator().duplicate_keys())
      if (room_for_error()) errors.push_back(diagnostic(d.pointer, d.position, Problem::DuplicateField));
  }

  // Every error found, in the order of their places in the text, within the error limit.
  std::vector<Diagnostic> take_sorted_errors() {
    std::vector<Diagnostic> out = std::move(errors);
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return a.position.line != b.position.line ? a.position.line < b.position.line : a.position.column < b.position.column;
    });
    finish_diagnostics(out, dropped_errors);
    return out;
  }

  std::vector<Diagnostic> errors;
  size_t dropped_errors = 0;  // past limits::kMaxErrors, problems are only counted
  // What is allowed but not finished (a draft criterion): reported, never refused here.
  std::vector<Diagnostic> warnings;
  std::vector<std::string> languages;

  bool room_for_error() {
    if (errors.size() < limits::kMaxErrors) return true;
    ++dropped_errors;
    return false;
  }

  void error(const std::string& pointer, Problem problem, std::initializer_list<ProblemArg> args = {});
  void warning(const std::string& pointer, Problem problem, std::initializer_list<ProblemArg> args = {});
  // A problem at character `column` (from 1) of the condition at `pointer`.
  void error_in_string(const std::string& pointer, int column, Problem problem, std::vector<ProblemArg> args);
  // A condition's problem (from the parser or check_condition), at its column.
  void error_in_string(const std::string& pointer, const ConditionError& e);

  // Reports members not in `allowed` and missing members in `required`. False if `value`
  // is not an object.
  bool check_object(const std::string& pointer, const json& value, const std::set<std::string>& allowed,
                    const std::set<std::string>& required, const ProblemArg& what) {
    if (!value.is_object()) {
      error(pointer, Problem::MustBeObject, {what, json_type_word(value)});
      return false;
    }
    for (const auto& item : value.items())
      if (!allowed.count(item.key())) {
        std::string list;
        for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
        error(pointer + "/" + pointer_escape(item.key()), Problem::UnknownField, {item.key(), what, list});
      }
    for (const std::string& r : required)
      if (!value.contains(r)) error(pointer, Problem::MissingField, {what, r});
    return true;
  }

  std::string read_string(const std::string& pointer, const json& parent, const char* key, bool required) {
    auto it = parent.find(key);
    if (it == parent.end()) return "";
    const std::string p = pointer + "/" + key;
    if (!it->is_string()) {
      error(p, Problem::MustBeString, {key, json_type_word(*it)});
      return "";
    }
    const std::string& s = it->get_ref<const std::string&>();
    if (required && is_blank(s)) error(p, Problem::MustNotBeEmpty, {key});
    return s;
  }

  std::optional<double> read_number(const std::string& pointer, const json& parent, const char* key) {
    auto it = parent.find(key);
    if (it == parent.end()) return std::nullopt;
    if (!it->is_number()) {
      error(pointer + "/" + key, Problem::MustBeNumber, {key, json_type_word(*it)});
      return std::nullopt;
    }
    return it->get<double>();
  }

  bool read_bool(const std::string& pointer, const json& parent, const char* key, bool fallback) {
    auto it = parent.find(key);
    if (it == parent.end()) return fallback;
    if (!it->is_boolean()) {
      error(pointer + "/" + key, Problem::MustBeFlag, {key, json_type_word(*it)});
      return fallback;
    }
    return it->get<bool>();
  }

  // A translated text: {"en": "...", "es": "..."} with exactly the trial's languages.
  // Whether the field is required is checked by check_object.
  LocalText read_text(const std::string& pointer, const json& parent, const char* key) {
    LocalText text;
    auto it = parent.find(key);
    if (it == parent.end()) return text;
    const std::string p = pointer + "/" + key;
    if (!it->is_object()) {
      error(p, Problem::MustBeText, {key, json_type_word(*it)});
      return text;
    }
    for (const auto& item : it->items()) {
      const std::string lp = p + "/" + pointer_escape(item.key());
      if (std::find(languages.begin(), languages.end(), item.key()) == languages.end()) {
        error(lp, Problem::NotALanguage, {item.key()});
        continue;
      }
      if (!item.value().is_string()) {
        error(lp, Problem::TranslationNotString, {json_type_word(item.value())});
        continue;
      }
      const std::string& s = item.value().get_ref<const std::string&>();
      if (is_blank(s)) error(lp, Problem::EmptyText, {item.key()});
      if (auto phrase = phrase_promising_privacy(item.key(), s))
        error(lp, Problem::PromisesPrivacy, {*phrase});
      text[item.key()] = s;
    }
    for (const std::string& lang : languages)
      if (!it->contains(lang)) error(p, Problem::MissingTranslation, {lang, key});
    return text;
  }

  std::optional<Condition> read_condition(const std::string& pointer, const json& parent, const char* key) {
    auto it = parent.find(key);
    if (it == parent.end()) return std::nullopt;
    const std::string p = pointer + "/" + key;
    if (!it->is_string()) {
      error(p, Problem::ConditionNotString, {key, json_type_word(*it)});
      return std::nullopt;
    }
    ParseResult parsed = parse_condition(it->get_ref<const std::string&>());
    if (parsed.error) {
      const Said& why = parsed.error->said;
      error_in_string(p, parsed.error->column, Problem::CannotReadCondition, {ProblemArg(why.problem, why.args)});
      return std::nullopt;
    }
    return parsed.condition;
  }

  // "languages": a non-empty list of short codes such as ["en", "es"], into `languages`.
  void read_languages(const json& doc) {
    auto it = doc.find("languages");
    if (it == doc.end()) return;
    if (!it->is_array() || it->empty()) {
      error("/languages", Problem::LanguagesList);
      return;
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const json& l = (*it)[i];
      const std::string p = "/languages/" + std::to_string(i);
      if (!l.is_string() || l.get_ref<const std::string&>().size() < 2 || l.get_ref<const std::string&>().size() > 3 ||
          !is_identifier(l.get_ref<const std::string&>())) {
        error(p, Problem::LanguageCode);
        continue;
      }
      const std::string& code = l.get_ref<const std::string&>();
      if (std::find(languages.begin(), languages.end(), code) != languages.end()) {
        error(p, Problem::LanguageTwice, {code});
        continue;
      }
      languages.push_back(code);
    }
  }

 private:
  // Where things are in the text, found on first use: a file without problems never needs it.
  const JsonLocator& locator() {
    if (!located_) located_.emplace(text_);
    return *located_;
  }
  const std::string& text_;
  std::optional<JsonLocator> located_;
};

}  // namespace trialmatch
