#include "result_code.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "input_limits.h"

namespace trialmatch {

namespace {

constexpr const char* kNoVersion = "*";

// A study id or version as one word of the code: a byte that is not printable ASCII, or is
// a space, '%' or '*', becomes %XX (so "" can be written "*").
std::string field(const std::string& text) {
  if (text.empty()) return kNoVersion;
  std::string out;
  for (unsigned char c : text) {
    if (c > 0x20 && c < 0x7F && c != '%' && c != '*') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> unfield(const std::string& word) {
  if (word == kNoVersion) return std::string();
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] != '%') {
      out += word[i];
      continue;
    }
    if (i + 2 >= word.size()) return std::nullopt;
    const int high = hex_digit(word[i + 1]), low = hex_digit(word[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

int option_number(const Question& q, const std::string& option_id) {
  for (size_t i = 0; i < q.options.size(); ++i)
    if (q.options[i].id == option_id) return static_cast<int>(i);
  return -1;
}

std::string value_of(const Question& q, const Answer& a) {
  switch (a.kind) {
    case Answer::Kind::Unknown: return a.unknown_kind == UnknownKind::NotSure ? "U" : "P";
    case Answer::Kind::Choice: return std::to_string(option_number(q, a.choice));
    case Answer::Kind::Choices: {
      std::string out;  // in the question's order of options
      for (size_t i = 0; i < q.options.size(); ++i)
        if (a.has_choice(q.options[i].id)) out += (out.empty() ? "" : "+") + std::to_string(i);
      return out;
    }
    case Answer::Kind::Number: return format_number(a.number);
    case Answer::Kind::MonthYear: {
      const int n = static_cast<int>(a.number);
      char text[16];
      std::snprintf(text, sizeof text, "%04d-%02d", n / 12, n % 12 + 1);
      return text;
    }
  }
  return "U";
}

// A whole number of at most six digits, all of `text`.
std::optional<int> small_number(const std::string& text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<Answer> answer_of(const Question& q, const std::string& value) {
  if (value == "U") return Answer::unknown(UnknownKind::NotSure);
  if (value == "P") return Answer::unknown(UnknownKind::PreferNotToSay);
  auto option = [&](const std::string& digits) -> std::optional<std::string> {
    const auto n = small_number(digits);
    if (!n || static_cast<size_t>(*n) >= q.options.size()) return std::nullopt;
    return q.options[static_cast<size_t>(*n)].id;
  };
  switch (q.type) {
    case QuestionType::YesNo:
    case QuestionType::SingleChoice:
      if (auto id = option(value)) return Answer::of_choice(*id);
      return std::nullopt;
    case QuestionType::MultipleChoice: {
      std::vector<std::string> ids;
      // The parts between '+' signs (none after a last '+': that is refused below).
      for (size_t start = 0; start < value.size();) {
        const size_t end = std::min(value.find('+', start), value.size());
        auto id = option(value.substr(start, end - start));
        if (!id) return std::nullopt;
        ids.push_back(*id);
        start = end + 1;
      }
      if (ids.empty() || value.back() == '+') return std::nullopt;
      std::sort(ids.begin(), ids.end());
      if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) return std::nullopt;  // an option twice
      return Answer::of_choices(ids);
    }
    case QuestionType::Number: {
      if (value.empty() || value.size() > 24) return std::nullopt;
      char* end = nullptr;
      const double n = std::strtod(value.c_str(), &end);
      if (end != value.c_str() + value.size() || format_number(n) != value) return std::nullopt;
      return Answer::of_number(n);
    }
    case QuestionType::MonthYear: {
      if (value.size() != 7 || value[4] != '-') return std::nullopt;
      const auto year = small_number(value.substr(0, 4)), month = small_number(value.substr(5, 2));
      if (!year || !month || *month < 1 || *month > 12) return std::nullopt;
      return Answer::of_month_year(*year * 12 + *month - 1);
    }
  }
  return std::nullopt;
}

}  // namespace

const char* verdict_letter(Verdict verdict) {
  switch (verdict) {
    case Verdict::LikelyEligible: return "L";
    case Verdict::NeedsReview: return "R";
    case Verdict::NotEligible: return "N";
  }
  return "R";
}

std::string result_code(const Session& session) {
  const Trial& trial = session.trial();
  std::string out = std::string(kResultCodeMark) + " " + field(trial.info.id) + " " + field(trial.info.version) + " " +
                    upper(trial.sha256.substr(0, kResultCodeHashChars)) + " " +
                    verdict_letter(session.evaluation().verdict);
  for (int q : session.progress().history)
    out += " " + std::to_string(q) + ":" +
           value_of(trial.questions[static_cast<size_t>(q)], *session.answer_to(q));
  return out;
}

std::optional<ResultCode> read_result_code(const std::string& text, std::string& problem) {
  // The words between white space (space, tab, line breaks).
  std::vector<std::string> words;
  const auto space = [&](size_t i) { return std::isspace(static_cast<unsigned char>(text[i])) != 0; };
  for (size_t at = 0; at < text.size();) {
    while (at < text.size() && space(at)) ++at;
    const size_t start = at;
    while (at < text.size() && !space(at)) ++at;
    if (at > start) words.push_back(text.substr(start, at - start));
  }
  if (words.empty() || words[0] != kResultCodeMark) {
    problem = std::string("this is not a result code (it does not start with \"") + kResultCodeMark + "\")";
    return std::nullopt;
  }
  if (words.size() < 5) {
    problem = "the code is cut short: it needs the study, the file's version and hash, and the verdict";
    return std::nullopt;
  }
  ResultCode code;
  const auto id = unfield(words[1]), version = unfield(words[2]);
  if (!id || !version || id->empty()) {
    problem = "the code's study id or version is garbled";
    return std::nullopt;
  }
  code.study_id = *id;
  code.version = *version;
  code.file_hash = upper(words[3]);
  if (code.file_hash.size() != kResultCodeHashChars ||
      code.file_hash.find_first_not_of("0123456789ABCDEF") != std::string::npos) {
    problem = "the code's file hash " + trialmatch::quoted(words[3]) + " is not " +
              std::to_string(kResultCodeHashChars) + " hex digits";
    return std::nullopt;
  }
  if (words[4] == "L") code.verdict = Verdict::LikelyEligible;
  else if (words[4] == "R") code.verdict = Verdict::NeedsReview;
  else if (words[4] == "N") code.verdict = Verdict::NotEligible;
  else {
    problem = "the code's verdict " + trialmatch::quoted(words[4]) + " is not L, R or N";
    return std::nullopt;
  }
  for (size_t i = 5; i < words.size(); ++i) {
    const size_t colon = words[i].find(':');
    const auto number = colon == std::string::npos ? std::nullopt : small_number(words[i].substr(0, colon));
    if (!number || colon + 1 >= words[i].size()) {
      problem = "the answer " + trialmatch::quoted(words[i]) + " is not QUESTION:VALUE";
      return std::nullopt;
    }
    code.answers.emplace_back(*number, words[i].substr(colon + 1));
  }
  return code;
}

bool result_code_matches(const ResultCode& code, const Trial& trial) {
  return code.study_id == trial.info.id && code.file_hash == upper(trial.sha256.substr(0, kResultCodeHashChars));
}

DecodedAnswers decode_result_answers(const ResultCode& code, const Trial& trial) {
  DecodedAnswers out;
  out.answers.resize(trial.questions.size());
  for (const auto& [number, value] : code.answers) {
    const std::string where = "answer " + std::to_string(number) + ":" + shorten(value);
    if (number < 0 || static_cast<size_t>(number) >= trial.questions.size()) {
      out.errors.push_back(where + ": the study has no question " + std::to_string(number));
      continue;
    }
    const Question& q = trial.questions[static_cast<size_t>(number)];
    if (out.answers[static_cast<size_t>(number)]) {
      out.errors.push_back(where + ": question " + std::to_string(number) + " (" + q.id + ") is answered twice");
      continue;
    }
    const auto answer = answer_of(q, value);
    if (!answer) {
      out.errors.push_back(where + ": not an answer to question " + std::to_string(number) + " (" + q.id + ")");
      continue;
    }
    if (auto problem = check_offered_answer(q, *answer)) {
      out.errors.push_back(where + ": " + problem->message);
      continue;
    }
    out.answers[static_cast<size_t>(number)] = *answer;
    out.order.push_back(number);
  }
  return out;
}

}  // namespace trialmatch
