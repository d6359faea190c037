// BORROWSCOPE_CLOCK: exact (the default) reads the clock for every group of
// events; fast lets a read serve the next groups, but never across a call
// that may block: here usleep, called through a helper that has no variables
// of its own (so it is not instrumented): the call to the helper blocks too.
//
// RUN: %bsclang -O2 %s -o %t
// RUN: env BORROWSCOPE_OUTPUT=%t.exact.json %t
// RUN: env BORROWSCOPE_OUTPUT=%t.fast.json BORROWSCOPE_CLOCK=fast %t
// RUN: %python %S/Inputs/timestamps.py %t.exact.json | FileCheck %s --check-prefix=EXACT
// RUN: %python %S/Inputs/timestamps.py %t.fast.json | FileCheck %s --check-prefix=FAST
// Both: the sleep shows as a gap of at least 20 ms between the two halves.
// EXACT: gap across the sleep >= 20 ms: yes
// FAST: gap across the sleep >= 20 ms: yes
// Exact: each of the 64 iterations before the sleep has its own times.
// EXACT: distinct times before the sleep: {{(1[3-9][0-9]|[2-9][0-9][0-9])}}
// Fast: one read serves 16 groups: far fewer distinct times.
// FAST: distinct times before the sleep: {{[0-9]|1[0-9]|2[0-9]}}{{$}}

#include <unistd.h>

__attribute__((noinline)) static int twice(int v) { return 2 * v; }
__attribute__((noinline)) static void pause_a_bit(void) { usleep(20 * 1000); }

int main(void) {
  int total = 0;
  for (int i = 0; i < 64; ++i) { // groups: the loop body, and twice()
    int item = twice(i);
    total += item;
  }
  pause_a_bit();
  int after = total; // the first group after the sleep reads the clock
  return after == 4032 ? 0 : 1;
}
