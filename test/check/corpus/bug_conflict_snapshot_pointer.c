// bug_conflict_snapshot_pointer.c
// What: a rate limiter takes `const struct stats *before = &st` thinking it
//   is a snapshot, updates st through a mutable pointer, then compares the
//   "before" and current values (always equal).
// Written from: "a const pointer held while a mutable one writes, and the
//   const one read afterwards".
// Shape: aliasing (shared borrow alive across a mutation); Rust E0502.
// Seeded bug: one borrow_conflict, at the call taking the mutable pointer.
#include <stdio.h>

struct stats {
  long requests;
  long rejected;
};

static void record(struct stats *s, int allowed) {
  s->requests++;
  if (!allowed)
    s->rejected++;
}

int main(void) {
  struct stats st = {100, 3};
  const struct stats *before = &st;
  record(&st, 0); // EXPECT: borrow_conflict
  long delta = st.rejected - before->rejected; // USE: borrow_conflict
  printf("newly rejected: %ld\n", delta);
  return 0;
}
