// Bug: a pointer outlives the block whose variable it points to.
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
