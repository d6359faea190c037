// bug_dangling_pointer_into_local_vector.cpp
// What: a function loads readings into a local std::vector and returns a
//   pointer to the largest element; the vector (and its buffer) is
//   destroyed on return.
// Written from: "returning a pointer/iterator into a local container".
// Shape: CWE-562-like (pointer into a local object's storage escapes);
//   Rust E0515 (returns a reference to data owned by the current function).
// Seeded bug: one dangling_borrow, at the return statement.
#include <algorithm>
#include <cstdio>
#include <vector>

static volatile int sink;

static const int *largest_reading(int seed) {
  std::vector<int> readings;
  for (int i = 0; i < 6; ++i)
    readings.push_back((seed * (i + 3)) % 17);
  return &*std::max_element(readings.begin(), readings.end()); // EXPECT: dangling_borrow
}

int main() {
  const int *top = largest_reading(5);
  sink = *top; // USE: dangling_borrow
  std::printf("found the largest\n");
  return 0;
}
