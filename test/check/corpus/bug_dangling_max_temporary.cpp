// bug_dangling_max_temporary.cpp
// What: `const int &limit = std::max(requested, 16);` keeps a reference to
//   whichever argument is larger; when it is the literal 16, that is a
//   temporary destroyed at the end of the statement.
// Written from: "binding a reference to the result of std::min/std::max
//   with a temporary argument" (documented on cppreference for std::max).
// Shape: CWE-416-like (E0716 in Rust: temporary value dropped while
//   borrowed); clang -Wdangling does not see through std::max.
// Seeded bug: one dangling_borrow, at the reference's declaration.
#include <algorithm>
#include <cstdio>

static volatile int sink;

int main(int argc, char **) {
  int requested = argc * 4;
  const int &limit = std::max(requested, 16); // EXPECT: dangling_borrow
  sink = limit; // USE: dangling_borrow
  std::printf("limit chosen\n");
  return 0;
}
