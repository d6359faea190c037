// Bug: a mutable pointer is taken while a const pointer to the same variable
// is still held and read afterwards.
#include <stdio.h>

int main(void) {
  int total = 1;
  const int *reader = &total;
  int *writer = &total; // EXPECT: borrow_conflict
  *writer = 2;
  printf("%d\n", *reader);
  return 0;
}
