// longjmp over instrumented frames: the frames it skips run no Drops of
// their own, so the trace ends their instances at the jump: every instance
// the thread created since the setjmp of that jmp_buf and still has is
// dropped there, marked abandoned, at the longjmp's line. The frames that do
// return drop theirs as usual; the setjmp's own frame keeps what it had
// before the setjmp.
//
// RUN: %bsclang -O1 %s -o %t && %clang -O1 %s -o %t.plain
// RUN: rm -f %t.*trace*
// RUN: %fault-run %t.plain %t %t.trace -- | FileCheck %s
// CHECK: ended: exit 0, as plain
// CHECK-NEXT: output: as plain
// CHECK-NEXT: trace: ended by exit 0
// CHECK-NEXT: events: 23 (thread 1: 23)
// RUN: %trace-summary %t.trace | FileCheck %s --check-prefix=EVENTS
// EVENTS:      New result #1 line [[#]] in main
// EVENTS-NEXT: New outer #2 line [[#]] in run
// EVENTS-NEXT: Borrow outer #2 by touch
// EVENTS-NEXT: Borrow outer #2 by skipped
// EVENTS-NEXT: New inner #3 line [[#]] in skipped
// EVENTS-NEXT: Borrow inner #3 by touch
// The skipped frame's object borrows the surviving frame's variable.
// EVENTS-NEXT: New view #4 line [[#]] in skipped
// EVENTS-NEXT: Reborrow outer #2 by view.held #4
// EVENTS-NEXT: Borrow view #4 by keep
// EVENTS-NEXT: New deepest #5 line [[#]] in jumps
// EVENTS-NEXT: Borrow deepest #5 by touch
// The jump: latest first, at the longjmp's line.
// EVENTS-NEXT: Drop deepest #5 line [[#JUMP:]] in jumps abandoned
// EVENTS-NEXT: Drop view #4 line [[#JUMP]] in jumps abandoned
// EVENTS-NEXT: Drop inner #3 line [[#JUMP]] in jumps abandoned
// EVENTS-NEXT: New after #6
// EVENTS-NEXT: Borrow after #6 by touch
// A second setjmp of the same buffer, then a longjmp called through a
// pointer (as code that is not instrumented calls it): the runtime's own
// longjmp sees it, without a line: the Drop is at the variable's.
// EVENTS-NEXT: New again #7 line [[#AGAIN:]] in indirect
// EVENTS-NEXT: Borrow again #7 by touch
// EVENTS-NEXT: Drop again #7 line [[#AGAIN]] in indirect abandoned
// EVENTS-NEXT: Drop after #6 line [[#END:]] in run
// EVENTS-NEXT: Drop outer #2 line [[#END]] in run
// EVENTS-NEXT: Borrow result #1 by touch
// EVENTS-NEXT: Drop result #1 line [[#]] in main
// EVENTS-NOT: {{.}}
// RUN: %trace-summary --check %t.trace | FileCheck %s --check-prefix=LIVE
// LIVE: ok: 23 events, 0 never dropped
// RUN: %borrowscope report %t.trace | FileCheck %s --check-prefix=REPORT
// REPORT: inner  int {{.*}} 1 abandoned by longjmp
// The holder in the skipped frame is gone with its frame: no dangling
// borrow of `outer` when run returns (before jumps were recorded: one).
// RUN: %borrowscope check %t.trace | count 0

#include <setjmp.h>
#include <stdio.h>

static jmp_buf back;

__attribute__((noinline)) static void touch(int *p) { *p += 1; }
struct holder {
  int *held;
};
__attribute__((noinline)) static void keep(struct holder *h) {
  __asm__ volatile("" : : "r"(h) : "memory");
}

__attribute__((noinline)) static void jumps(int n) {
  int deepest = n;
  touch(&deepest);
  longjmp(back, deepest);
}

__attribute__((noinline)) static void skipped(int *n) {
  int inner = *n;
  touch(&inner);
  struct holder view = {n};
  keep(&view);
  jumps(inner);
  printf("not reached: %d\n", *view.held);
}

static void (*volatile jump_through)(jmp_buf, int) = longjmp;

__attribute__((noinline)) static void indirect(void) {
  int again = 3;
  touch(&again);
  jump_through(back, 1);
}

__attribute__((noinline)) static int run(void) {
  int outer = 1;
  touch(&outer);
  if (setjmp(back) == 0)
    skipped(&outer);
  int after = 2;
  touch(&after);
  if (setjmp(back) == 0)
    indirect();
  return outer + after;
}

int main(void) {
  int result = run();
  touch(&result);
  printf("%d\n", result);
  return 0;
}
