// load_trial: the whole document's checks (its JSON, its fields, "format", "languages"), then
// each part of the file in turn (trial_loader_steps.h), then the checks across parts.
#include "trial_loader.h"

#include <set>

#include "json_text.h"
#include "sha256.h"
#include "trial_loader_steps.h"

namespace trialmatch {

namespace {

using trial_loading::Reader;

const std::set<std::string> kTopFields = {"format", "languages", "trial", "questions", "criteria", "answers_not_used"};

// A question no rule, ask_if or safety trigger uses would never be asked: almost always a typo.
void check_every_question_is_used(Reader& r, Trial& trial) {
  std::vector<bool> used(trial.questions.size(), false);
  auto mark = [&](const std::optional<Condition>& c) {
    if (!c) return;
    for (int q : referenced_questions(*c)) used[q] = true;
  };
  for (const Question& q : trial.questions) {
    mark(q.ask_if);
    if (q.safety) used[q.index] = true;
  }
  for (const Criterion& c : trial.criteria) mark(c.rule);
  for (const Question& q : trial.questions)
    if (!used[q.index] && !q.id.empty() && q.id[0] != '#')
      r.error("/questions/" + std::to_string(q.index), Problem::QuestionNeverAsked, {q.id});
}

}  // namespace

TrialLoadResult load_trial(const std::string& json_text) {
  TrialLoadResult result;
  JsonTextResult parsed = parse_json_text(json_text);
  if (parsed.error) {
    result.errors.push_back(*parsed.error);
    return result;
  }
  const json& doc = parsed.value;
  Reader r(json_text);

  if (!r.check_object("", doc, kTopFields, {"format", "languages", "trial", "questions", "criteria"},
                      Problem::ATrialDefinition)) {
    result.errors = std::move(r.errors);
    finish_diagnostics(result.errors, r.dropped_errors);
    return result;
  }
  Trial trial;
  trial.sha256 = sha256_hex(json_text);
  trial.format = r.read_string("", doc, "format", true);
  if (doc.contains("format") && doc["format"].is_string() && trial.format != kTrialFormat)
    r.error("/format", Problem::UnsupportedFormat, {trial.format, kTrialFormat});
  r.read_languages(doc);
  trial.languages = r.languages;
  if (!trial.languages.empty()) {
    trial_loading::read_trial_info(r, doc, trial.info);
    trial_loading::read_questions(r, doc, trial);
    trial_loading::read_question_conditions(r, doc, trial);
    trial_loading::read_criteria(r, doc, trial);
    trial_loading::check_result_texts_wording(r, trial.info);
    trial_loading::read_answers_not_used(r, doc, trial);
    if (r.errors.empty()) check_every_question_is_used(r, trial);
  }
  result.errors = r.take_sorted_errors();
  result.warnings = std::move(r.warnings);
  if (result.errors.empty()) result.trial = std::move(trial);
  return result;
}

}  // namespace trialmatch
