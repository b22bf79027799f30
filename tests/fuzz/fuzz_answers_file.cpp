// libFuzzer target: any bytes as an answers file ({"question_id": answer, ...}) for the seed
// study, read as `trialmatch evaluate` reads it. Never crashes; lists at most kMaxErrors
// (+1) shortened problems; every answer it accepts fits its question, and the accepted
// answers evaluate.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "json_text.h"
#include "answers_file.h"
#include "report_json.h"
#include "evaluation.h"
#include "session.h"

using namespace trialmatch;

int trialmatch_fuzz::fuzz_answers_file(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  JsonTextResult parsed = parse_json_text(text);
  if (parsed.error) {
    trialmatch_fuzz::require_short(parsed.error->message);
    return 0;
  }
  const Trial& trial = trialmatch_fuzz::seed_trial();
  AnswersFileResult answers = answers_from_json(trial, parsed.value);
  trialmatch_fuzz::require(answers.errors.size() <= limits::kMaxErrors + 1, "at most kMaxErrors problems are listed");
  for (const std::string& e : answers.errors) trialmatch_fuzz::require_short(e);
  trialmatch_fuzz::require(answers.answers.size() == trial.questions.size(), "one slot per question");
  for (size_t i = 0; i < answers.answers.size(); ++i)
    if (answers.answers[i])
      trialmatch_fuzz::require(!check_answer(trial.questions[i], *answers.answers[i]),
                               "an answer the file reader accepted fits its question");
  (void)evaluate(trial, answers.answers);
  return 0;
}

#ifndef TRIALMATCH_FUZZ_REPLAY  // the unit tests replay the corpus through fuzz_answers_file directly
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return trialmatch_fuzz::fuzz_answers_file(data, size);
}
#endif
