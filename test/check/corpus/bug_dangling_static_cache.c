// bug_dangling_static_cache.c
// What: a memoising lookup keeps a function-static pointer to the last key
//   it normalised, but the normalised key is a local; the next call
//   compares against it.
// Written from: "a function-static `last` pointer caching the address of a
//   local between calls".
// Shape: CWE-562-like (stack address stored in static storage); Rust E0597
//   (a static cannot hold a borrow of a local).
// Seeded bug: one dangling_borrow, at the store into the static.
#include <stdio.h>

static volatile int sink;

static int lookup(int key) {
  static const int *last_key;
  static int last_value;
  int norm = key < 0 ? -key : key;
  static int last_norm = -1;
  if (last_key) /* trace the previous key */
    sink = *last_key; // USE: dangling_borrow
  if (norm == last_norm)
    return last_value;
  last_norm = norm;
  last_value = norm * norm;
  last_key = &norm; // EXPECT: dangling_borrow
  return last_value;
}

int main(void) {
  int a = lookup(-4);
  int b = lookup(5);
  printf("%d %d\n", a, b);
  return 0;
}
