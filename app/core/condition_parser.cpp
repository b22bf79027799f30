// The condition language's parser (condition.h): a lexer and a recursive-descent parser that
// turn a condition's text into a tree of ConditionNode, with the column of the first problem.
// Names are not resolved here: check_condition (condition_check.cpp) does that.
#include "condition.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "input_limits.h"

namespace trialmatch {

namespace {
// Limits that keep hostile or runaway conditions from taking the app down.
using limits::kMaxConditionLength;
using limits::kMaxConditionNesting;
constexpr int kMaxOperators = limits::kMaxConditionOperators;
}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] Lexer
// ---------------------------------------------------------------------------------------
namespace {

struct Token {
  enum class Kind { End, Ident, Number, String, Op, LParen, RParen, Comma };
  Kind kind = Kind::End;
  std::string text;
  double number = 0;
  int column = 0;
};

struct Lexer {
  const std::string& src;
  size_t pos = 0;
  std::optional<ConditionError> error;

  explicit Lexer(const std::string& s) : src(s) {}

  int column() const { return column_at(pos); }

  // 1-based column in characters (UTF-8 code points), as a reader counts them. Counted on
  // from the last call (tokens come in order), so a long condition costs linear time, not
  // quadratic (a crafted trial file full of 4000-byte conditions took seconds).
  int column_at(size_t byte) const {
    if (byte < counted_bytes_) counted_bytes_ = 0, counted_column_ = 1;
    for (; counted_bytes_ < byte && counted_bytes_ < src.size(); ++counted_bytes_)
      if ((static_cast<unsigned char>(src[counted_bytes_]) & 0xC0) != 0x80) ++counted_column_;
    return counted_column_;
  }
  mutable size_t counted_bytes_ = 0;
  mutable int counted_column_ = 1;

  Token next() {
    while (pos < src.size() && std::isspace(static_cast<unsigned char>(src[pos]))) ++pos;
    Token t;
    t.column = column();
    if (pos >= src.size()) return t;
    const char c = src[pos];
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = pos;
      while (pos < src.size() &&
             (std::isalnum(static_cast<unsigned char>(src[pos])) || src[pos] == '_'))
        ++pos;
      t.kind = Token::Kind::Ident;
      t.text = src.substr(start, pos - start);
      return t;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '-' && pos + 1 < src.size() && std::isdigit(static_cast<unsigned char>(src[pos + 1])))) {
      size_t start = pos;
      if (c == '-') ++pos;
      while (pos < src.size() && std::isdigit(static_cast<unsigned char>(src[pos]))) ++pos;
      if (pos < src.size() && src[pos] == '.') {
        ++pos;
        if (pos >= src.size() || !std::isdigit(static_cast<unsigned char>(src[pos]))) {
          fail(column(), Problem::DigitsAfterPoint);
          return t;
        }
        while (pos < src.size() && std::isdigit(static_cast<unsigned char>(src[pos]))) ++pos;
      }
      t.kind = Token::Kind::Number;
      t.text = src.substr(start, pos - start);
      t.number = std::strtod(t.text.c_str(), nullptr);
      return t;
    }
    if (c == '"') {
      size_t start = pos++;
      std::string value;
      while (pos < src.size() && src[pos] != '"') {
        if (src[pos] == '\\' && pos + 1 < src.size()) ++pos;
        value += src[pos++];
      }
      if (pos >= src.size()) {
        fail(column_at(start), Problem::NoClosingQuote);
        return t;
      }
      ++pos;
      t.kind = Token::Kind::String;
      t.text = value;
      return t;
    }
    if (c == '(') { ++pos; t.kind = Token::Kind::LParen; t.text = "("; return t; }
    if (c == ')') { ++pos; t.kind = Token::Kind::RParen; t.text = ")"; return t; }
    if (c == ',') { ++pos; t.kind = Token::Kind::Comma; t.text = ","; return t; }
    if (c == '=' ) {
      ++pos;
      if (pos < src.size() && src[pos] == '=') ++pos;  // accept "==" as "="
      t.kind = Token::Kind::Op;
      t.text = "=";
      return t;
    }
    if (c == '!' || c == '<' || c == '>') {
      ++pos;
      if (pos < src.size() && src[pos] == '=') {
        ++pos;
        t.text = std::string(1, c) + "=";
      } else if (c == '!') {
        fail(t.column, Problem::BangWithoutEquals);
        return t;
      } else {
        t.text = std::string(1, c);
      }
      t.kind = Token::Kind::Op;
      return t;
    }
    if (c == '\'') {
      fail(t.column, Problem::UseDoubleQuotes);
      return t;
    }
    size_t end = pos + 1;  // the whole UTF-8 character, so the message stays valid text
    while (end < src.size() && (static_cast<unsigned char>(src[end]) & 0xC0) == 0x80) ++end;
    fail(t.column, Problem::UnexpectedCharacter, {src.substr(pos, end - pos)});
    return t;
  }

  void fail(int col, Problem problem, std::initializer_list<ProblemArg> args = {}) {
    if (!error) error = condition_error(col, problem, args);
    pos = src.size();
  }
};

ProblemArg describe(const Token& t) {
  switch (t.kind) {
    case Token::Kind::End: return Problem::TheEndOfCondition;
    case Token::Kind::String: return quoted(t.text);
    default: return "'" + shorten(t.text) + "'";
  }
}

// ---------------------------------------------------------------------------------------
// [SECTION] Parser (recursive descent, one token of look-ahead)
// ---------------------------------------------------------------------------------------
class Parser {
 public:
  explicit Parser(const std::string& src) : lexer_(src) { advance(); }

  ParseResult run() {
    ParseResult result;
    ConditionPtr root = parse_or();
    if (!error() && current_.kind != Token::Kind::End)
      fail(current_.column, Problem::ExpectedAndOrEnd, {describe(current_)});
    if (error()) {
      result.error = error();
      return result;
    }
    result.condition = Condition{lexer_.src, root, {}};
    return result;
  }

 private:
  Lexer lexer_;
  Token current_;
  std::optional<ConditionError> parse_error_;
  int depth_ = 0;
  int operators_ = 0;

  bool count_operator() {
    if (++operators_ <= kMaxOperators) return true;
    fail(current_.column, Problem::TooManyOperators, {std::to_string(kMaxOperators)});
    return false;
  }

  std::optional<ConditionError> error() const { return parse_error_ ? parse_error_ : lexer_.error; }

  void advance() { current_ = lexer_.next(); }

  void fail(int column, Problem problem, std::initializer_list<ProblemArg> args = {}) {
    if (!error()) parse_error_ = condition_error(column, problem, args);
  }

  bool at_word(const char* word) const {
    return current_.kind == Token::Kind::Ident && current_.text == word;
  }

  static ConditionPtr make(ConditionNode node) { return std::make_shared<const ConditionNode>(std::move(node)); }

  ConditionPtr parse_or() {
    ConditionPtr left = parse_and();
    while (!error() && at_word("or") && count_operator()) {
      ConditionNode node;
      node.kind = ConditionNode::Kind::Or;
      node.column = left ? left->column : current_.column;
      advance();
      ConditionPtr right = parse_and();
      node.children = {left, right};
      left = make(std::move(node));
    }
    return left;
  }

  ConditionPtr parse_and() {
    ConditionPtr left = parse_unary();
    while (!error() && at_word("and") && count_operator()) {
      ConditionNode node;
      node.kind = ConditionNode::Kind::And;
      node.column = left ? left->column : current_.column;
      advance();
      ConditionPtr right = parse_unary();
      node.children = {left, right};
      left = make(std::move(node));
    }
    return left;
  }

  ConditionPtr parse_unary() {
    if (++depth_ > kMaxConditionNesting) {
      fail(current_.column, Problem::NestedTooDeep);
      return nullptr;
    }
    ConditionPtr result;
    if (at_word("not")) {
      ConditionNode node;
      node.kind = ConditionNode::Kind::Not;
      node.column = current_.column;
      advance();
      node.children = {parse_unary()};
      result = make(std::move(node));
    } else {
      result = parse_primary();
    }
    --depth_;
    return result;
  }

  ConditionPtr parse_primary() {
    if (error()) return nullptr;
    if (current_.kind == Token::Kind::LParen) {
      advance();
      ConditionPtr inner = parse_or();
      if (error()) return nullptr;
      if (current_.kind != Token::Kind::RParen) {
        fail(current_.column, Problem::ExpectedCloseParen, {describe(current_)});
        return nullptr;
      }
      advance();
      return inner;
    }
    if (at_word("true") || at_word("false")) {
      ConditionNode node;
      node.kind = at_word("true") ? ConditionNode::Kind::True : ConditionNode::Kind::False;
      node.column = current_.column;
      advance();
      return make(std::move(node));
    }
    if (current_.kind != Token::Kind::Ident || is_condition_keyword(current_.text)) {
      fail(current_.column, Problem::ExpectedQuestionId, {describe(current_)});
      return nullptr;
    }
    ConditionNode node;
    node.question_id = current_.text;
    node.column = current_.column;
    advance();
    if (error()) return nullptr;
    if (current_.kind == Token::Kind::Op) {
      node.kind = ConditionNode::Kind::Compare;
      const std::string& op = current_.text;
      node.op = op == "=" ? CompareOp::Eq
                : op == "!=" ? CompareOp::Ne
                : op == "<" ? CompareOp::Lt
                : op == "<=" ? CompareOp::Le
                : op == ">" ? CompareOp::Gt
                            : CompareOp::Ge;
      advance();
      node.values.push_back(parse_literal());
    } else if (at_word("in")) {
      node.kind = ConditionNode::Kind::In;
      advance();
      if (current_.kind != Token::Kind::LParen) {
        fail(current_.column, Problem::ExpectedOpenParen, {describe(current_)});
        return nullptr;
      }
      advance();
      node.values.push_back(parse_literal());
      while (!error() && current_.kind == Token::Kind::Comma) {
        advance();
        node.values.push_back(parse_literal());
      }
      if (!error() && current_.kind != Token::Kind::RParen) {
        fail(current_.column, Problem::ExpectedCommaOrParen, {describe(current_)});
        return nullptr;
      }
      advance();
    } else if (at_word("has")) {
      node.kind = ConditionNode::Kind::Has;
      advance();
      node.values.push_back(parse_literal());
    } else {
      fail(current_.column, Problem::ExpectedOperator, {node.question_id, describe(current_)});
      return nullptr;
    }
    if (error()) return nullptr;
    return make(std::move(node));
  }

  Literal parse_literal() {
    Literal lit;
    lit.column = current_.column;
    if (current_.kind == Token::Kind::Number) {
      lit.is_number = true;
      lit.number = current_.number;
      lit.text = current_.text;
      advance();
    } else if (current_.kind == Token::Kind::String) {
      lit.text = current_.text;
      advance();
    } else if (current_.kind == Token::Kind::Ident && !is_condition_keyword(current_.text)) {
      fail(current_.column, Problem::TextNeedsQuotes, {current_.text});
    } else {
      fail(current_.column, Problem::ExpectedValue, {describe(current_)});
    }
    return lit;
  }
};

}  // namespace

ConditionError condition_error(int column, Problem problem, std::initializer_list<ProblemArg> args) {
  Said said{problem, std::vector<ProblemArg>(args)};
  std::string message = in_english(said);
  return ConditionError{column, std::move(message), std::move(said)};
}

ParseResult parse_condition(const std::string& source) {
  bool blank = std::all_of(source.begin(), source.end(),
                           [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  if (blank) {
    ParseResult r;
    r.error = condition_error(1, Problem::ConditionEmpty);
    return r;
  }
  if (source.size() > kMaxConditionLength) {
    ParseResult r;
    r.error = condition_error(1, Problem::ConditionTooLong, {std::to_string(kMaxConditionLength)});
    return r;
  }
  return Parser(source).run();
}

bool is_condition_keyword(const std::string& word) {
  return word == "and" || word == "or" || word == "not" || word == "in" || word == "has" || word == "true" ||
         word == "false";
}

}  // namespace trialmatch
