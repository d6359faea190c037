/* For the performance tests: ITERATIONS (argv[1]) loop iterations of about
   twelve events each: two variables, a borrow by a variable, two calls that
   borrow (and their parameter, which reborrows), and the drops. */
#include <stdlib.h>

__attribute__((noinline)) static void bump(int *v) { *v += 1; }

int main(int argc, char **argv) {
  long iterations = argc > 1 ? atol(argv[1]) : 1000;
  long total = 0;
  for (long i = 0; i < iterations; ++i) {
    int item = (int)i;
    int *p = &item;
    bump(p);
    bump(&item);
    total += *p;
  }
  return total == 0;
}
