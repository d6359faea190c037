// Bug: a mutable pointer is taken while a const pointer to the same variable
// is still held and read afterwards.
//
// RUN: %bsclang -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>

int main(void) {
  int total = 1;
  const int *reader = &total;
  int *writer = &total; // EXPECT: borrow_conflict
  *writer = 2;
  printf("%d\n", *reader);
  return 0;
}
