// The problems the checks report, in English and in Spanish (app/core/problem_words.def): the
// two sentences of each problem name the same things, and what the loader reports reads in
// Spanish for the studio's Spanish interface.
#include <gtest/gtest.h>

#include "content_checks.h"
#include "problem.h"
#include "problem_spanish.h"
#include "study_files.h"
#include "trial_loader.h"

namespace unit_problem_words {

using namespace trialmatch;

TEST(ProblemWords, EachProblemsSpanishSentenceNamesWhatItsEnglishOneNames) {
  const std::vector<ProblemArg> places = {"<1>", "<2>", "<3>", "<4>", "<5>", "<6>", "<7>", "<8>", "<9>"};
  for (int p = 0; p < static_cast<int>(Problem::None); ++p) {
    SCOPED_TRACE(p);
    const Diagnostic d = diagnostic("", {}, static_cast<Problem>(p), places);
    const std::string spanish = studio::in_spanish(d);
    EXPECT_FALSE(d.message.empty());
    EXPECT_FALSE(spanish.empty());
    for (const ProblemArg& place : places)
      EXPECT_EQ(d.message.find(place.text) != std::string::npos, spanish.find(place.text) != std::string::npos)
          << d.message << "\n" << spanish;
  }
}

TEST(ProblemWords, TheLoadersProblemsReadInSpanishWithTheirPlacesAndWords) {
  std::string text = trialmatch_test::study_file_text("NCT04979910.json");
  auto put = [&](const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  put("\"rule\": \"age >= 18 and age <= 70\"", "\"rule\": \"age >= 18 and\"");
  put("\"title\": {", "\"title\": 5, \"x\": {");
  const TrialLoadResult loaded = load_trial(text);
  ASSERT_FALSE(loaded.trial);
  std::vector<std::string> spanish;
  for (const Diagnostic& d : loaded.errors) {
    EXPECT_NE(d.said.problem, Problem::None) << d.message;
    spanish.push_back(studio::in_spanish(d));
  }
  auto has = [&](const std::string& words) {
    return std::any_of(spanish.begin(), spanish.end(), [&](const std::string& s) { return s == words; });
  };
  EXPECT_TRUE(has("no se puede leer la condición: se esperaba el identificador de una pregunta, pero se encontró el final de la "
                  "condición (columna 14 de la condición)"))
      << ::testing::PrintToString(spanish);
  EXPECT_TRUE(has("\"title\" debe ser un texto traducido como {\"en\": \"...\", \"es\": \"...\"}, no un número"))
      << ::testing::PrintToString(spanish);
}

TEST(ProblemWords, EveryProblemOfABrokenFileAndOfItsContentIsInTheList) {
  const TrialLoadResult broken = load_trial(trialmatch_test::read_source_file("tests/data/trials/broken-seed.json"));
  EXPECT_GT(broken.errors.size(), 3u);
  for (const Diagnostic& d : broken.errors) EXPECT_NE(d.said.problem, Problem::None) << d.message;
  const TrialLoadResult seed = load_trial(trialmatch_test::study_file_text("NCT04979910.json"));
  ASSERT_TRUE(seed.trial);
  const ContentFindings content = check_trial_content(*seed.trial);
  EXPECT_GT(content.warnings.size(), 0u);
  for (const Diagnostic& d : content.warnings) {
    EXPECT_EQ(d.said.problem, Problem::ReadingGrade) << d.message;
    EXPECT_EQ(studio::in_spanish(d).rfind("se lee a un nivel de grado ", 0), 0u) << studio::in_spanish(d);
  }
}

}  // namespace unit_problem_words
