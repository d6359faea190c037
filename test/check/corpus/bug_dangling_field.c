// Bug: a struct that outlives a loop body keeps a pointer into it.
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
