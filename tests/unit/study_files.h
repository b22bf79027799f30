// Helpers for the tests of the study files in assets/trials: load one from the source tree,
// and walk a Session through it the way a person would.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "answer.h"
#include "evaluation.h"
#include "session.h"
#include "trial.h"

namespace trialmatch_test {

// The text of a file of the source tree ("assets/catalogs/depression.json"); throws when
// it cannot be read.
std::string read_source_file(const std::string& relative_path);

// The text of assets/trials/<file_name>; throws when it cannot be read.
std::string study_file_text(const std::string& file_name);

// The study in assets/trials/<file_name>, loaded once per test process; throws, with every
// located problem, when it is not valid.
const trialmatch::Trial& study_file(const std::string& file_name);

// The file names in assets/trials that end in ".json", sorted.
std::vector<std::string> study_file_names();

// Answers whatever the session asks next from `answers`, like a person using the app, until
// the questionnaire ends. A question the journey does not expect is a test failure. Returns
// the ids of the questions asked, in order.
std::vector<std::string> walk(trialmatch::Session& session, const std::map<std::string, trialmatch::Answer>& answers);

// The result of the criterion `criterion_id`; throws if the trial has no such criterion.
const trialmatch::CriterionResult& result_of(const trialmatch::Trial& trial, const trialmatch::Evaluation& evaluation,
                                             const std::string& criterion_id);

}  // namespace trialmatch_test
