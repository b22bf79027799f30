// The studio's checks, run by a worker: what the worker sends back reads back as what the
// page would have found itself (checks_wire.h).
#include <gtest/gtest.h>

#include "checks_wire.h"
#include "open_study.h"
#include "study_checks.h"
#include "study_files.h"

namespace unit_checks_wire {

using namespace trialmatch::studio;

void expect_same(const StudyChecks& a, const StudyChecks& b) {
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    EXPECT_EQ(a.findings[i].kind, b.findings[i].kind);
    EXPECT_EQ(a.findings[i].pointer, b.findings[i].pointer);
    EXPECT_EQ(a.findings[i].message.en, b.findings[i].message.en);
    EXPECT_EQ(a.findings[i].message.es, b.findings[i].message.es);
    EXPECT_EQ(a.findings[i].column, b.findings[i].column);
  }
  EXPECT_EQ(a.errors, b.errors);
  EXPECT_EQ(a.to_dos, b.to_dos);
  EXPECT_EQ(a.warnings, b.warnings);
  EXPECT_EQ(a.paths_known, b.paths_known);
  EXPECT_EQ(a.paths, b.paths);
  EXPECT_EQ(a.paths_stopped, b.paths_stopped);
  EXPECT_EQ(a.paths_by_verdict, b.paths_by_verdict);
  ASSERT_EQ(a.first_paths.size(), b.first_paths.size());
  for (std::size_t i = 0; i < a.first_paths.size(); ++i) {
    EXPECT_EQ(a.first_paths[i].steps, b.first_paths[i].steps);
    EXPECT_EQ(a.first_paths[i].verdict, b.first_paths[i].verdict);
  }
}

TEST(ChecksWire, TheWorkersAnswerReadsBackAsTheChecksOfEveryStudyFile) {
  for (const std::string& name : trialmatch_test::study_file_names()) {
    SCOPED_TRACE(name);
    auto opened = open_study_text(name, trialmatch_test::study_file_text(name));
    ASSERT_TRUE(opened.document);
    const StudyChecks here = check_study(*opened.document);
    EXPECT_GT(here.first_paths.size(), 10u);
    expect_same(checks_from_wire(answer_checks_request(checks_request(*opened.document, {}))), here);
  }
}

TEST(ChecksWire, ADraftedRecordsToDosTravel) {
  auto record = open_study_text("r.json", trialmatch_test::read_source_file("tests/data/ctgov/recruiting-study.json"));
  ASSERT_TRUE(record.document);
  const StudyChecks worker = checks_from_wire(answer_checks_request(checks_request(*record.document, {})));
  EXPECT_GT(worker.to_dos, 0u);
  expect_same(worker, check_study(*record.document));
}

TEST(ChecksWire, ACatalogIsCheckedWithItsStudyFilesByTheWorkerToo) {
  auto opened = open_study_text("depression.json", trialmatch_test::read_source_file("assets/catalogs/depression.json"));
  ASSERT_TRUE(opened.document);
  StudyFiles files;
  for (const std::string& name : trialmatch_test::study_file_names()) files[name] = trialmatch_test::study_file_text(name);
  files["NCT04979910.json"] = trialmatch_test::study_file_text("NCT06136546.json");
  const StudyChecks worker = checks_from_wire(answer_checks_request(checks_request(*opened.document, files)));
  EXPECT_GT(worker.errors, 0u) << "the mismatched study file was given to the worker";
  expect_same(worker, check_study(*opened.document, files));
}

TEST(ChecksWire, ABrokenMessageIsAnErrorNotACrash) {
  for (const std::string bad : {"", "[1,2]", "{\"findings\": 3"}) {
    SCOPED_TRACE(bad);
    const StudyChecks read = checks_from_wire(bad);
    EXPECT_EQ(read.errors, 1u) << "a message that is not an object says so";
    EXPECT_FALSE(read.paths_known);
  }
  // A finding of the wrong form, or a worker of another version: one error, not "no problems".
  for (const std::string odd : {"{\"v\": 1, \"findings\": [[9, 1, 2]], \"errors\": 3}", "{\"v\": 2, \"errors\": 0}"}) {
    SCOPED_TRACE(odd);
    const StudyChecks read = checks_from_wire(odd);
    ASSERT_EQ(read.findings.size(), 1u);
    EXPECT_EQ(read.errors, 1u);
    EXPECT_FALSE(read.paths_known);
  }
  // Paths of the wrong form are left out.
  const StudyChecks paths = checks_from_wire("{\"v\": 1, \"first_paths\": [[1, 2]], \"paths\": -3}");
  EXPECT_TRUE(paths.first_paths.empty());
  EXPECT_EQ(paths.paths, 0u);
  const StudyChecks answered = checks_from_wire(answer_checks_request("not json"));
  EXPECT_EQ(answered.errors, 1u);
  EXPECT_FALSE(answered.paths_known);
}

}  // namespace unit_checks_wire
