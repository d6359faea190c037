// bug_dangling_vla_block.c
// What: a variable-length array sized from the input is declared in an
//   inner block to hold prefix sums; a pointer to it is kept and read after
//   the block (the VLA is deallocated at the end of the block).
// Written from: "pointer to a VLA used after the block that declared it".
// Shape: CWE-416-like use of stack memory after its scope (C11 6.2.4p7);
//   Rust E0597.
// Seeded bug: one dangling_borrow, at the assignment of the pointer.
#include <stdio.h>

static volatile int sink;

int main(int argc, char **argv) {
  (void)argv;
  int n = argc + 4;
  const int *sums = NULL;
  int total = 0;
  {
    int prefix[n];
    for (int i = 0; i < n; ++i) {
      total += i;
      prefix[i] = total;
    }
    sums = prefix; // EXPECT: dangling_borrow
  }
  sink = sums[n - 1]; // USE: dangling_borrow
  printf("total %d over %d\n", total, n);
  return 0;
}
