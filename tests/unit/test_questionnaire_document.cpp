// `trialmatch render`: the document a study team and an ethics board sign off holds every
// question, criterion, safety trigger and the summary of paths, in the language asked for,
// and text from the trial file cannot break out of the HTML.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "evaluation.h"
#include "paths.h"
#include "questionnaire_document.h"
#include "test_support.h"
#include "trial_loader.h"

using namespace trialmatch;

namespace {

const Trial& seed() {
  static const Trial trial = [] {
    std::ifstream in(TRIALMATCH_SOURCE_DIR "/assets/trials/NCT04979910.json", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return trialmatch_test::load_valid(s.str());
  }();
  return trial;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Markdown escapes a few characters; compare with them removed.
std::string unescaped(std::string text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\\' && i + 1 < text.size())) out += text[i];
    else out += text[++i];
  return out;
}

TEST(QuestionnaireDocument, HoldsEveryQuestionCriterionAndSourceInEachLanguage) {
  for (const std::string lang : {"en", "es"}) {
    const std::string doc = unescaped(render_questionnaire(seed(), lang, DocumentFormat::Markdown));
    for (const Question& q : seed().questions) {
      EXPECT_TRUE(contains(doc, text_in(q.text, lang))) << lang << " " << q.id;
      if (!q.why.empty()) {
        EXPECT_TRUE(contains(doc, text_in(q.why, lang))) << lang << " why " << q.id;
      }
      if (q.ask_if) {
        EXPECT_TRUE(contains(doc, q.ask_if->source)) << lang << " ask_if " << q.id;
      }
      for (const Option& o : q.options)
        if (!o.text.empty()) {
          EXPECT_TRUE(contains(doc, text_in(o.text, lang))) << lang << " " << q.id << "/" << o.id;
        }
    }
    for (const Criterion& c : seed().criteria) {
      EXPECT_TRUE(contains(doc, text_in(c.text, lang))) << lang << " " << c.id;
      if (!c.because.empty()) {
        EXPECT_TRUE(contains(doc, text_in(c.because, lang))) << lang << " because " << c.id;
      }
      EXPECT_TRUE(contains(doc, c.source)) << c.id;
      if (c.rule) {
        EXPECT_TRUE(contains(doc, c.rule->source)) << c.id;
      }
    }
  }
}

TEST(QuestionnaireDocument, SaysWhenEachQuestionIsAskedInWords) {
  const std::string en = render_questionnaire(seed(), "en", DocumentFormat::Markdown);
  EXPECT_TRUE(contains(en, "only when Q12 is not \xE2\x80\x9CNo\xE2\x80\x9D and Q13 is not \xE2\x80\x9CYes\xE2\x80\x9D"));
  const std::string es = render_questionnaire(seed(), "es", DocumentFormat::Markdown);
  EXPECT_TRUE(contains(es, "solo cuando P12 no es \xE2\x80\x9CNo\xE2\x80\x9D y P13 no es \xE2\x80\x9CS\xC3\xAD\xE2\x80\x9D"));
  EXPECT_TRUE(contains(es, "## Preguntas"));
  EXPECT_FALSE(contains(es, "## Questions"));
}

TEST(QuestionnaireDocument, ConditionWordsKeepAndOrGrouping) {
  const Criterion* condoms = nullptr;
  for (const Criterion& c : seed().criteria)
    if (c.id == "condoms") condoms = &c;
  ASSERT_NE(condoms, nullptr);
  EXPECT_EQ(condition_in_words(seed(), *condoms->rule, "en"),
            "Q12 is \xE2\x80\x9CYes\xE2\x80\x9D or Q16 is \xE2\x80\x9CNo\xE2\x80\x9D or Q17 is \xE2\x80\x9CYes\xE2\x80\x9D");
  const Trial t = trialmatch_test::load_valid(trialmatch_test::trial_document(
      R"json(    {"id": "age", "type": "number", "text": {"en": "Age?", "es": "¿Edad?"}, "min": 0, "max": 120},
    {"id": "smoker", "type": "yes_no", "text": {"en": "Smoke?", "es": "¿Fuma?"}})json",
      R"json(    {"id": "c", "type": "inclusion", "rule": "age >= 18 and (smoker = \"yes\" or not (age > 60))", "text": {"en": "C.", "es": "C."}, "source": "S"})json",
      {"en", "es"}, "trialmatch/1"));
  EXPECT_EQ(condition_in_words(t, *t.criteria[0].rule, "en"),
            "Q1 is at least 18 and (Q2 is \xE2\x80\x9CYes\xE2\x80\x9D or not (Q1 is more than 60))");
}

TEST(QuestionnaireDocument, ListsBothSafetyTriggers) {
  const std::string doc = render_questionnaire(seed(), "en", DocumentFormat::Markdown);
  const size_t section = doc.find("## Safety triggers");
  ASSERT_NE(section, std::string::npos);
  const std::string rest = doc.substr(section);
  EXPECT_TRUE(contains(rest, "self_harm_thoughts = \"yes\""));
  EXPECT_TRUE(contains(rest, "recent_suicide_attempt = \"yes\""));
  EXPECT_TRUE(contains(rest, "shows the crisis support screen at once"));
}

TEST(QuestionnaireDocument, SummarisesThePathsWithTheCountsThePathWalkerFinds) {
  std::map<Verdict, size_t> counts;
  const size_t all = for_each_path(seed(), [&](const QuestionPath& p) { ++counts[p.evaluation.verdict]; });
  const std::string doc = render_questionnaire(seed(), "en", DocumentFormat::Markdown);
  EXPECT_TRUE(contains(doc, std::to_string(all) + " paths in all"));
  EXPECT_TRUE(contains(doc, "**likely eligible** `likely_eligible`: " + std::to_string(counts[Verdict::LikelyEligible]) + ";"));
  EXPECT_TRUE(contains(doc, "**not eligible** `not_eligible`: " + std::to_string(counts[Verdict::NotEligible]) + ";"));
}

TEST(QuestionnaireDocument, HtmlEscapesTheTrialsTextAndNamesItsLanguage) {
  const Trial t = trialmatch_test::load_valid(trialmatch_test::trial_document(
      R"json(    {"id": "age", "type": "number", "text": {"en": "Age <script>alert(1)</script>?", "es": "¿Edad & \"años\"?"}, "min": 0, "max": 120})json",
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults <b>only</b>.", "es": "Solo adultos."}, "source": "S <i>"})json",
      {"en", "es"}, "trialmatch/1"));
  const std::string html = render_questionnaire(t, "es", DocumentFormat::Html);
  EXPECT_TRUE(contains(html, "<html lang=\"es\">"));
  EXPECT_TRUE(contains(html, "¿Edad &amp; &quot;años&quot;?"));
  EXPECT_FALSE(contains(html, "<i>"));
  const std::string en = render_questionnaire(t, "en", DocumentFormat::Html);
  EXPECT_FALSE(contains(en, "<script>"));
  EXPECT_TRUE(contains(en, "Age &lt;script&gt;alert(1)&lt;/script&gt;?"));
  EXPECT_FALSE(contains(en, "<b>only"));
}

}  // namespace
