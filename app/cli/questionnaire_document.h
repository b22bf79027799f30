// `trialmatch render`: the whole questionnaire as a document a study team and an ethics
// board can review and sign off, in Markdown or HTML, in one of the trial's languages.
// Every question (text, why we ask, answers, when it is asked: in words and as the rule),
// every criterion (rule, effect, the words shown for each outcome, source), the safety
// triggers, and a summary of every path through the questionnaire.
//
// `trialmatch render CATALOG.json` writes a catalog's document (catalog_document.cpp) from
// the same parts (namespace `document` below), so each piece is written in one place.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "catalog.h"
#include "trial.h"

namespace trialmatch {

enum class DocumentFormat { Markdown, Html };

// `lang` must be one of the trial's languages; the document's own words exist in English
// and Spanish (other languages get English headings around the trial's own texts).
std::string render_questionnaire(const Trial& trial, const std::string& lang, DocumentFormat format);

// A catalog's document, which a study coordinator and an ethics board sign off the catalog
// from. In order: the catalog (title, welcome note, languages, a table of every study with
// its status, the date and source of that status, and whether it is matched); each shared
// question once, as a person sees it, with how each recruiting study uses the answer (the
// criteria whose rule names it, or the reason its file gives for not using it, or that it
// does not ask it); each recruiting study as render_questionnaire writes it, naming its
// shared questions instead of repeating them; then the closed studies, with their status
// and its date. `trials[i]` is the trial of `catalog.studies[i]` (nullptr where there is
// none); they must fit the catalog (check_catalog_studies). `lang` must be one of the
// catalog's languages.
std::string render_catalog(const Catalog& catalog, const std::vector<const Trial*>& trials, const std::string& lang,
                           DocumentFormat format);

// A condition in plain words ("Q6 is not “No” and Q7 is at least 18"), for `lang`.
std::string condition_in_words(const Trial& trial, const Condition& condition, const std::string& lang);

namespace document {

// The document's own words, in English and Spanish.
struct Words {
  const char *questions, *criteria, *safety, *paths, *about, *sponsor, *investigator, *phase, *registry, *languages,
      *welcome_note, *participation, *note, *why, *answers, *unknown_answers, *asked, *asked_always, *asked_when,
      *safety_action, *used_by, *number_range, *whole_numbers, *month_range, *none_of_these, *choose_many, *inclusion,
      *exclusion, *rule, *decided_by, *by_answers, *by_team, *if_fails, *fails_exclude, *fails_review, *text_neutral,
      *text_because, *same_as_neutral, *source, *crisis_action, *no_safety, *path_count, *verdict_likely,
      *verdict_review, *verdict_not, *questions_asked, *deciding, *full_criteria, *and_, *or_, *not_, *is, *is_not,
      *less, *at_most, *more, *at_least, *one_of, *includes, *always, *never, *question_prefix, *find_out, *concept;
};
const Words& words_for(const std::string& lang);  // Spanish for "es", else English

std::string replace_all(std::string text, const std::string& key, const std::string& value);
std::string quoted(const std::string& s);  // in typographic double quotes

// How a document names a question: "Q5" by its place in its trial file. In a catalog's
// document a shared question is named by its place in the catalog's list instead ("S3"), the
// same in every study that asks it.
class QuestionNames {
 public:
  explicit QuestionNames(const Words& w) : prefix_(w.question_prefix) {}
  QuestionNames(const Words& w, const std::vector<std::string>& shared_ids, std::string shared_prefix)
      : prefix_(w.question_prefix), shared_prefix_(std::move(shared_prefix)), shared_(&shared_ids) {}
  std::string operator()(const Question& q) const;

 private:
  std::string prefix_, shared_prefix_;
  const std::vector<std::string>* shared_ = nullptr;
};

// Builds the document in one format: headings, paragraphs, bullet items and tables, with
// bold labels and inline code. Text from the files is always escaped.
class Writer {
 public:
  Writer(DocumentFormat format, const std::string& lang) : html_(format == DocumentFormat::Html), lang_(lang) {}

  std::string escape(const std::string& raw) const;
  std::string strong(const std::string& raw) const;
  std::string code(const std::string& raw) const;

  // Every later heading goes `levels` deeper (a trial's sections inside a catalog's document).
  void shift_headings(int levels) { shift_ = levels; }
  void heading(int level, const std::string& raw);
  void paragraph(const std::string& formatted);
  void item(const std::string& formatted);
  void field(const std::string& label, const std::string& formatted) { item(strong(label) + ": " + formatted); }
  // `headers` are raw text; each row's cells are already formatted.
  void table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows);

  std::string finish(const std::string& title);

 private:
  void close_list();
  bool html_;
  std::string lang_;
  std::string out_;
  bool in_list_ = false;
  bool has_table_ = false;
  int shift_ = 0;
};

// What the parts below need: where they write, the trial, its language, the document's words
// and how questions are named.
struct Context {
  Writer& d;
  const Trial& trial;
  const std::string& lang;
  const Words& w;
  const QuestionNames& names;
};

std::string condition_words(const Context& c, const Condition& condition);

void write_facts(const Context& c);  // "About the study", a level 2 heading
// One question as a person sees it: a level 3 heading with its text, then its id and type, why
// we ask, the answers, when it is asked, and its safety trigger.
void write_question(const Context& c, const Question& q);
// "Used by": the criteria whose rule names `q`, and the later questions whose ask_if does.
void write_question_users(const Context& c, const Question& q);
void write_criteria(const Context& c);  // each criterion under a level 2 heading "Criteria"
void write_safety(const Context& c);
void write_paths(const Context& c);  // the summary of every path through the questionnaire

}  // namespace document

}  // namespace trialmatch
