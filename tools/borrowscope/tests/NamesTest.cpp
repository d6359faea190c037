// Short spellings of demangled names.
#include "Names.h"

#include <gtest/gtest.h>

using namespace borrowscope;

TEST(Names, CollapsesTemplatesAndParameters) {
  EXPECT_EQ(short_name("main"), "main");
  EXPECT_EQ(short_name("bump"), "bump");
  EXPECT_EQ(short_name("run(int)"), "run(…)");
  EXPECT_EQ(short_name("std::thread::join()"), "std::thread::join()");
  EXPECT_EQ(short_name("std::vector<Book, std::allocator<Book>>::push_back(Book const&)"),
            "std::vector<…>::push_back(…)");
  EXPECT_EQ(short_name("std::vector<Book, std::allocator<Book>>::size() const"),
            "std::vector<…>::size() const");
  EXPECT_EQ(short_name("Widget::operator()(int)"), "Widget::operator()(…)");
  EXPECT_EQ(short_name("operator<(A const&, A const&)"), "operator<(…)");
  EXPECT_EQ(short_name("f(int (*)(int))"), "f(…)");
  EXPECT_EQ(short_name("unbalanced<("), "unbalanced<(");
}

TEST(Names, CalleeLabels) {
  EXPECT_EQ(callee_label("bump"), "bump()");
  EXPECT_EQ(callee_label("run(int)"), "run(…)");
  EXPECT_EQ(callee_label("std::thread::join()"), "std::thread::join()");
  EXPECT_EQ(callee_label("std::vector<int, std::allocator<int>>::size() const"),
            "std::vector<…>::size() const");
}

TEST(Names, VisibleSpellsOutWhatWouldAct) {
  EXPECT_EQ(visible("main"), "main");
  EXPECT_EQ(visible("caf\xc3\xa9 \xe2\x86\x92 x"), "caf\xc3\xa9 \xe2\x86\x92 x");
  EXPECT_EQ(visible("a\x1b[2Jb"), "a\\x1b[2Jb");
  EXPECT_EQ(visible("x\x1b]0;title\x07"), "x\\x1b]0;title\\x07");
  EXPECT_EQ(visible("line\nFORGED"), "line\\nFORGED");
  EXPECT_EQ(visible("t\tr\r"), "t\\tr\\r");
  EXPECT_EQ(visible(std::string_view("n\0l", 3)), "n\\x00l");
  EXPECT_EQ(visible("del\x7f"), "del\\x7f");
  EXPECT_EQ(visible("bad\xff"), "bad\\xff");
  EXPECT_EQ(visible("\xc3"), "\\xc3");                 // cut short
  EXPECT_EQ(visible("\xc0\xaf"), "\\xc0\\xaf");        // overlong '/'
  EXPECT_EQ(visible("\xed\xa0\x80"), "\\xed\\xa0\\x80"); // a surrogate
  EXPECT_EQ(visible("csi\xc2\x9b" "31m"), "csi\\u{9b}31m");
  EXPECT_EQ(visible("abc\xe2\x80\xae" "cba"), "abc\\u{202e}cba");
  EXPECT_EQ(visible("\xef\xbb\xbfx"), "\\u{feff}x");
  EXPECT_FALSE(needs_escaping("std::vector<int>"));
  EXPECT_FALSE(needs_escaping("caf\xc3\xa9"));
  EXPECT_TRUE(needs_escaping("a\nb"));
}

TEST(Names, ElideKeepsBothEnds) {
  EXPECT_EQ(elide("short", 10), "short");
  EXPECT_EQ(elide("abcdefghij", 10), "abcdefghij");
  EXPECT_EQ(elide("abcdefghijk", 10), "abcde…hijk");
  EXPECT_EQ(elide("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 4), "\xc3\xa9\xc3\xa9…\xc3\xa9");
}
