#include "questionnaire_document.h"

#include <algorithm>
#include <map>
#include <set>

#include "answer_words.h"
#include "evaluation.h"
#include "paths.h"

namespace trialmatch::document {

namespace {

// The document's own words, in English and Spanish.
constexpr Words kEnglish = {
    "Questions", "Criteria", "Safety triggers", "Every path through the questionnaire", "About the study",
    "Sponsor", "Investigator", "Phase", "Public listing", "Languages", "Welcome note", "What taking part involves",
    "Shown under the question", "Why we ask", "Answers", "Unknown answers offered", "Asked", "always (when it can still matter)",
    "only when", "Safety", "Used by", "a number from {min} to {max}", "whole numbers only",
    "a month from {min} to {max}", "clears the other choices", "several answers may be chosen", "Inclusion",
    "Exclusion", "Rule", "Decided by", "the person's answers", "the study team only", "If the answers fail it",
    "not eligible", "goes to the study team for a talk (never rules out)", "Words shown when open or checked by the team",
    "Words shown when the answers decided it", "the same words", "Source", "shows the crisis support screen at once",
    "This trial has no safety triggers.", "{n} paths in all", "likely eligible", "needs a conversation", "not eligible",
    "questions asked", "criteria behind it (how many paths)", "Note shown with every result", "and", "or", "not", "is",
    "is not", "is less than", "is at most", "is more than", "is at least", "is one of", "includes", "always", "never", "Q",
    "What the person could find out before calling (shown first)", "Concept (what it asks)"};

constexpr Words kSpanish = {
    "Preguntas", "Criterios", "Alertas de seguridad", "Todos los caminos del cuestionario", "Sobre el estudio",
    "Patrocinador", "Investigador", "Fase", "Página pública", "Idiomas", "Nota de bienvenida", "Qué implica participar",
    "Se muestra bajo la pregunta", "Por qué preguntamos", "Respuestas", "Respuestas desconocidas que se ofrecen", "Se pregunta",
    "siempre (cuando todavía puede importar)", "solo cuando", "Seguridad", "La usan", "un número del {min} al {max}",
    "solo números enteros", "un mes entre {min} y {max}", "quita las otras opciones", "se pueden elegir varias respuestas",
    "Inclusión", "Exclusión", "Regla", "Lo decide", "las respuestas de la persona", "solo el equipo del estudio",
    "Si las respuestas no lo cumplen", "no es elegible", "pasa al equipo del estudio para una conversación (nunca excluye)",
    "Palabras que se muestran si queda abierto o lo revisa el equipo", "Palabras que se muestran si las respuestas lo decidieron",
    "las mismas palabras", "Fuente", "muestra de inmediato la pantalla de apoyo en crisis",
    "Este estudio no tiene alertas de seguridad.", "{n} caminos en total", "probablemente elegible",
    "necesita una conversación", "no es elegible", "preguntas hechas", "criterios que lo deciden (en cuántos caminos)",
    "Nota que se muestra con cada resultado", "y", "o", "no", "es", "no es", "es menor que", "es como máximo",
    "es mayor que", "es como mínimo", "es una de", "incluye", "siempre", "nunca", "P",
    "Lo que la persona podría averiguar antes de llamar (se muestra primero)", "Concepto (lo que pregunta)"};

// An option's words, or its id where it has none in `lang`.
std::string option_words_or_id(const Question& q, const std::string& option_id, const std::string& lang) {
  const Option* o = q.find_option(option_id);
  const std::string words = o ? option_words(*o, lang) : "";
  return words.empty() ? option_id : words;
}

std::string literal_words(const Question& q, const Literal& v, const std::string& lang) {
  if (v.is_number) return format_number(v.number);
  if (q.type == QuestionType::MonthYear) return v.text;
  return quoted(option_words_or_id(q, v.text, lang));
}

const char* op_words(CompareOp op, const Words& w) {
  switch (op) {
    case CompareOp::Eq: return w.is;
    case CompareOp::Ne: return w.is_not;
    case CompareOp::Lt: return w.less;
    case CompareOp::Le: return w.at_most;
    case CompareOp::Gt: return w.more;
    case CompareOp::Ge: return w.at_least;
  }
  return "?";
}

// `parent` is the kind of the enclosing "and" / "or": a different one needs parentheses (the
// same one does not: "a or b or c" reads as it is meant).
std::string node_words(const Trial& trial, const QuestionNames& names, const Words& w, const ConditionNode& n,
                       const std::string& lang, ConditionNode::Kind parent) {
  using Kind = ConditionNode::Kind;
  switch (n.kind) {
    case Kind::True: return w.always;
    case Kind::False: return w.never;
    case Kind::Not:
      return std::string(w.not_) + " (" + node_words(trial, names, w, *n.children[0], lang, Kind::Not) + ")";
    case Kind::And:
    case Kind::Or: {
      std::string out;
      for (const auto& child : n.children)
        out += (out.empty() ? "" : std::string(" ") + (n.kind == Kind::And ? w.and_ : w.or_) + " ") +
               node_words(trial, names, w, *child, lang, n.kind);
      return (parent == Kind::And || parent == Kind::Or) && parent != n.kind ? "(" + out + ")" : out;
    }
    case Kind::Compare:
    case Kind::In:
    case Kind::Has: {
      const Question& q = trial.questions[static_cast<size_t>(n.question_index)];
      std::string out = names(q) + " ";
      if (n.kind == Kind::Compare) return out + op_words(n.op, w) + " " + literal_words(q, n.values[0], lang);
      if (n.kind == Kind::Has) return out + w.includes + " " + literal_words(q, n.values[0], lang);
      out += std::string(w.one_of) + " ";
      for (size_t i = 0; i < n.values.size(); ++i) out += (i ? ", " : "") + literal_words(q, n.values[i], lang);
      return out;
    }
  }
  return "";
}

std::string answers_line(const Writer& d, const Question& q, const std::string& lang, const Words& w) {
  if (q.type == QuestionType::Number) {
    std::string range = replace_all(replace_all(w.number_range, "{min}", format_number(q.min)), "{max}", format_number(q.max));
    if (!q.unit.empty()) range += " " + text_in(q.unit, lang);
    if (q.integer) range += std::string(" (") + w.whole_numbers + ")";
    return d.escape(range);
  }
  if (q.type == QuestionType::MonthYear)
    return d.escape(replace_all(replace_all(w.month_range, "{min}", format_month_year(static_cast<int>(q.min))), "{max}",
                                format_month_year(static_cast<int>(q.max))));
  std::string out;
  for (const Option& o : q.options) {
    out += (out.empty() ? "" : "; ") + d.escape(quoted(option_words_or_id(q, o.id, lang))) + " " + d.code(o.id);
    if (o.exclusive) out += " (" + d.escape(w.none_of_these) + ")";
  }
  if (q.type == QuestionType::MultipleChoice) out += " (" + d.escape(w.choose_many) + ")";
  return out;
}

}  // namespace

const Words& words_for(const std::string& lang) { return lang == "es" ? kSpanish : kEnglish; }

std::string replace_all(std::string text, const std::string& key, const std::string& value) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
  return text;
}

std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }

std::string QuestionNames::operator()(const Question& q) const {
  if (shared_) {
    const auto at = std::find(shared_->begin(), shared_->end(), q.id);
    if (at != shared_->end()) return shared_prefix_ + std::to_string(at - shared_->begin() + 1);
  }
  return prefix_ + std::to_string(q.index + 1);
}

std::string Writer::escape(const std::string& raw) const {
  std::string out;
  for (char c : raw) {
    if (html_) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
      }
    } else {
      if (std::string("\\`*_[]<>|#").find(c) != std::string::npos) out += '\\';
      out += c == '\n' ? ' ' : c;
    }
  }
  return out;
}

std::string Writer::strong(const std::string& raw) const {
  return html_ ? "<strong>" + escape(raw) + "</strong>" : "**" + escape(raw) + "**";
}

std::string Writer::code(const std::string& text) const {
  if (html_) return "<code>" + escape(text) + "</code>";
  // One line: a code span turns a line ending into a space anyway, but a blank line would end
  // it (and the paragraph), and what follows would be read as Markdown.
  std::string raw = text;
  for (char& c : raw)
    if (c == '\n' || c == '\r') c = ' ';
  // A code span needs a fence longer than any run of backticks inside it.
  size_t longest = 0, run = 0;
  for (char c : raw) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  const std::string fence(longest + 1, '`');
  const bool pad = !raw.empty() && (raw.front() == '`' || raw.back() == '`');
  return fence + (pad ? " " : "") + raw + (pad ? " " : "") + fence;
}

void Writer::heading(int level, const std::string& raw) {
  close_list();
  level = std::min(level + shift_, 6);
  if (html_) out_ += "<h" + std::to_string(level) + ">" + escape(raw) + "</h" + std::to_string(level) + ">\n";
  else out_ += std::string(static_cast<size_t>(level), '#') + " " + escape(raw) + "\n\n";
}

void Writer::paragraph(const std::string& formatted) {
  close_list();
  out_ += html_ ? "<p>" + formatted + "</p>\n" : formatted + "\n\n";
}

void Writer::item(const std::string& formatted) {
  if (!in_list_) out_ += html_ ? "<ul>\n" : "";
  in_list_ = true;
  out_ += html_ ? "<li>" + formatted + "</li>\n" : "- " + formatted + "\n";
}

void Writer::table(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& rows) {
  close_list();
  has_table_ = true;
  auto row = [&](const std::vector<std::string>& cells, const char* cell) {
    std::string out = html_ ? "<tr>" : "|";
    for (const std::string& c : cells)
      out += html_ ? std::string("<") + cell + ">" + c + "</" + cell + ">" : " " + c + " |";
    return out + (html_ ? "</tr>\n" : "\n");
  };
  std::vector<std::string> escaped;
  std::string rule = "|";
  for (const std::string& h : headers) {
    escaped.push_back(escape(h));
    rule += "---|";
  }
  out_ += html_ ? "<table>\n<thead>\n" + row(escaped, "th") + "</thead>\n<tbody>\n" : row(escaped, "th") + rule + "\n";
  for (const auto& cells : rows) out_ += row(cells, "td");
  out_ += html_ ? "</tbody>\n</table>\n" : "\n";
}

std::string Writer::finish(const std::string& title) {
  close_list();
  if (!html_) return out_;
  const std::string table_style =
      has_table_ ? "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.2em .4em;text-align:left;"
                   "vertical-align:top}"
                 : "";
  return "<!doctype html>\n<html lang=\"" + escape(lang_) + "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         escape(title) +
         "</title>\n<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.5}"
         "code{background:#f2f2f2;padding:0 .2em}h3{margin-top:2em}" +
         table_style + "</style>\n</head>\n<body>\n" + out_ + "</body>\n</html>\n";
}

void Writer::close_list() {
  if (!in_list_) return;
  out_ += html_ ? "</ul>\n" : "\n";
  in_list_ = false;
}

std::string condition_words(const Context& c, const Condition& condition) {
  return node_words(c.trial, c.names, c.w, *condition.root, c.lang, ConditionNode::Kind::True);
}

void write_facts(const Context& c) {
  const TrialInfo& info = c.trial.info;
  Writer& d = c.d;
  const Words& w = c.w;
  d.heading(2, w.about);
  d.paragraph(d.escape(text_in(info.summary, c.lang)));
  d.field(w.sponsor, d.escape(info.sponsor));
  if (!info.investigator.empty()) d.field(w.investigator, d.escape(info.investigator));
  if (!info.phase.empty()) d.field(w.phase, d.escape(info.phase));
  if (!info.registry_url.empty()) d.field(w.registry, d.escape(info.registry_url));
  std::string langs;
  for (const std::string& l : c.trial.languages) langs += (langs.empty() ? "" : ", ") + l;
  d.field(w.languages, d.escape(langs));
  if (!info.welcome_note.empty()) d.field(w.welcome_note, d.escape(text_in(info.welcome_note, c.lang)));
  if (!info.participation.empty()) d.field(w.participation, d.escape(text_in(info.participation, c.lang)));
  d.field(w.full_criteria, d.escape(text_in(info.full_criteria_note, c.lang)));
}

void write_question(const Context& c, const Question& q) {
  Writer& d = c.d;
  const Words& w = c.w;
  d.heading(3, c.names(q) + ". " + text_in(q.text, c.lang));
  d.paragraph(d.code(q.id) + " (" + d.code(question_type_id(q.type)) + ")");
  if (!q.concept.empty()) d.field(w.concept, d.code(q.concept));
  if (!q.note.empty()) d.field(w.note, d.escape(text_in(q.note, c.lang)));
  if (!q.why.empty()) d.field(w.why, d.escape(text_in(q.why, c.lang)));
  d.field(w.answers, answers_line(d, q, c.lang, w));
  if (!q.unknown_answers.empty()) {
    std::string unknown;
    for (UnknownKind k : q.unknown_answers)
      unknown += (unknown.empty() ? "" : "; ") + d.escape(quoted(unknown_answer_words(k, c.lang))) + " " +
                 d.code(unknown_kind_id(k));
    d.field(w.unknown_answers, unknown);
  }
  if (q.ask_if)
    d.field(w.asked,
            d.escape(std::string(w.asked_when) + " " + condition_words(c, *q.ask_if)) + " " + d.code(q.ask_if->source));
  else
    d.field(w.asked, d.escape(w.asked_always));
  if (q.safety)
    d.field(w.safety_action,
            d.escape(condition_words(c, q.safety->when) + ": " + w.crisis_action) + " " + d.code(q.safety->when.source));
}

void write_question_users(const Context& c, const Question& q) {
  std::string users;
  for (const Criterion& criterion : c.trial.criteria)
    if (criterion.rule) {
      const auto refs = referenced_questions(*criterion.rule);
      if (std::count(refs.begin(), refs.end(), q.index)) users += (users.empty() ? "" : ", ") + c.d.code(criterion.id);
    }
  for (const Question& later : c.trial.questions)
    if (later.ask_if) {
      const auto refs = referenced_questions(*later.ask_if);
      if (std::count(refs.begin(), refs.end(), q.index))
        users += (users.empty() ? "" : ", ") + c.d.escape(c.names(later));
    }
  if (!users.empty()) c.d.field(c.w.used_by, users);
}

void write_criteria(const Context& c) {
  Writer& d = c.d;
  const Words& w = c.w;
  d.heading(2, w.criteria);
  for (const Criterion& criterion : c.trial.criteria) {
    const char* kind = criterion.kind == CriterionKind::Inclusion ? w.inclusion : w.exclusion;
    d.heading(3, std::string(kind) + ": " + criterion.id);
    if (criterion.rule) {
      d.field(w.rule, d.escape(condition_words(c, *criterion.rule)) + " " + d.code(criterion.rule->source));
      d.field(w.decided_by, d.escape(w.by_answers));
      d.field(w.if_fails, d.escape(criterion.when_fails == WhenFails::Exclude ? w.fails_exclude : w.fails_review));
    } else {
      d.field(w.decided_by, d.escape(w.by_team));
    }
    d.field(w.text_neutral, d.escape(text_in(criterion.text, c.lang)));
    if (criterion.rule)
      d.field(w.text_because, d.escape(criterion.because.empty() ? std::string("(") + w.same_as_neutral + ")"
                                                                 : text_in(criterion.because, c.lang)));
    if (!criterion.find_out.empty()) d.field(w.find_out, d.escape(text_in(criterion.find_out, c.lang)));
    d.field(w.source, d.escape(criterion.source));
  }
}

void write_safety(const Context& c) {
  c.d.heading(2, c.w.safety);
  bool any = false;
  for (const Question& q : c.trial.questions) {
    if (!q.safety) continue;
    any = true;
    c.d.item(c.d.escape(c.names(q) + " " + quoted(text_in(q.text, c.lang)) + ": " + condition_words(c, q.safety->when) +
                        ": " + c.w.crisis_action) +
             " " + c.d.code(q.safety->when.source));
  }
  if (!any) c.d.paragraph(c.d.escape(c.w.no_safety));
}

void write_paths(const Context& c) {
  struct Summary {
    size_t paths = 0;
    size_t fewest = static_cast<size_t>(-1), most = 0;
    std::map<std::string, size_t> deciding;
  };
  std::map<Verdict, Summary> by_verdict;
  const size_t count = for_each_path(c.trial, [&](const QuestionPath& path) {
    Summary& s = by_verdict[path.evaluation.verdict];
    ++s.paths;
    s.fewest = std::min(s.fewest, path.steps.size());
    s.most = std::max(s.most, path.steps.size());
    for (int i : criteria_behind_verdict(path.evaluation)) ++s.deciding[c.trial.criteria[static_cast<size_t>(i)].id];
  });
  Writer& d = c.d;
  const Words& w = c.w;
  d.heading(2, w.paths);
  d.paragraph(d.escape(replace_all(w.path_count, "{n}", std::to_string(count))));
  for (Verdict v : {Verdict::LikelyEligible, Verdict::NeedsReview, Verdict::NotEligible}) {
    auto it = by_verdict.find(v);
    if (it == by_verdict.end()) continue;
    const Summary& s = it->second;
    const char* name = v == Verdict::LikelyEligible ? w.verdict_likely : v == Verdict::NeedsReview ? w.verdict_review : w.verdict_not;
    std::string line = d.strong(name) + " " + d.code(verdict_id(v)) + ": " + std::to_string(s.paths) + "; " +
                       d.escape(w.questions_asked) + " " + std::to_string(s.fewest) + "\xE2\x80\x93" + std::to_string(s.most);
    if (!s.deciding.empty()) {
      line += "; " + d.escape(w.deciding) + ": ";
      std::string list;
      for (const auto& [id, n] : s.deciding) list += (list.empty() ? "" : ", ") + d.code(id) + " (" + std::to_string(n) + ")";
      line += list;
    }
    d.item(line);
  }
}

}  // namespace trialmatch::document

namespace trialmatch {

std::string condition_in_words(const Trial& trial, const Condition& condition, const std::string& lang) {
  const document::Words& w = document::words_for(lang);
  return document::node_words(trial, document::QuestionNames(w), w, *condition.root, lang, ConditionNode::Kind::True);
}

std::string render_questionnaire(const Trial& trial, const std::string& lang, DocumentFormat format) {
  using namespace document;
  const Words& w = words_for(lang);
  Writer d(format, lang);
  const QuestionNames names(w);
  const Context c{d, trial, lang, w, names};
  const std::string title = text_in(trial.info.title, lang) + " (" + trial.info.id + ")";
  d.heading(1, title);
  write_facts(c);
  d.heading(2, w.questions);
  for (const Question& q : trial.questions) {
    write_question(c, q);
    write_question_users(c, q);
  }
  write_criteria(c);
  write_safety(c);
  write_paths(c);
  return d.finish(title);
}

}  // namespace trialmatch
