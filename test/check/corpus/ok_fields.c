// Correct: a struct field and a global hold borrows that are cleared before
// their owners drop; pointers passed down and back through calls.
//
// RUN: %bsclang -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stddef.h>
#include <stdio.h>

struct holder {
  int *slot;
};

static int *current;

static int twice(int *v) { return 2 * *v; }

static int use_holder(struct holder *h) { return h->slot ? *h->slot : 0; }

static int scoped(void) {
  struct holder h = {NULL};
  int result = 0;
  {
    int value = 21;
    h.slot = &value;
    current = &value;
    result = use_holder(&h) + twice(current);
    current = NULL; // cleared before value drops
    h.slot = NULL;
  }
  return result;
}

int main(void) {
  printf("%d\n", scoped());
  return 0;
}
