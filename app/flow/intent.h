// What a person can ask of the prescreener, whatever the device: a tap on a drawn button,
// a key, or a screen reader's click on the accessibility mirror all become one of these.
// The flow (flow.h) carries them out; the screens only hand them over.
#pragma once

#include <string>

#include "answer.h"

namespace trialmatch::flow {

struct Intent {
  enum class Kind {
    Start,           // the welcome screen's "Start"
    Choose,          // an option (`option`): answers a single choice; ticks or unticks on a multiple choice
    ChooseUnknown,   // "I'm not sure" / "Prefer not to say" (`unknown`)
    Digit,           // `number` 0-9: types it on a number question, or picks option `number` on a choice question
    DeleteDigit,     // a number question's last digit goes
    ClearNumber,     // a number question's digits all go
    Continue,        // a multiple choice's ticks, or the number typed, become the answer
    PreviousYear,    // a month-and-year question's year stepper
    NextYear,
    PickMonth,       // `number` 0-11, in the year shown: answers a month-and-year question
    ToggleWhy,       // "Why we ask" opens or closes
    Back,
    Change,          // from the review screen: the question `number` (its number in the questionnaire)
    SeeResult,       // from the review screen: the result, or a catalog's ranked results
    OpenStudy,       // from a catalog's ranked results: study `number`'s own result
    ReviewAnswers,   // from a result screen
    OpenZip,         // a catalog's results: "Studies near me" (or change the ZIP code)
    SkipZip,         // the ZIP code screen before a catalog's questions: go on without one
    AnswerMore,      // a catalog's results: the questions of studies brought back into play
    ForgetZip,       // the ZIP code, and the distance limit, are forgotten
    LimitDistance,   // show only studies within `number` miles (0: any distance)
    StartOver,
    OpenSupport,     // "Need help now?"
    LeaveSupport,    // the support screen's "Continue", back to where the person was
    Share,           // embedded: "Send to the study team", which asks to confirm
    CancelShare,
    SwitchLanguage,  // to the next of the trial's languages
    CycleTextSize,   // 100% to 200% in steps of 25, then back to 100%
    StillHere,       // the kiosk's "Are you still there?" countdown stops
    Print,           // a result, or a catalog's results: "Print or save as PDF" (never at a kiosk)
    ShowCode,        // a result: "Show a QR code" of the result and its answers
    SaveAnswers,     // review, result, a catalog's results: "Save my answers in a file" (never at a kiosk)
    OpenSaved,       // welcome: "Open my saved answers" (never at a kiosk)
    SaveFhir,        // a result: the answers as a FHIR QuestionnaireResponse file (never at a kiosk)
    OpenContact,     // a result's contact: `number` 0 calls the study, 1 writes to it, 2 opens its web page
    Call988,         // opens the phone's dialer
    Text988,         // opens the phone's messages app
    TextCrisisLine,  // opens the messages app to the Crisis Text Line, 741741
    Call911,         // opens the phone's dialer to 911
  };
  Kind kind = Kind::Back;
  std::string option;  // Choose
  UnknownKind unknown = UnknownKind::NotSure;  // ChooseUnknown
  int number = 0;      // Digit, PickMonth, Change, OpenStudy, LimitDistance

  static Intent of(Kind kind) { return Intent{kind, "", UnknownKind::NotSure, 0}; }
  static Intent choose(const std::string& option_id) { return Intent{Kind::Choose, option_id, UnknownKind::NotSure, 0}; }
  static Intent choose_unknown(UnknownKind kind) { return Intent{Kind::ChooseUnknown, "", kind, 0}; }
  static Intent with_number(Kind kind, int number) { return Intent{kind, "", UnknownKind::NotSure, number}; }
};

}  // namespace trialmatch::flow
