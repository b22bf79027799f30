// The result code: one study's result as a short line of text, for the QR code a person can
// show the study team or scan onto their own phone (docs/result-code.md). It holds the study
// id, the trial file's version and the start of its SHA-256, the verdict, and the answers
// that count, each as a question's number in the file and a compact value:
//
//   TM1 NCT04979910 2026-11-29 3F2A9C1B R 0:34 1:0 2:0 5:U 9:2+4
//
// Made of QR "alphanumeric" characters where the study's id and version allow it (digits,
// capitals, space and $%*+-./:), so the code stays small. Reading a code back needs the
// same trial file: question and option numbers mean nothing without it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "evaluation.h"
#include "session.h"
#include "trial.h"

namespace trialmatch {

constexpr const char* kResultCodeMark = "TM1";  // the format and its edition
constexpr size_t kResultCodeHashChars = 8;      // hex digits of the file's SHA-256

// The code of a session's result: its answers that count, in questionnaire order.
std::string result_code(const Session& session);

struct ResultCode {
  std::string study_id;
  std::string version;    // "" when the file names none
  std::string file_hash;  // the first kResultCodeHashChars hex digits of the file's SHA-256, in capitals
  Verdict verdict = Verdict::NeedsReview;
  std::vector<std::pair<int, std::string>> answers;  // question number, value as written
};

// Reads a code's parts without a trial file; nullopt and a plain message when it is not a
// result code.
std::optional<ResultCode> read_result_code(const std::string& text, std::string& problem);

// Whether a code was made with this trial file: the same study id and file hash.
bool result_code_matches(const ResultCode& code, const Trial& trial);

struct DecodedAnswers {
  AnswerSet answers;                // per question of the trial
  std::vector<int> order;           // the questions answered, as the code lists them
  std::vector<std::string> errors;  // one plain message per value that does not fit
};
// The code's answers, read with the trial file it was made with (result_code_matches).
DecodedAnswers decode_result_answers(const ResultCode& code, const Trial& trial);

const char* verdict_letter(Verdict verdict);  // "L", "R", "N"

}  // namespace trialmatch
