// The problems the checks of a study file report (the loader, the condition parser, the
// content checks, a catalog's checks), each a sentence with places for what it names ({1},
// {2}...), written once in English and in Spanish, side by side, in problem_words.def. The
// core and the command-line tool say them in English; the studio says them in its
// interface's language. Only what is used is linked: the patient app has no Spanish ones.
#pragma once

#include <string>
#include <vector>

namespace trialmatch {

enum class Problem : unsigned short {
#define TM_PROBLEM(name, english, spanish) name,
#include "problem_words.def"
#undef TM_PROBLEM
  None,  // not one of the list (a message made elsewhere: said as it is)
};

// What a sentence names in one of its places: words as they are (an id, a number, a quote
// from the file), or another sentence of the list with what goes in its places, said in the
// same language.
struct ProblemArg {
  std::string text;                 // the words, when `problem` is None
  Problem problem = Problem::None;  // or a sentence of the list...
  std::vector<ProblemArg> args;     // ...and what goes in its places
  ProblemArg(std::string words);
  ProblemArg(const char* words);
  ProblemArg(Problem sentence);
  ProblemArg(Problem sentence, std::vector<ProblemArg> places);
  // Out of line: a message is made at many places, each with its words (less code in each).
  ProblemArg(const ProblemArg&);
  ProblemArg(ProblemArg&&) noexcept;
  ProblemArg& operator=(const ProblemArg&);
  ProblemArg& operator=(ProblemArg&&) noexcept;
  ~ProblemArg();
};

// A sentence of the list with what goes in its places.
struct Said {
  Problem problem = Problem::None;
  std::vector<ProblemArg> args;
};

// `sentence` with {1}, {2}... replaced by `words` (a place with no word is left empty).
std::string fill_places(const std::string& sentence, const std::vector<std::string>& words);

// `said` in the language of `sentences` (one per Problem, in the list's order): its sentence
// with {1}, {2}... replaced by its args.
std::string say_with(const char* const* sentences, const Said& said);
std::string in_english(const Said& said);

}  // namespace trialmatch
