/* many_events.c's loop, ITERATIONS (argv[1]) times, with one dangling borrow
   halfway: kept outlives the block of x, the variable it points to (as
   test/check/corpus/bug_dangling_scope.c). A finding in a large trace, for
   test/tool/browser/million_events_findings.test. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static void bump(int *v) { *v += 1; }

int main(int argc, char **argv) {
  long iterations = argc > 1 ? atol(argv[1]) : 1000;
  long total = 0;
  int *kept = NULL;
  for (long i = 0; i < iterations; ++i) {
    int item = (int)i;
    int *p = &item;
    bump(p);
    bump(&item);
    total += *p;
    if (i == iterations / 2) {
      int x = (int)i;
      kept = &x;
    }
  }
  printf("%d\n", kept != NULL);
  return total == 0;
}
