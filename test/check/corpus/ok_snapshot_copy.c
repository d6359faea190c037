// ok_snapshot_copy.c
// What: a rate limiter takes a *copy* of its statistics (struct assignment)
//   before updating them through a pointer, and compares the copy with the
//   updated values afterwards.
// Written from: "take a snapshot by value, then mutate the original" (the
//   fix for holding a const pointer across a write).
// Shape: everyday C.
// Correct: the snapshot is an independent object. No EXPECT lines.
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
  struct stats before = st;
  record(&st, 0);
  record(&st, 1);
  printf("new requests %ld, new rejections %ld\n", st.requests - before.requests,
         st.rejected - before.rejected);
  return 0;
}
