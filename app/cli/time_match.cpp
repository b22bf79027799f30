// The `time-match` benchmark (catalog_commands.h): how many questions a catalog asks of
// simulated people, and how long an answer takes with many generated studies, in the catalog
// session and through the app's own flow (answer_through_flow.h).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "answer_classes.h"
#include "answer_draws.h"
#include "answer_through_flow.h"
#include "catalog_commands.h"
#include "catalog_session.h"
#include "cli_files.h"

namespace trialmatch::cli {

namespace {

using Clock = std::chrono::steady_clock;
double microseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

// A whole number option's value ("--respondents 1000"), or false after saying what is wrong.
bool read_count(const std::vector<std::string>& args, size_t& i, size_t& out) {
  const std::string option = args[i];
  if (i + 1 >= args.size() || args[i + 1].empty() || args[i + 1].size() > 9 ||
      args[i + 1].find_first_not_of("0123456789") != std::string::npos || std::stoul(args[i + 1]) == 0) {
    usage(option + " needs a whole number above 0");
    return false;
  }
  out = std::stoul(args[++i]);
  return true;
}

// What a simulated person may answer to each key the open studies ask, in catalog order:
// one answer of each answer class of every study that asks it (a shared question's
// classes differ between studies: "18 to 65" in one, "25 to 50" in another).
std::vector<std::pair<std::string, std::vector<AnswerClass>>> answer_pool(const CatalogSession& session) {
  std::vector<std::pair<std::string, std::vector<AnswerClass>>> pool;
  for (size_t i = 0; i < session.catalog().studies.size(); ++i) {
    const int study = static_cast<int>(i);
    if (!session.open(study)) continue;
    const Trial& trial = session.trial(study);
    for (size_t q = 0; q < trial.questions.size(); ++q) {
      const std::string key = session.key(study, static_cast<int>(q));
      auto entry = std::find_if(pool.begin(), pool.end(), [&](const auto& e) { return e.first == key; });
      if (entry == pool.end()) entry = pool.insert(pool.end(), {key, {}});
      for (const AnswerClass& c : answer_classes(trial, trial.questions[q]))
        if (std::none_of(entry->second.begin(), entry->second.end(),
                         [&](const AnswerClass& seen) { return seen.representative == c.representative; }))
          entry->second.push_back(c);
    }
  }
  return pool;
}

using Person = std::map<std::string, Answer>;  // an answer to every key, drawn up front

// How many questions each way of asking puts to one person, and whether every way ends
// with each study settled on the same verdict. One difference is expected and counted apart:
// a study an answer put out of reach asks nothing more of its own, so alone it stays a talk,
// while in the catalog answers to shared questions that other studies asked still reach it
// and may rule the person out.
struct Walks {
  size_t adaptive = 0, in_turn = 0, in_turn_shared_once = 0;
  bool same_verdicts = true, finished = true, out_of_reach_then_ruled_out = false;
};

// Whether two verdicts of one study differ only as above: `fewer` (asked with fewer answers)
// left it out of reach, and `more` rules the person out.
bool out_of_reach_then_ruled_out(const Trial& trial, const Evaluation& fewer, const Evaluation& more) {
  return fewer.verdict == Verdict::NeedsReview && !out_of_reach_criteria(trial, fewer).empty() &&
         more.verdict == Verdict::NotEligible;
}

Walks walk_person(const LoadedCatalog& loaded, const Person& person) {
  Walks w;
  const std::vector<const Trial*> trials = loaded.trial_pointers();
  // Adaptive: the catalog's own choice of the next question.
  CatalogSession adaptive(loaded.catalog, trials);
  for (size_t guard = 0; guard <= person.size(); ++guard) {
    const auto next = adaptive.next_question();
    if (!next) break;
    if (adaptive.answer(next->key, person.at(next->key))) break;  // drawn from its classes: always fits
    ++w.adaptive;
  }
  w.finished = !adaptive.next_question();
  // Studies in turn: each study's questionnaire in full, and, separately, in turn but with
  // a shared question asked only the first time.
  CatalogSession shared_once(loaded.catalog, trials);
  for (size_t i = 0; i < loaded.catalog.studies.size(); ++i) {
    const int study = static_cast<int>(i);
    if (!adaptive.open(study)) continue;
    Session alone(adaptive.trial(study));
    for (size_t guard = 0; !alone.finished() && guard < alone.trial().questions.size(); ++guard, ++w.in_turn) {
      const int q = alone.progress().next_question;
      alone.answer(q, person.at(adaptive.key(study, q)));
    }
    for (size_t guard = 0; !shared_once.session(study).finished() && guard < alone.trial().questions.size();
         ++guard, ++w.in_turn_shared_once) {
      const std::string key = shared_once.key(study, shared_once.session(study).progress().next_question);
      shared_once.answer(key, person.at(key));
    }
    const Trial& trial = adaptive.trial(study);
    const Evaluation& a = adaptive.session(study).evaluation();
    for (const Evaluation* other : {&alone.evaluation(), &shared_once.session(study).evaluation()}) {
      if (a.verdict == other->verdict) continue;
      if (out_of_reach_then_ruled_out(trial, *other, a)) w.out_of_reach_then_ruled_out = true;
      else w.same_verdicts = false;
    }
    w.finished = w.finished && alone.finished() && shared_once.session(study).finished();
  }
  return w;
}

// (a) Simulated respondents: the mean number of questions asked adaptively, and studies in
// turn.
int time_respondents(const LoadedCatalog& loaded, size_t respondents) {
  const CatalogSession session(loaded.catalog, loaded.trial_pointers());
  const auto pool = answer_pool(session);
  AnswerDraws draws(20261129);
  size_t adaptive = 0, in_turn = 0, in_turn_shared_once = 0, different = 0, unfinished = 0, ruled_out_later = 0;
  const auto start = Clock::now();
  for (size_t r = 0; r < respondents; ++r) {
    Person person;
    for (const auto& [key, classes] : pool) person[key] = draws.pick(classes);
    const Walks w = walk_person(loaded, person);
    adaptive += w.adaptive;
    in_turn += w.in_turn;
    in_turn_shared_once += w.in_turn_shared_once;
    different += w.same_verdicts ? 0 : 1;
    ruled_out_later += w.out_of_reach_then_ruled_out ? 1 : 0;
    unfinished += w.finished ? 0 : 1;
  }
  const double n = static_cast<double>(respondents);
  std::cout << nlohmann::json{{"respondents", respondents},
                              {"open_studies", session.ranking().size()},
                              {"questions_adaptive", static_cast<double>(adaptive) / n},
                              {"questions_in_turn", static_cast<double>(in_turn) / n},
                              {"questions_in_turn_shared_once", static_cast<double>(in_turn_shared_once) / n},
                              {"respondents_with_different_verdicts", different},
                              {"respondents_out_of_reach_then_ruled_out", ruled_out_later},
                              {"respondents_not_finished", unfinished},
                              {"seconds", microseconds_since(start) / 1e6}}
                   .dump()
            << "\n";
  return 0;
}

// (b)'s catalog: `count` copies of the recruiting studies, each under a new id, with its own
// copy of its trial when `own_trials` (else the copies point to the loaded trials).
struct GeneratedCatalog {
  Catalog catalog;
  std::vector<std::unique_ptr<Trial>> copies;
  std::vector<const Trial*> trials;
};

std::optional<GeneratedCatalog> generate_studies(const LoadedCatalog& loaded, size_t count, bool own_trials) {
  std::vector<size_t> recruiting;
  for (size_t i = 0; i < loaded.catalog.studies.size(); ++i)
    if (loaded.catalog.studies[i].open() && loaded.trials[i]) recruiting.push_back(i);
  if (recruiting.empty()) {
    std::cerr << "trialmatch: the catalog has no recruiting study to copy\n";
    return std::nullopt;
  }
  GeneratedCatalog generated;
  generated.catalog = loaded.catalog;
  generated.catalog.studies.clear();
  for (size_t n = 0; n < count; ++n) {
    const size_t from = recruiting[n % recruiting.size()];
    generated.catalog.studies.push_back(loaded.catalog.studies[from]);
    generated.catalog.studies.back().id += "-" + std::to_string(n);
    if (own_trials) generated.copies.push_back(std::make_unique<Trial>(*loaded.trials[from]));
    generated.trials.push_back(own_trials ? generated.copies.back().get() : loaded.trials[from].get());
  }
  return generated;
}

// The times of answers to one question (microseconds), each by a fresh person, each overall
// and by the class of answer drawn: recording it in every study, choosing the next question,
// both.
struct AnswerTimes {
  std::vector<double> recording, choosing, both;
  std::vector<std::vector<double>> by_class, recording_by_class, choosing_by_class;
  size_t still_asking = 0;  // answers after which a question is left
};

AnswerTimes time_answers(CatalogSession& session, const std::string& key, const std::vector<AnswerClass>& classes,
                         double seconds) {
  AnswerDraws draws(20261129);
  AnswerTimes t;
  t.by_class.resize(classes.size());
  t.recording_by_class.resize(classes.size());
  t.choosing_by_class.resize(classes.size());
  const auto start = Clock::now();
  do {
    session.reset();  // not timed: a fresh person each time
    const size_t drawn = draws.index(classes.size());
    const auto t0 = Clock::now();
    session.answer(key, classes[drawn].representative);
    t.recording.push_back(microseconds_since(t0));
    const auto t1 = Clock::now();
    t.still_asking += session.next_question() ? 1 : 0;
    t.choosing.push_back(microseconds_since(t1));
    t.both.push_back(t.recording.back() + t.choosing.back());
    t.by_class[drawn].push_back(t.both.back());
    t.recording_by_class[drawn].push_back(t.recording.back());
    t.choosing_by_class[drawn].push_back(t.choosing.back());
  } while (microseconds_since(start) < seconds * 1e6);
  return t;
}

// The same classes of answers as time_answers, drawn in the same order, given as the app takes
// them (answer_through_flow.h): per class, the microseconds of each.
std::vector<std::vector<double>> time_answers_through_flow(AnswerThroughFlow& app, const std::vector<AnswerClass>& classes,
                                                           double seconds) {
  AnswerDraws draws(20261129);
  std::vector<std::vector<double>> by_class(classes.size());
  if (!app.on_first_question()) return by_class;
  const auto start = Clock::now();
  do {
    const size_t drawn = draws.index(classes.size());
    const double t = app.time_answer(classes[drawn].representative);
    if (t >= 0) by_class[drawn].push_back(t);
  } while (microseconds_since(start) < seconds * 1e6);
  return by_class;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// (b) `count` generated studies: copies of the catalog's recruiting studies under new ids
// ("NCT04979910-17"), so shared questions stay shared and each copy keeps its own
// questions. Each has its own session; with `own_trials` each also has its own copy of its
// trial in memory, as each study of a real catalog has (its own file, loaded on its own),
// else the copies share the trial (as studies made from one template in memory would).
// Times one answer to the first question plus choosing the next one: in the catalog session
// (recording it, choosing the next question), and as the app takes it, through its flow to
// the next screen's model (answer_through_flow.h).
int time_generated_studies(const LoadedCatalog& loaded, size_t count, bool own_trials, double seconds) {
  const std::optional<GeneratedCatalog> generated = generate_studies(loaded, count, own_trials);
  if (!generated) return 1;
  auto start = Clock::now();
  CatalogSession session(generated->catalog, generated->trials);
  const double setup = microseconds_since(start);
  start = Clock::now();
  const auto first = session.next_question();
  const double first_question = microseconds_since(start);
  if (!first) {
    std::cerr << "trialmatch: the generated catalog asks no question\n";
    return 1;
  }
  const Trial& trial = session.trial(first->study);
  const std::vector<AnswerClass> classes = answer_classes(trial, trial.questions[static_cast<size_t>(first->question)]);
  // Medians, since on a shared machine a few answers are slowed by other work; and per class
  // of answers (an age inside every study's range is slower than one outside: more studies
  // stay in play), the slowest class's median being the figure that counts.
  const AnswerTimes t = time_answers(session, first->key, classes, seconds);
  size_t slowest = 0;
  for (size_t k = 0; k < classes.size(); ++k)
    if (median(t.by_class[k]) > median(t.by_class[slowest])) slowest = k;
  start = Clock::now();
  AnswerThroughFlow app(generated->catalog, generated->trials);
  const double app_setup = microseconds_since(start);
  const std::vector<std::vector<double>> app_times = time_answers_through_flow(app, classes, seconds);
  std::vector<double> app_all;
  for (const auto& times : app_times) app_all.insert(app_all.end(), times.begin(), times.end());
  std::cout << nlohmann::json{{"studies", count},
                              {"own_trials", own_trials},
                              {"setup_milliseconds", setup / 1000},
                              {"first_question_microseconds", first_question},
                              {"answer", first->key},
                              {"answers", t.both.size()},
                              {"answer_classes", classes.size()},
                              {"answers_with_a_next_question", t.still_asking},
                              {"median_microseconds_per_answer", median(t.both)},
                              {"median_microseconds_recording_the_answer", median(t.recording)},
                              {"median_microseconds_choosing_the_next_question", median(t.choosing)},
                              {"slowest_class", classes[slowest].label},
                              {"slowest_class_median_microseconds_per_answer", median(t.by_class[slowest])},
                              {"slowest_class_median_microseconds_recording", median(t.recording_by_class[slowest])},
                              {"slowest_class_median_microseconds_choosing", median(t.choosing_by_class[slowest])},
                              {"through_the_flow_setup_milliseconds", app_setup / 1000},
                              {"through_the_flow_answers", app_all.size()},
                              {"through_the_flow_median_microseconds_per_answer", median(app_all)},
                              {"through_the_flow_slowest_class_median_microseconds", median(app_times[slowest])}}
                   .dump()
            << "\n";
  return 0;
}

}  // namespace

// A benchmark, not a test (build-scripts/bench.sh): see catalog_commands.h.
int cmd_time_match(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  size_t respondents = 1000, generated = 0;
  bool own_trials = false;
  double seconds = 1.0;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--respondents") {
      if (!read_count(args, i, respondents)) return 2;
    } else if (args[i] == "--generated-studies") {
      if (!read_count(args, i, generated)) return 2;
    } else if (args[i] == "--own-trials") {
      own_trials = true;
    } else if (args[i] == "--seconds") {
      if (i + 1 >= args.size() || !(std::atof(args[i + 1].c_str()) > 0)) return usage("--seconds needs a time above 0");
      seconds = std::atof(args[++i].c_str());
    } else if (args[i].rfind("--", 0) == 0) {
      return usage("unknown option " + args[i]);
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.size() != 1) return usage("time-match takes one file: trialmatch time-match CATALOG.json");
  LoadedCatalog loaded;
  if (!load_catalog_file(files[0], loaded)) return 1;
  return generated ? time_generated_studies(loaded, generated, own_trials, seconds) : time_respondents(loaded, respondents);
}

}  // namespace trialmatch::cli
