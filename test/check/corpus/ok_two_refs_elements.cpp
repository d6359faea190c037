// ok_two_refs_elements.cpp
// What: two references to different elements of one array and two
//   references to different fields of one struct, both modified, then read.
// Written from: "two references to different elements/fields of one array
//   or struct".
// Shape: everyday C++ (Rust allows this for fields; split_at_mut for
//   slices).
// Correct: the references never refer to the same object.
#include <array>
#include <cstdio>

struct Range {
  int lo;
  int hi;
};

static void widen(int &lo, int &hi, int by) {
  lo -= by;
  hi += by;
}

int main() {
  std::array<int, 4> a{1, 2, 3, 4};
  int &first = a[0];
  int &last = a[3];
  first += 10;
  last += 20;
  int ends = first + last;
  Range r{5, 9};
  int &lo = r.lo;
  int &hi = r.hi;
  lo -= 1;
  hi += 1;
  widen(r.lo, r.hi, 2);
  std::printf("%d %d %d %d %d\n", ends, a[1], a[2], r.lo, r.hi);
  return 0;
}
