// Bug: the same variable passed twice to a function that writes through both
// parameters (it assumes they do not alias).
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
