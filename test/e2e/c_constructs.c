// C constructs of the borrow semantics with their exact events, the same at
// -O0 and -O2: goto out of a scope, a variable-length array in a loop,
// setjmp/longjmp, pointers passed on through parameters and a struct field,
// a pointer reassigned and set to NULL (BORROWSCOPE_VARIABLES=all).
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 | FileCheck %s --check-prefix=OUT
// RUN: %trace-summary %t0.json | FileCheck %s
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O2 %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 | FileCheck %s --check-prefix=OUT
// RUN: %trace-summary %t2.json > %t2.sum
// RUN: %trace-summary %t0.json | diff - %t2.sum
// OUT: 3 4 6 7

#include <setjmp.h>
#include <stdio.h>
#include <stddef.h>

struct holder {
  int *ptr;
};

__attribute__((noinline)) static int leave_early(int n) {
  int result = 0;
  for (int i = 0; i < n; ++i) {
    int doubled = 2 * i;
    if (doubled > 2)
      goto done; // leaves two scopes: doubled and i end here
    result += doubled;
  }
done:
  return result + 1;
}

__attribute__((noinline)) static int vla(int n) {
  int total = 0;
  for (int round = 0; round < 2; ++round) {
    int values[n]; // one instance per iteration
    for (int k = 0; k < n; ++k)
      values[k] = k;
    total += values[n - 1];
  }
  return total + 2;
}

static jmp_buf env;

__attribute__((noinline)) static void deep(int level) {
  int frame = level; // abandoned: longjmp skips this frame
  if (frame == 1)
    longjmp(env, 6);
  deep(level + 1);
}

__attribute__((noinline)) static int jumps(void) {
  int got = setjmp(env);
  if (got == 0)
    deep(0);
  return got;
}

__attribute__((noinline)) static int fields_and_reassignment(void) {
  int a = 3, b = 4;
  struct holder h;
  h.ptr = &a;    // a field of h holds a
  int *p = &a;
  p = &b;        // p lets go of a, borrows b
  p = NULL;      // p holds nothing
  h.ptr = &b;
  return a + b + (p == NULL);
}

int main(void) {
  printf("%d %d %d %d\n", leave_early(3), vla(2), jumps(), fields_and_reassignment() - 1);
  return 0;
}
// goto out of two scopes: doubled and i end on the goto's path, once each.
// CHECK: New n #[[V1:[0-9]+]] line 23 in leave_early
// CHECK-NEXT: New result #[[V2:[0-9]+]] line 24 in leave_early
// CHECK-NEXT: New i #[[V3:[0-9]+]] line 25 in leave_early
// CHECK-NEXT: New doubled #[[V4:[0-9]+]] line 26 in leave_early
// CHECK-NEXT: Drop doubled #[[V4]] line 30 in leave_early
// CHECK-NEXT: New doubled #[[V5:[0-9]+]] line 26 in leave_early
// CHECK-NEXT: Drop doubled #[[V5]] line 30 in leave_early
// CHECK-NEXT: New doubled #[[V6:[0-9]+]] line 26 in leave_early
// CHECK-NEXT: Drop doubled #[[V6]] line 30 in leave_early
// CHECK-NEXT: Drop i #[[V3]] line 25 in leave_early
// CHECK-NEXT: Drop result #[[V2]] line 33 in leave_early
// CHECK-NEXT: Drop n #[[V1]] line 33 in leave_early
// A VLA in a loop: one instance per iteration; the last ends at the return.
// CHECK-NEXT: New n #[[V7:[0-9]+]] line 35 in vla
// CHECK-NEXT: New total #[[V8:[0-9]+]] line 36 in vla
// CHECK-NEXT: New round #[[V9:[0-9]+]] line 37 in vla
// CHECK-NEXT: New values #[[V10:[0-9]+]] line 38 in vla
// CHECK-NEXT: New k #[[V11:[0-9]+]] line 39 in vla
// CHECK-NEXT: Drop k #[[V11]] line 39 in vla
// CHECK-NEXT: Drop values #[[V10]] line 38 in vla
// CHECK-NEXT: New values #[[V12:[0-9]+]] line 38 in vla
// CHECK-NEXT: New k #[[V13:[0-9]+]] line 39 in vla
// CHECK-NEXT: Drop k #[[V13]] line 39 in vla
// CHECK-NEXT: Drop round #[[V9]] line 37 in vla
// CHECK-NEXT: Drop total #[[V8]] line 44 in vla
// CHECK-NEXT: Drop values #[[V12]] line 43 in vla
// CHECK-NEXT: Drop n #[[V7]] line 43 in vla
// longjmp skips deep()'s frames: their variables are dropped at the jump
// (line 51), marked abandoned, latest first; got, created before the
// setjmp, stays.
// CHECK-NEXT: New got #[[V14:[0-9]+]] line 56 in jumps
// CHECK-NEXT: New level #[[V15:[0-9]+]] line 48 in deep
// CHECK-NEXT: New frame #[[V16:[0-9]+]] line 49 in deep
// CHECK-NEXT: New level #[[V17:[0-9]+]] line 48 in deep
// CHECK-NEXT: New frame #[[V18:[0-9]+]] line 49 in deep
// CHECK-NEXT: Drop frame #[[V18]] line 51 in deep abandoned
// CHECK-NEXT: Drop level #[[V17]] line 51 in deep abandoned
// CHECK-NEXT: Drop frame #[[V16]] line 51 in deep abandoned
// CHECK-NEXT: Drop level #[[V15]] line 51 in deep abandoned
// CHECK-NEXT: Drop got #[[V14]] line 60 in jumps
// A struct field holds a borrow (with its destination, in h: h's New has
// its address); a pointer reassigned lets go of a and borrows b, but never
// uses either value before it is set to NULL: both borrows are dead (end as
// they are taken); NULL into a pointer is no borrow at all. h is never read
// either: what its field holds is overwritten or dropped unused, so those
// borrows are dead too.
// CHECK-NEXT: New a #[[V19:[0-9]+]] line 63 in fields_and_reassignment at-address
// CHECK-NEXT: New b #[[V20:[0-9]+]] line 63 in fields_and_reassignment at-address
// CHECK-NEXT: New h #[[V21:[0-9]+]] line 64 in fields_and_reassignment at-address
// CHECK-NEXT: Borrow a #[[V19]] by h.ptr #[[V21]] (variable, mutable in-memory dead) line 65
// CHECK-NEXT: New p #[[V22:[0-9]+]] line 66 in fields_and_reassignment
// CHECK-NEXT: Borrow a #[[V19]] by p #[[V22]] (variable, mutable dead) line 66
// CHECK-NEXT: Borrow b #[[V20]] by p #[[V22]] (variable, mutable dead) line 67
// CHECK-NEXT: Borrow b #[[V20]] by h.ptr #[[V21]] (variable, mutable in-memory dead) line 69
// CHECK-NEXT: Drop p #[[V22]] line 71 in fields_and_reassignment
// CHECK-NEXT: Drop h #[[V21]] line 71 in fields_and_reassignment
// CHECK-NEXT: Drop b #[[V20]] line 71 in fields_and_reassignment
// CHECK-NEXT: Drop a #[[V19]] line 71 in fields_and_reassignment
