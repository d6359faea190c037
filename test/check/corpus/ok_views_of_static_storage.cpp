// ok_views_of_static_storage.cpp
// What: functions return std::string_view over string literals and over a
//   static std::string, a std::span over a static array, and a const
//   reference to a function-local static; callers keep them.
// Written from: "returning views/references to static storage" (looks like
//   CWE-562, but the storage lives for the whole program).
// Shape: everyday C++ (name tables, lazily built singletons).
// Correct: static storage outlives every view. No EXPECT lines.
#include <cstdio>
#include <span>
#include <string>
#include <string_view>

static std::string_view color_name(int c) {
  switch (c) {
  case 0:
    return "red";
  case 1:
    return "green";
  default:
    return "blue";
  }
}

static const std::string &banner() {
  static const std::string text = "BorrowScope corpus, static banner";
  return text;
}

static std::span<const int> primes() {
  static const int table[] = {2, 3, 5, 7, 11};
  return table;
}

int main() {
  std::string_view c = color_name(1);
  const std::string &b = banner();
  std::span<const int> p = primes();
  std::printf("%.*s %zu %d\n", static_cast<int>(c.size()), c.data(), b.size(), p[4]);
  return 0;
}
