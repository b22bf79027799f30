#include "answer_classes.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace trialmatch {

namespace {

// Looks up one answer for one question; everything else is unknown.
class SingleAnswer : public AnswerLookup {
 public:
  SingleAnswer(int index, const Answer& answer) : index_(index), answer_(answer) {}
  const Answer* answer_at(int question_index) const override { return question_index == index_ ? &answer_ : nullptr; }

 private:
  int index_;
  const Answer& answer_;
};

std::vector<const ConditionNode*> parts_naming(const Trial& trial, int q) {
  std::vector<const ConditionNode*> parts;
  auto add = [&](const std::optional<Condition>& c) {
    if (c && c->root) collect_single_question_parts(*c->root, q, parts);
  };
  for (const Question& question : trial.questions) {
    add(question.ask_if);
    if (question.safety) add(std::optional<Condition>(question.safety->when));
  }
  for (const Criterion& c : trial.criteria) add(c.rule);
  return parts;
}

std::vector<Tri> signature(const std::vector<const ConditionNode*>& parts, int q, const Answer& a) {
  SingleAnswer lookup(q, a);
  std::vector<Tri> sig;
  sig.reserve(parts.size());
  for (const ConditionNode* p : parts) sig.push_back(evaluate_node(*p, lookup));
  return sig;
}

std::string number_text(double v, bool month) {
  return month ? format_month_year(static_cast<int>(v)) : format_number(v);
}

// A range of numbers; each end is open or closed.
struct Region {
  double lo, hi;
  bool lo_closed, hi_closed;
  double representative;
};

std::string region_label(const Region& r, bool integer, bool month) {
  if (integer) {
    double lo = r.lo_closed ? r.lo : r.lo + 1, hi = r.hi_closed ? r.hi : r.hi - 1;
    if (lo == hi) return number_text(lo, month);
    return number_text(lo, month) + " to " + number_text(hi, month);
  }
  if (r.lo == r.hi) return number_text(r.lo, month);
  return std::string(r.lo_closed ? "[" : "(") + number_text(r.lo, month) + ", " + number_text(r.hi, month) +
         (r.hi_closed ? "]" : ")");
}

std::vector<AnswerClass> number_classes(const Trial& trial, const Question& q) {
  const bool month = q.type == QuestionType::MonthYear;
  const bool integer = month || q.integer;
  auto make = [&](double v) { return month ? Answer::of_month_year(static_cast<int>(v)) : Answer::of_number(v); };
  const auto parts = parts_naming(trial, q.index);

  std::set<double> points;
  std::vector<const ConditionNode*> stack(parts.begin(), parts.end());
  while (!stack.empty()) {
    const ConditionNode* n = stack.back();
    stack.pop_back();
    for (const auto& c : n->children) stack.push_back(c.get());
    for (double v : n->numeric_values) {
      // Whole-number questions: a threshold like 17.5 splits between 17 and 18.
      for (double point : integer ? std::vector<double>{std::floor(v), std::ceil(v)} : std::vector<double>{v})
        if (point > q.min && point < q.max) points.insert(point);
    }
  }
  // Regions: [min], (min, p1), [p1], (p1, p2), ..., [max]. Regions with no whole number
  // in them are dropped for whole-number questions.
  std::vector<Region> regions;
  std::vector<double> edges = {q.min};
  edges.insert(edges.end(), points.begin(), points.end());
  edges.push_back(q.max);
  for (size_t i = 0; i < edges.size(); ++i) {
    regions.push_back({edges[i], edges[i], true, true, edges[i]});
    if (i + 1 == edges.size()) break;
    double lo = edges[i], hi = edges[i + 1];
    if (integer) {
      double first = std::floor(lo) + 1, last = std::ceil(hi) - 1;
      if (first <= last) regions.push_back({lo, hi, false, false, first});
    } else {
      regions.push_back({lo, hi, false, false, (lo + hi) / 2});
    }
  }
  // Merge neighbours that every condition treats alike.
  std::vector<std::pair<Region, std::vector<Tri>>> merged;
  for (const Region& r : regions) {
    auto sig = signature(parts, q.index, make(r.representative));
    if (!merged.empty() && merged.back().second == sig) {
      merged.back().first.hi = r.hi;
      merged.back().first.hi_closed = r.hi_closed;
    } else {
      merged.push_back({r, sig});
    }
  }
  std::vector<AnswerClass> classes;
  for (const auto& m : merged) classes.push_back({make(m.first.representative), region_label(m.first, integer, month)});
  return classes;
}

std::vector<AnswerClass> choice_classes(const Trial& trial, const Question& q) {
  const auto parts = parts_naming(trial, q.index);
  std::vector<std::pair<std::vector<Tri>, AnswerClass>> groups;
  for (const Option& o : q.options) {
    Answer a = Answer::of_choice(o.id);
    auto sig = signature(parts, q.index, a);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == sig; });
    if (it == groups.end()) groups.push_back({sig, AnswerClass{a, o.id}});
    else it->second.label += " | " + o.id;
  }
  std::vector<AnswerClass> classes;
  for (auto& g : groups) classes.push_back(std::move(g.second));
  return classes;
}

std::vector<AnswerClass> multiple_classes(const Trial& trial, const Question& q) {
  const auto parts = parts_naming(trial, q.index);
  std::vector<std::string> plain;
  std::vector<std::string> exclusive;
  for (const Option& o : q.options) (o.exclusive ? exclusive : plain).push_back(o.id);
  std::vector<std::vector<std::string>> selections;
  for (const std::string& e : exclusive) selections.push_back({e});
  // Every non-empty combination of the other options (the loader caps the options).
  const size_t n = std::min<size_t>(plain.size(), kMaxOptions);
  for (size_t mask = 1; mask < (size_t{1} << n); ++mask) {
    std::vector<std::string> s;
    for (size_t b = 0; b < n; ++b)
      if (mask & (size_t{1} << b)) s.push_back(plain[b]);
    selections.push_back(std::move(s));
  }
  // Fewest options first, so each group is named by its simplest selection.
  std::stable_sort(selections.begin(), selections.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  struct Group {
    std::vector<Tri> sig;
    Answer representative;
    std::string name;
    int alike = 0;
  };
  std::vector<Group> groups;
  for (const auto& s : selections) {
    Answer a = Answer::of_choices(s);
    auto sig = signature(parts, q.index, a);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.sig == sig; });
    if (it != groups.end()) {
      ++it->alike;
      continue;
    }
    std::string name;
    for (const std::string& id : s) name += (name.empty() ? "" : " + ") + id;
    groups.push_back({sig, a, name, 0});
  }
  std::vector<AnswerClass> classes;
  for (const Group& g : groups)
    classes.push_back({g.representative, g.alike == 0 ? g.name
                          : g.name + " (or " + std::to_string(g.alike) + (g.alike == 1 ? " other selection" : " other selections") + " alike)"});
  return classes;
}

}  // namespace

std::vector<AnswerClass> answer_classes(const Trial& trial, const Question& question) {
  std::vector<AnswerClass> classes;
  switch (question.type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice: classes = choice_classes(trial, question); break;
    case QuestionType::MultipleChoice: classes = multiple_classes(trial, question); break;
    case QuestionType::Number:
    case QuestionType::MonthYear: classes = number_classes(trial, question); break;
  }
  if (!question.unknown_answers.empty())
    classes.push_back({Answer::unknown(question.unknown_answers.front()), "unknown"});
  return classes;
}

std::vector<std::vector<AnswerClass>> answer_classes_of_each_question(const Trial& trial) {
  std::vector<std::vector<AnswerClass>> out;
  for (const Question& q : trial.questions) out.push_back(answer_classes(trial, q));
  return out;
}

}  // namespace trialmatch
