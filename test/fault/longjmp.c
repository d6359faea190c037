// longjmp over instrumented frames: the frames it skips do not drop their
// variables (no code of theirs runs). Their instances stay live to the end
// of the trace: `report` lists them as never dropped, `check` reports no
// finding for them. The frames that do return drop theirs as usual.
//
// RUN: %bsclang -O1 %s -o %t && %clang -O1 %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: %fault-run %t.plain %t %t.trace -- | FileCheck %s
// CHECK: ended: exit 0, as plain
// CHECK-NEXT: output: as plain
// CHECK-NEXT: trace: ended by exit 0
// CHECK-NEXT: events: 10 (thread 1: 10)
// RUN: %trace-summary %t.trace | FileCheck %s --check-prefix=EVENTS
// EVENTS:      New outer
// EVENTS-NEXT: Borrow outer #1 by touch
// EVENTS-NEXT: New inner #2 line [[#]] in skipped
// EVENTS-NEXT: Borrow inner #2 by touch
// EVENTS-NEXT: New deepest #3 line [[#]] in jumps
// EVENTS-NEXT: Borrow deepest #3 by touch
// After the jump: no Drop of deepest or inner; outer is dropped at return.
// EVENTS-NEXT: New after #4
// EVENTS-NEXT: Borrow after #4 by touch
// EVENTS-NEXT: Drop after #4
// EVENTS-NEXT: Drop outer #1
// RUN: %trace-summary --check %t.trace | FileCheck %s --check-prefix=LIVE
// LIVE: ok: {{[0-9]+}} events, 2 never dropped
// RUN: %borrowscope check %t.trace | count 0

#include <setjmp.h>
#include <stdio.h>

static jmp_buf back;

__attribute__((noinline)) static void touch(int *p) { *p += 1; }

__attribute__((noinline)) static void jumps(int n) {
  int deepest = n;
  touch(&deepest);
  longjmp(back, deepest);
}

__attribute__((noinline)) static void skipped(int n) {
  int inner = n;
  touch(&inner);
  jumps(inner);
  printf("not reached\n");
}

__attribute__((noinline)) static int run(void) {
  int outer = 1;
  touch(&outer);
  if (setjmp(back) == 0)
    skipped(outer);
  int after = 2;
  touch(&after);
  return outer + after;
}

int main(void) {
  printf("%d\n", run());
  return 0;
}
