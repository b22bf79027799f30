#include "problem.h"

namespace trialmatch {

namespace {

// Only the English column: the Spanish one is the studio's (app/studio/problem_spanish.cpp).
const char* const kEnglish[] = {
#define TM_PROBLEM(name, english, spanish) english,
#include "problem_words.def"
#undef TM_PROBLEM
};

}  // namespace

namespace {

// `sentence` with each place {n} (1 to 9) replaced by word(n - 1).
template <typename Word>
std::string fill(const std::string& sentence, std::size_t count, Word word) {
  std::string out;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    const bool place = sentence[i] == '{' && i + 2 < sentence.size() && sentence[i + 1] >= '1' && sentence[i + 1] <= '9' &&
                       sentence[i + 2] == '}';
    if (!place) {
      out += sentence[i];
      continue;
    }
    const std::size_t n = static_cast<std::size_t>(sentence[i + 1] - '1');
    if (n < count) out += word(n);
    i += 2;
  }
  return out;
}

}  // namespace

ProblemArg::ProblemArg(std::string words) : text(std::move(words)) {}
ProblemArg::ProblemArg(const char* words) : text(words) {}
ProblemArg::ProblemArg(Problem sentence) : problem(sentence) {}
ProblemArg::ProblemArg(Problem sentence, std::vector<ProblemArg> places) : problem(sentence), args(std::move(places)) {}
ProblemArg::ProblemArg(const ProblemArg&) = default;
ProblemArg::ProblemArg(ProblemArg&&) noexcept = default;
ProblemArg& ProblemArg::operator=(const ProblemArg&) = default;
ProblemArg& ProblemArg::operator=(ProblemArg&&) noexcept = default;
ProblemArg::~ProblemArg() = default;

std::string fill_places(const std::string& sentence, const std::vector<std::string>& words) {
  return fill(sentence, words.size(), [&](std::size_t n) { return words[n]; });
}

namespace {

std::string say(const char* const* sentences, Problem problem, const std::vector<ProblemArg>& args) {
  if (problem == Problem::None) return args.empty() ? std::string() : args.front().text;
  return fill(sentences[static_cast<int>(problem)], args.size(), [&](std::size_t n) {
    const ProblemArg& arg = args[n];
    return arg.problem == Problem::None ? arg.text : say(sentences, arg.problem, arg.args);
  });
}

}  // namespace

std::string say_with(const char* const* sentences, const Said& said) { return say(sentences, said.problem, said.args); }

std::string in_english(const Said& said) { return say_with(kEnglish, said); }

}  // namespace trialmatch
