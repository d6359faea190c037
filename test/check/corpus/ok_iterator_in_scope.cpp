// ok_iterator_in_scope.cpp
// What: iterators and references into a vector are used only between
//   modifications: find, read, modify through the reference, and only then
//   push_back; the reference is re-taken after growing.
// Written from: "iterators/references used only within scope and not
//   across invalidating calls".
// Shape: everyday C++ (the correct version of invalidation bugs).
// Correct: no iterator or reference is used after an invalidating call.
#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
  std::vector<int> v{5, 3, 8, 1};
  {
    auto it = std::find(v.begin(), v.end(), 8);
    if (it != v.end())
      *it = 80;
  }
  int &first = v.front();
  first += 1;
  v.push_back(9);
  v.push_back(10);
  int &last = v.back();
  last *= 2;
  int total = 0;
  for (auto it = v.cbegin(); it != v.cend(); ++it)
    total += *it;
  std::printf("total %d, size %zu\n", total, v.size());
  return 0;
}
