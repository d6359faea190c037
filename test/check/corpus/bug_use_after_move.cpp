// Bug: a string is used after its contents were moved away.
//
// RUN: %bsclangxx -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclangxx -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <cstdio>
#include <string>
#include <utility>

int main() {
  std::string name = "borrowscope";
  std::string taken = std::move(name);
  std::printf("%zu %s\n", name.size(), taken.c_str()); // EXPECT: use_after_move
  return 0;
}
