// A catalog's results: every recruiting study, likely fits first, then those to talk over,
// then those that do not fit (with the first reason); each opens its own result screen.
// Studies that are not recruiting are listed apart, never matched.
#include "prescreen_app.h"
#include "theme.h"

namespace trialmatch::ui {

void PrescreenApp::draw_results(Widgets& w) const {
  const CatalogQuestionnaire& catalog = *flow_.catalog();
  const CatalogSession& cs = catalog.session();
  const std::vector<CatalogSession::Match> ranking = cs.ranking();
  auto title_of = [&](int study) { return flow_.words(catalog.catalog().studies[static_cast<size_t>(study)].title); };
  draw_back(w);
  w.muted(flow_.title());
  w.title(say(Phrase::ResultsHeading));
  draw_crisis_block(w);
  w.gap(4);
  w.text(say(Phrase::ResultsIntro));
  bool any_fit = false;
  for (const CatalogSession::Match& m : ranking) any_fit = any_fit || m.verdict != Verdict::NotEligible;
  if (!any_fit) w.text(say(Phrase::ResultsNoneFit));
  for (const auto& [verdict, heading] : {std::pair{Verdict::LikelyEligible, Phrase::ResultsLikely},
                                         std::pair{Verdict::NeedsReview, Phrase::ResultsTalk},
                                         std::pair{Verdict::NotEligible, Phrase::ResultsNotFit}}) {
    bool first = true;
    for (const CatalogSession::Match& m : ranking) {
      if (m.verdict != verdict) continue;
      if (first) {
        w.separator();
        w.heading(say(heading));
        first = false;
      }
      w.entry("study:" + catalog.catalog().studies[static_cast<size_t>(m.study)].id, title_of(m.study),
              Intent::with_number(Intent::Kind::OpenStudy, m.study));
      // For a close study, what would change its result; for another that does not fit, its
      // first reason. In the words the core chose for each outcome.
      const Evaluation& e = cs.session(m.study).evaluation();
      auto reason = [&](const CriterionResult& r) {
        return flow_.words(criterion_text(cs.trial(m.study).criteria[static_cast<size_t>(r.criterion_index)], r.outcome));
      };
      if (const std::optional<int> obstacle = only_obstacle(e)) {
        for (const CriterionResult& r : e.criteria)
          if (r.criterion_index == *obstacle)
            w.muted(fill(say(verdict == Verdict::NotEligible ? Phrase::OnlyReason : Phrase::OneThingToTalkOver),
                         {{"reason", reason(r)}}));
      } else if (verdict == Verdict::NotEligible) {
        for (const CriterionResult& r : e.criteria)
          if (r.outcome == CriterionOutcome::RulesOut) {
            w.muted(reason(r));
            break;
          }
      }
      w.gap(4);
    }
  }
  const std::vector<int> closed = cs.closed_studies();
  if (!closed.empty()) {
    w.separator();
    w.heading(say(Phrase::ResultsClosed));
    w.muted(say(Phrase::ResultsClosedNote));
    for (int s : closed) w.text("\xE2\x80\xA2 " + title_of(s));
  }
  w.separator();
  w.muted(say(Phrase::NotMedicalAdvice));
  draw_privacy_promise(w);
  w.gap(4);
  w.secondary("review", say(Phrase::ReviewAnswers), Intent::of(Intent::Kind::ReviewAnswers));
  w.primary("start_over", say(Phrase::StartOver), Intent::of(Intent::Kind::StartOver));
}

}  // namespace trialmatch::ui
