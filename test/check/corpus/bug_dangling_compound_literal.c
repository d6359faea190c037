// bug_dangling_compound_literal.c
// What: a default origin is given as a C99 compound literal inside an
//   if-branch; the pointer to it is used after the branch (the literal's
//   lifetime is the enclosing block).
// Written from: "`p = &(struct point){0, 0};` inside a block, used outside"
//   (compound literals have automatic storage duration).
// Shape: CWE-416-like use of stack memory after its scope (C11 6.5.2.5p5);
//   Rust E0716 (temporary value dropped while borrowed).
// Seeded bug: one dangling_borrow, at the assignment of the literal's address.
#include <stdio.h>

struct point {
  int x, y;
};

static volatile int sink;

static int manhattan(const struct point *a, int x, int y) {
  int dx = a->x > x ? a->x - x : x - a->x;
  int dy = a->y > y ? a->y - y : y - a->y;
  return dx + dy;
}

int main(int argc, char **argv) {
  const struct point *origin;
  struct point given = {1, 1};
  (void)argv;
  if (argc > 3) {
    origin = &given;
  } else {
    origin = &(struct point){0, 0}; // EXPECT: dangling_borrow
  }
  sink = origin->x; // USE: dangling_borrow
  printf("distance known: %d\n", manhattan(&given, 4, 5));
  return 0;
}
