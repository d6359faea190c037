// bug_conflict_c_str_append.cpp
// What: a message builder takes `const char *p = msg.c_str()`, then appends
//   a long suffix (the buffer is reallocated), then reads through p.
// Written from: "a pointer/view into a std::string kept across a modifying
//   call" (append, +=, insert, resize).
// Shape: invalidation ([string.require]: non-const members invalidate
//   pointers), CWE-416 on the old buffer; clang-analyzer
//   cplusplus.InnerPointer; Rust E0502.
// Seeded bug: one borrow_conflict, at the append.
#include <cstdio>
#include <string>

static volatile char sink;

int main() {
  std::string msg = "short";
  const char *p = msg.c_str();
  msg.append(" and now a suffix that is far too long for the small buffer"); // EXPECT: borrow_conflict
  sink = p[0]; // USE: borrow_conflict
  std::printf("%zu bytes\n", msg.size());
  return 0;
}
