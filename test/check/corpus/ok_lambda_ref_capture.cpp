// ok_lambda_ref_capture.cpp
// What: lambdas capturing locals by reference ([&], [&count]) passed to
//   std::for_each, std::sort and std::count_if and called only while the
//   locals are alive.
// Written from: "lambdas capturing by reference called within scope".
// Shape: everyday C++ (STL algorithms with stateful predicates).
// Correct: no lambda outlives its captures. No EXPECT lines.
#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
  std::vector<int> v{9, 2, 7, 4, 5};
  int comparisons = 0;
  std::sort(v.begin(), v.end(), [&comparisons](int a, int b) {
    ++comparisons;
    return a < b;
  });
  int sum = 0;
  std::for_each(v.begin(), v.end(), [&](int x) { sum += x; });
  int limit = 5;
  auto small = std::count_if(v.begin(), v.end(), [&limit](int x) { return x < limit; });
  auto add = [&sum](int x) { sum += x; };
  add(100);
  std::printf("sum %d, small %td, sorted %d\n", sum, small, comparisons > 0);
  return 0;
}
