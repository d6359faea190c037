// Bug: the same variable passed twice to a function that writes through both
// parameters (it assumes they do not alias).
//
// RUN: %bsclang -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>

struct range { int lo, hi; };

static void widen(struct range *into, struct range *from) {
  into->lo = from->lo - 1;
  into->hi = from->hi + 1;
}

int main(void) {
  struct range r = {1, 2};
  widen(&r, &r); // EXPECT: borrow_conflict
  printf("%d %d\n", r.lo, r.hi);
  return 0;
}
