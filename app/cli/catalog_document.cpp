// `trialmatch render CATALOG.json`: a catalog's document (render_catalog, declared in
// questionnaire_document.h), built from the parts of a trial's document.
#include <algorithm>

#include "catalog.h"
#include "condition.h"
#include "questionnaire_document.h"

namespace trialmatch {

namespace {

using namespace document;

// The catalog document's own words, in English and Spanish (the trial's parts keep theirs).
struct CatalogWords {
  const char *numbering, *studies, *study, *title, *status, *status_date, *status_source, *matched, *yes, *no, *shared,
      *no_shared, *how_used, *does_not_ask, *not_used, *unused_no_reason, *decides_asked, *why_here, *no_asker,
      *title_in_file, *study_file, *version, *own_questions, *shared_asked, *only_shared, *closed, *no_closed, *as_of,
      *registry, *shared_prefix;
  const char *recruiting, *not_yet_recruiting, *by_invitation, *active_not_recruiting, *suspended, *terminated,
      *completed, *withdrawn;
};

constexpr CatalogWords kCatalogEnglish = {
    "Shared questions are numbered S1 to S{n}: each is asked once, for every study that asks it. A study's own "
    "questions keep their number in its file (Q15). Rules name questions by these numbers.",
    "Studies", "Study", "Title", "Status", "Status date", "Where the status comes from", "Matched", "yes", "no",
    "Shared questions (asked once)", "This catalog has no shared questions.",
    "How each recruiting study uses the answer", "does not ask it", "does not use the answer",
    "asks it, but no criterion uses the answer, and its file gives no reason",
    "Decides whether these are asked", "Why we ask, in this study", "No recruiting study asks it.",
    "Title in the study file", "Study file", "version", "Its own questions", "Shared questions it asks (above)",
    "This study asks only shared questions.", "Closed studies (listed, never matched)", "None.", "as of {date}",
    "Public listing", "S",
    "recruiting", "not yet recruiting", "enrolling by invitation", "active, not recruiting", "suspended", "terminated",
    "completed", "withdrawn"};

constexpr CatalogWords kCatalogSpanish = {
    "Las preguntas compartidas se numeran de PC1 a PC{n}: cada una se hace una sola vez, para todos los estudios que la "
    "hacen. Las preguntas propias de un estudio conservan su número en su archivo (P15). Las reglas nombran las "
    "preguntas con estos números.",
    "Estudios", "Estudio", "Título", "Estado", "Fecha del estado", "De dónde viene el estado", "Se compara", "sí", "no",
    "Preguntas compartidas (se hacen una vez)", "Este catálogo no tiene preguntas compartidas.",
    "Cómo usa la respuesta cada estudio que recluta", "no la hace", "no usa la respuesta",
    "la hace, pero ningún criterio usa la respuesta, y su archivo no da una razón", "Decide si se hacen estas",
    "Por qué preguntamos, en este estudio", "Ningún estudio que recluta la hace.", "Título en el archivo del estudio",
    "Archivo del estudio", "versión", "Sus propias preguntas", "Preguntas compartidas que hace (arriba)",
    "Este estudio solo hace preguntas compartidas.", "Estudios cerrados (se listan, nunca se comparan)", "Ninguno.",
    "al {date}", "Página pública", "PC",
    "reclutando", "todavía no recluta", "inscribe por invitación", "activo, no recluta", "suspendido",
    "terminado antes de tiempo", "completado", "retirado antes de empezar"};

const char* status_words(StudyStatus status, const CatalogWords& cw) {
  switch (status) {
    case StudyStatus::Recruiting: return cw.recruiting;
    case StudyStatus::NotYetRecruiting: return cw.not_yet_recruiting;
    case StudyStatus::EnrollingByInvitation: return cw.by_invitation;
    case StudyStatus::ActiveNotRecruiting: return cw.active_not_recruiting;
    case StudyStatus::Suspended: return cw.suspended;
    case StudyStatus::Terminated: return cw.terminated;
    case StudyStatus::Completed: return cw.completed;
    case StudyStatus::Withdrawn: return cw.withdrawn;
  }
  return "";
}

// Everything the catalog's parts share.
struct Page {
  Writer& d;
  const Catalog& catalog;
  const std::vector<const Trial*>& trials;
  const std::string& lang;
  const Words& w;
  const CatalogWords& cw;
  const QuestionNames& names;

  const Trial* open_trial(size_t s) const {
    return s < trials.size() && catalog.studies[s].open() ? trials[s] : nullptr;
  }
  Context in(const Trial& trial) const { return {d, trial, lang, w, names}; }
};

bool names_question(const Condition& condition, int question_index) {
  const std::vector<int>& refs = referenced_questions(condition);
  return std::find(refs.begin(), refs.end(), question_index) != refs.end();
}

std::string status_line(const Page& p, const CatalogStudy& study) {
  return p.d.escape(status_words(study.status, p.cw)) + " " + p.d.code(study_status_id(study.status));
}

void write_overview(const Page& p) {
  Writer& d = p.d;
  d.heading(1, text_in(p.catalog.title, p.lang));
  if (!p.catalog.shared_questions.empty())
    d.paragraph(d.escape(replace_all(p.cw.numbering, "{n}", std::to_string(p.catalog.shared_questions.size()))));
  if (!p.catalog.welcome_note.empty()) d.field(p.w.welcome_note, d.escape(text_in(p.catalog.welcome_note, p.lang)));
  std::string langs;
  for (const std::string& l : p.catalog.languages) langs += (langs.empty() ? "" : ", ") + l;
  d.field(p.w.languages, d.escape(langs));
  d.heading(2, p.cw.studies);
  std::vector<std::vector<std::string>> rows;
  for (const CatalogStudy& s : p.catalog.studies)
    rows.push_back({d.escape(s.id), d.escape(text_in(s.title, p.lang)), status_line(p, s), d.escape(s.status_date),
                    d.escape(s.status_source), d.escape(s.open() ? p.cw.yes : p.cw.no)});
  d.table({p.cw.study, p.cw.title, p.cw.status, p.cw.status_date, p.cw.status_source, p.cw.matched}, rows);
}

// Under a shared question: what one recruiting study does with its answer.
void write_use(const Page& p, const CatalogStudy& study, const Trial& trial, const std::string& id,
               const Question* shown) {
  Writer& d = p.d;
  const Context c = p.in(trial);
  const std::string who = d.strong(study.id) + ": ";
  const Question* q = trial.find_question(id);
  bool used = false;
  for (const Criterion& criterion : trial.criteria)
    if (q && criterion.rule && names_question(*criterion.rule, q->index)) {
      used = true;
      const char* kind = criterion.kind == CriterionKind::Inclusion ? p.w.inclusion : p.w.exclusion;
      d.item(who + d.escape(kind) + " " + d.code(criterion.id) + ". " + d.escape(p.w.rule) + ": " +
             d.escape(condition_words(c, *criterion.rule)) + " " + d.code(criterion.rule->source) + ". " +
             d.escape(std::string(p.w.if_fails) + ": " +
                      (criterion.when_fails == WhenFails::Exclude ? p.w.fails_exclude : p.w.fails_review)) +
             ".");
    }
  const auto reason = trial.answers_not_used.find(id);
  const std::string because = reason == trial.answers_not_used.end() ? "" : ": " + reason->second;
  if (!q) d.item(who + d.escape(p.cw.does_not_ask + because));
  else if (!used) d.item(who + d.escape(because.empty() ? p.cw.unused_no_reason : p.cw.not_used + because));
  if (!q) return;
  std::string asks;
  for (const Question& later : trial.questions)
    if (later.ask_if && names_question(*later.ask_if, q->index)) asks += (asks.empty() ? "" : ", ") + p.names(later);
  if (!asks.empty()) d.item(who + d.escape(std::string(p.cw.decides_asked) + ": " + asks));
  if (shown && text_in(q->why, p.lang) != text_in(shown->why, p.lang) && !q->why.empty())
    d.item(who + d.escape(std::string(p.cw.why_here) + ": " + text_in(q->why, p.lang)));
}

void write_shared_questions(const Page& p) {
  Writer& d = p.d;
  d.heading(2, p.cw.shared);
  if (p.catalog.shared_questions.empty()) d.paragraph(d.escape(p.cw.no_shared));
  for (const std::string& id : p.catalog.shared_questions) {
    // Shown as the first recruiting study that asks it has it: every study has it the same.
    const Trial* first = nullptr;
    for (size_t s = 0; s < p.catalog.studies.size() && !first; ++s)
      if (const Trial* t = p.open_trial(s); t && t->find_question(id)) first = t;
    const Question* shown = first ? first->find_question(id) : nullptr;
    if (shown) {
      write_question(p.in(*first), *shown);
    } else {
      d.heading(3, id);
      d.paragraph(d.escape(p.cw.no_asker));
    }
    d.paragraph(d.strong(p.cw.how_used));
    for (size_t s = 0; s < p.catalog.studies.size(); ++s)
      if (const Trial* t = p.open_trial(s)) write_use(p, p.catalog.studies[s], *t, id, shown);
  }
}

// A recruiting study as its own document has it, its shared questions named but not repeated.
void write_study(const Page& p, const CatalogStudy& study, const Trial& trial) {
  Writer& d = p.d;
  const Context c = p.in(trial);
  d.heading(2, study.id + ": " + text_in(study.title, p.lang));
  if (text_in(trial.info.title, p.lang) != text_in(study.title, p.lang))
    d.field(p.cw.title_in_file, d.escape(text_in(trial.info.title, p.lang)));
  d.field(p.cw.study_file, d.code(study.trial_file) + " (SHA-256 " + d.code(trial.sha256) +
                               (trial.info.version.empty() ? "" : ", " + d.escape(p.cw.version) + " " +
                                                                      d.escape(trial.info.version)) + ")");
  d.shift_headings(1);
  write_facts(c);
  d.heading(2, p.cw.own_questions);
  std::string shared;
  for (const std::string& id : p.catalog.shared_questions)
    if (const Question* q = trial.find_question(id)) shared += (shared.empty() ? "" : ", ") + p.names(*q);
  if (!shared.empty()) d.paragraph(d.strong(p.cw.shared_asked) + ": " + d.escape(shared));
  bool own = false;
  for (const Question& q : trial.questions)
    if (!p.catalog.is_shared(q.id)) {
      own = true;
      write_question(c, q);
      write_question_users(c, q);
    }
  if (!own) d.paragraph(d.escape(p.cw.only_shared));
  write_criteria(c);
  write_safety(c);
  write_paths(c);
  d.shift_headings(0);
}

void write_closed(const Page& p) {
  Writer& d = p.d;
  d.heading(2, p.cw.closed);
  bool any = false;
  for (const CatalogStudy& s : p.catalog.studies) {
    if (s.open()) continue;
    any = true;
    std::string line = d.strong(s.id) + " " + d.escape(text_in(s.title, p.lang)) + ": " + status_line(p, s) + ", " +
                       d.escape(replace_all(p.cw.as_of, "{date}", s.status_date)) + ".";
    if (!s.status_source.empty()) line += " " + d.escape(std::string(p.cw.status_source) + ": " + s.status_source);
    if (!s.registry_url.empty()) line += " " + d.escape(std::string(p.cw.registry) + ": " + s.registry_url);
    d.item(line);
  }
  if (!any) d.paragraph(d.escape(p.cw.no_closed));
}

}  // namespace

std::string render_catalog(const Catalog& catalog, const std::vector<const Trial*>& trials, const std::string& lang,
                           DocumentFormat format) {
  const Words& w = words_for(lang);
  const CatalogWords& cw = lang == "es" ? kCatalogSpanish : kCatalogEnglish;
  Writer d(format, lang);
  const QuestionNames names(w, catalog.shared_questions, cw.shared_prefix);
  const Page p{d, catalog, trials, lang, w, cw, names};
  write_overview(p);
  write_shared_questions(p);
  for (size_t s = 0; s < catalog.studies.size(); ++s)
    if (const Trial* t = p.open_trial(s)) write_study(p, catalog.studies[s], *t);
  write_closed(p);
  return d.finish(text_in(catalog.title, lang));
}

}  // namespace trialmatch
