#include "result_text.h"

#include <algorithm>

namespace trialmatch::flow {

std::vector<ResultLine> result_lines(const Flow& flow, const Session& session, bool catalog, ResultMedium medium) {
  using K = ResultLine::Kind;
  std::vector<ResultLine> out;
  auto add = [&](K kind, std::string text) { out.push_back({kind, std::move(text), -1}); };
  auto say = [&](Phrase p) { return std::string(phrase(p, flow.lang())); };
  const Evaluation& e = session.evaluation();
  const Trial& trial = session.trial();
  // An answer put the study out of reach: say so plainly, never "nothing rules you out".
  const std::vector<int> reach =
      e.verdict == Verdict::NeedsReview ? out_of_reach_criteria(trial, e) : std::vector<int>{};
  if (!reach.empty()) {
    add(K::Title, say(Phrase::OutOfReachHeadline));
    add(K::Body, say(Phrase::OutOfReachBody));
  } else switch (e.verdict) {
    case Verdict::LikelyEligible:
      add(K::Title, say(Phrase::LikelyHeadline));
      add(K::Body, say(Phrase::LikelyBody));
      break;
    case Verdict::NeedsReview:
      add(K::Title, say(Phrase::ReviewHeadline));
      add(K::Body, say(Phrase::ReviewBody));
      break;
    case Verdict::NotEligible:
      add(K::Title, say(Phrase::NotEligibleHeadline));
      add(K::Body, say(Phrase::NotEligibleBody));
      break;
  }
  add(K::Crisis, "");
  // The reasons, in the study's own plain words, chosen by the core for each outcome.
  auto list = [&](CriterionOutcome outcome) {
    for (const CriterionResult& r : e.criteria)
      if (r.outcome == outcome)
        add(K::Bullet, flow.words(criterion_text(trial.criteria[static_cast<size_t>(r.criterion_index)], outcome)));
  };
  auto count = [&](CriterionOutcome outcome) {
    return std::count_if(e.criteria.begin(), e.criteria.end(), [&](const CriterionResult& r) { return r.outcome == outcome; });
  };
  // A heading that says how many items follow.
  auto counted = [&](Phrase p, long n) { return fill(phrase(p, flow.lang()), {{"n", std::to_string(n)}}); };
  if (e.verdict == Verdict::NotEligible) {
    add(K::Heading, say(Phrase::WhyHeading));
    list(CriterionOutcome::RulesOut);
    add(K::Heading, say(Phrase::NextStepsHeading));
    const bool screen = medium == ResultMedium::Screen;
    // On paper, a catalog's other studies are on the same pages, and there is nothing to tap.
    if (screen || !catalog) add(K::Bullet, say(catalog ? Phrase::NextStepOtherStudiesCatalog : Phrase::NextStepOtherStudies));
    add(K::Bullet, say(Phrase::NextStepOwnDoctor));
    if (screen) add(K::Bullet, say(Phrase::NextStepReviewAnswers));
  } else if (e.verdict == Verdict::NeedsReview) {
    const long review = count(CriterionOutcome::NeedsReview), open = count(CriterionOutcome::Open);
    // What put it out of reach first; the questions stopped there, so what is still open was
    // mostly never asked, and is not listed as something the person was not sure about.
    add(K::Heading, counted(Phrase::TalkOverHeading, review + (reach.empty() ? open : 0)));
    for (int c : reach)
      add(K::Bullet, flow.words(criterion_text(trial.criteria[static_cast<size_t>(c)], CriterionOutcome::NeedsReview)));
    for (const CriterionResult& r : e.criteria)
      if (r.outcome == CriterionOutcome::NeedsReview &&
          std::find(reach.begin(), reach.end(), r.criterion_index) == reach.end())
        add(K::Bullet, flow.words(criterion_text(trial.criteria[static_cast<size_t>(r.criterion_index)], r.outcome)));
    if (reach.empty() && open > 0) {
      add(K::Note, counted(Phrase::NotSureItems, open));
      list(CriterionOutcome::Open);
    }
  }
  const TrialInfo& info = trial.info;
  if (e.verdict != Verdict::NotEligible) {
    // The study team's checks: first those the person could find out about before calling
    // (a past blood test), each with how; then how many others, and which.
    long find_out = 0;
    for (const CriterionResult& r : e.criteria)
      if (r.outcome == CriterionOutcome::StudyTeam && !trial.criteria[static_cast<size_t>(r.criterion_index)].find_out.empty()) {
        const Criterion& c = trial.criteria[static_cast<size_t>(r.criterion_index)];
        if (find_out++ == 0) {
          add(K::Separator, "");
          add(K::Heading, say(Phrase::FindOutHeading));
        }
        add(K::Bullet, flow.words(c.text));
        add(K::Note, flow.words(c.find_out));
      }
    add(K::Separator, "");
    add(K::Heading, counted(find_out > 0 ? Phrase::TeamChecksElseHeading : Phrase::TeamChecksHeading,
                            count(CriterionOutcome::StudyTeam) - find_out));
    for (const CriterionResult& r : e.criteria)
      if (r.outcome == CriterionOutcome::StudyTeam && trial.criteria[static_cast<size_t>(r.criterion_index)].find_out.empty())
        add(K::Bullet, flow.words(criterion_text(trial.criteria[static_cast<size_t>(r.criterion_index)], r.outcome)));
    add(K::Note, flow.words(info.full_criteria_note));
    if (!info.participation.empty() || !info.stages.empty()) {
      add(K::Separator, "");
      add(K::Heading, say(Phrase::ParticipationHeading));
      if (!info.participation.empty()) add(K::Body, flow.words(info.participation));
      for (const Stage& s : info.stages) {
        std::string line = flow.words(s.name) + ": " + flow.words(s.duration);
        if (s.visits > 0)
          line += ", " + (s.visits == 1 ? say(Phrase::VisitOne)
                                        : fill(phrase(Phrase::VisitCount, flow.lang()), {{"n", std::to_string(s.visits)}}));
        add(K::Strong, line);
        if (!s.details.empty()) add(K::Note, flow.words(s.details));
      }
    }
  }
  // Every verdict says how to reach the study: questions are welcome either way.
  add(K::Separator, "");
  add(K::Heading, say(Phrase::ContactHeading));
  for (const Site& s : info.sites)
    add(K::Body, s.name + ", " + s.city + (s.state.empty() ? "" : ", " + s.state) + (s.zip.empty() ? "" : " " + s.zip));
  const Contact& c = info.contact;
  if (!c.name.empty()) add(K::Strong, c.name);
  if (!c.phone.empty()) out.push_back({K::Contact, say(Phrase::PhoneLabel) + ": " + c.phone, 0});
  if (!c.email.empty()) out.push_back({K::Contact, say(Phrase::EmailLabel) + ": " + c.email, 1});
  if (!c.url.empty()) out.push_back({K::Contact, say(Phrase::WebLabel) + ": " + c.url, 2});
  if (!c.note.empty()) add(K::Note, flow.words(c.note));
  return out;
}

}  // namespace trialmatch::flow
