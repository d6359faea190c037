// bug_conflict_matmul_alias.c
// What: a 2x2 matrix multiply writes its result through `out` while still
//   reading both inputs; squaring a matrix in place as mat_mul(&m, &m, &m)
//   overwrites inputs it still needs.
// Written from: "the same object passed as input and output to a function
//   that assumes no aliasing" (BLAS-like out-parameter APIs).
// Shape: aliasing bug; Rust E0502 (`&mut m` while `&m` is alive).
// Seeded bug: one borrow_conflict, at the in-place call.
#include <stdio.h>

struct mat {
  int a[2][2];
};

static void mat_mul(struct mat *out, const struct mat *x, const struct mat *y) {
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) {
      out->a[i][j] = 0;
      for (int k = 0; k < 2; ++k)
        out->a[i][j] += x->a[i][k] * y->a[k][j];
    }
}

int main(void) {
  struct mat m = {{{1, 1}, {1, 0}}};
  struct mat sq;
  mat_mul(&sq, &m, &m);
  mat_mul(&m, &m, &m); // EXPECT: borrow_conflict
  printf("fib: %d %d (in place: %d %d)\n", sq.a[0][0], sq.a[0][1], m.a[0][0], m.a[0][1]);
  return 0;
}
