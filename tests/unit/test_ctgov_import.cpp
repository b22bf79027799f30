// trialmatch import-ctgov: realistic ClinicalTrials.gov API v2 records (tests/data/ctgov, of
// the documented shape, with contacts and per-site status) become draft trial files that
// load, carry the registry's facts, ask about age, sex and health as the record limits
// them, and list each free-text line as a draft that validation warns about and the app
// refuses to show.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "ctgov_import.h"
#include "evaluation.h"
#include "flow.h"
#include "json_text.h"
#include "session.h"
#include "study_files.h"
#include "trial_loader.h"
#include "zip_table.h"

namespace unit_ctgov_import {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;
using trialmatch::cli::criteria_lines;
using trialmatch::cli::CtgovDraft;
using trialmatch::cli::registry_age_years;

namespace {

std::vector<CtgovDraft> drafts_of(const std::string& file) {
  const JsonTextResult parsed = parse_json_text(trialmatch_test::read_source_file("tests/data/ctgov/" + file));
  EXPECT_FALSE(parsed.error);
  std::string problem;
  std::vector<CtgovDraft> drafts = cli::drafts_from_ctgov(parsed.value, problem);
  EXPECT_EQ(problem, "");
  return drafts;
}

TrialLoadResult loaded(const CtgovDraft& draft) { return load_trial(draft.trial.dump(2)); }

Verdict verdict_for(const Trial& trial, const std::map<std::string, Answer>& answers) {
  Session session(trial);
  for (const auto& [id, answer] : answers) EXPECT_FALSE(session.answer(id, answer)) << id;
  return session.evaluation().verdict;
}

}  // namespace

TEST(CtgovImport, ARecruitingStudyBecomesADraftWithTheRegistrysFacts) {
  const std::vector<CtgovDraft> drafts = drafts_of("recruiting-study.json");
  ASSERT_EQ(drafts.size(), 1u);
  const TrialLoadResult result = loaded(drafts[0]);
  ASSERT_TRUE(result.trial) << (result.errors.empty() ? "" : result.errors[0].pointer + ": " + result.errors[0].message);
  const Trial& t = *result.trial;
  EXPECT_EQ(t.info.id, "NCT09990001");
  EXPECT_EQ(t.info.registry_url, "https://clinicaltrials.gov/study/NCT09990001");
  EXPECT_EQ(text_in(t.info.title, "en"), "Anti-inflammatory Add-on Treatment for Treatment-Resistant Depression");
  EXPECT_EQ(t.info.sponsor, "Example University");
  EXPECT_EQ(t.info.investigator, "Jordan Smith, MD, PhD");
  EXPECT_EQ(t.info.phase, "Phase 2");
  EXPECT_EQ(t.info.status, "recruiting");
  EXPECT_EQ(t.info.status_date, "2026-10");
  EXPECT_TRUE(t.info.mental_health) << "a depression study shows \"Need help now?\"";
  ASSERT_EQ(t.info.sites.size(), 2u);
  EXPECT_EQ(t.info.sites[0].zip, "10029");
  EXPECT_DOUBLE_EQ(*t.info.sites[0].lat, 40.71427);
  EXPECT_DOUBLE_EQ(*t.info.sites[1].lon, -74.17237);
  EXPECT_EQ(t.info.sites[1].status, "not_yet_recruiting");
  EXPECT_EQ(t.info.contact.name, "Alex Rivera, MA");
  EXPECT_EQ(t.info.contact.phone, "212-555-0142 ext. 3");
  EXPECT_EQ(t.info.contact.email, "depression.study@example.org");
  EXPECT_EQ(t.languages, std::vector<std::string>{"en"});
}

TEST(CtgovImport, AgeAndHealthAreAskedAndOnlyAgeCanRuleSomeoneOut) {
  const Trial t = *loaded(drafts_of("recruiting-study.json")[0]).trial;
  ASSERT_TRUE(t.find_question("age"));
  ASSERT_TRUE(t.find_question("has_condition"));
  EXPECT_EQ(verdict_for(t, {{"age", Answer::of_number(17)}}), Verdict::NotEligible);
  EXPECT_EQ(verdict_for(t, {{"age", Answer::of_number(66)}}), Verdict::NotEligible);
  EXPECT_NE(verdict_for(t, {{"age", Answer::of_number(18)}, {"has_condition", Answer::of_choice("yes")}}), Verdict::NotEligible);
  EXPECT_NE(verdict_for(t, {{"age", Answer::of_number(65)}, {"has_condition", Answer::of_choice("yes")}}), Verdict::NotEligible);
  EXPECT_EQ(verdict_for(t, {{"age", Answer::of_number(40)}, {"has_condition", Answer::of_choice("no")}}), Verdict::NeedsReview)
      << "a self-reported diagnosis is talked over, never a rule-out";
}

TEST(CtgovImport, EachFreeTextLineIsADraftThatValidationNamesAndTheAppRefuses) {
  const CtgovDraft draft = drafts_of("recruiting-study.json")[0];
  const TrialLoadResult result = loaded(draft);
  ASSERT_TRUE(result.trial);
  EXPECT_TRUE(result.trial->has_drafts());
  int drafts = 0;
  for (const Criterion& c : result.trial->criteria) {
    if (!c.draft) continue;
    ++drafts;
    EXPECT_TRUE(c.study_team_only()) << c.id;
  }
  EXPECT_EQ(drafts, 9);
  ASSERT_EQ(result.warnings.size(), 9u);
  EXPECT_EQ(result.warnings[0].pointer, "/criteria/2/draft");
  EXPECT_GT(result.warnings[0].position.line, 0) << "located";
  const Criterion& third = result.trial->criteria[4];
  EXPECT_EQ(text_in(third.text, "en"),
            "Inadequate response to at least two antidepressant treatments in the current episode, including: an "
            "adequate dose; for at least 6 weeks");
  EXPECT_EQ(third.source, "ClinicalTrials.gov NCT09990001: inclusion criterion 3 of the free text");

  flow::Flow flow(flow::Lang::En);
  flow.on_file_text("trials/NCT09990001.json", draft.trial.dump(2));
  EXPECT_EQ(flow.screen(), flow::Screen::Error) << "a draft is never shown to people";
  ASSERT_EQ(flow.errors().size(), 9u);
  EXPECT_NE(flow.errors()[0].find("/criteria/2/draft"), std::string::npos) << flow.errors()[0];
}

TEST(CtgovImport, FreeTextLinesAreReadAsTheRegistryWritesThem) {
  const auto lines = criteria_lines(
      "Key Inclusion Criteria:\r\n\r\n1. Adults\r\n2. Score \\>= 20 on a scale\r\n   * measured twice\r\n\r\n"
      "EXCLUSION CRITERIA:\n\n- Pregnant, or not using\n  birth control\n- Shift work\n");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_TRUE(lines[0].inclusion);
  EXPECT_EQ(lines[0].text, "Adults");
  EXPECT_EQ(lines[1].text, "Score >= 20 on a scale; measured twice");
  EXPECT_FALSE(lines[2].inclusion);
  EXPECT_EQ(lines[2].text, "Pregnant, or not using birth control");
  EXPECT_EQ(lines[3].text, "Shift work");
  const auto bold = criteria_lines("**Inclusion Criteria:**\n\n* Adults\n\n**Exclusion Criteria:**\n\n* Smokers\n");
  ASSERT_EQ(bold.size(), 2u) << "a bold heading is a heading, not an item";
  EXPECT_TRUE(bold[0].inclusion);
  EXPECT_FALSE(bold[1].inclusion) << "items after a bold exclusion heading are exclusions";
  const auto plain = criteria_lines("Must be able to attend visits.\n\nNo exclusion for smokers");
  ASSERT_EQ(plain.size(), 2u) << "a line that only mentions exclusion is not a heading";
  EXPECT_TRUE(plain[1].inclusion);
  EXPECT_TRUE(criteria_lines("").empty());
}

TEST(CtgovImport, RegistryAgesBecomeWholeYearsThatNeverTurnAwaySomeoneAllowed) {
  EXPECT_EQ(registry_age_years("18 Years"), 18);
  EXPECT_EQ(registry_age_years("65 years"), 65);
  EXPECT_EQ(registry_age_years("1 Year"), 1);
  EXPECT_EQ(registry_age_years("18 Months"), 1);
  EXPECT_EQ(registry_age_years("6 Months"), 0);
  EXPECT_EQ(registry_age_years("52 Weeks"), 0) << "52 weeks is just under a year";
  EXPECT_EQ(registry_age_years("730 Days"), 1);
  EXPECT_FALSE(registry_age_years(""));
  EXPECT_FALSE(registry_age_years("N/A"));
  EXPECT_FALSE(registry_age_years("18 Decades"));
  EXPECT_FALSE(registry_age_years("-3 Years"));
  EXPECT_FALSE(registry_age_years("1e300 Years")) << "not a person's age";
}

TEST(CtgovImport, TheListFormDraftsEveryStudyWithItsOwnLimits) {
  const std::vector<CtgovDraft> drafts = drafts_of("studies-list.json");
  ASSERT_EQ(drafts.size(), 2u);
  // Women only: asked, and a conversation rather than a rule-out.
  const TrialLoadResult women = loaded(drafts[0]);
  ASSERT_TRUE(women.trial);
  ASSERT_TRUE(women.trial->find_question("sex_at_birth"));
  EXPECT_EQ(verdict_for(*women.trial, {{"age", Answer::of_number(30)}, {"sex_at_birth", Answer::of_choice("male")},
                                        {"has_condition", Answer::of_choice("yes")}}),
            Verdict::NeedsReview);
  EXPECT_EQ(women.trial->info.contact.email, "light.study@example.org");
  // Completed, with no contact: the registry page, and a warning that it is not recruiting.
  const TrialLoadResult done = loaded(drafts[1]);
  ASSERT_TRUE(done.trial);
  EXPECT_EQ(done.trial->info.status, "completed");
  EXPECT_EQ(done.trial->info.contact.url, "https://clinicaltrials.gov/study/NCT09990003");
  EXPECT_FALSE(done.trial->find_question("has_condition")) << "healthy volunteers are welcome: nothing to ask";
  bool warned = false;
  for (const Diagnostic& w : done.warnings) warned = warned || w.pointer == "/trial/status";
  EXPECT_TRUE(warned);
}

TEST(CtgovImport, ADocumentThatIsNotARecordIsRefused) {
  std::string problem;
  EXPECT_TRUE(cli::drafts_from_ctgov(nlohmann::json::parse(R"({"nctId": "NCT1"})"), problem).empty());
  EXPECT_NE(problem.find("not a ClinicalTrials.gov API v2 study record"), std::string::npos);
  problem.clear();
  EXPECT_TRUE(cli::drafts_from_ctgov(nlohmann::json::parse(R"({"studies": []})"), problem).empty());
  EXPECT_EQ(problem, "the list of studies is empty");
  problem.clear();
  const auto no_id = cli::drafts_from_ctgov(nlohmann::json::parse(R"({"protocolSection": {}})"), problem);
  ASSERT_EQ(no_id.size(), 1u);
  EXPECT_EQ(no_id[0].id, "");
  // The id names the draft's file: a path in it is refused, never written.
  const auto escape = cli::drafts_from_ctgov(
      nlohmann::json::parse(R"({"protocolSection": {"identificationModule": {"nctId": "../../etc/NCT12345678"}}})"), problem);
  ASSERT_EQ(escape.size(), 1u);
  EXPECT_EQ(escape[0].id, "") << "not drafted";
}

TEST(TrialFormat, StatusSitesPlacesAndDraftsAreCheckedWhereTheyAre) {
  const std::string base = trialmatch_test::study_file_text("NCT04979910.json");
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = base;
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return load_trial(text);
  };
  const std::string id = "\"id\": \"NCT04979910\",";
  EXPECT_FALSE(with(id, id + " \"status\": \"open\",").trial);
  EXPECT_FALSE(with(id, id + " \"status\": \"recruiting\", \"status_date\": \"2026-13\",").trial);
  const TrialLoadResult recruiting = with(id, id + " \"status\": \"recruiting\", \"status_date\": \"2026-11-29\",");
  ASSERT_TRUE(recruiting.trial);
  EXPECT_TRUE(recruiting.warnings.empty());
  EXPECT_EQ(with(id, id + " \"status\": \"withdrawn\",").warnings.size(), 1u);
  const std::string site = "\"zip\": \"10025\"";
  ASSERT_NE(base.find(site), std::string::npos);
  EXPECT_TRUE(with(site, site + ", \"lat\": 40.79, \"lon\": -73.95, \"status\": \"recruiting\"").trial);
  EXPECT_FALSE(with(site, site + ", \"lat\": 40.79").trial) << "both or neither";
  EXPECT_FALSE(with(site, site + ", \"lat\": 91, \"lon\": 0").trial);
  EXPECT_FALSE(with(site, site + ", \"lat\": 40, \"lon\": 0, \"status\": \"open\"").trial);
  EXPECT_FALSE(with("\"source\":", "\"draft\": \"yes\", \"source\":").trial) << "draft is true or false";

  // The app opens no study the registry says is not recruiting.
  std::string withdrawn = base;
  withdrawn.replace(withdrawn.find(id), id.size(), id + " \"status\": \"withdrawn\",");
  flow::Flow flow(flow::Lang::En);
  flow.on_file_text("trials/NCT04979910.json", withdrawn);
  EXPECT_EQ(flow.screen(), flow::Screen::Error);
  ASSERT_EQ(flow.errors().size(), 1u);
  EXPECT_NE(flow.errors()[0].find("withdrawn"), std::string::npos);
}

TEST(TrialFormat, ASiteThatIsNotRecruitingIsNoPlaceToGo) {
  std::string error;
  const auto table = ZipTable::parse("# trialmatch-zips/1 test\n10001 4075 -7399\n", error);
  ASSERT_TRUE(table) << error;
  const ZipTable& zips = *table;
  Trial trial = trialmatch_test::study_file("NCT04979910.json");
  trial.info.sites = {{"Closed clinic", "New York", "NY", "10001", "United States", 40.75, -73.99, "completed"},
                      {"Open clinic", "Boston", "MA", "02115", "United States", 42.34, -71.09, "recruiting"}};
  const auto miles = nearest_site_miles(trial, zips, *zips.find("10001"));
  ASSERT_TRUE(miles);
  EXPECT_GT(*miles, 150) << "the closed clinic next door does not count";
  trial.info.sites[1].status = "";
  EXPECT_TRUE(nearest_site_miles(trial, zips, *zips.find("10001"))) << "a site without a status counts";
}

}  // namespace unit_ctgov_import
