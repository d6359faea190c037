// BORROWSCOPE_CLOCK: sync (the default) reads the clock when a window of
// records starts and ends, and before and after each call that synchronises
// threads or waits: here usleep, called through a helper that has no
// variables of its own (so it is not instrumented): the call to the helper
// waits too. Times in between are spread evenly. exact also reads it for
// every group of events.
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O2 %s -o %t
// RUN: env BORROWSCOPE_OUTPUT=%t.exact.trace BORROWSCOPE_CLOCK=exact %t
// RUN: env BORROWSCOPE_OUTPUT=%t.sync.trace %t
// RUN: %python %S/Inputs/timestamps.py %t.exact.trace | FileCheck %s --check-prefix=EXACT
// RUN: %python %S/Inputs/timestamps.py %t.sync.trace | FileCheck %s --check-prefix=SYNC
// Both: the sleep shows as a gap of at least 20 ms between the two halves,
// and a thread's times never decrease.
// EXACT: gap across the sleep >= 20 ms: yes
// SYNC: gap across the sleep >= 20 ms: yes
// Exact: each of the 64 iterations before the sleep has its own times (its
// loop body's group and twice()'s).
// EXACT: distinct times before the sleep: {{(1[3-9][0-9]|[2-9][0-9][0-9])}}
// EXACT: never decreasing: yes
// SYNC: never decreasing: yes

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
