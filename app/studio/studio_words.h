// Every sentence the studio's own interface shows, in English and Spanish (the study's texts
// come from its file). Plain words, for a study coordinator.
#pragma once

#include <string>

#include "ui_text.h"

namespace trialmatch::studio {

using flow::Lang;

enum class Say {
  New, Open, Save, SaveDraft, ReviewerDocument, FhirQuestionnaire, CatalogEntry, Undo, Redo, Language,
  Unsaved, AllSaved, Ready, DraftState, HasErrors,
  StudyFacts, Questions, Criteria, AddQuestion, AddCriterion, Catalog, Studies, AddStudy,
  AddItem, Remove, MoveUp, MoveDown, AddField, RemoveField, Insert, Missing, ReadingGrade, ShortText,
  MarkFinished, Checks, NoProblems, Errors, ToDos, Warnings, Paths, PathsCount, PathsStopped,
  PathsUnknown, PathOpens, AllPaths, Preview, PreviewInSpanish, PreviewInEnglish, Restart, JumpTo, CriteriaNow, Welcome, NothingOpen,
  OpenHint, CannotOpen, ClickToGo, PrivacyNote, EditHint, NotesFromImport, Close, ChooseField,
  VerdictLikely, VerdictReview, VerdictNot, Inclusion, Exclusion, OutcomeMeets, OutcomeFails,
  OutcomeOpen, OutcomeTeam, OutcomeReview, DiscardQuestion, KeepEditing, Discard, OnlyFirstOpened, PathsPerStudy, PreviewWaits,
  Checking, CheckingAgain, AnotherId, AddId, OpenWithCatalog, ChecksBroken, FileEmptyOrBig, FileUnreadable, NotAStudy, NoRecord,
  NotAStudyFile, PaneTools, PaneOutline, PaneEditor, PaneBelow, PanePreview, PaneStart, UnsavedTitle,
};

const char* say(Say s, Lang lang);

// A sentence in both of the interface's languages (what the studio was told in words it did not
// choose: a file's problem, the importer's notes).
struct BothLanguages {
  std::string en, es;
  const std::string& in(Lang lang) const { return lang == Lang::Es ? es : en; }
  bool empty() const { return en.empty(); }
};

// A sentence of the studio's own words in both languages, each "{key}" filled in (flow::fill).
BothLanguages both(Say s, std::initializer_list<std::pair<const char*, std::string>> values = {});

}  // namespace trialmatch::studio
