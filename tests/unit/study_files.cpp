#include "study_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "diagnostic.h"
#include "trial_loader.h"

#ifndef TRIALMATCH_SOURCE_DIR
#error "TRIALMATCH_SOURCE_DIR must be defined by the build"
#endif

using namespace trialmatch;

namespace trialmatch_test {

namespace {

const std::string kStudyFolder = TRIALMATCH_SOURCE_DIR "/assets/trials/";

}  // namespace

std::string study_file_text(const std::string& file_name) { return read_source_file("assets/trials/" + file_name); }

std::string read_source_file(const std::string& relative_path) {
  const std::string path = TRIALMATCH_SOURCE_DIR "/" + relative_path;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Trial& study_file(const std::string& file_name) {
  static std::map<std::string, std::unique_ptr<const Trial>> loaded;
  auto found = loaded.find(file_name);
  if (found != loaded.end()) return *found->second;
  TrialLoadResult r = load_trial(study_file_text(file_name));
  if (!r.trial) {
    std::string message = file_name + " is not valid:";
    for (const Diagnostic& d : r.errors) message += "\n  " + format_diagnostic(d, kStudyFolder + file_name);
    throw std::runtime_error(message);
  }
  return *(loaded[file_name] = std::make_unique<const Trial>(std::move(*r.trial)));
}

std::vector<std::string> study_file_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kStudyFolder))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> walk(Session& session, const std::map<std::string, Answer>& answers) {
  std::vector<std::string> asked;
  const Trial& trial = session.trial();
  for (size_t guard = 0; !session.finished() && guard <= trial.questions.size(); ++guard) {
    const std::string& id = trial.questions[static_cast<size_t>(session.progress().next_question)].id;
    asked.push_back(id);
    auto it = answers.find(id);
    if (it == answers.end()) {
      ADD_FAILURE() << "the questionnaire asked \"" << id << "\", which this journey does not expect";
      break;
    }
    auto problem = session.answer(id, it->second);
    if (problem) {
      ADD_FAILURE() << id << ": " << *problem;
      break;
    }
  }
  EXPECT_TRUE(session.finished());
  return asked;
}

const CriterionResult& result_of(const Trial& trial, const Evaluation& evaluation, const std::string& criterion_id) {
  for (const CriterionResult& r : evaluation.criteria)
    if (trial.criteria[static_cast<size_t>(r.criterion_index)].id == criterion_id) return r;
  throw std::runtime_error("no criterion " + criterion_id);
}

}  // namespace trialmatch_test
