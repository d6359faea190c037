// Bug: a pointer outlives the block whose variable it points to.
//
// RUN: %bsclang -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>

int main(void) {
  int *p;
  {
    int x = 42;
    p = &x; // EXPECT: dangling_borrow
  }
  printf("%d\n", p != NULL);
  return 0;
}
