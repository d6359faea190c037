// bug_dangling_range_for_temporary.cpp
// What: a range-for iterates over `make_record().tags()` where tags()
//   returns a reference into the temporary Record; before C++23 the
//   temporary is destroyed before the loop body runs.
// Written from: "range-for over a member reference of a temporary"
//   (the P2012/P2718 dangling range-for problem).
// Shape: CWE-416-like; Rust E0716 (temporary value dropped while borrowed).
// Seeded bug: one dangling_borrow, at the for statement.
#include <array>
#include <cstdio>

struct Record {
  std::array<int, 3> tag_ids;
  const std::array<int, 3> &tags() const { return tag_ids; }
};

static Record make_record(int base) { return Record{{base, base + 1, base + 2}}; }

static volatile int sink;

int main() {
  int visited = 0;
  for (int t : make_record(10).tags()) { // EXPECT: dangling_borrow
    sink = t; // USE: dangling_borrow
    ++visited;
  }
  std::printf("visited %d tags\n", visited);
  return 0;
}
