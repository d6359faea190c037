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
