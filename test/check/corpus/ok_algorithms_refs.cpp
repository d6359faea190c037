// ok_algorithms_refs.cpp
// What: std::transform from one vector into another, std::accumulate with a
//   by-reference lambda, std::partition in place, std::max_element whose
//   iterator is used before any modification.
// Written from: "STL algorithms over locals with references used in scope".
// Shape: everyday C++.
// Correct: input and output ranges are distinct (or the algorithm is in
//   place by design) and iterators are used before modifications.
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

int main() {
  std::vector<int> in{4, 8, 15, 16, 23, 42};
  std::vector<int> out(in.size());
  std::transform(in.begin(), in.end(), out.begin(), [](int x) { return x * 2; });
  int calls = 0;
  int total = std::accumulate(out.begin(), out.end(), 0, [&calls](int a, int b) {
    ++calls;
    return a + b;
  });
  auto mid = std::partition(in.begin(), in.end(), [](int x) { return x % 2 == 0; });
  long evens = mid - in.begin();
  int biggest = *std::max_element(out.begin(), out.end());
  out.push_back(biggest + 1);
  std::printf("%d %d %ld %d %zu\n", total, calls, evens, biggest, out.size());
  return 0;
}
