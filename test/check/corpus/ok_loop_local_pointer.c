// ok_loop_local_pointer.c
// What: inside a loop a pointer is re-bound on every iteration to a struct
//   that is local to the loop body, used in that iteration, and never read
//   after the loop.
// Written from: "pointers re-bound to a loop-local each iteration and not
//   used after the loop".
// Shape: everyday C (per-iteration scratch structs).
// Correct: the pointer is only read while its target is alive. No EXPECT.
#include <stdio.h>

struct sample {
  int raw;
  int scaled;
};

static void scale(struct sample *s, int factor) { s->scaled = s->raw * factor; }

int main(void) {
  const struct sample *cur = NULL;
  int sum = 0;
  for (int i = 0; i < 5; ++i) {
    struct sample s = {i, 0};
    scale(&s, 3);
    cur = &s;
    sum += cur->scaled;
  }
  cur = NULL;
  printf("sum %d\n", sum);
  return 0;
}
