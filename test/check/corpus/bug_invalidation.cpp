// Bug: a reference into a vector is kept while the vector grows (it may
// reallocate; the reference would dangle).
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
  v.reserve(16); // keeps this run well-defined; the borrow is still wrong
  const int &first = v.front();
  v.push_back(4); // EXPECT: borrow_conflict
  std::printf("%d\n", first);
  return 0;
}
