// Bug: a function returns the address of its own local.
#include <stdio.h>

__attribute__((noinline)) static int *make_counter(void) {
  int counter = 0;
  return &counter; // EXPECT: dangling_borrow
}

int main(void) {
  printf("%d\n", make_counter() != NULL);
  return 0;
}
