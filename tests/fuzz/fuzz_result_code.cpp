// libFuzzer target: any bytes as a result code (what the app's QR code holds; anyone can show
// one), read as `trialmatch decode` reads it: with the study file of the code's id among the
// shipped ones (as a catalog finds it), else with the seed study. Never crashes; a code reads
// exactly when there is no problem, and every message is short; every answer it decodes fits
// its question (and is one the question offers); and a code `decode` would accept (the file's
// id and hash, no bad values, only questions that apply, the verdict its answers give) is
// written again, by a session given its answers, as a code that reads back to the same
// answers and verdict and is written the same way again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "answer_words.h"
#include "fuzz_support.h"
#include "result_code.h"
#include "session.h"

using namespace trialmatch;

namespace {

// The trial a code is read with: the shipped study of its id, else the seed study.
const Trial& trial_for(const ResultCode& code) {
  for (const trialmatch_fuzz::ShippedTrial& shipped : trialmatch_fuzz::shipped_trials())
    if (shipped.trial->info.id == code.study_id) return *shipped.trial;
  return trialmatch_fuzz::seed_trial();
}

// The code's answers with `trial`, checked as every reader of a code may rely on them.
DecodedAnswers checked_answers(const ResultCode& code, const Trial& trial) {
  DecodedAnswers decoded = decode_result_answers(code, trial);
  for (const std::string& e : decoded.errors) trialmatch_fuzz::require_short(e);
  trialmatch_fuzz::require(decoded.answers.size() == trial.questions.size(), "one slot per question");
  trialmatch_fuzz::require(decoded.errors.size() + decoded.order.size() == code.answers.size(),
                           "every answer of the code is decoded or refused with a message");
  size_t answered = 0;
  for (size_t i = 0; i < decoded.answers.size(); ++i) {
    if (!decoded.answers[i]) continue;
    ++answered;
    trialmatch_fuzz::require(!check_offered_answer(trial.questions[i], *decoded.answers[i]),
                             "a decoded answer fits its question and is one it offers");
    for (const std::string& lang : trial.languages)
      (void)answer_words(trial.questions[i], *decoded.answers[i], lang);
  }
  trialmatch_fuzz::require(answered == decoded.order.size(), "each decoded question is listed once in the order");
  return decoded;
}

}  // namespace

int trialmatch_fuzz::fuzz_result_code(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::string problem;
  const std::optional<ResultCode> code = read_result_code(text, problem);
  trialmatch_fuzz::require(code.has_value() == problem.empty(), "a code reads exactly when there is no problem");
  trialmatch_fuzz::require_short(problem);
  if (!code) return 0;
  trialmatch_fuzz::require(!code->study_id.empty(), "a code names its study");
  trialmatch_fuzz::require(code->file_hash.size() == kResultCodeHashChars &&
                               code->file_hash.find_first_not_of("0123456789ABCDEF") == std::string::npos,
                           "a code's file hash is 8 hex digits in capitals");

  const Trial& trial = trial_for(*code);
  const DecodedAnswers decoded = checked_answers(*code, trial);
  // What `trialmatch decode` accepts: the same file, every value fits, only answers that
  // count, and the verdict they give.
  if (!result_code_matches(*code, trial) || !decoded.errors.empty()) return 0;
  const Evaluation evaluation = evaluate(trial, decoded.answers);
  for (int q : decoded.order)
    if (!evaluation.applies[static_cast<size_t>(q)]) return 0;
  if (evaluation.verdict != code->verdict) return 0;

  // Written again by a session given the same answers.
  Session session(trial);
  for (int q : decoded.order)
    trialmatch_fuzz::require(!session.answer(q, *decoded.answers[static_cast<size_t>(q)]),
                             "a session takes every answer of an accepted code");
  trialmatch_fuzz::require(session.evaluation().verdict == code->verdict, "the session gives the code's verdict");
  const std::string again = result_code(session);
  std::string problem_again;
  const std::optional<ResultCode> reread = read_result_code(again, problem_again);
  trialmatch_fuzz::require(reread.has_value(), "a code the app writes reads back");
  trialmatch_fuzz::require(result_code_matches(*reread, trial), "a code the app writes names its file");
  trialmatch_fuzz::require(reread->verdict == code->verdict, "the code written again has the same verdict");
  const DecodedAnswers decoded_again = checked_answers(*reread, trial);
  trialmatch_fuzz::require(decoded_again.errors.empty(), "a code the app writes decodes without a problem");
  trialmatch_fuzz::require(decoded_again.answers == decoded.answers, "the code written again has the same answers");
  Session session_again(trial);
  for (int q : decoded_again.order) (void)session_again.answer(q, *decoded_again.answers[static_cast<size_t>(q)]);
  trialmatch_fuzz::require(result_code(session_again) == again, "a code is written the same way every time");
  return 0;
}

#ifndef TRIALMATCH_FUZZ_REPLAY  // the unit tests replay the corpus through fuzz_result_code directly
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return trialmatch_fuzz::fuzz_result_code(data, size);
}
#endif
