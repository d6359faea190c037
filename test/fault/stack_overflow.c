// A stack overflow: the kernel cannot run a handler on the exhausted stack,
// so the runtime gives each recording thread that has none an alternate
// signal stack, where its SIGSEGV handler writes the trace's end. The
// process still dies of SIGSEGV, as plain. Not exact: the depth the
// recursion reaches depends on the stack limit.
//
// RUN: %bsclang -O1 -pthread %s -o %t && %clang -O1 -pthread %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: %fault-run %t.plain %t %t.trace -- overflow | FileCheck %s
// CHECK: ended: signal 11 (SIGSEGV), as plain
// CHECK-NEXT: output: as plain
// CHECK-NEXT: trace: the process was killed by signal 11 (SIGSEGV)
// CHECK-NEXT: events: {{[0-9]+}} (thread 1: {{[0-9]+}}, thread 2: 300)
// RUN: %trace-summary %t.trace | FileCheck %s --check-prefix=EVENTS
// EVENTS: Drop t #1 line 38 in work
// EVENTS: New frame #{{[0-9]+}} line 35 in deeper at-address
// EVENTS-NEXT: Borrow frame #{{[0-9]+}} by touch - (call, mutable) line 37
// EVENTS-NEXT: New frame #{{[0-9]+}} line 35 in deeper at-address
//
// The program is not told of that stack: sigaltstack says none until the
// program sets its own, which then is the one, as plain.
// RUN: %t.plain altstack > %t.plain.out
// RUN: env BORROWSCOPE_OUTPUT=%t.alt.trace %t altstack > %t.out
// RUN: diff %t.plain.out %t.out
// RUN: FileCheck %s --check-prefix=ALT < %t.out
// ALT: before: disabled
// ALT-NEXT: set: 0
// ALT-NEXT: after: ours 65536

#include "Inputs/work.h"
#include <signal.h>
#include <stdlib.h>

__attribute__((noinline)) static int deeper(int n) {
  int frame[64];
  frame[0] = n;
  touch(frame);
  return deeper(n + 1) + frame[n % 64];
}

static char own_stack[65536];

static void query_alt_stack(void) {
  stack_t now;
  sigaltstack(0, &now);
  printf("before: %s\n", now.ss_flags & SS_DISABLE ? "disabled" : "set");
  stack_t mine = {.ss_sp = own_stack, .ss_size = sizeof own_stack};
  printf("set: %d\n", sigaltstack(&mine, 0));
  sigaltstack(0, &now);
  printf("after: %s %zu\n", now.ss_sp == own_stack ? "ours" : "other",
         now.ss_size);
}

int main(int argc, char **argv) {
  work();
  if (mode_is(argc, argv, "altstack")) {
    query_alt_stack();
    return 0;
  }
  printf("before the end\n");
  fflush(stdout);
  if (mode_is(argc, argv, "overflow"))
    printf("%d\n", deeper(0));
  exit(0);
}
