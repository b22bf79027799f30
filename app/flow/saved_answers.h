// "Continue later": a small file of the person's answers, made on the device and saved only
// when they choose (never at a kiosk), that the welcome screen opens again, on this device
// or another. It names the page's file and the edition of each study it was answered for,
// so opening it can tell whether the questions changed since:
//
//   {"format": "trialmatch-saved-answers/1", "file": "trials/NCT04979910.json",
//    "studies": [{"id": "NCT04979910", "version": "2026-11-29", "sha256": "54bc9b42..."}],
//    "answers": [{"question": "age", "answer": 34}, {"question": "mri_concerns", "answer": ["none"]}]}
//
// Answers are in the order the person gave them, each as an answers file writes it
// (report_json.h); in a catalog, by the catalog's question ids ("age", "STUDY/question").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "questionnaire.h"

namespace trialmatch::flow {

constexpr const char* kSavedAnswersFormat = "trialmatch-saved-answers/1";

// Which edition of a study the answers were given for.
struct StudyEdition {
  std::string id, version, sha256;
};

// The file's text; `file` is the page's study or catalog file ("trials/NCT04979910.json").
std::string saved_answers_json(const std::string& file, const std::vector<StudyEdition>& studies,
                               const Questionnaire& questionnaire);
// The name the file is offered under: "study-answers-NCT04979910.json".
std::string saved_answers_file_name(const std::string& file);
// A downloaded file's name: `prefix`, then `name` with anything but letters, digits, - and _
// made a -, then ".json" (a study's id comes from its file, so it may hold anything).
std::string download_file_name(const std::string& prefix, const std::string& name);

struct SavedAnswers {
  enum class Status {
    Unreadable,  // not a saved-answers file (or too big, or broken)
    OtherFile,   // saved on the page of another study or catalog
    Same,        // every study is the edition the answers were given for, and every answer fits
    Changed,     // a study changed since: the answers that still fit are kept
  };
  Status status = Status::Unreadable;
  std::vector<std::pair<int, Answer>> answers;  // questionnaire numbers, in the saved order
};

// Reads a saved file for the page's `file`, whose studies are `studies`.
SavedAnswers read_saved_answers(const std::string& text, const std::string& file,
                                const std::vector<StudyEdition>& studies, const Questionnaire& questionnaire);

}  // namespace trialmatch::flow
