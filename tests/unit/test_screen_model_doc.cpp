// The screen model's JSON (app/flow/screen_model.h) is a contract with the page: the
// accessibility mirror and the browser tests read it. docs/screen-model.md describes it.
// Every key the app produces, on every kind of screen, is documented there, and every key
// documented there is produced on some screen: top level, and inside `texts`, `buttons`,
// `progress`, `question`, `results` and `scroll`.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "flow.h"
#include "flow_test_support.h"
#include "screen_model.h"
#include "study_files.h"
#include "test_support.h"

namespace unit_screen_model_doc {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

using namespace trialmatch_test;
using Keys = std::set<std::string>;

// ---- What the document says --------------------------------------------------------------

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The table rows under the heading `heading` (to the next heading), as their cells.
std::vector<std::vector<std::string>> table(const std::string& doc, const std::string& heading) {
  std::vector<std::vector<std::string>> rows;
  bool in = false;
  for (const std::string& line : lines_of(doc)) {
    if (line.rfind("#", 0) == 0) {
      if (in) break;
      in = line == heading;
      continue;
    }
    if (!in || line.rfind("|", 0) != 0 || line.rfind("|---", 0) == 0) continue;
    std::vector<std::string> cells;
    std::string cell;
    for (size_t i = 1; i < line.size(); ++i) {
      if (line[i] == '|') {
        cells.push_back(cell);
        cell.clear();
      } else {
        cell += line[i];
      }
    }
    rows.push_back(cells);
  }
  if (!rows.empty()) rows.erase(rows.begin());  // the header row
  return rows;
}

// The key names written in backticks in `text` (`step`, `total`), leaving out values such as
// `null`, `""` or `STUDY/id`.
Keys backticked(const std::string& text) {
  Keys out;
  static const std::regex tick("`([a-z_]+)`");
  for (std::sregex_iterator it(text.begin(), text.end(), tick), end; it != end; ++it)
    if ((*it)[1] != "null" && (*it)[1] != "true" && (*it)[1] != "false") out.insert((*it)[1]);
  return out;
}

// The keys of an object written as {"a", "b"} in `text`.
Keys braced(const std::string& text) {
  Keys out;
  const size_t open = text.find("{\"");
  const size_t close = text.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return out;
  static const std::regex quoted("\"([a-z_]+)\"");
  const std::string inside = text.substr(open, close - open);
  for (std::sregex_iterator it(inside.begin(), inside.end(), quoted), end; it != end; ++it) out.insert((*it)[1]);
  return out;
}

struct Documented {
  Keys top;
  std::map<std::string, Keys> inner;  // "texts", "buttons", "progress", ...
};

Documented documented() {
  const std::string doc = trialmatch_test::read_source_file("docs/screen-model.md");
  Documented d;
  for (const auto& row : table(doc, "## Fields")) {
    if (row.size() < 3) continue;
    const Keys names = backticked(row[0]);
    d.top.insert(names.begin(), names.end());
    const std::string& field = *names.begin();
    if (field == "texts" || field == "results") d.inner[field] = braced(row[2]);
    if (field == "progress" || field == "question" || field == "scroll") d.inner[field] = backticked(row[2]);
  }
  for (const auto& row : table(doc, "### Buttons")) {
    const Keys names = backticked(row[0]);
    d.inner["buttons"].insert(names.begin(), names.end());
  }
  return d;
}

// ---- What the app produces ---------------------------------------------------------------

void type_number(Flow& flow, int number) {
  for (char c : std::to_string(number)) flow.apply(Intent::with_number(K::Digit, c - '0'));
  flow.apply(Intent::of(K::Continue));
}

// Answers until the questions end: 16 years old (out of every study), then "no" or "not sure".
void answer_the_rest(Flow& flow) {
  for (int guard = 0; guard < 100 && flow.screen() == Screen::Question; ++guard) {
    const trialmatch::Question& q = flow.question();
    if (q.type == trialmatch::QuestionType::Number) type_number(flow, 16);
    else if (q.find_option("no")) flow.apply(Intent::choose("no"));
    else flow.apply(Intent::choose_unknown(trialmatch::UnknownKind::NotSure));
  }
}

// The JSON of `flow`'s screen, as drawn with one text and one button.
nlohmann::json model(const Flow& flow) {
  trialmatch::flow::DrawnFrame frame;
  frame.view = flow.view_number();
  frame.texts = {{trialmatch::flow::TextRole::Body, "Words", {1, 2, 3, 4}, true}};
  frame.buttons = {{"continue", "Continue", trialmatch::flow::ButtonRole::Action, false, {5, 6, 7, 8}, true}};
  return nlohmann::json::parse(screen_model_json(screen_model(flow, frame)));
}

// Every kind of screen: the error screen, a study's welcome, question, review and result, a
// catalog's ZIP code, results and one study's result.
std::vector<nlohmann::json> every_kind_of_screen() {
  std::vector<nlohmann::json> out;
  Flow broken(Lang::En);
  broken.on_file_fetch_failed("trials/missing.json", "The file was not found.");
  out.push_back(model(broken));
  Flow study = seed_flow();
  out.push_back(model(study));
  study.apply(Intent::of(K::Start));
  out.push_back(model(study));
  answer_the_rest(study);
  out.push_back(model(study));
  study.apply(Intent::of(K::SeeResult));
  out.push_back(model(study));
  Flow catalog = catalog_flow();
  catalog.apply(Intent::of(K::Start));
  out.push_back(model(catalog));  // the ZIP code before the questions
  catalog.apply(Intent::of(K::SkipZip));
  answer_the_rest(catalog);
  catalog.apply(Intent::of(K::SeeResult));
  out.push_back(model(catalog));
  catalog.apply(Intent::with_number(K::OpenStudy, 0));
  out.push_back(model(catalog));
  return out;
}

struct Produced {
  Keys top;
  std::map<std::string, Keys> inner;
};

Produced produced() {
  Produced p;
  Keys screens;
  for (const nlohmann::json& m : every_kind_of_screen()) {
    screens.insert(m["screen"].get<std::string>());
    for (const auto& [key, value] : m.items()) {
      p.top.insert(key);
      const nlohmann::json& first = value.is_array() && !value.empty() ? value[0] : value;
      if (first.is_object())
        for (const auto& [inner, unused] : first.items()) p.inner[key].insert(inner);
    }
  }
  // The screens this test means to cover are really reached.
  EXPECT_EQ(screens, (Keys{"error", "welcome", "question", "review", "result", "zip", "results"}));
  return p;
}

std::string listed(const Keys& keys) {
  std::string out;
  for (const std::string& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

Keys minus(const Keys& a, const Keys& b) {
  Keys out;
  for (const std::string& k : a)
    if (!b.count(k)) out.insert(k);
  return out;
}

TEST(ScreenModelDoc, EveryKeyTheAppProducesIsDocumentedAndEveryDocumentedKeyIsProduced) {
  const Documented doc = documented();
  const Produced app = produced();
  ASSERT_GT(doc.top.size(), 15u) << "the document's table was read";
  EXPECT_EQ(listed(minus(app.top, doc.top)), "") << "produced but not in docs/screen-model.md";
  EXPECT_EQ(listed(minus(doc.top, app.top)), "") << "in docs/screen-model.md but never produced";
  for (const std::string field : {"texts", "buttons", "progress", "question", "results", "scroll"}) {
    ASSERT_TRUE(app.inner.count(field)) << field;
    ASSERT_TRUE(doc.inner.count(field)) << field;
    EXPECT_EQ(listed(minus(app.inner.at(field), doc.inner.at(field))), "") << field << ": produced but not documented";
    EXPECT_EQ(listed(minus(doc.inner.at(field), app.inner.at(field))), "") << field << ": documented but never produced";
  }
}

}  // namespace

}  // namespace unit_screen_model_doc
