// Bug: a container grows while a range-for iterates over it.
//
// RUN: %bsclangxx -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclangxx -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <cstdio>
#include <vector>

int main() {
  std::vector<int> v{1, 2, 3};
  v.reserve(16);
  for (int x : v)
    if (x == 2)
      v.push_back(x * 10); // EXPECT: borrow_conflict
  std::printf("%zu\n", v.size());
  return 0;
}
