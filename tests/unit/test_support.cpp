// Helpers shared by the unit tests: building a small trial-definition document around
// inline question and criterion JSON, and loading a document that must be valid.
// Each test file declares the few helpers it uses (the tests are .cpp files only).
#include "test_support.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "diagnostic.h"
#include "trial.h"
#include "trial_loader.h"

namespace trialmatch_test {

namespace {

std::string translated(const std::vector<std::string>& languages, const std::string& text) {
  std::string out = "{";
  for (size_t i = 0; i < languages.size(); ++i)
    out += (i ? ", \"" : "\"") + languages[i] + "\": \"" + text + "\"";
  return out + "}";
}

}  // namespace

// A whole trial-definition document with the given question and criterion list contents
// (the text between the [ and ] of "questions" and "criteria").
std::string trial_document(const std::string& questions, const std::string& criteria,
                           const std::vector<std::string>& languages, const std::string& format) {
  std::string langs;
  for (const std::string& l : languages) langs += (langs.empty() ? "\"" : ", \"") + l + "\"";
  return "{\n"
         "  \"format\": \"" + format + "\",\n"
         "  \"languages\": [" + langs + "],\n"
         "  \"trial\": {\n"
         "    \"id\": \"NCT00000000\",\n"
         "    \"title\": " + translated(languages, "A test trial") + ",\n"
         "    \"summary\": " + translated(languages, "A trial used by the unit tests.") + ",\n"
         "    \"sponsor\": \"Test sponsor\",\n"
         "    \"contact\": {\"email\": \"study@example.org\"},\n"
         "    \"full_criteria_note\": " + translated(languages, "The study team checks the rest.") + "\n"
         "  },\n"
         "  \"questions\": [\n" + questions + "\n  ],\n"
         "  \"criteria\": [\n" + criteria + "\n  ]\n"
         "}\n";
}

std::string trial_document(const std::string& questions, const std::string& criteria) {
  return trial_document(questions, criteria, {"en"}, "trialmatch/1");
}

// Loads a document that must be valid; throws (failing the test) with every diagnostic.
trialmatch::Trial load_valid(const std::string& text) {
  trialmatch::TrialLoadResult result = trialmatch::load_trial(text);
  if (!result.trial || !result.errors.empty()) {
    std::string message = "the test trial is not valid:";
    for (const trialmatch::Diagnostic& d : result.errors) message += "\n  " + format_diagnostic(d, "test.json");
    throw std::runtime_error(message);
  }
  return *result.trial;
}

}  // namespace trialmatch_test
