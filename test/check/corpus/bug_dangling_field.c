// Bug: a struct that outlives a loop body keeps a pointer into it.
//
// RUN: %bsclang -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>

struct cache {
  const int *latest;
};

int main(void) {
  struct cache c = {0};
  for (int i = 0; i < 2; ++i) {
    int item = i * 10;
    c.latest = &item; // EXPECT: dangling_borrow
  }
  printf("%d\n", c.latest != 0);
  return 0;
}
