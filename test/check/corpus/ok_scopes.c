// Correct: pointers never outlive what they point to; C89-style declarations
// (the pointer before its target, at the same scope level); a pointer per
// loop iteration; a pointer reassigned before its target drops.
//
// RUN: %bsclang -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>

static int sum_to(int n) {
  int *cursor;
  int total;
  cursor = &total; // declared earlier, dropped together with total
  *cursor = 0;
  for (int i = 1; i <= n; ++i) {
    int square = i * i;
    int *sq = &square; // dropped before square, every iteration
    *cursor += *sq;
  }
  return total;
}

static int reassigned(void) {
  int outer = 5;
  int *p = &outer;
  {
    int inner = 7;
    p = &inner;
    *p += 1;
    p = &outer; // lets go of inner before it drops
  }
  return *p;
}

int main(void) {
  printf("%d %d\n", sum_to(3), reassigned());
  return 0;
}
