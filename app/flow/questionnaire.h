// What the flow asks and records, behind one interface: one study's questions
// (StudyQuestionnaire, over a Session) or a catalog's (CatalogQuestionnaire, over a
// CatalogSession, where a question several studies share is one question, asked once).
// Questions are numbered 0..count()-1; the core decides everything about them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog_session.h"
#include "session.h"

namespace trialmatch::flow {

class Questionnaire {
 public:
  virtual ~Questionnaire() = default;

  virtual int count() const = 0;
  virtual const Question& question(int q) const = 0;
  // The question's id on screen and in the screen model: the trial's own ("age"); in a
  // catalog, a question one study asks is "STUDY/id" ("NCT06136546/iv_infusion_ok").
  virtual std::string id(int q) const = 0;
  // Why it is asked (empty when the file gives no reason). A question several studies share
  // has one reason, the same in each (check_catalog_studies).
  virtual const LocalText& why(int q) const = 0;
  // The one study that asks it, in a catalog (-1: shared, or not a catalog).
  virtual int only_study(int q) const = 0;

  virtual const std::optional<Answer>& answer_to(int q) const = 0;
  // Records an answer; changes nothing and returns the problem when it does not fit.
  virtual std::optional<AnswerProblem> answer(int q, const Answer& answer) = 0;
  virtual void reset() = 0;

  // The next question to ask; -1 when every study is settled.
  virtual int next_question() const = 0;
  // The answered questions that still count, in the order of the person's path.
  virtual std::vector<int> path() const = 0;
  // Where `q` is or would go on the path: how many answered questions come before it.
  virtual int position(int q) const = 0;
  // The question before `q` on the path (for Back); `q` = -1: the last one. -1 if none.
  virtual int previous_question(int q) const = 0;
  // About how many questions the person's path has in all, answered ones included.
  virtual int estimated_total() const = 0;

  // Standing safety alerts raised by the answer to `q` (a new one opens the support screen).
  virtual int alerts_from(int q) const = 0;
  // An answer that called for crisis support still stands.
  virtual bool calls_for_crisis_support() const = 0;
  // The person chose not to answer (an unknown answer that still counts) a question that can
  // call for crisis support.
  bool safety_answer_withheld() const;
  // Any study is about mental health: "Need help now?" is always on screen.
  virtual bool mental_health() const = 0;
};

// One study, asked as its trial file orders it.
class StudyQuestionnaire : public Questionnaire {
 public:
  explicit StudyQuestionnaire(Trial trial);

  const Trial& trial() const { return trial_; }
  const Session& session() const { return session_; }

  int count() const override { return static_cast<int>(trial_.questions.size()); }
  const Question& question(int q) const override { return trial_.questions[static_cast<size_t>(q)]; }
  std::string id(int q) const override { return question(q).id; }
  const LocalText& why(int q) const override { return question(q).why; }
  int only_study(int) const override { return -1; }
  const std::optional<Answer>& answer_to(int q) const override { return session_.answer_to(q); }
  std::optional<AnswerProblem> answer(int q, const Answer& answer) override { return session_.answer(q, answer); }
  void reset() override { session_.reset(); }
  int next_question() const override { return session_.progress().next_question; }
  std::vector<int> path() const override { return session_.progress().history; }
  int position(int q) const override;
  int previous_question(int q) const override { return session_.previous_question(q); }
  int estimated_total() const override { return session_.progress().estimated_total; }
  int alerts_from(int q) const override;
  bool calls_for_crisis_support() const override;
  bool mental_health() const override { return trial_.info.mental_health; }

 private:
  Trial trial_;
  Session session_;
};

// A catalog: each question once, however many studies ask it, in the order the catalog
// session chooses (the one expected to settle the most studies next). The questions are the
// catalog session's keys, by their numbers, and its history is the one history: nothing is
// numbered or recorded twice. What the screens read after each answer (the next question,
// the path, the estimated total) is worked out once per change and kept.
class CatalogQuestionnaire : public Questionnaire {
 public:
  // The trials are those of catalog.studies, in order (nullptr for a closed study), and
  // fit the catalog (check_catalog_studies). Studies may share one trial in memory (a
  // benchmark's copies of a study do).
  CatalogQuestionnaire(Catalog catalog, std::vector<std::shared_ptr<const Trial>> trials);

  const Catalog& catalog() const { return catalog_; }
  const CatalogSession& session() const { return *session_; }
  // The person set the study aside (too far to travel), or brought it back (catalog_session.h).
  void set_aside(int study, bool aside);

  int count() const override { return session_->key_count(); }
  const Question& question(int q) const override;
  std::string id(int q) const override { return session_->key_name(q); }
  const LocalText& why(int q) const override { return question(q).why; }
  int only_study(int q) const override;
  const std::optional<Answer>& answer_to(int q) const override;
  std::optional<AnswerProblem> answer(int q, const Answer& answer) override;
  void reset() override;
  int next_question() const override;
  std::vector<int> path() const override;
  int position(int q) const override;
  int previous_question(int q) const override;
  int estimated_total() const override;
  int alerts_from(int q) const override;
  bool calls_for_crisis_support() const override { return session_->calls_for_crisis_support(); }
  bool mental_health() const override;

 private:
  Catalog catalog_;
  std::vector<std::shared_ptr<const Trial>> trials_;
  std::unique_ptr<CatalogSession> session_;
  // The path and the estimated total, once worked out after the last change.
  struct Derived {
    std::vector<int> path;
    int estimated_total = 0;
  };
  mutable std::optional<Derived> derived_;

  const Derived& derived() const;
  bool counts(int q) const;  // answered, and on the path of a study that asks it
  int work_out_estimated_total(int answered) const;
};

}  // namespace trialmatch::flow
