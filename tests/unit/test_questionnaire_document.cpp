// `trialmatch render`: the document a study team and an ethics board sign off holds every
// question, criterion, safety trigger and the summary of paths, in the language asked for,
// and text from the trial file cannot break out of the HTML. A catalog's document holds each
// shared question once, with how every recruiting study uses its answer, each study's own
// questions under that study, and the closed studies with their own status and date.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "catalog.h"
#include "condition.h"
#include "evaluation.h"
#include "paths.h"
#include "questionnaire_document.h"
#include "study_files.h"
#include "test_support.h"
#include "trial_loader.h"

namespace unit_questionnaire_document {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

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
  EXPECT_TRUE(contains(en, "only when Q13 is not \xE2\x80\x9CNo\xE2\x80\x9D and Q14 is not \xE2\x80\x9CYes\xE2\x80\x9D"));
  const std::string es = render_questionnaire(seed(), "es", DocumentFormat::Markdown);
  EXPECT_TRUE(contains(es, "solo cuando P13 no es \xE2\x80\x9CNo\xE2\x80\x9D y P14 no es \xE2\x80\x9CS\xC3\xAD\xE2\x80\x9D"));
  EXPECT_TRUE(contains(es, "## Preguntas"));
  EXPECT_FALSE(contains(es, "## Questions"));
}

TEST(QuestionnaireDocument, ConditionWordsKeepAndOrGrouping) {
  const Criterion* condoms = nullptr;
  for (const Criterion& c : seed().criteria)
    if (c.id == "condoms") condoms = &c;
  ASSERT_NE(condoms, nullptr);
  EXPECT_EQ(condition_in_words(seed(), *condoms->rule, "en"),
            "Q13 is \xE2\x80\x9CYes\xE2\x80\x9D or Q17 is \xE2\x80\x9CNo\xE2\x80\x9D or Q18 is \xE2\x80\x9CYes\xE2\x80\x9D");
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

// A rule written over several lines, with a blank line, stays one code span in Markdown: a
// blank line would end the span and the paragraph, and the rest would be read as Markdown.
TEST(QuestionnaireDocument, MarkdownKeepsARuleOverSeveralLinesInOneCodeSpan) {
  const Trial t = trialmatch_test::load_valid(trialmatch_test::trial_document(
      R"json(    {"id": "age", "type": "number", "text": {"en": "Age?", "es": "¿Edad?"}, "min": 0, "max": 120})json",
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18\n\nand\r\nage <= 99", "text": {"en": "Adults.", "es": "Adultos."}, "source": "S"})json",
      {"en", "es"}, "trialmatch/1"));
  const std::string md = render_questionnaire(t, "en", DocumentFormat::Markdown);
  EXPECT_TRUE(contains(md, "`age >= 18  and  age <= 99`")) << md;
  EXPECT_FALSE(contains(md, "\n\nand")) << md;
  EXPECT_FALSE(contains(md, "\r"));
}

// The shipped catalog with its studies' files (a closed study has none).
struct ShippedCatalog {
  Catalog catalog;
  std::vector<const Trial*> trials;
};

const ShippedCatalog& shipped() {
  static const ShippedCatalog shipped = [] {
    CatalogLoadResult r = load_catalog(trialmatch_test::read_source_file("assets/catalogs/depression.json"));
    if (!r.catalog) throw std::runtime_error("assets/catalogs/depression.json is not valid");
    ShippedCatalog out{*r.catalog, {}};
    for (const CatalogStudy& s : out.catalog.studies) {
      const std::string file_name = s.trial_file.substr(s.trial_file.rfind('/') + 1);
      out.trials.push_back(s.trial_file.empty() ? nullptr : &trialmatch_test::study_file(file_name));
    }
    return out;
  }();
  return shipped;
}

size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

// The text from `start`, a heading of `level`, to the next heading of the same level or higher;
// "" when `start` is not there.
std::string section(const std::string& doc, const std::string& start, int level, bool html) {
  const size_t at = doc.find(start);
  if (at == std::string::npos) return "";
  size_t end = std::string::npos;
  for (int l = 1; l <= level; ++l) {
    const std::string next =
        html ? "<h" + std::to_string(l) + ">" : "\n" + std::string(static_cast<size_t>(l), '#') + " ";
    end = std::min(end, doc.find(next, at + start.size()));
  }
  return doc.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

// The catalog's document in one language and format, Markdown unescaped, with the helpers to
// write headings and bold and code the way that format does.
struct CatalogDoc {
  std::string lang;
  bool html;
  std::string text;
  CatalogDoc(const std::string& l, DocumentFormat f)
      : lang(l), html(f == DocumentFormat::Html), text(render_catalog(shipped().catalog, shipped().trials, l, f)) {
    if (!html) text = unescaped(text);
  }
  std::string heading(int level, const std::string& words) const {
    return html ? "<h" + std::to_string(level) + ">" + words
                : "\n" + std::string(static_cast<size_t>(level), '#') + " " + words;
  }
  std::string strong(const std::string& words) const {
    return html ? "<strong>" + words + "</strong>" : "**" + words + "**";
  }
  std::string code(const std::string& words) const { return html ? "<code>" + words + "</code>" : "`" + words + "`"; }
  // How the document writes a text from a file (escaped in HTML; Markdown is unescaped above).
  std::string text_of(const std::string& raw) const {
    if (!html) return raw;
    std::string out;
    for (char c : raw) {
      if (c == '&') out += "&amp;";
      else if (c == '<') out += "&lt;";
      else if (c == '>') out += "&gt;";
      else if (c == '"') out += "&quot;";
      else out += c;
    }
    return out;
  }
  std::string shared_label(size_t k) const { return (lang == "es" ? "PC" : "S") + std::to_string(k + 1); }
};

// The shipped catalog's document in both languages and both formats, written once.
const std::vector<CatalogDoc>& every_catalog_doc() {
  static const std::vector<CatalogDoc> docs = [] {
    std::vector<CatalogDoc> out;
    for (const std::string lang : {"en", "es"})
      for (DocumentFormat f : {DocumentFormat::Markdown, DocumentFormat::Html}) out.emplace_back(lang, f);
    return out;
  }();
  return docs;
}

const Question& shared_question(const std::string& id) {
  for (const Trial* t : shipped().trials)
    if (t && t->find_question(id)) return *t->find_question(id);
  throw std::runtime_error("no study asks " + id);
}

TEST(CatalogDocument, AsksEachSharedQuestionOnceAndSaysHowEveryRecruitingStudyUsesIt) {
  const Catalog& catalog = shipped().catalog;
  ASSERT_FALSE(catalog.shared_questions.empty());
  for (const CatalogDoc& doc : every_catalog_doc()) {
    for (size_t k = 0; k < catalog.shared_questions.size(); ++k) {
      const Question& q = shared_question(catalog.shared_questions[k]);
      const std::string title = doc.shared_label(k) + ". " + doc.text_of(text_in(q.text, doc.lang));
      EXPECT_EQ(count(doc.text, doc.heading(3, title)), 1u) << doc.lang << " " << q.id;
      // Its id and type are written once for each time the question is written out.
      EXPECT_EQ(count(doc.text, doc.code(q.id) + " (" + doc.code(question_type_id(q.type)) + ")"), 1u)
          << doc.lang << " " << q.id;
      const std::string under = section(doc.text, doc.heading(3, title), 3, doc.html);
      for (size_t s = 0; s < catalog.studies.size(); ++s)
        EXPECT_EQ(contains(under, doc.strong(catalog.studies[s].id)), catalog.studies[s].open())
            << doc.lang << " " << q.id << " " << catalog.studies[s].id;
    }
  }
}

TEST(CatalogDocument, UnderASharedQuestionEachStudyNamesItsCriteriaOrItsReason) {
  const Trial& seed_study = trialmatch_test::study_file("NCT04979910.json");
  const Trial& mgh = trialmatch_test::study_file("NCT06136546.json");
  const Question* age = seed_study.find_question("age");
  ASSERT_NE(age, nullptr);
  std::vector<std::string> age_criteria;
  for (const Criterion& c : seed_study.criteria)
    if (c.rule) {
      const std::vector<int>& refs = referenced_questions(*c.rule);
      if (std::find(refs.begin(), refs.end(), age->index) != refs.end()) age_criteria.push_back(c.id);
    }
  ASSERT_FALSE(age_criteria.empty());
  ASSERT_EQ(mgh.find_question("condoms"), nullptr);
  ASSERT_TRUE(mgh.answers_not_used.count("condoms"));
  const Catalog& catalog = shipped().catalog;
  const auto number = [&](const std::string& id) {
    return static_cast<size_t>(std::find(catalog.shared_questions.begin(), catalog.shared_questions.end(), id) -
                               catalog.shared_questions.begin());
  };
  for (const CatalogDoc& doc : every_catalog_doc()) {
    const std::string under_age =
        section(doc.text, doc.heading(3, doc.shared_label(number("age")) + ". "), 3, doc.html);
    std::string seed_lines;  // what the seed study says under "age"
    for (size_t at = under_age.find(doc.strong("NCT04979910")); at != std::string::npos;
         at = under_age.find(doc.strong("NCT04979910"), at + 1))
      seed_lines += under_age.substr(at, under_age.find('\n', at) - at);
    for (const std::string& id : age_criteria) EXPECT_TRUE(contains(seed_lines, doc.code(id))) << doc.lang << " " << id;
    EXPECT_TRUE(contains(seed_lines, doc.text_of("age >= 18"))) << doc.lang;  // the rule itself
    const std::string under_condoms =
        section(doc.text, doc.heading(3, doc.shared_label(number("condoms")) + ". "), 3, doc.html);
    const size_t line = under_condoms.find(doc.strong("NCT06136546"));
    ASSERT_NE(line, std::string::npos) << doc.lang;
    const std::string said = under_condoms.substr(line, under_condoms.find('\n', line) - line);
    EXPECT_TRUE(contains(said, doc.text_of(mgh.answers_not_used.at("condoms")))) << doc.lang << ": " << said;
    EXPECT_TRUE(contains(said, doc.lang == "es" ? "no la hace" : "does not ask it")) << said;
  }
}

TEST(CatalogDocument, PutsEachStudysOwnQuestionsUnderThatStudyOnly) {
  const Catalog& catalog = shipped().catalog;
  for (const CatalogDoc& doc : every_catalog_doc()) {
    for (size_t s = 0; s < catalog.studies.size(); ++s) {
      const CatalogStudy& study = catalog.studies[s];
      const std::string start = doc.heading(2, study.id + ": ");
      if (!study.open()) {
        EXPECT_FALSE(contains(doc.text, start)) << study.id;  // a closed study is only listed
        continue;
      }
      const std::string part = section(doc.text, start, 2, doc.html);
      ASSERT_FALSE(part.empty()) << doc.lang << " " << study.id;
      size_t own = 0;
      for (const Question& q : shipped().trials[s]->questions) {
        const bool shared = catalog.is_shared(q.id);
        const std::string written = doc.code(q.id) + " (" + doc.code(question_type_id(q.type)) + ")";
        EXPECT_EQ(contains(part, written), !shared) << doc.lang << " " << study.id << " " << q.id;
        if (shared) continue;
        ++own;
        const std::string label = (doc.lang == "es" ? "P" : "Q") + std::to_string(q.index + 1) + ". ";
        EXPECT_TRUE(contains(part, doc.heading(4, label + doc.text_of(text_in(q.text, doc.lang)))))
            << doc.lang << " " << study.id << " " << q.id;
        // Nowhere else: not under the shared questions, not under another study.
        EXPECT_EQ(count(doc.text, written), 1u) << doc.lang << " " << study.id << " " << q.id;
      }
      EXPECT_GT(own, 0u) << study.id;  // each shipped study has questions of its own
    }
  }
}

TEST(CatalogDocument, ListsClosedStudiesWithTheirOwnStatusAndDate) {
  const Catalog& catalog = shipped().catalog;
  const std::map<std::string, std::map<std::string, std::string>> expected = {
      {"NCT07052058", {{"en", "not yet recruiting"}, {"es", "todavía no recluta"}}},
      {"NCT02660528", {{"en", "terminated"}, {"es", "terminado antes de tiempo"}}},
  };
  for (const CatalogDoc& doc : every_catalog_doc()) {
    const std::string closed =
        section(doc.text, doc.heading(2, doc.lang == "es" ? "Estudios cerrados" : "Closed studies"), 2, doc.html);
    ASSERT_FALSE(closed.empty()) << doc.lang;
    size_t listed = 0;
    for (const CatalogStudy& study : catalog.studies) {
      const size_t at = closed.find(doc.strong(study.id));
      EXPECT_EQ(at != std::string::npos, !study.open()) << doc.lang << " " << study.id;
      if (at == std::string::npos) continue;
      ++listed;
      const std::string line = closed.substr(at, closed.find('\n', at) - at);
      EXPECT_TRUE(contains(line, doc.code(study_status_id(study.status)))) << line;
      EXPECT_TRUE(contains(line, study.status_date)) << line;
      if (expected.count(study.id)) {
        EXPECT_TRUE(contains(line, expected.at(study.id).at(doc.lang) + " " + doc.code(study_status_id(study.status))))
            << line;
      }
      if (study.status != StudyStatus::Completed) {
        EXPECT_FALSE(contains(line, doc.code("completed"))) << line;
      }
    }
    EXPECT_EQ(listed, 4u) << doc.lang;
  }
  // The table of every study says the same.
  const CatalogDoc& en = every_catalog_doc().front();
  for (const CatalogStudy& study : catalog.studies)
    if (study.id == "NCT07052058") {
      EXPECT_TRUE(contains(en.text, "| NCT07052058 |"));
      EXPECT_TRUE(contains(en.text, "| not yet recruiting `not_yet_recruiting` | " + study.status_date + " |"));
    }
}

TEST(CatalogDocument, HtmlEscapesEveryTextFromTheFiles) {
  const Trial trial = trialmatch_test::load_valid(trialmatch_test::trial_document(
      R"json(    {"id": "age", "type": "number", "text": {"en": "Age <b>now</b>?"}, "min": 0, "max": 120},
    {"id": "smoker", "type": "yes_no", "text": {"en": "Do you smoke <b>daily</b>?"}})json",
      R"json(    {"id": "adult", "type": "inclusion", "rule": "age >= 18", "text": {"en": "Adults <b>only</b>."}, "source": "S <i>"},
    {"id": "no_smoking", "type": "exclusion", "rule": "smoker = \"yes\"", "text": {"en": "No smokers."}, "source": "S"})json"));
  const CatalogLoadResult r = load_catalog(R"json({"format": "trialmatch-catalog/1", "languages": ["en"],
    "title": {"en": "Tests <i>& more</i>"}, "welcome_note": {"en": "Personal <script>x</script>"},
    "shared_questions": ["age"],
    "studies": [
      {"id": "NCT00000000", "trial": "t.json", "status": "recruiting", "status_date": "2026-01-02",
       "status_source": "copy <u>read</u> today", "title": {"en": "Test <b>study</b>"}},
      {"id": "NCT00000001", "status": "withdrawn", "status_date": "2026-01", "title": {"en": "Old <b>study</b>"}}]})json");
  ASSERT_TRUE(r.catalog.has_value());
  const std::string html = render_catalog(*r.catalog, {&trial, nullptr}, "en", DocumentFormat::Html);
  for (const char* tag : {"<b>", "</b>", "<i>", "<u>", "<script>"}) EXPECT_FALSE(contains(html, tag)) << tag;
  EXPECT_TRUE(contains(html, "<h3>S1. Age &lt;b&gt;now&lt;/b&gt;?</h3>"));
  EXPECT_TRUE(contains(html, "<h4>Q2. Do you smoke &lt;b&gt;daily&lt;/b&gt;?</h4>"));
  EXPECT_TRUE(contains(html, "<title>Tests &lt;i&gt;&amp; more&lt;/i&gt;</title>"));
  EXPECT_TRUE(contains(html, "copy &lt;u&gt;read&lt;/u&gt; today"));
  EXPECT_TRUE(contains(html, "withdrawn <code>withdrawn</code>"));
  const std::string md = render_catalog(*r.catalog, {&trial, nullptr}, "en", DocumentFormat::Markdown);
  EXPECT_TRUE(contains(md, "### S1. Age \\<b\\>now\\</b\\>?"));
  EXPECT_FALSE(contains(md, "<b>"));
}

}  // namespace

}  // namespace unit_questionnaire_document
