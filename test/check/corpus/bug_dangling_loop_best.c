// bug_dangling_loop_best.c
// What: a search loop keeps a pointer to the best candidate seen so far,
//   but each candidate is a local of the loop body; the best one is read
//   after the loop.
// Written from: "a `best` pointer saved from inside a loop whose candidate
//   struct is rebuilt (as a local) on every iteration".
// Shape: CWE-416-like use of stack memory after its scope; Rust E0597.
// Seeded bug: one dangling_borrow, at the assignment of `best`.
#include <stdio.h>

struct candidate {
  int index;
  int score;
};

static volatile int sink;

int main(void) {
  const int scores[] = {4, 9, 2, 7};
  const struct candidate *best = NULL;
  int best_score = -1;
  for (int i = 0; i < 4; ++i) {
    struct candidate c = {i, scores[i] * 10};
    if (c.score > best_score) {
      best_score = c.score;
      best = &c; // EXPECT: dangling_borrow
    }
  }
  if (best)
    sink = best->index; // USE: dangling_borrow
  printf("best score %d\n", best_score);
  return 0;
}
