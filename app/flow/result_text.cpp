#include "result_text.h"

#include <algorithm>

namespace trialmatch::flow {

namespace {

using K = ResultLine::Kind;

// Writes one study's result, a section at a time, in the order result_lines gives them.
class ResultWriter {
 public:
  ResultWriter(const Flow& flow, const Session& session)
      : flow_(flow), e_(session.evaluation()), trial_(session.trial()),
        // An answer put the study out of reach: say so plainly, never "nothing rules you out".
        reach_(e_.verdict == Verdict::NeedsReview ? out_of_reach_criteria(trial_, e_) : std::vector<int>{}) {}

  std::vector<ResultLine> take() { return std::move(out_); }

  void verdict() {
    if (!reach_.empty()) {
      add(K::Title, say(Phrase::OutOfReachHeadline));
      add(K::Body, say(Phrase::OutOfReachBody));
      return;
    }
    switch (e_.verdict) {
      case Verdict::LikelyEligible: add(K::Title, say(Phrase::LikelyHeadline)); add(K::Body, say(Phrase::LikelyBody)); break;
      case Verdict::NeedsReview: add(K::Title, say(Phrase::ReviewHeadline)); add(K::Body, say(Phrase::ReviewBody)); break;
      case Verdict::NotEligible: add(K::Title, say(Phrase::NotEligibleHeadline)); add(K::Body, say(Phrase::NotEligibleBody)); break;
    }
  }

  void crisis_place() { add(K::Crisis, ""); }

  // The reasons, in the study's own plain words, chosen by the core for each outcome; for a
  // study that does not fit, the next steps.
  void reasons(bool catalog, ResultMedium medium) {
    if (e_.verdict == Verdict::NotEligible) {
      add(K::Heading, say(Phrase::WhyHeading));
      list(CriterionOutcome::RulesOut);
      add(K::Heading, say(Phrase::NextStepsHeading));
      const bool screen = medium == ResultMedium::Screen;
      // On paper, a catalog's other studies are on the same pages, and there is nothing to tap.
      if (screen || !catalog) add(K::Bullet, say(catalog ? Phrase::NextStepOtherStudiesCatalog : Phrase::NextStepOtherStudies));
      add(K::Bullet, say(Phrase::NextStepOwnDoctor));
      if (screen) add(K::Bullet, say(Phrase::NextStepReviewAnswers));
    } else if (e_.verdict == Verdict::NeedsReview) {
      const long review = count(CriterionOutcome::NeedsReview), open = count(CriterionOutcome::Open);
      // What put it out of reach first; the questions stopped there, so what is still open was
      // mostly never asked, and is not listed as something the person was not sure about.
      add(K::Heading, counted(Phrase::TalkOverHeading, review + (reach_.empty() ? open : 0)));
      for (int c : reach_) add(K::Bullet, flow_.words(criterion_text(criterion(c), CriterionOutcome::NeedsReview)));
      for (const CriterionResult& r : e_.criteria)
        if (r.outcome == CriterionOutcome::NeedsReview && std::find(reach_.begin(), reach_.end(), r.criterion_index) == reach_.end())
          add(K::Bullet, flow_.words(criterion_text(criterion(r.criterion_index), r.outcome)));
      if (reach_.empty() && open > 0) {
        add(K::Note, counted(Phrase::NotSureItems, open));
        list(CriterionOutcome::Open);
      }
    }
  }

  // The study team's checks: first those the person could find out about before calling (a
  // past blood test), each with how; then how many others, and which.
  void team_checks() {
    long find_out = 0;
    for (const CriterionResult& r : e_.criteria)
      if (r.outcome == CriterionOutcome::StudyTeam && !criterion(r.criterion_index).find_out.empty()) {
        const Criterion& c = criterion(r.criterion_index);
        if (find_out++ == 0) {
          add(K::Separator, "");
          add(K::Heading, say(Phrase::FindOutHeading));
        }
        add(K::Bullet, flow_.words(c.text));
        add(K::Note, flow_.words(c.find_out));
      }
    add(K::Separator, "");
    add(K::Heading, counted(find_out > 0 ? Phrase::TeamChecksElseHeading : Phrase::TeamChecksHeading,
                            count(CriterionOutcome::StudyTeam) - find_out));
    for (const CriterionResult& r : e_.criteria)
      if (r.outcome == CriterionOutcome::StudyTeam && criterion(r.criterion_index).find_out.empty())
        add(K::Bullet, flow_.words(criterion_text(criterion(r.criterion_index), r.outcome)));
    add(K::Note, flow_.words(trial_.info.full_criteria_note));
  }

  // What taking part involves: the study's words, then each stage with its visits.
  void participation() {
    const TrialInfo& info = trial_.info;
    if (info.participation.empty() && info.stages.empty()) return;
    add(K::Separator, "");
    add(K::Heading, say(Phrase::ParticipationHeading));
    if (!info.participation.empty()) add(K::Body, flow_.words(info.participation));
    for (const Stage& s : info.stages) {
      std::string line = flow_.words(s.name) + ": " + flow_.words(s.duration);
      if (s.visits > 0)
        line += ", " + (s.visits == 1 ? say(Phrase::VisitOne) : counted(Phrase::VisitCount, s.visits));
      add(K::Strong, line);
      if (!s.details.empty()) add(K::Note, flow_.words(s.details));
    }
  }

  // How to reach the study: its sites and its contact.
  void contact() {
    add(K::Separator, "");
    add(K::Heading, say(Phrase::ContactHeading));
    for (const Site& s : trial_.info.sites)
      add(K::Body, s.name + ", " + s.city + (s.state.empty() ? "" : ", " + s.state) + (s.zip.empty() ? "" : " " + s.zip));
    const Contact& c = trial_.info.contact;
    if (!c.name.empty()) add(K::Strong, c.name);
    if (!c.phone.empty()) out_.push_back({K::Contact, say(Phrase::PhoneLabel) + ": " + c.phone, 0});
    if (!c.email.empty()) out_.push_back({K::Contact, say(Phrase::EmailLabel) + ": " + c.email, 1});
    if (!c.url.empty()) out_.push_back({K::Contact, say(Phrase::WebLabel) + ": " + c.url, 2});
    if (!c.note.empty()) add(K::Note, flow_.words(c.note));
  }

 private:
  const Flow& flow_;
  const Evaluation& e_;
  const Trial& trial_;
  const std::vector<int> reach_;
  std::vector<ResultLine> out_;

  void add(K kind, std::string text) { out_.push_back({kind, std::move(text), -1}); }
  std::string say(Phrase p) const { return phrase(p, flow_.lang()); }
  // A heading or note that says how many items follow.
  std::string counted(Phrase p, long n) const { return fill(phrase(p, flow_.lang()), {{"n", std::to_string(n)}}); }
  const Criterion& criterion(int index) const { return trial_.criteria[static_cast<size_t>(index)]; }
  void list(CriterionOutcome outcome) {
    for (const CriterionResult& r : e_.criteria)
      if (r.outcome == outcome) add(K::Bullet, flow_.words(criterion_text(criterion(r.criterion_index), outcome)));
  }
  long count(CriterionOutcome outcome) const {
    return std::count_if(e_.criteria.begin(), e_.criteria.end(), [&](const CriterionResult& r) { return r.outcome == outcome; });
  }
};

}  // namespace

std::vector<ResultLine> result_lines(const Flow& flow, const Session& session, bool catalog, ResultMedium medium) {
  ResultWriter writer(flow, session);
  writer.verdict();
  writer.crisis_place();
  writer.reasons(catalog, medium);
  if (session.evaluation().verdict != Verdict::NotEligible) {
    writer.team_checks();
    writer.participation();
  }
  // Every verdict says how to reach the study: questions are welcome either way.
  writer.contact();
  return writer.take();
}

}  // namespace trialmatch::flow
