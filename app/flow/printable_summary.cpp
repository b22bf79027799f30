#include "printable_summary.h"

#include <nlohmann/json.hpp>

#include "result_text.h"

namespace trialmatch::flow {

namespace {

const char* line_kind_id(ResultLine::Kind kind) {
  using Kind = ResultLine::Kind;
  switch (kind) {
    case Kind::Title: return "title";
    case Kind::Heading: return "heading";
    case Kind::Body: return "body";
    case Kind::Bullet: return "bullet";
    case Kind::Note: return "note";
    case Kind::Strong: return "strong";
    case Kind::Contact: return "body";
    case Kind::Crisis: return "crisis";
    case Kind::Separator: return "separator";
  }
  return "body";
}

nlohmann::json study_json(const Flow& flow, const Session& session, const std::string& title, bool catalog) {
  nlohmann::json lines = nlohmann::json::array();
  for (const ResultLine& line : result_lines(flow, session, catalog, ResultMedium::Paper)) {
    // The crisis help is printed once, at the top; a separator is the page's own rule.
    if (line.kind == ResultLine::Kind::Crisis || line.kind == ResultLine::Kind::Separator) continue;
    lines.push_back({{"kind", line_kind_id(line.kind)}, {"text", line.text}});
  }
  const TrialInfo& info = session.trial().info;
  const std::string file =
      info.version.empty()
          ? fill(phrase(Phrase::PrintStudyFileNoVersion, flow.lang()), {{"hash", session.trial().sha256}})
          : fill(phrase(Phrase::PrintStudyFile, flow.lang()), {{"version", info.version}, {"hash", session.trial().sha256}});
  return {{"id", info.id}, {"title", title}, {"file", file}, {"lines", lines}};
}

}  // namespace

std::string printable_summary_json(const Flow& flow) {
  const Lang lang = flow.lang();
  auto say = [&](Phrase p) { return std::string(phrase(p, lang)); };
  nlohmann::json out;
  out["lang"] = lang == Lang::Es ? "es" : "en";
  out["title"] = say(Phrase::PrintTitle);
  // True in every mode: after a share, the page cannot say that nothing was sent.
  out["made"] = say(flow.shared_any() ? Phrase::PrintMadeShared : Phrase::PrintMade);
  out["intro"] = say(Phrase::PrintForTeam);
  out["crisis"] = nlohmann::json::array();
  if (flow.crisis_help_on_results()) {
    for (Phrase p : {Phrase::CrisisBlockHeading, Phrase::CrisisBlockBody}) out["crisis"].push_back(say(p));
    for (Phrase p : kCrisisHelpLines) out["crisis"].push_back(say(p));
  }
  out["crisis_line"] = flow.gentle_crisis_line_on_results() ? say(Phrase::CrisisGentleLine) : "";
  out["studies"] = nlohmann::json::array();
  if (const CatalogQuestionnaire* catalog = flow.catalog(); catalog && flow.screen() == Screen::Results) {
    const CatalogSession& cs = catalog->session();
    // A study brought back with questions still to answer has no result to print yet.
    for (const CatalogSession::Match& m : cs.ranking())
      if (flow.within_limit(m.study) && m.settled)
        out["studies"].push_back(study_json(flow, cs.session(m.study),
                                            flow.words(catalog->catalog().studies[static_cast<size_t>(m.study)].title), true));
  } else {
    out["studies"].push_back(study_json(flow, flow.session(), flow.result_title(), flow.catalog() != nullptr));
  }
  out["answers_heading"] = say(Phrase::PrintAnswersHeading);
  out["answers"] = nlohmann::json::array();
  const Questionnaire& questions = flow.questionnaire();
  for (int h : questions.path())
    out["answers"].push_back({{"question", flow.words(questions.question(h).text)},
                              {"answer", flow.answer_words(questions.question(h), *questions.answer_to(h))}});
  out["footer"] = {say(Phrase::NotMedicalAdvice)};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace trialmatch::flow
