// The result code a QR code carries (docs/result-code.md): every answer of every study file
// reads back exactly, with the verdict, from the same trial file and no other; a code that
// is garbled, cut short or made with another file is refused with a plain reason.
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "../../app/cli/answer_draws.h"
#include "answer_classes.h"
#include "answer_words.h"
#include "result_code.h"
#include "session.h"
#include "study_files.h"
#include "test_support.h"
#include "trial_loader.h"

namespace unit_result_code {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

using namespace trialmatch;

namespace {

const char* const kQuestions = R"json(
    {"id": "smoker", "type": "yes_no", "text": {"en": "Do you smoke?"}, "unknown": ["not_sure"]},
    {"id": "mri", "type": "multiple", "text": {"en": "Any of these?"}, "options": [
      {"id": "pacemaker", "text": {"en": "Pacemaker"}}, {"id": "metal", "text": {"en": "Metal"}},
      {"id": "none", "text": {"en": "None of these"}, "exclusive": true}]},
    {"id": "weight", "type": "number", "text": {"en": "Weight?"}, "min": 30, "max": 300, "integer": false,
     "unknown": ["prefer_not_to_say"]},
    {"id": "diagnosed", "type": "month_year", "text": {"en": "When?"}, "min": "2000-01", "max": "2030-12"}
)json";

const char* const kCriteria = R"json(
    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "text": {"en": "No smokers."}, "source": "E1"},
    {"id": "mri_safe", "type": "exclusion", "rule": "mri has \"pacemaker\"", "text": {"en": "MRI."}, "source": "E2"},
    {"id": "heavy", "type": "inclusion", "rule": "weight >= 50", "text": {"en": "Weight."}, "source": "I1"},
    {"id": "recent", "type": "inclusion", "rule": "diagnosed >= \"2020-01\"", "text": {"en": "Recent."}, "source": "I2"}
)json";

// The code read back with `trial`: the answers it lists, in order.
DecodedAnswers read_back(const std::string& code, const Trial& trial) {
  std::string problem;
  const auto read = read_result_code(code, problem);
  EXPECT_TRUE(read) << code << ": " << problem;
  if (!read) return {};
  EXPECT_TRUE(result_code_matches(*read, trial));
  return decode_result_answers(*read, trial);
}

// The start of the file's hash, as a code writes it: in capitals.
std::string hash8(const Trial& trial) {
  std::string out = trial.sha256.substr(0, 8);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string problem_of(const std::string& code) {
  std::string problem;
  EXPECT_FALSE(read_result_code(code, problem)) << code;
  return problem;
}

}  // namespace

TEST(ResultCode, EveryKindOfAnswerReadsBackExactly) {
  const Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(kQuestions, kCriteria));
  Session session(trial);
  ASSERT_FALSE(session.answer("smoker", Answer::of_choice("no")));
  ASSERT_FALSE(session.answer("mri", Answer::of_choices({"metal", "pacemaker"})));
  ASSERT_FALSE(session.answer("weight", Answer::of_number(72.5)));
  ASSERT_FALSE(session.answer("diagnosed", Answer::of_month_year(2024 * 12 + 2)));
  const std::string code = result_code(session);
  EXPECT_EQ(code, "TM1 NCT00000000 * " + hash8(trial) + " N 0:1 1:0+1 2:72.5 3:2024-03")
      << "a file without a version is written *; the hash in capitals";
  const DecodedAnswers back = read_back(code, trial);
  EXPECT_TRUE(back.errors.empty());
  EXPECT_EQ(back.order, (std::vector<int>{0, 1, 2, 3}));
  for (int q : back.order) EXPECT_EQ(*back.answers[static_cast<size_t>(q)], *session.answer_to(q)) << q;

  session.reset();
  ASSERT_FALSE(session.answer("smoker", Answer::unknown(UnknownKind::NotSure)));
  ASSERT_FALSE(session.answer("mri", Answer::of_choices({"none"})));
  ASSERT_FALSE(session.answer("weight", Answer::unknown(UnknownKind::PreferNotToSay)));
  const DecodedAnswers unknowns = read_back(result_code(session), trial);
  EXPECT_EQ(*unknowns.answers[0], Answer::unknown(UnknownKind::NotSure));
  EXPECT_EQ(*unknowns.answers[1], Answer::of_choices({"none"}));
  EXPECT_EQ(*unknowns.answers[2], Answer::unknown(UnknownKind::PreferNotToSay));
}

// Random people through each real study: the code names the study, its version and hash,
// the verdict and exactly the answers that count; read back, they give the same verdict and
// the same code again. The seed study's codes use only QR alphanumeric characters.
TEST(ResultCode, PeopleThroughEveryStudyFileReadBackToTheSameResult) {
  for (const std::string& name : trialmatch_test::study_file_names()) {
    const Trial& trial = trialmatch_test::study_file(name);
    std::vector<std::vector<AnswerClass>> classes;
    for (const Question& q : trial.questions) classes.push_back(answer_classes(trial, q));
    cli::AnswerDraws draws(20261129);
    Session session(trial);
    for (int person = 0; person < 300; ++person) {
      session.reset();
      while (!session.finished()) {
        const int q = session.progress().next_question;
        ASSERT_FALSE(session.answer(q, draws.pick(classes[static_cast<size_t>(q)])));
      }
      const std::string code = result_code(session);
      ASSERT_EQ(code.rfind("TM1 " + trial.info.id + " " + trial.info.version + " ", 0), 0u) << code;
      EXPECT_EQ(code.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"), std::string::npos) << code;
      const DecodedAnswers back = read_back(code, trial);
      ASSERT_TRUE(back.errors.empty()) << code << ": " << back.errors.front();
      EXPECT_EQ(back.order, session.progress().history) << code;
      Session again(trial);
      for (int q : back.order) ASSERT_FALSE(again.answer(q, *back.answers[static_cast<size_t>(q)]));
      EXPECT_EQ(again.evaluation().verdict, session.evaluation().verdict) << code;
      EXPECT_EQ(result_code(again), code);
    }
  }
}

TEST(ResultCode, AnIdOrVersionWithSpacesOrPercentSignsStaysOneWord) {
  std::string text = trialmatch_test::trial_document(kQuestions, kCriteria);
  const std::string id = "\"id\": \"NCT00000000\"";
  ASSERT_NE(text.find(id), std::string::npos);
  text.replace(text.find(id), id.size(), "\"id\": \"my study 100%\", \"version\": \"spring *2027*\"");
  const Trial trial = trialmatch_test::load_valid(text);
  Session session(trial);
  ASSERT_FALSE(session.answer("smoker", Answer::of_choice("yes")));
  const std::string code = result_code(session);
  EXPECT_EQ(code.rfind("TM1 my%20study%20100%25 spring%20%2A2027%2A ", 0), 0u) << code;
  std::string problem;
  const auto read = read_result_code(code, problem);
  ASSERT_TRUE(read) << problem;
  EXPECT_EQ(read->study_id, "my study 100%");
  EXPECT_EQ(read->version, "spring *2027*");
  EXPECT_TRUE(result_code_matches(*read, trial));
}

TEST(ResultCode, AGarbledOrShortCodeIsRefusedWithAReason) {
  EXPECT_NE(problem_of("").find("not a result code"), std::string::npos);
  EXPECT_NE(problem_of("https://example.org/").find("not a result code"), std::string::npos);
  EXPECT_NE(problem_of("TM2 NCT1 * 0123ABCD L").find("not a result code"), std::string::npos);
  EXPECT_NE(problem_of("TM1 NCT1 * 0123ABCD").find("cut short"), std::string::npos);
  EXPECT_NE(problem_of("TM1 NCT1 * 0123ABC L").find("hex digits"), std::string::npos);
  EXPECT_NE(problem_of("TM1 NCT1 * 0123ABCG L").find("hex digits"), std::string::npos);
  EXPECT_NE(problem_of("TM1 NCT1 * 0123ABCD X").find("L, R or N"), std::string::npos);
  EXPECT_NE(problem_of("TM1 NCT%2 * 0123ABCD L").find("garbled"), std::string::npos);
  EXPECT_NE(problem_of("TM1 NCT1 * 0123ABCD L 3").find("QUESTION:VALUE"), std::string::npos);
  EXPECT_NE(problem_of("TM1 NCT1 * 0123ABCD L 3:").find("QUESTION:VALUE"), std::string::npos);
  EXPECT_NE(problem_of("TM1 NCT1 * 0123ABCD L x:1").find("QUESTION:VALUE"), std::string::npos);
}

TEST(ResultCode, AnUnknownAnswerTheQuestionDoesNotOfferIsRefused) {
  const Trial& seed = trialmatch_test::study_file("NCT04979910.json");
  const int breastfeeding = seed.question_index("breastfeeding");
  ASSERT_GE(breastfeeding, 0);
  ASSERT_TRUE(seed.questions[static_cast<size_t>(breastfeeding)].unknown_answers.empty());
  const std::string head = "TM1 NCT04979910 2026-11-29 " + hash8(seed) + " R ";
  EXPECT_FALSE(read_back(head + std::to_string(breastfeeding) + ":U", seed).errors.empty());
  EXPECT_FALSE(read_back(head + "0:U", seed).errors.empty()) << "age offers \"Prefer not to say\", not \"not sure\"";
  EXPECT_TRUE(read_back(head + "0:P", seed).errors.empty());
}

TEST(ResultCode, AnswersThatDoNotFitTheFileAreEachNamed) {
  const Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(kQuestions, kCriteria));
  const std::string head = "TM1 NCT00000000 * " + hash8(trial) + " R ";
  for (const char* bad : {"9:1", "0:2", "0:x", "1:0+", "1:0+7", "1:+", "1:0+0", "2:500", "2:72.50", "2:1e2", "3:2024-13",
                                 "3:2024-3", "0:1 0:0"}) {
    const DecodedAnswers back = read_back(head + bad, trial);
    EXPECT_FALSE(back.errors.empty()) << bad;
  }
  std::string problem;
  const auto other = read_result_code("TM1 NCT00000000 * 00000000 R", problem);
  ASSERT_TRUE(other);
  EXPECT_FALSE(result_code_matches(*other, trial)) << "another file's hash";
  const auto renamed = read_result_code("TM1 other-trial * " + hash8(trial) + " R", problem);
  ASSERT_TRUE(renamed);
  EXPECT_FALSE(result_code_matches(*renamed, trial)) << "another study";
}

// What `decode` and the screens say for each kind of answer (one function for both).
TEST(AnswerWords, EveryKindOfAnswerInWords) {
  const Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(kQuestions, kCriteria));
  const auto q = [&](const char* id) -> const Question& { return *trial.find_question(id); };
  EXPECT_EQ(answer_words(q("smoker"), Answer::of_choice("no"), "en"), "No") << "a single choice";
  EXPECT_EQ(answer_words(q("smoker"), Answer::unknown(UnknownKind::NotSure), "en"), "I'm not sure");
  EXPECT_EQ(answer_words(q("mri"), Answer::of_choices({"pacemaker", "metal"}), "en"), "Pacemaker; Metal")
      << "in the question's order";
  EXPECT_EQ(answer_words(q("weight"), Answer::of_number(72.5), "en"), "72.5");
  EXPECT_EQ(answer_words(q("diagnosed"), Answer::of_month_year(2024 * 12 + 2), "en"), "2024-03");
  EXPECT_EQ(answer_words(q("diagnosed"), Answer::of_month_year(2024 * 12 + 2), "en",
                         [](int m) { return "month " + std::to_string(m % 12 + 1); }),
            "month 3");
  EXPECT_EQ(answer_words(q("smoker"), Answer::of_choice("yes"), "fr"), "yes") << "no words in French: the id";
}

}  // namespace unit_result_code
