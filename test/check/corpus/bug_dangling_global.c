// Bug: a local's address is kept in a global after the function returns.
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
