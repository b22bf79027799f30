// What the command-line tool prints reaches a terminal: a control character from a crafted
// code, record or file must show as a visible escape, never act (app/cli/terminal_safe.h).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "terminal_safe.h"

namespace unit_terminal_safe {  // each test file its own (tests/unit/CMakeLists.txt: unity build)

namespace {

using trialmatch::cli::terminal_safe;
using trialmatch::cli::TerminalSafeBuffer;

TEST(TerminalSafe, ControlCharactersShowAsEscapes) {
  // A crafted code once printed "ESC ] 0;..." raw: a terminal takes that as "set the title".
  EXPECT_EQ(terminal_safe("study \x1b]0;owned\x07 end"), "study \\x1B]0;owned\\x07 end");
  EXPECT_EQ(terminal_safe("over\rwrite"), "over\\x0Dwrite");
  EXPECT_EQ(terminal_safe(std::string("nul\0here", 8)), "nul\\x00here");
  EXPECT_EQ(terminal_safe("del\x7f"), "del\\x7F");
  EXPECT_EQ(terminal_safe("lines\nand\ttabs stay"), "lines\nand\ttabs stay");
}

TEST(TerminalSafe, C1ControlsBidiOverridesAndBrokenUtf8AreEscaped) {
  EXPECT_EQ(terminal_safe("csi \xc2\x9b" "31m"), "csi \\u009B31m");  // U+009B, a C1 "CSI"
  EXPECT_EQ(terminal_safe("name \xe2\x80\xae" "txt.exe"), "name \\u202Etxt.exe");  // right-to-left override
  EXPECT_EQ(terminal_safe("\xe2\x81\xa6" "x"), "\\u2066x");
  EXPECT_EQ(terminal_safe("raw \x9b byte"), "raw \\x9B byte");  // not UTF-8 at all
  EXPECT_EQ(terminal_safe("overlong \xc0\xaf"), "overlong \\xC0\\xAF");
  EXPECT_EQ(terminal_safe("cut \xe2\x80"), "cut \\xE2\\x80");
  // Ordinary words in any language pass unchanged.
  EXPECT_EQ(terminal_safe("¿Cuántos años tiene? 你好 👋"), "¿Cuántos años tiene? 你好 👋");
}

TEST(TerminalSafe, AStreamKeepsASequenceSplitAcrossWritesWhole) {
  std::ostringstream sink;
  {
    TerminalSafeBuffer safe(sink.rdbuf());
    std::ostream out(&safe);
    out << "a\xc3";  // the first byte of "ñ"
    out.flush();
    out << "\xb1" << "o \x1b[2J" << "\xe2\x80";  // its second byte; an escape; half of U+202E
    out << "\xae!";
  }
  EXPECT_EQ(sink.str(), "año \\x1B[2J\\u202E!");
}

TEST(TerminalSafe, AnUnfinishedSequenceAtTheEndIsEscapedNotLost) {
  std::ostringstream sink;
  {
    TerminalSafeBuffer safe(sink.rdbuf());
    std::ostream out(&safe);
    out << "end \xf0\x9f";
  }
  EXPECT_EQ(sink.str(), "end \\xF0\\x9F");
}

}  // namespace

}  // namespace unit_terminal_safe
