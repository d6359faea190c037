// bug_conflict_restrict_args.c
// What: an accumulate helper declares both arrays `restrict`; a caller
//   passes the same buffer as destination and source to double it.
// Written from: "calling a function whose parameters are restrict-qualified
//   with the same object twice" (C11 6.7.3.1).
// Shape: aliasing bug (undefined behaviour when the restrict promise is
//   broken); Rust E0502 (`&mut buf` and `&buf` at once).
// Seeded bug: one borrow_conflict, at the call with the same buffer twice.
#include <stdio.h>

static void add_into(int *restrict dst, const int *restrict src, int n) {
  for (int i = 0; i < n; ++i)
    dst[i] += src[i];
}

int main(void) {
  int totals[6] = {1, 2, 3, 4, 5, 6};
  int delta[6] = {1, 1, 1, 1, 1, 1};
  add_into(totals, delta, 6);
  add_into(totals, totals, 6); // EXPECT: borrow_conflict
  for (int i = 0; i < 6; ++i)
    printf("%d ", totals[i]);
  printf("\n");
  return 0;
}
