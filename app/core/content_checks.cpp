#include "content_checks.h"

#include <optional>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>

#include "answer_classes.h"
#include "evaluation.h"
#include "navigation.h"
#include "paths.h"
#include "reading_level.h"
#include "wording_checks.h"

namespace trialmatch {

namespace {

// More combinations of answers than this are not tried one by one (a rule that names many
// questions with many answers each); the check then says it could not finish.
constexpr size_t kMaxCombinations = 100000;
// The walk of every path stops after this many distinct states (the shipped studies need a
// few hundred; a file built to explode would otherwise take the tool down), and says so.
constexpr size_t kMaxWalkStates = 200000;
// Two questions whose meaning words (at least this many in the shorter) are this share the
// same read almost the same (check_similar_questions).
constexpr size_t kMinWordsForSameMeaning = 5;
constexpr double kSameMeaningShare = 0.8;

using Classes = std::vector<std::vector<AnswerClass>>;

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

// `questions` with every question that decides whether one of them is asked (their ask_if
// names it), again and again, in questionnaire order.
std::vector<int> with_gates(const Trial& trial, std::vector<int> questions) {
  std::set<int> all(questions.begin(), questions.end());
  for (size_t i = 0; i < questions.size(); ++i) {
    const Question& q = trial.questions[static_cast<size_t>(questions[i])];
    if (!q.ask_if) continue;
    for (int gate : referenced_questions(*q.ask_if))
      if (all.insert(gate).second) questions.push_back(gate);
  }
  return {all.begin(), all.end()};
}

// "a = yes, b = 18 to 65, c not answered": the answers of `questions` in `chosen` (nullptr
// where the question has no answer), for an example in a message.
ProblemArg answered(const std::string& id, const AnswerClass* k) {
  return k ? ProblemArg(id + " = " + k->label) : ProblemArg(Problem::NotAnswered, {id});
}

ProblemArg describe(const Trial& trial, const std::vector<int>& questions, const std::vector<const AnswerClass*>& chosen) {
  std::optional<ProblemArg> out;
  for (size_t i = 0; i < questions.size(); ++i) {
    ProblemArg one = answered(trial.questions[static_cast<size_t>(questions[i])].id, chosen[i]);
    out = out ? ProblemArg(Problem::Listing, {*out, one}) : one;
  }
  return out ? *out : ProblemArg("");
}

// Calls `visit(answers, chosen)` for every combination of answers to `questions`: each of a
// question's answer classes, or no answer. The other questions have no answer. False when
// there are too many combinations to try (nothing is visited then).
bool for_each_combination(const Trial& trial, const Classes& classes, const std::vector<int>& questions,
                          const std::function<void(const AnswerSet&, const std::vector<const AnswerClass*>&)>& visit) {
  size_t total = 1;
  for (int q : questions) {
    total *= classes[static_cast<size_t>(q)].size() + 1;
    if (total > kMaxCombinations) return false;
  }
  AnswerSet answers(trial.questions.size());
  std::vector<const AnswerClass*> chosen(questions.size(), nullptr);
  std::vector<size_t> at(questions.size(), 0);  // 0: no answer; k: class k - 1
  for (size_t n = 0; n < total; ++n) {
    for (size_t i = 0; i < questions.size(); ++i) {
      const auto q = static_cast<size_t>(questions[i]);
      chosen[i] = at[i] == 0 ? nullptr : &classes[q][at[i] - 1];
      answers[q] = chosen[i] ? std::optional<Answer>(chosen[i]->representative) : std::nullopt;
    }
    visit(answers, chosen);
    for (size_t i = 0; i < questions.size(); ++i) {  // the next combination, like an odometer
      if (++at[i] <= classes[static_cast<size_t>(questions[i])].size()) break;
      at[i] = 0;
    }
  }
  return true;
}

CriterionOutcome outcome_of(const Trial& trial, int criterion, const AnswerSet& answers) {
  return evaluate_criterion(trial, criterion, EffectiveAnswers(trial, answers)).outcome;
}

bool decided_by_answers(CriterionOutcome o) { return o == CriterionOutcome::RulesOut || o == CriterionOutcome::NeedsReview; }

// ---------------------------------------------------------------------------------------
// [SECTION] A criterion left open where the person was sure of every answer
// ---------------------------------------------------------------------------------------
// Walks every way through the questionnaire, each answer class on its own branch, visiting a
// state only once: states with the same path_state_key and the same criteria open with no
// unknown answer to their questions end the same way, as far as this check can tell.
struct OpenCriterionWalker {
  const Trial& trial;
  const Classes& classes;
  Navigator navigator;
  AnswerSet answers;
  std::vector<std::pair<int, const AnswerClass*>> steps;  // the path so far
  std::set<std::string> seen;
  std::vector<std::optional<ProblemArg>> example;  // per criterion: where it is left open (none when nowhere)
  bool stopped = false;               // kMaxWalkStates was reached

  OpenCriterionWalker(const Trial& t, const Classes& c)
      : trial(t), classes(c), navigator(t), answers(t.questions.size()), example(t.criteria.size()) {}

  // Whether an open criterion's "not sure" is the person's own: one of its questions has an
  // unknown answer that counts.
  bool unsure_of_it(const Criterion& criterion, const EffectiveAnswers& effective) const {
    for (int q : referenced_questions(*criterion.rule)) {
      const Answer* a = effective.answer_at(q);
      if (a && a->is_unknown()) return true;
    }
    return false;
  }

  ProblemArg describe_path(const Criterion& criterion, const EffectiveAnswers& effective) const {
    const std::vector<int> rule_questions = referenced_questions(*criterion.rule);
    const std::vector<int> gates = with_gates(trial, rule_questions);
    std::vector<int> shown;
    std::vector<const AnswerClass*> chosen;
    for (const auto& [q, k] : steps)
      if (std::binary_search(gates.begin(), gates.end(), q) && effective.answer_at(q)) {
        shown.push_back(q);
        chosen.push_back(k);
      }
    std::string skipped;
    for (int q : rule_questions)
      if (!effective.answer_at(q)) skipped += (skipped.empty() ? "" : ", ") + in_quotes(trial.questions[static_cast<size_t>(q)].id);
    if (shown.empty()) return ProblemArg(Problem::PathNotAsked, {skipped});
    return ProblemArg(Problem::PathAfter, {describe(trial, shown, chosen), skipped});
  }

  void walk() {
    const Evaluation e = evaluate(trial, answers);
    const EffectiveAnswers effective(trial, answers);
    // Beyond what path_state_key keeps (which includes the worst outcome so far), only which
    // criteria are open with no unknown answer of the person's own can change what is found.
    std::string key = path_state_key(trial, answers, e) + "|";
    for (const CriterionResult& r : e.criteria) {
      const Criterion& c = trial.criteria[static_cast<size_t>(r.criterion_index)];
      key += r.outcome == CriterionOutcome::Open && !unsure_of_it(c, effective) ? 'o' : '.';
    }
    if (seen.size() >= kMaxWalkStates) {
      stopped = true;
      return;
    }
    if (!seen.insert(key).second) return;
    const std::vector<int> relevant = navigator.relevant_questions(answers, e);
    if (relevant.empty()) {
      // Open criteria are listed on the result only when the verdict is "let's talk it over",
      // and not when an answer put the study out of reach (its questions stopped there).
      if (e.verdict != Verdict::NeedsReview || !out_of_reach_criteria(trial, e).empty()) return;
      for (const CriterionResult& r : e.criteria) {
        const Criterion& c = trial.criteria[static_cast<size_t>(r.criterion_index)];
        auto& found = example[static_cast<size_t>(r.criterion_index)];
        if (r.outcome == CriterionOutcome::Open && !found && !unsure_of_it(c, effective))
          found = describe_path(c, effective);
      }
      return;
    }
    const int q = relevant.front();
    for (const AnswerClass& k : classes[static_cast<size_t>(q)]) {
      answers[static_cast<size_t>(q)] = k.representative;
      steps.emplace_back(q, &k);
      walk();
      steps.pop_back();
    }
    answers[static_cast<size_t>(q)].reset();
  }
};

void check_open_criteria(const Trial& trial, const Classes& classes, ContentFindings& out) {
  OpenCriterionWalker walker(trial, classes);
  walker.walk();
  if (walker.stopped)
    out.warnings.push_back(diagnostic("", {}, Problem::TooManyStates, {std::to_string(kMaxWalkStates)}));
  for (size_t c = 0; c < trial.criteria.size(); ++c) {
    if (!walker.example[c]) continue;
    out.errors.push_back(diagnostic("/criteria/" + std::to_string(c), {}, Problem::LeftOpen,
                                    {in_quotes(trial.criteria[c].id), *walker.example[c]}));
  }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Words that claim an answer the person may not have given
// ---------------------------------------------------------------------------------------
void check_because_claims(const Trial& trial, const Classes& classes, ContentFindings& out) {
  for (size_t c = 0; c < trial.criteria.size(); ++c) {
    const Criterion& criterion = trial.criteria[c];
    if (!criterion.rule) continue;
    std::string lang, phrase;
    for (const auto& [l, words] : criterion.because)
      if (auto p = phrase_claiming_an_answer(l, words); p && phrase.empty()) lang = l, phrase = *p;
    if (phrase.empty()) continue;
    const std::vector<int> questions = referenced_questions(*criterion.rule);
    std::optional<ProblemArg> example;
    std::string missing;
    const bool tried = for_each_combination(trial, classes, questions, [&](const AnswerSet& answers, const auto& chosen) {
      if (example || !decided_by_answers(outcome_of(trial, static_cast<int>(c), answers))) return;
      const EffectiveAnswers effective(trial, answers);
      for (int q : questions) {
        const Answer* a = effective.answer_at(q);
        if (a && !a->is_unknown()) continue;
        missing = trial.questions[static_cast<size_t>(q)].id;
        example = describe(trial, questions, chosen);
        return;
      }
    });
    const std::string p = "/criteria/" + std::to_string(c) + "/because/" + lang;
    if (!tried)
      out.warnings.push_back(diagnostic(p, {}, Problem::BecauseTooMany, {phrase}));
    else if (example)
      out.errors.push_back(diagnostic(p, {}, Problem::BecauseClaims, {phrase, in_quotes(missing), *example}));
  }
}

// ---------------------------------------------------------------------------------------
// [SECTION] A safety question that decides "not a match"
// ---------------------------------------------------------------------------------------
void check_safety_never_rules_out(const Trial& trial, const Classes& classes, ContentFindings& out) {
  for (size_t c = 0; c < trial.criteria.size(); ++c) {
    const Criterion& criterion = trial.criteria[c];
    if (!criterion.rule || criterion.when_fails != WhenFails::Exclude) continue;
    const std::vector<int> questions = with_gates(trial, referenced_questions(*criterion.rule));
    std::vector<size_t> safety;  // positions in `questions`
    for (size_t i = 0; i < questions.size(); ++i)
      if (trial.questions[static_cast<size_t>(questions[i])].safety) safety.push_back(i);
    if (safety.empty()) continue;
    std::optional<ProblemArg> found;
    const bool tried = for_each_combination(trial, classes, questions, [&](const AnswerSet& answers, const auto& chosen) {
      if (found || outcome_of(trial, static_cast<int>(c), answers) != CriterionOutcome::RulesOut) return;
      for (size_t i : safety) {
        const auto q = static_cast<size_t>(questions[i]);
        AnswerSet other = answers;
        std::vector<const AnswerClass*> alternatives = {nullptr};
        for (const AnswerClass& k : classes[q]) alternatives.push_back(&k);
        for (const AnswerClass* k : alternatives) {
          if (k == chosen[i]) continue;
          other[q] = k ? std::optional<Answer>(k->representative) : std::nullopt;
          if (outcome_of(trial, static_cast<int>(c), other) == CriterionOutcome::RulesOut) continue;
          const std::string& id = trial.questions[q].id;
          found = ProblemArg(Problem::SafetyDecides, {in_quotes(id), describe(trial, questions, chosen), answered(id, k)});
          return;
        }
      }
    });
    const std::string p = "/criteria/" + std::to_string(c) + "/rule";
    if (!tried)
      out.warnings.push_back(diagnostic(p, {}, Problem::SafetyTooMany));
    else if (found)
      out.errors.push_back(diagnostic(p, {}, Problem::SafetyRulesOut, {*found}));
  }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Reading level
// ---------------------------------------------------------------------------------------
// The formula reading_level.h uses for a language, named in the warning.
const char* formula_name(const std::string& lang) { return lang == "es" ? "Fernández-Huerta" : "Flesch-Kincaid"; }

void check_texts(const std::string& pointer, const LocalText& text, std::vector<Diagnostic>& out) {
  for (const auto& [lang, words] : text) check_reading_level(pointer + "/" + lang, lang, words, out);
}

void check_trial_reading_level(const Trial& trial, std::vector<Diagnostic>& out) {
  const TrialInfo& info = trial.info;
  check_texts("/trial/summary", info.summary, out);
  check_texts("/trial/welcome_note", info.welcome_note, out);
  check_texts("/trial/participation", info.participation, out);
  for (size_t s = 0; s < info.stages.size(); ++s) check_texts("/trial/stages/" + std::to_string(s) + "/details", info.stages[s].details, out);
  check_texts("/trial/full_criteria_note", info.full_criteria_note, out);
  check_texts("/trial/contact/note", info.contact.note, out);
  for (const Question& q : trial.questions) {
    const std::string p = "/questions/" + std::to_string(q.index);
    check_texts(p + "/text", q.text, out);
    check_texts(p + "/note", q.note, out);
    check_texts(p + "/why", q.why, out);
    for (size_t o = 0; o < q.options.size(); ++o) check_texts(p + "/options/" + std::to_string(o) + "/text", q.options[o].text, out);
  }
  for (size_t c = 0; c < trial.criteria.size(); ++c) {
    const std::string p = "/criteria/" + std::to_string(c);
    check_texts(p + "/text", trial.criteria[c].text, out);
    check_texts(p + "/because", trial.criteria[c].because, out);
    check_texts(p + "/find_out", trial.criteria[c].find_out, out);
  }
}

// The words of an English question that carry its meaning, lower-cased: not the short
// words every question has.
std::set<std::string> meaning_words(const std::string& text) {
  static const std::set<std::string> kCommon = {"the",  "you",  "your", "and",   "for",  "are",   "any",  "did",
                                                "does", "have", "has",  "this",  "that", "would", "could", "with",
                                                "from", "was",  "were", "will",  "can",  "been",  "about", "they"};
  std::set<std::string> out;
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (c >= 'A' && c <= 'Z') word += static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z') word += c;
    else {
      if (word.size() >= 3 && !kCommon.count(word)) out.insert(word);
      word.clear();
    }
  }
  return out;
}

// Questions of different concepts whose English words are nearly the same may ask the same
// thing after all (one study's "birth control, or not have sex, for as long as the study
// asks" beside another's "birth control, or not have sex, during the study"): a warning,
// since the author gave them concepts of their own.
void check_similar_questions(const Catalog& catalog, const std::vector<const Trial*>& trials, ContentFindings& out) {
  struct Asked {
    std::string key, concept;
    std::set<std::string> words;
    size_t study;
  };
  std::vector<Asked> asked;
  std::set<std::string> keys;
  for (size_t s = 0; s < catalog.studies.size() && s < trials.size(); ++s) {
    if (!trials[s] || !catalog.studies[s].open()) continue;
    for (const Question& q : trials[s]->questions) {
      const std::string key = catalog.is_shared(q.id) ? q.id : catalog.studies[s].id + "/" + q.id;
      const auto en = q.text.find("en");
      if (en != q.text.end() && keys.insert(key).second) asked.push_back({key, q.concept, meaning_words(en->second), s});
    }
  }
  for (size_t i = 0; i < asked.size(); ++i)
    for (size_t j = i + 1; j < asked.size(); ++j) {
      const Asked &a = asked[i], &b = asked[j];
      const size_t fewer = std::min(a.words.size(), b.words.size());
      if (a.concept == b.concept || fewer < kMinWordsForSameMeaning) continue;
      size_t both = 0;
      for (const std::string& w : a.words) both += b.words.count(w);
      if (static_cast<double>(both) >= kSameMeaningShare * static_cast<double>(fewer))
        out.warnings.push_back(diagnostic("/studies/" + std::to_string(b.study), {}, Problem::ReadsAlike,
                                          {in_quotes(b.key), in_quotes(a.key)}));
    }
}

}  // namespace

void check_reading_level(const std::string& pointer, const std::string& lang, const std::string& text,
                         std::vector<Diagnostic>& out) {
  const std::optional<ReadingLevel> level = reading_level(lang, text);
  if (!level || level->words < kMinWordsForReadingGrade || level->grade <= kMaxReadingGrade) return;
  char grade[16];
  std::snprintf(grade, sizeof grade, "%.1f", level->grade);
  out.push_back(diagnostic(pointer, {}, Problem::ReadingGrade, {grade, formula_name(lang)}));
}

ContentFindings check_catalog_content(const Catalog& catalog, const std::vector<const Trial*>& trials) {
  ContentFindings out;
  auto trial_of = [&](size_t s) -> const Trial* {
    return s < trials.size() && catalog.studies[s].open() ? trials[s] : nullptr;
  };
  for (size_t k = 0; k < catalog.shared_questions.size(); ++k) {
    const std::string& id = catalog.shared_questions[k];
    std::vector<size_t> askers;
    for (size_t s = 0; s < catalog.studies.size(); ++s)
      if (const Trial* t = trial_of(s); t && t->find_question(id)) askers.push_back(s);
    if (askers.size() == 1)
      out.errors.push_back(diagnostic("/shared_questions/" + std::to_string(k), {}, Problem::OnlyOneAsks,
                                      {catalog.studies[askers.front()].id, in_quotes(id)}));
    if (askers.empty()) continue;
    for (size_t s = 0; s < catalog.studies.size(); ++s) {
      const Trial* t = trial_of(s);
      if (!t || t->answers_not_used.count(id)) continue;
      const Question* q = t->find_question(id);
      bool used = false;
      for (const Criterion& c : t->criteria)
        if (q && c.rule) {
          const std::vector<int>& refs = referenced_questions(*c.rule);
          used = used || std::find(refs.begin(), refs.end(), q->index) != refs.end();
        }
      if (!used)
        out.errors.push_back(diagnostic("/studies/" + std::to_string(s), {}, Problem::AnswerIgnored,
                                        {in_quotes(id), catalog.studies[s].id, catalog.studies[s].trial_file}));
    }
  }
  check_similar_questions(catalog, trials, out);
  for (const auto& [lang, words] : catalog.welcome_note) check_reading_level("/welcome_note/" + lang, lang, words, out.warnings);
  return out;
}

ContentFindings check_trial_content(const Trial& trial) {
  ContentFindings out;
  const Classes classes = answer_classes_of_each_question(trial);
  check_open_criteria(trial, classes, out);
  check_because_claims(trial, classes, out);
  check_safety_never_rules_out(trial, classes, out);
  check_trial_reading_level(trial, out.warnings);
  return out;
}

}  // namespace trialmatch
