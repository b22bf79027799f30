// One person matched against a catalog of studies: each answer goes to every open study
// that asks the question (a shared question is asked once), each study is evaluated as on
// its own, and the next question is, of the questions the studies still in play would ask
// next, the one expected to settle the most of them (information gain over the remaining
// studies, as dynamic questionnaires choose), with questions that carry a safety trigger
// after the others, and a question asked only once the questions its ask_if depends on are
// answered. A catalog of one study asks exactly as that study does alone.
#pragma once

#include <memory>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "catalog.h"
#include "navigation.h"
#include "session.h"

namespace trialmatch {

class CatalogSession {
 public:
  // `trials[i]` is the loaded trial of `catalog.studies[i]` (nullptr for a closed study);
  // the catalog and trials must outlive the session, and fit (check_catalog_studies).
  CatalogSession(const Catalog& catalog, const std::vector<const Trial*>& trials);

  const Catalog& catalog() const { return catalog_; }

  // A catalog question's key: a shared question's id, or "STUDY/question" for a question
  // one study asks ("NCT06136546/iv_infusion_ok"). Each key is numbered once, 0 to
  // key_count() - 1, in catalog order of the open studies' questions: the number is the
  // question's identity for whoever asks the questions (the app's CatalogQuestionnaire).
  const std::string& key(int study, int question) const {
    return keys_[static_cast<size_t>(key_id(study, question))];
  }
  int key_count() const { return static_cast<int>(keys_.size()); }
  const std::string& key_name(int id) const { return keys_[static_cast<size_t>(id)]; }
  int key_id(int study, int question) const {
    return key_ids_[first_key_[static_cast<size_t>(study)] + static_cast<size_t>(question)];
  }
  // How many questions a study has (0 for a closed one), read from the key numbers: a walk
  // over thousands of studies reads no trial for it.
  int question_count(int study) const {
    const size_t from = first_key_[static_cast<size_t>(study)];
    const size_t to = static_cast<size_t>(study) + 1 < first_key_.size() ? first_key_[static_cast<size_t>(study) + 1]
                                                                          : key_ids_.size();
    return static_cast<int>(to - from);
  }
  // -1 when no open study asks it.
  int find_key(const std::string& key) const;
  // Where a key is asked: (study, question index) for every open study that has it, in
  // catalog order (looked up in a map made once, not by walking the catalog).
  struct Holders {
    const std::pair<int, int>* first = nullptr;
    const std::pair<int, int>* last = nullptr;
    const std::pair<int, int>* begin() const { return first; }
    const std::pair<int, int>* end() const { return last; }
    bool empty() const { return first == last; }
    size_t size() const { return static_cast<size_t>(last - first); }
    const std::pair<int, int>& front() const { return *first; }
    const std::pair<int, int>& operator[](size_t i) const { return first[i]; }
  };
  Holders holders(const std::string& key) const;
  Holders holders(int id) const { return holders_of(id); }

  // Records an answer in every open study that asks the question; changes nothing and
  // returns the problem if it does not fit (or no open study asks it).
  std::optional<AnswerProblem> answer(const std::string& key, const Answer& answer);
  std::optional<AnswerProblem> answer(int id, const Answer& answer);
  void reset();

  struct Next {
    int id = -1;        // the key's number
    std::string key;
    int study = -1;     // one study that asks it (for its words)
    int question = -1;  // its index in that study
  };
  // The next question to ask; nullopt when every open study is settled. Worked out once after
  // each change (an answer, reset, a study set aside or back) and kept: screens drawn, the
  // screen model and the path read it at no cost.
  const std::optional<Next>& next_question() const;
  // How many times the next question has been worked out (tests: once per change).
  size_t choices_worked_out() const { return choices_worked_out_; }

  // Keys answered (their numbers), in the order each was first answered.
  const std::vector<int>& history() const { return history_; }

  struct Match {
    int study = -1;
    Verdict verdict = Verdict::NeedsReview;
    bool settled = false;       // no question left that could change it
    bool out_of_reach = false;  // an answer put it out of reach (a talk, but last among them)
  };
  // The open studies, likely fits first, then those to talk over (those an answer put out of
  // reach last), then those that do not fit; in catalog order within each.
  std::vector<Match> ranking() const;
  // The studies that are not recruiting, in catalog order: listed, never matched.
  std::vector<int> closed_studies() const;

  // A study the person set aside (its sites are farther than they could travel): none of its
  // questions is asked, and no question is chosen for it, though answers to questions it
  // shares still reach it. Setting it aside again with `false` brings it back into play, with
  // whatever it still needs to ask. reset() brings every study back.
  void set_aside(int study, bool aside);
  bool is_set_aside(int study) const { return set_aside_[static_cast<size_t>(study)] != 0; }
  // Open, and not set aside: its questions are asked.
  bool in_play(int study) const { return open(study) && !is_set_aside(study); }

  bool open(int study) const { return sessions_[static_cast<size_t>(study)] != nullptr; }
  const Session& session(int study) const { return *sessions_[static_cast<size_t>(study)]; }
  const Trial& trial(int study) const { return *trials_[static_cast<size_t>(study)]; }
  // An answer in any study called for crisis support, and still stands.
  bool calls_for_crisis_support() const;

 private:
  const Catalog& catalog_;
  std::vector<const Trial*> trials_;
  std::vector<std::unique_ptr<Session>> sessions_;  // nullptr for closed studies
  std::vector<char> set_aside_;                     // per study: set aside (set_aside())
  std::vector<int> history_;
  mutable std::optional<Next> next_;     // next_question(), once worked out
  mutable bool next_known_ = false;      // next_ is up to date
  mutable size_t choices_worked_out_ = 0;
  // Each key once, numbered: a key's number, per study and question (none for a closed
  // study), and where each is asked.
  std::vector<std::string> keys_;
  std::unordered_map<std::string, int> key_numbers_;
  // Every study's key numbers in one vector (next_question reads one per study), from
  // first_key_[study] on.
  std::vector<int> key_ids_;
  std::vector<size_t> first_key_;
  // Every key's holders in one array, key after key (holders_start_[k] to [k + 1]): the
  // next-question race reads those of thousands of keys, each of one study's own question.
  std::vector<std::pair<int, int>> holders_;
  std::vector<size_t> holders_start_;
  // Per holder: the question's settle reach in its study (CompiledTrial::settle_reach), so
  // counting gains skips the studies an answer cannot settle without reading their trials.
  std::vector<int> holder_reach_;
  Holders holders_of(int key) const {
    const std::pair<int, int>* all = holders_.data();
    return {all + holders_start_[static_cast<size_t>(key)], all + holders_start_[static_cast<size_t>(key) + 1]};
  }
  const int* reach_of(int key) const { return holder_reach_.data() + holders_start_[static_cast<size_t>(key)]; }
  static constexpr size_t kBatch = 64;  // studies brought up to date together (see answer)
  volatile unsigned read_sink_ = 0;     // keeps read_ahead's reads

  // A question of the next_question() race: the key, the first study that proposed it, and
  // over the studies it can still change, their number and the expected number it settles.
  struct Candidate {
    int key = -1;
    int study = -1;
    int question = -1;
    int studies = 0;
    int could_settle = 0;  // of those, the ones its settle reach allows it to settle
    bool sensitive = false;  // it carries a safety trigger in one of them
    double gain = 0;
  };
  const Candidate& best_candidate(std::vector<Candidate>& candidates) const;
  bool count_gain(Candidate& candidate, double enough) const;
  // The study is in play, unsettled, and the question can still change its outcome.
  bool can_change(int study, int question) const;

  std::optional<Next> work_out_next_question() const;
  bool settled(int study) const;
  bool dependencies_answered(int study, int question) const;
  double expected_settled(int study, int question, int settle_reach) const;
};

}  // namespace trialmatch
