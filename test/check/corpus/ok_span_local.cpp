// ok_span_local.cpp
// What: std::span over a local array and over a local vector, passed to
//   functions (sum, normalise in place) and sliced with subspan, all while
//   the storage is alive and not resized.
// Written from: "std::span over locals used only within scope".
// Shape: everyday C++20.
// Correct: spans are temporaries or locals that die before their storage.
#include <cstdio>
#include <span>
#include <vector>

static int sum(std::span<const int> s) {
  int t = 0;
  for (int x : s)
    t += x;
  return t;
}

static void subtract_min(std::span<int> s) {
  int m = s[0];
  for (int x : s)
    m = x < m ? x : m;
  for (int &x : s)
    x -= m;
}

int main() {
  int raw[6] = {5, 7, 9, 6, 8, 10};
  std::span<int> all(raw);
  subtract_min(all.subspan(1, 4));
  std::vector<int> v{3, 1, 2};
  subtract_min(v);
  std::printf("%d %d %d\n", sum(all), sum(all.first(2)), sum(v));
  return 0;
}
