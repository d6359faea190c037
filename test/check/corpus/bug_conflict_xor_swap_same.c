// bug_conflict_xor_swap_same.c
// What: a shuffle swaps a[i] and a[j] with the XOR trick; when i == j both
//   parameters point at the same element and it becomes 0.
// Written from: "a swap helper that writes through both parameters and
//   assumes they are distinct, called with the same object twice".
// Shape: aliasing bug (the XOR-swap self-swap pitfall); Rust E0499 (two
//   mutable borrows of the same place).
// Seeded bug: one borrow_conflict, at the call where i == j.
#include <stdio.h>

static void xor_swap(int *x, int *y) {
  *x ^= *y;
  *y ^= *x;
  *x ^= *y;
}

int main(void) {
  int a[5] = {10, 20, 30, 40, 50};
  const int picks[5] = {4, 1, 2, 0, 3};
  xor_swap(&a[0], &a[picks[0]]);
  int i = 2;
  xor_swap(&a[i], &a[picks[i]]); // EXPECT: borrow_conflict
  for (int k = 0; k < 5; ++k)
    printf("%d ", a[k]);
  printf("\n");
  return 0;
}
