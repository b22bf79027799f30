// The studio's document model (app/studio): each kind of edit, undo and redo, typing as one
// step, what counts as unsaved, opening each kind of file, and the checks an author sees.
#include <gtest/gtest.h>

#include "study_checks.h"
#include "study_document.h"
#include "field_guide.h"
#include "study_files.h"
#include "open_study.h"

namespace unit_study_document {

using trialmatch::studio::DocumentKind;
using trialmatch::studio::Finding;
using trialmatch::studio::StudyDocument;
using Json = StudyDocument::Json;

StudyDocument seed() {
  auto opened = trialmatch::studio::open_study_text("NCT04979910.json", trialmatch_test::study_file_text("NCT04979910.json"));
  EXPECT_TRUE(opened.document) << opened.problem.en;
  return std::move(*opened.document);
}

std::string first_question_text(const StudyDocument& d) { return d.find("/questions/0/text/en")->get<std::string>(); }

TEST(StudioDocument, SetChangesOneValueAndUndoRedoTakeItBackAndForth) {
  StudyDocument d = seed();
  const std::string before = first_question_text(d);
  const std::string text_before = d.text();
  EXPECT_FALSE(d.unsaved());
  ASSERT_TRUE(d.set("/questions/0/text/en", "How old are you today?"));
  EXPECT_EQ(first_question_text(d), "How old are you today?");
  EXPECT_TRUE(d.unsaved());
  EXPECT_EQ(d.undo(), "/questions/0/text/en");
  EXPECT_EQ(first_question_text(d), before);
  EXPECT_EQ(d.text(), text_before);
  EXPECT_FALSE(d.unsaved()) << "undoing back to the file as opened leaves nothing unsaved";
  EXPECT_EQ(d.redo(), "/questions/0/text/en");
  EXPECT_EQ(first_question_text(d), "How old are you today?");
  EXPECT_FALSE(d.can_redo());
}

TEST(StudioDocument, TypingIntoOneFieldIsOneStepUntilTheFieldIsLeft) {
  StudyDocument d = seed();
  const std::string before = first_question_text(d);
  for (const char* typed : {"H", "Ho", "How"}) d.set("/questions/0/text/en", typed, "/questions/0/text/en");
  d.end_typing();
  d.set("/questions/0/text/en", "How?", "/questions/0/text/en");
  EXPECT_EQ(first_question_text(d), "How?");
  d.undo();
  EXPECT_EQ(first_question_text(d), "How") << "typing after leaving the field is a step of its own";
  d.undo();
  EXPECT_EQ(first_question_text(d), before) << "the first typing was one step";
  EXPECT_FALSE(d.can_undo());
}

TEST(StudioDocument, TypingAfterAnUndoDoesNotJoinTheStepBeforeIt) {
  StudyDocument d = seed();
  d.set("/trial/sponsor", "A", "/trial/sponsor");
  d.set("/trial/sponsor", "AB", "/trial/sponsor");
  d.undo();
  d.set("/trial/sponsor", "X", "/trial/sponsor");
  d.undo();
  EXPECT_NE(d.find("/trial/sponsor")->get<std::string>(), "X");
  EXPECT_EQ(d.redo(), "/trial/sponsor");
  EXPECT_EQ(d.find("/trial/sponsor")->get<std::string>(), "X");
}

TEST(StudioDocument, InsertRemoveAndMoveItemsOfAList) {
  StudyDocument d = seed();
  const std::size_t n = d.find("/questions")->size();
  const std::string first_id = d.find("/questions/0/id")->get<std::string>();
  const std::string second_id = d.find("/questions/1/id")->get<std::string>();
  ASSERT_TRUE(d.insert("/questions", n, Json{{"id", "new_one"}, {"type", "yes_no"}}));
  EXPECT_EQ(d.find("/questions")->size(), n + 1);
  EXPECT_EQ(d.find("/questions/" + std::to_string(n) + "/id")->get<std::string>(), "new_one");
  ASSERT_TRUE(d.move("/questions", 0, 1));
  EXPECT_EQ(d.find("/questions/0/id")->get<std::string>(), second_id);
  EXPECT_EQ(d.find("/questions/1/id")->get<std::string>(), first_id);
  ASSERT_TRUE(d.remove("/questions/" + std::to_string(n)));
  EXPECT_EQ(d.find("/questions")->size(), n);
  ASSERT_TRUE(d.remove("/trial/investigator"));
  EXPECT_EQ(d.find("/trial/investigator"), nullptr);
  for (int i = 0; i < 4; ++i) d.undo();
  EXPECT_FALSE(d.unsaved());
  EXPECT_EQ(d.find("/questions/0/id")->get<std::string>(), first_id);
}

TEST(StudioDocument, AnEditAtAPlaceThatIsNotThereChangesNothing) {
  StudyDocument d = seed();
  const std::string text = d.text();
  EXPECT_FALSE(d.set("", Json::object()));
  EXPECT_FALSE(d.set("/questions/999/text", "x"));
  EXPECT_FALSE(d.set("/questions/x", "x"));
  EXPECT_FALSE(d.set("/questions/01", "x"));
  EXPECT_FALSE(d.set("/format/x", "x"));
  EXPECT_FALSE(d.set("no-slash", "x"));
  EXPECT_FALSE(d.remove("/trial/nothing_here"));
  EXPECT_FALSE(d.insert("/trial", 0, 1));
  EXPECT_FALSE(d.insert("/questions", 9999, 1));
  EXPECT_FALSE(d.move("/questions", 0, 9999));
  EXPECT_EQ(d.text(), text);
  EXPECT_FALSE(d.can_undo());
  EXPECT_EQ(d.undo(), "");
}

TEST(StudioDocument, KeysWithSlashesAndTildesAreReachedByEscapedPointers) {
  StudyDocument d(DocumentKind::Trial, Json{{"a/b", Json{{"c~d", 1}}}}, "x.json");
  EXPECT_EQ(trialmatch::studio::pointer_escape("a/b"), "a~1b");
  ASSERT_NE(d.find("/a~1b/c~0d"), nullptr);
  EXPECT_TRUE(d.set("/a~1b/c~0d", 2));
  EXPECT_EQ(*d.find("/a~1b/c~0d"), 2);
  EXPECT_EQ(d.find("/a~2b"), nullptr);
}

TEST(StudioDocument, ANewKeyGoesLastAndTheOthersKeepTheirOrder) {
  StudyDocument d = seed();
  ASSERT_TRUE(d.set("/questions/0/note", Json{{"en", "a"}, {"es", "b"}}));
  const Json& q = *d.find("/questions/0");
  EXPECT_EQ(std::prev(q.end()).key(), "note");
  EXPECT_EQ(q.begin().key(), "id");
}

TEST(StudioDocument, SavingMarksTheDocumentSavedUntilTheNextEdit) {
  StudyDocument d = seed();
  d.set("/trial/sponsor", "Someone");
  d.mark_saved();
  EXPECT_FALSE(d.unsaved());
  d.undo();
  EXPECT_TRUE(d.unsaved()) << "undoing past a save changes the saved file";
}

TEST(StudioDocument, OldStepsGoFirstBeyondTheLimit) {
  StudyDocument d(DocumentKind::Trial, Json{{"n", 0}}, "x.json");
  for (std::size_t i = 1; i <= StudyDocument::kMaxUndoSteps + 5; ++i) d.set("/n", i);
  std::size_t undone = 0;
  while (d.can_undo()) d.undo(), ++undone;
  EXPECT_EQ(undone, StudyDocument::kMaxUndoSteps);
  EXPECT_EQ(*d.find("/n"), 5);
}

TEST(StudioOpen, OpensATrialACatalogAndARegistryRecordAndRefusesTheRest) {
  auto trial = trialmatch::studio::open_study_text("a.json", trialmatch_test::study_file_text("NCT04979910.json"));
  ASSERT_TRUE(trial.document);
  EXPECT_EQ(trial.document->kind(), DocumentKind::Trial);
  EXPECT_EQ(trial.document->file_name(), "a.json");
  auto catalog = trialmatch::studio::open_study_text("c.json", trialmatch_test::read_source_file("assets/catalogs/depression.json"));
  ASSERT_TRUE(catalog.document);
  EXPECT_EQ(catalog.document->kind(), DocumentKind::Catalog);
  auto record = trialmatch::studio::open_study_text("r.json", trialmatch_test::read_source_file("tests/data/ctgov/recruiting-study.json"));
  ASSERT_TRUE(record.document) << record.problem.en;
  EXPECT_TRUE(record.document->unsaved()) << "a drafted study exists nowhere yet";
  EXPECT_FALSE(record.notes.empty());
  EXPECT_NE(record.document->file_name().find(".json"), std::string::npos);
  for (const char* bad : {"", "{", "[1, 2]", "{\"format\": \"other/1\"}", "\"text\""}) {
    auto opened = trialmatch::studio::open_study_text("bad.json", bad);
    EXPECT_FALSE(opened.document) << bad;
    EXPECT_FALSE(opened.problem.empty()) << bad;
  }
}

TEST(StudioChecks, TheSeedStudyIsReadyAndItsPathsAreCounted) {
  const auto checks = trialmatch::studio::check_study(seed());
  EXPECT_EQ(checks.errors, 0u);
  EXPECT_EQ(checks.to_dos, 0u);
  EXPECT_TRUE(checks.ready());
  ASSERT_TRUE(checks.paths_known);
  EXPECT_GT(checks.paths, 10u);
  std::size_t sum = 0;
  for (const auto& [verdict, n] : checks.paths_by_verdict) sum += n;
  EXPECT_EQ(sum, checks.paths);
  EXPECT_EQ(checks.paths_by_verdict.count("likely_eligible"), 1u);
}

TEST(StudioChecks, AnAskIfThatDoesNotParseIsAnErrorAtItsPlace) {
  StudyDocument d = seed();
  d.set("/questions/1/ask_if", "age >= ");
  const auto checks = trialmatch::studio::check_study(d);
  EXPECT_FALSE(checks.ready());
  const auto here = trialmatch::studio::findings_under(checks, "/questions/1");
  ASSERT_FALSE(here.empty());
  EXPECT_EQ(here.front()->kind, Finding::Kind::Error);
  EXPECT_EQ(here.front()->pointer, "/questions/1/ask_if");
  EXPECT_FALSE(checks.paths_known) << "a file that does not load has no paths";
  for (const Finding* f : trialmatch::studio::findings_under(checks, "/questions/1"))
    EXPECT_EQ(f->pointer.rfind("/questions/1/", 0), 0u) << "not /questions/10 or /questions/1x: " << f->pointer;
}

TEST(StudioChecks, ADraftedRecordHasToDosAndIsNotReady) {
  auto record = trialmatch::studio::open_study_text("r.json", trialmatch_test::read_source_file("tests/data/ctgov/recruiting-study.json"));
  ASSERT_TRUE(record.document);
  const auto checks = trialmatch::studio::check_study(*record.document);
  EXPECT_GT(checks.to_dos, 0u);
  EXPECT_FALSE(checks.ready());
  for (const Finding& f : checks.findings) {
    if (f.kind != Finding::Kind::ToDo) continue;
    EXPECT_NE(f.pointer.find("/criteria/"), std::string::npos) << f.pointer;
  }
}

TEST(StudioChecks, ANewStudyListsWhatToFillIn) {
  const auto checks = trialmatch::studio::check_study(trialmatch::studio::new_study());
  EXPECT_GT(checks.errors, 0u);
  EXPECT_FALSE(trialmatch::studio::findings_under(checks, "/trial").empty());
}

}  // namespace unit_study_document

namespace unit_study_document {

// Every field the format documents name in their tables is one the studio lays out: a field
// added to the format without the studio would be shown only by its JSON type.
std::vector<std::string> documented_fields(const std::string& doc, const std::string& section) {
  const std::string text = trialmatch_test::read_source_file(doc);
  const std::size_t start = text.find("\n## " + section + "\n");
  EXPECT_NE(start, std::string::npos) << section;
  const std::size_t end = text.find("\n## ", start + 4);
  std::vector<std::string> keys;
  std::size_t line = start;
  while ((line = text.find("\n| `", line + 1)) != std::string::npos && line < end) {
    const std::size_t close = text.find(" |", line + 3);
    std::string cell = text.substr(line + 3, close - line - 3);
    for (std::size_t at = 0; (at = cell.find('`', at)) != std::string::npos;) {
      const std::size_t to = cell.find('`', at + 1);
      keys.push_back(cell.substr(at + 1, to - at - 1));
      at = to + 1;
    }
  }
  return keys;
}

TEST(StudioFieldGuide, KnowsEveryFieldTheFormatDocumentsName) {
  using trialmatch::studio::ObjectKind;
  const struct {
    const char* doc;
    const char* section;
    ObjectKind kind;
  } sections[] = {{"docs/trial-format.md", "Top level", ObjectKind::TrialFile},
                  {"docs/trial-format.md", "`trial`", ObjectKind::Trial},
                  {"docs/trial-format.md", "`questions`", ObjectKind::Question},
                  {"docs/trial-format.md", "`criteria`", ObjectKind::Criterion}};
  for (const auto& s : sections) {
    const auto keys = documented_fields(s.doc, s.section);
    EXPECT_GE(keys.size(), 5u) << s.section;
    for (const std::string& key : keys)
      EXPECT_NE(trialmatch::studio::field_info(s.kind, key), nullptr) << s.section << ": " << key;
  }
}

TEST(StudioFieldGuide, ANewObjectHasItsRequiredFieldsInEveryLanguage) {
  using trialmatch::studio::ObjectKind;
  const Json q = trialmatch::studio::new_object(ObjectKind::Question, {"en", "es"});
  EXPECT_TRUE(q.contains("id"));
  EXPECT_TRUE(q.contains("type"));
  EXPECT_EQ(q["text"], Json({{"en", ""}, {"es", ""}}));
  const Json c = trialmatch::studio::new_object(ObjectKind::Criterion, {"en"});
  EXPECT_EQ(c["type"], "inclusion");
  EXPECT_TRUE(c.contains("source"));
  EXPECT_FALSE(c.contains("because")) << "optional fields are added by the author";
}

}  // namespace unit_study_document

namespace unit_study_document {

TEST(StudioChecks, EachListedPathsAnswersEndInItsVerdict) {
  const auto checks = trialmatch::studio::check_study(seed());
  ASSERT_EQ(checks.first_paths.size(), trialmatch::studio::kMaxPathsListed);
  const trialmatch::Trial& trial = trialmatch_test::study_file("NCT04979910.json");
  // Some of them (each is walked again to find its answers).
  for (const std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{37}, std::size_t{420}, std::size_t{1999}}) {
    const auto& path = checks.first_paths[i];
    EXPECT_FALSE(path.steps.empty());
    trialmatch::Session session(trial);
    const auto answers = trialmatch::studio::answers_of_path(seed(), i);
    EXPECT_FALSE(answers.empty());
    for (const auto& [id, answer] : answers) EXPECT_FALSE(session.answer(id, answer)) << path.steps;
    EXPECT_EQ(trialmatch::verdict_id(session.evaluation().verdict), path.verdict) << path.steps;
  }
  EXPECT_TRUE(trialmatch::studio::answers_of_path(seed(), checks.paths).empty()) << "past the last path";
}

}  // namespace unit_study_document

namespace unit_study_document {

TEST(StudioFieldGuide, APlaceIsShownOnThePageOfItsQuestionCriterionOrStudy) {
  using trialmatch::studio::editor_page_of;
  EXPECT_EQ(editor_page_of("/questions/2/options/1/text/es", DocumentKind::Trial), "/questions/2");
  EXPECT_EQ(editor_page_of("/questions/12", DocumentKind::Trial), "/questions/12");
  EXPECT_EQ(editor_page_of("/criteria/0/rule", DocumentKind::Trial), "/criteria/0");
  EXPECT_EQ(editor_page_of("/trial/contact/phone", DocumentKind::Trial), "/trial");
  EXPECT_EQ(editor_page_of("/languages", DocumentKind::Trial), "/trial");
  EXPECT_EQ(editor_page_of("/questions", DocumentKind::Trial), "/trial");
  EXPECT_EQ(editor_page_of("", DocumentKind::Trial), "/trial");
  EXPECT_EQ(editor_page_of("/studies/3/title/en", DocumentKind::Catalog), "/studies/3");
  EXPECT_EQ(editor_page_of("/title", DocumentKind::Catalog), "");
}

}  // namespace unit_study_document

namespace unit_study_document {

TEST(StudioChecks, ACatalogIsCheckedWithTheStudyFilesOpenedWithIt) {
  auto opened = trialmatch::studio::open_study_text("depression.json", trialmatch_test::read_source_file("assets/catalogs/depression.json"));
  ASSERT_TRUE(opened.document);
  const auto alone = trialmatch::studio::check_study(*opened.document);
  EXPECT_EQ(alone.errors, 0u);
  EXPECT_EQ(alone.to_dos, 3u) << "each recruiting study's file is asked for";
  trialmatch::studio::StudyFiles files;
  for (const std::string& name : trialmatch_test::study_file_names()) files[name] = trialmatch_test::study_file_text(name);
  const auto with_files = trialmatch::studio::check_study(*opened.document, files);
  EXPECT_EQ(with_files.errors, 0u);
  EXPECT_EQ(with_files.to_dos, 0u);
  EXPECT_TRUE(with_files.ready());
  // A study file that no longer fits the catalog (another id) is an error at the study.
  files["NCT04979910.json"] = trialmatch_test::study_file_text("NCT06136546.json");
  const auto mismatched = trialmatch::studio::check_study(*opened.document, files);
  EXPECT_GT(mismatched.errors, 0u);
  EXPECT_EQ(trialmatch::studio::study_file_name("../trials/NCT04979910.json"), "NCT04979910.json");
}

}  // namespace unit_study_document

namespace unit_study_document {

TEST(StudioOpen, TheCatalogAmongFilesPickedTogetherIsFoundByItsFormat) {
  EXPECT_TRUE(trialmatch::studio::is_catalog_text(trialmatch_test::read_source_file("assets/catalogs/depression.json")));
  EXPECT_FALSE(trialmatch::studio::is_catalog_text(trialmatch_test::study_file_text("NCT04979910.json")));
  EXPECT_FALSE(trialmatch::studio::is_catalog_text(trialmatch_test::read_source_file("tests/data/ctgov/recruiting-study.json")));
  for (const char* other : {"", "{", "[]", "{\"format\": \"trialmatch-catalog/9\"}", "{\"format\": 1}"})
    EXPECT_FALSE(trialmatch::studio::is_catalog_text(other)) << other;
}

}  // namespace unit_study_document
