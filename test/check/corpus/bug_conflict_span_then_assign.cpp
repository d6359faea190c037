// bug_conflict_span_then_assign.cpp
// What: a std::span "snapshot" of the current readings is taken, then the
//   vector is refilled with assign() (same size, so no reallocation), then
//   the old snapshot is summed -- it sees the new values.
// Written from: "a view (span) over a container held while the container is
//   modified, used afterwards as if it were a copy".
// Shape: aliasing (mutation under a live shared view); Rust E0502.
// Seeded bug: one borrow_conflict, at the assign.
#include <cstdio>
#include <span>
#include <vector>

static int sum(std::span<const int> s) {
  int t = 0;
  for (int x : s)
    t += x;
  return t;
}

int main() {
  std::vector<int> readings{3, 4, 5};
  std::span<const int> before(readings);
  readings.assign({30, 40, 50}); // EXPECT: borrow_conflict
  std::printf("before=%d after=%d\n", sum(before), sum(readings)); // USE: borrow_conflict
  return 0;
}
