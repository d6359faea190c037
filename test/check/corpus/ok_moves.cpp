// Correct: moved-from values are assigned anew before use, or only
// destroyed.
//
// RUN: %bsclangxx -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclangxx -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <cstdio>
#include <memory>
#include <string>
#include <utility>

int main() {
  std::string a = "first";
  std::string b = std::move(a);
  a = "second"; // assigned anew: usable again
  std::unique_ptr<int> p = std::make_unique<int>(3);
  std::unique_ptr<int> q = std::move(p); // p is only destroyed afterwards
  std::printf("%s %s %d\n", a.c_str(), b.c_str(), *q);
  return 0;
}
