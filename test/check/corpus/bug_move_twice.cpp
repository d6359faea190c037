// Bug: a unique_ptr is moved out of twice; the second owner gets nothing.
//
// RUN: %bsclangxx -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclangxx -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <cstdio>
#include <memory>
#include <utility>

int main() {
  std::unique_ptr<int> p = std::make_unique<int>(1);
  std::unique_ptr<int> a = std::move(p);
  std::unique_ptr<int> b = std::move(p); // EXPECT: use_after_move
  std::printf("%d %d\n", a ? *a : -1, b ? *b : -1);
  return 0;
}
