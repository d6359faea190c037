// A stack overflow: the kernel cannot run a handler on the exhausted stack
// (the runtime installs no alternate stack), so the process dies of SIGSEGV
// at once and the trace has no end. Everything the threads committed before
// is read back from the trace's file mapping, without flags. Not exact: the
// depth the recursion reaches depends on the stack limit.
//
// RUN: %bsclang -O1 -pthread %s -o %t && %clang -O1 -pthread %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: %fault-run %t.plain %t %t.trace -- overflow | FileCheck %s
// CHECK: ended: signal 11 (SIGSEGV), as plain
// CHECK-NEXT: output: as plain
// CHECK-NEXT: trace: warning: the trace has no end: the process was killed, or is still running ({{[0-9]+}} records recovered from its thread windows)
// CHECK-NEXT: events: {{[0-9]+}} (thread 1: {{[0-9]+}}, thread 2: 300)
// RUN: %trace-summary %t.trace | FileCheck %s --check-prefix=EVENTS
// EVENTS: Drop t #1 line 38 in work
// EVENTS: New frame #{{[0-9]+}} line 24 in deeper at-address
// EVENTS-NEXT: Borrow frame #{{[0-9]+}} by touch - (call, mutable) line 26
// EVENTS-NEXT: New frame #{{[0-9]+}} line 24 in deeper at-address

#include "Inputs/work.h"
#include <stdlib.h>

__attribute__((noinline)) static int deeper(int n) {
  int frame[64];
  frame[0] = n;
  touch(frame);
  return deeper(n + 1) + frame[n % 64];
}

int main(int argc, char **argv) {
  work();
  printf("before the end\n");
  fflush(stdout);
  if (mode_is(argc, argv, "overflow"))
    printf("%d\n", deeper(0));
  exit(0);
}
