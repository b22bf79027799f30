// What the screens say, from the flow's state: headings, titles, a catalog study's lines,
// where the person is on their path, what is wrong with an entry (flow.h).
#include <algorithm>
#include <string>

#include "answer_words.h"
#include "flow.h"
#include "result_text.h"
#include "study_status.h"

namespace trialmatch::flow {

const char* screen_id(Screen screen) {
  switch (screen) {
    case Screen::Loading: return "loading";
    case Screen::Error: return "error";
    case Screen::Welcome: return "welcome";
    case Screen::Question: return "question";
    case Screen::Review: return "review";
    case Screen::Results: return "results";
    case Screen::Zip: return "zip";
    case Screen::Result: return "result";
    case Screen::Support: return "support";
    case Screen::ShareConfirm: return "share_confirm";
    case Screen::ResultCode: return "result_code";
  }
  return "";
}

const std::string& Flow::words(const LocalText& text) const { return text_in(text, lang_code(lang_)); }

std::string Flow::status_words(int study) const {
  static constexpr Phrase kWords[] = {Phrase::StatusRecruiting,          Phrase::StatusNotYetRecruiting,
                                      Phrase::StatusByInvitation,        Phrase::StatusActiveNotRecruiting,
                                      Phrase::StatusSuspended,           Phrase::StatusTerminated,
                                      Phrase::StatusCompleted,           Phrase::StatusWithdrawn};
  static_assert(sizeof(kWords) / sizeof(kWords[0]) == static_cast<size_t>(StudyStatus::Withdrawn) + 1,
                "a word for every status");
  const CatalogStudy& s = catalog_->catalog().studies[static_cast<size_t>(study)];
  return fill(phrase(Phrase::StatusAsOf, lang_), {{"status", phrase(kWords[static_cast<int>(s.status)], lang_)},
                                                   {"date", date_words(s.status_date, lang_)}});
}

std::string Flow::study_line(int study) const {
  if (!catalog_ || !catalog_->session().open(study)) return "";
  const CatalogSession& cs = catalog_->session();
  const Evaluation& e = cs.session(study).evaluation();
  auto reason = [&](const CriterionResult& r) {
    return words(criterion_text(cs.trial(study).criteria[static_cast<size_t>(r.criterion_index)], r.outcome));
  };
  // Out of reach: what the person said that put it so, in the study's words.
  if (const std::vector<int> reach = out_of_reach_criteria(cs.trial(study), e); !reach.empty())
    return reason(e.criteria[static_cast<size_t>(reach.front())]);
  if (const std::optional<int> obstacle = only_obstacle(e)) {
    for (const CriterionResult& r : e.criteria)
      if (r.criterion_index == *obstacle)
        return fill(phrase(e.verdict == Verdict::NotEligible ? Phrase::OnlyReason : Phrase::OneThingToTalkOver, lang_),
                    {{"reason", reason(r)}});
  }
  if (e.verdict == Verdict::NotEligible)
    for (const CriterionResult& r : e.criteria)
      if (r.outcome == CriterionOutcome::RulesOut) return reason(r);
  return "";
}

std::string Flow::result_title() const {
  if (catalog_ && result_study_ >= 0) return words(catalog_->catalog().studies[static_cast<size_t>(result_study_)].title);
  return words(trial().info.title);
}

std::string Flow::title() const {
  if (!questionnaire_) return "";
  return words(catalog_ ? catalog_->catalog().title : study_->trial().info.title);
}

Lang Flow::next_language() const {
  // lang_ is always one of languages_ once a trial is loaded (Flow::opened makes it so).
  const auto at = std::find(languages_.begin(), languages_.end(), lang_);
  if (languages_.size() < 2 || at == languages_.end()) return lang_;
  return languages_[static_cast<size_t>(at - languages_.begin() + 1) % languages_.size()];
}

// Counts the questions before this one on the person's path, so going back to change an
// answer shows where that question sits.
PathStep Flow::path_step() const {
  if (!questionnaire_) return {};
  const std::vector<int> path = questionnaire_->path();
  const int total = questionnaire_->estimated_total();
  const int next = questionnaire_->next_question();
  const int shown = screen_ == Screen::Question ? question_ : next;
  const int step = shown < 0 ? static_cast<int>(path.size()) : questionnaire_->position(shown) + 1;
  return {step, std::max(total, step)};
}

std::string Flow::input_message() const {
  const Question* q = screen_ == Screen::Question ? &question() : nullptr;
  switch (input_problem_) {
    case InputProblem::None: return "";
    case InputProblem::ChooseAtLeastOne: return phrase(Phrase::ChooseAtLeastOne, lang_);
    case InputProblem::AnswerDoesNotFit: return phrase(Phrase::AnswerDoesNotFit, lang_);
    case InputProblem::NumberOutOfRange:
      return fill(phrase(Phrase::NumberOutOfRange, lang_), {{"min", format_number(q->min)}, {"max", format_number(q->max)}});
    case InputProblem::ZipNeedsFiveDigits: return phrase(Phrase::ZipNeedsFiveDigits, lang_);
    case InputProblem::ZipNotFound: return phrase(Phrase::ZipNotFound, lang_);
    case InputProblem::ZipTableFailed: return phrase(Phrase::ZipTableFailed, lang_);
    case InputProblem::MonthOutOfRange: {
      auto name = [&](double v) {
        const int m = static_cast<int>(v);
        return std::string(month_name(m % 12, lang_)) + " " + std::to_string(m / 12);
      };
      return fill(phrase(Phrase::MonthOutOfRange, lang_), {{"min", name(q->min)}, {"max", name(q->max)}});
    }
  }
  return "";
}

std::string Flow::answer_words(const Question& q, const Answer& a) const {
  // Months by name, in the person's language ("March 2024").
  return trialmatch::answer_words(q, a, lang_code(lang_), [this](int month_number) {
    return std::string(month_name(month_number % 12, lang_)) + " " + std::to_string(month_number / 12);
  });
}

std::string Flow::heading() const {
  if (still_there_shown()) return phrase(Phrase::StillThereHeading, lang_);
  switch (screen_) {
    case Screen::Loading: return phrase(opening_catalog() ? Phrase::LoadingCatalog : Phrase::Loading, lang_);
    case Screen::Error: return phrase(opening_catalog() ? Phrase::ErrorTitleCatalog : Phrase::ErrorTitle, lang_);
    case Screen::Welcome: return title();
    case Screen::Question: return words(question().text);
    case Screen::Review: return phrase(Phrase::ReviewHeading, lang_);
    case Screen::Results: return phrase(Phrase::ResultsHeading, lang_);
    case Screen::Result: {
      const Verdict v = session().evaluation().verdict;
      return phrase(v == Verdict::LikelyEligible ? Phrase::LikelyHeadline
                    : v == Verdict::NeedsReview   ? Phrase::ReviewHeadline
                                                  : Phrase::NotEligibleHeadline,
                    lang_);
    }
    case Screen::Zip: return phrase(near_me_.at_start() ? Phrase::ZipStartHeading : Phrase::ZipHeading, lang_);
    case Screen::Support: return phrase(Phrase::SupportHeading, lang_);
    case Screen::ShareConfirm:
      return phrase(sharing_.window_blocked() ? Phrase::ShareWindowBlockedHeading : Phrase::ShareWindowHeading, lang_);
    case Screen::ResultCode: return phrase(Phrase::CodeHeading, lang_);
  }
  return "";
}

}  // namespace trialmatch::flow
