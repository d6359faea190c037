// ok_shared_readers.c
// What: several const pointers to the same configuration struct are used
//   together for reading (shared borrows only); the struct is modified only
//   after the last read through them.
// Written from: "many const pointers reading one object, a write after the
//   reads are done".
// Shape: everyday C.
// Correct: no write happens while a const pointer is still going to be
//   read. No EXPECT lines.
#include <stdio.h>

struct limits {
  int min, max;
};

static int clamp(const struct limits *l, int v) { return v < l->min ? l->min : v > l->max ? l->max : v; }

static int span(const struct limits *a, const struct limits *b) { return (a->max - a->min) + (b->max - b->min); }

int main(void) {
  struct limits lim = {0, 10};
  const struct limits *r1 = &lim, *r2 = &lim;
  int s = span(r1, r2) + clamp(r1, 42) + clamp(r2, -5);
  lim.max = 100; /* after the last use of r1 and r2 */
  printf("%d %d\n", s, clamp(&lim, 42));
  return 0;
}
