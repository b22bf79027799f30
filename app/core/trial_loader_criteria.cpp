// Reading a trial file's "criteria" and "answers_not_used" (trial_loader_steps.h): each
// criterion's rule, kind and words, and the shared answers a study says it does not use.
#include <set>

#include "trial_loader_steps.h"

namespace trialmatch::trial_loading {

namespace {

// A reason in "answers_not_used" is one short sentence.
constexpr size_t kMaxReasonBytes = 300;

const std::set<std::string> kCriterionFields = {"id",   "type",    "rule",   "checked_by", "when_fails",   "text",
                                                "because", "find_out", "source", "draft", "out_of_reach"};

// Every sentence must be true for the person who reads it (docs/trial-format.md, "Words").
void check_criterion_wording(Reader& r, const std::string& p, const Criterion& criterion) {
  for (const auto& [lang, words] : criterion.text)
    if (auto phrase = phrase_claiming_an_answer(lang, words))
      r.error(p + "/text/" + lang, Problem::TextClaimsAnswer, {*phrase});
  for (const auto& [lang, words] : criterion.find_out)
    if (auto phrase = phrase_claiming_an_answer(lang, words))
      r.error(p + "/find_out/" + lang, Problem::FindOutClaimsAnswer, {*phrase});
  if (criterion.when_fails != WhenFails::Review) return;
  for (const char* key : {"text", "because"}) {
    const LocalText& texts = std::string(key) == "text" ? criterion.text : criterion.because;
    for (const auto& [lang, words] : texts)
      if (auto phrase = phrase_turning_away(lang, words))
        r.error(p + "/" + key + "/" + lang, Problem::ReviewRulesOut, {*phrase});
  }
}

}  // namespace

// A shared question of a catalog that this study's criteria do not use, with the reason
// (docs/catalog-format.md, "Answers in hand"): read after the criteria, to check against them.
void read_answers_not_used(Reader& r, const json& doc, Trial& trial) {
  auto it = doc.find("answers_not_used");
  if (it == doc.end()) return;
  const std::string p = "/answers_not_used";
  if (!it->is_object()) {
    r.error(p, Problem::AnswersNotUsedMap);
    return;
  }
  std::vector<bool> used(trial.questions.size(), false);
  for (const Criterion& c : trial.criteria)
    if (c.rule)
      for (int q : referenced_questions(*c.rule)) used[static_cast<size_t>(q)] = true;
  for (const auto& [id, reason] : it->items()) {
    const std::string ip = p + "/" + pointer_escape(id);
    if (!is_identifier(id)) {
      r.error(ip, Problem::ReasonId);
      continue;
    }
    if (!reason.is_string() || is_blank(reason.get_ref<const std::string&>())) {
      r.error(ip, Problem::SayWhyNotUsed);
      continue;
    }
    if (reason.get_ref<const std::string&>().size() > kMaxReasonBytes)
      r.error(ip, Problem::ReasonShort, {std::to_string(kMaxReasonBytes)});
    const Question* q = trial.find_question(id);
    if (q && used[static_cast<size_t>(q->index)])
      r.error(ip, Problem::AnswerIsUsed, {id});
    trial.answers_not_used[id] = reason.get<std::string>();
  }
}

void read_criteria(Reader& r, const json& doc, Trial& trial) {
  auto it = doc.find("criteria");
  if (it == doc.end()) return;
  if (!it->is_array() || it->empty()) {
    r.error("/criteria", Problem::CriteriaList);
    return;
  }
  std::set<std::string> ids;
  const int all = static_cast<int>(trial.questions.size());
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string p = "/criteria/" + std::to_string(i);
    const json& c = (*it)[i];
    if (!r.check_object(p, c, kCriterionFields, {"id", "type", "text", "source"}, Problem::ACriterion)) continue;
    Criterion criterion;
    criterion.id = r.read_string(p, c, "id", true);
    if (!criterion.id.empty()) {
      if (!is_identifier(criterion.id))
        r.error(p + "/id", Problem::CriterionId);
      else if (!ids.insert(criterion.id).second)
        r.error(p + "/id", Problem::CriterionIdTwice, {criterion.id});
    }
    const std::string type = r.read_string(p, c, "type", true);
    if (type == "exclusion") criterion.kind = CriterionKind::Exclusion;
    else if (type != "inclusion" && !type.empty())
      r.error(p + "/type", Problem::CriterionType, {type});
    criterion.text = r.read_text(p, c, "text");
    criterion.source = r.read_string(p, c, "source", true);

    const bool has_rule = c.contains("rule");
    const std::string checked_by = r.read_string(p, c, "checked_by", true);
    if (c.contains("checked_by") && checked_by != "study_team" && !checked_by.empty())
      r.error(p + "/checked_by", Problem::CheckedByTeam);
    if (has_rule == c.contains("checked_by"))
      r.error(p, Problem::RuleOrCheckedBy);
    const std::string when_fails = r.read_string(p, c, "when_fails", true);
    if (c.contains("when_fails")) {
      if (!has_rule) r.error(p + "/when_fails", Problem::WhenFailsNeedsRule);
      if (when_fails == "review") criterion.when_fails = WhenFails::Review;
      else if (when_fails != "exclude" && !when_fails.empty())
        r.error(p + "/when_fails", Problem::WhenFailsValue);
    }
    if (auto cond = r.read_condition(p, c, "rule")) {
      for (const auto& e : check_condition(*cond, trial.questions, all, Problem::TheCriteria))
        r.error_in_string(p + "/rule", e);
      // An answer that calls for crisis support is for a clinician to weigh, never a reason
      // on its own to turn someone away.
      for (int q : referenced_questions(*cond))
        if (trial.questions[static_cast<size_t>(q)].safety && criterion.when_fails != WhenFails::Review)
          r.error(p + "/rule", Problem::SafetyNeedsReview, {trial.questions[static_cast<size_t>(q)].id});
      criterion.rule = std::move(cond);
    }
    criterion.because = r.read_text(p, c, "because");
    if (c.contains("because") && !has_rule)
      r.error(p + "/because", Problem::BecauseNeedsRule);
    criterion.find_out = r.read_text(p, c, "find_out");
    if (c.contains("find_out") && has_rule)
      r.error(p + "/find_out", Problem::FindOutForTeam);
    check_criterion_wording(r, p, criterion);
    criterion.out_of_reach = r.read_bool(p, c, "out_of_reach", false);
    if (criterion.out_of_reach && (!has_rule || criterion.when_fails != WhenFails::Review))
      r.error(p + "/out_of_reach", Problem::OutOfReachNeeds);
    criterion.draft = r.read_bool(p, c, "draft", false);
    if (criterion.draft)
      r.warning(p + "/draft", Problem::Draft);
    trial.criteria.push_back(std::move(criterion));
  }
}

}  // namespace trialmatch::trial_loading
