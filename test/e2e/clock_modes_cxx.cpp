// The default clock in C++: std::this_thread::sleep_for is a template from
// a system header (not instrumented), which waits: the clock is read before
// and after the call to it.
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclangxx -O2 %s -o %t
// RUN: env BORROWSCOPE_OUTPUT=%t.trace %t
// RUN: %python %S/Inputs/timestamps.py %t.trace | FileCheck %s
// CHECK: gap across the sleep >= 20 ms: yes

#include <chrono>
#include <thread>

__attribute__((noinline)) static int twice(int v) { return 2 * v; }

int main() {
  int total = 0;
  for (int i = 0; i < 64; ++i) {
    int item = twice(i);
    total += item;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  int after = total;
  return after == 4032 ? 0 : 1;
}
