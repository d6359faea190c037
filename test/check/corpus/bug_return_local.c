// Bug: a function returns the address of its own local.
//
// RUN: %bsclang -O0 -pthread -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclang -O2 -pthread -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <stdio.h>

__attribute__((noinline)) static int *make_counter(void) {
  int counter = 0;
  return &counter; // EXPECT: dangling_borrow
}

int main(void) {
  printf("%d\n", make_counter() != NULL);
  return 0;
}
