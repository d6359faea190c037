// bug_conflict_qsort_cached_ptr.c
// What: a leaderboard caches `const struct entry *leader = &board[0]`, then
//   sorts the board in place with qsort, then prints the leader through the
//   cached pointer (which now points at whatever was sorted into slot 0).
// Written from: "a const pointer held while a mutable one writes" (qsort
//   rewrites the array the pointer looks into).
// Shape: aliasing bug (stale pointer into a reordered array); Rust E0502.
// Seeded bug: one borrow_conflict, at the qsort call.
#include <stdio.h>
#include <stdlib.h>

struct entry {
  char name[8];
  int points;
};

static int by_points(const void *a, const void *b) {
  const struct entry *x = a, *y = b;
  return y->points - x->points;
}

int main(void) {
  struct entry board[4] = {{"ann", 12}, {"bob", 30}, {"cy", 7}, {"dee", 21}};
  const struct entry *leader = &board[0];
  qsort(board, 4, sizeof board[0], by_points); // EXPECT: borrow_conflict
  printf("leader %s with %d\n", leader->name, leader->points); // USE: borrow_conflict
  return 0;
}
