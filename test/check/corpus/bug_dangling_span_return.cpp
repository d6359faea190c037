// bug_dangling_span_return.cpp
// What: a function fills a local array with a moving-average window and
//   returns a std::span over it.
// Written from: "returning std::span over a local array".
// Shape: CWE-562 via a view type; Rust E0515 (returning a slice of a local
//   array).
// Seeded bug: one dangling_borrow, at the return statement.
#include <cstdio>
#include <span>

static volatile int sink;

static std::span<const int> window(const int *data, int start) {
  int buf[4];
  for (int i = 0; i < 4; ++i)
    buf[i] = data[start + i] + data[start + i + 1];
  return std::span<const int>(buf); // EXPECT: dangling_borrow
}

int main() {
  const int samples[] = {1, 2, 3, 4, 5, 6, 7, 8};
  std::span<const int> w = window(samples, 2);
  sink = w[0]; // USE: dangling_borrow
  std::printf("window of %zu\n", w.size());
  return 0;
}
