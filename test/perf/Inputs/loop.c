// A leaf loop: every iteration creates `tmp`, lends its address to a global
// and drops it (3 events, one group); work() itself has n, total and i.
#include <stdio.h>
#include <stdlib.h>

volatile int source;
int *volatile escape;

__attribute__((noinline)) int work(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) {
    int tmp = source + i;
    escape = &tmp;
    total += tmp;
  }
  return total;
}

#ifndef LOOP_NO_MAIN
int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1000;
  printf("%d\n", work(n));
  return 0;
}
#endif
