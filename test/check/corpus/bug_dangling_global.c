// Bug: a local's address is kept in a global after the function returns.
//
// RUN: %bsclang -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>

static int *last_seen;

static void remember(int v) {
  int copy = v;
  last_seen = &copy; // EXPECT: dangling_borrow
}

int main(void) {
  remember(7);
  printf("%d\n", last_seen != NULL);
  return 0;
}
