// BORROWSCOPE_HALT_ON_ERROR=1 stops the program at the first finding the
// checker sees (it checks as the program runs: within a few windows of
// events), with the report and exit status 1 (or BORROWSCOPE_EXITCODE).
// Without it the program runs to its end.
//
// RUN: %bsclang -O0 %s -o %t
// RUN: env BORROWSCOPE_MODE=check %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=FULL < %t.out
// RUN: not env BORROWSCOPE_MODE=check BORROWSCOPE_HALT_ON_ERROR=1 %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=HALT < %t.err
// RUN: count 0 < %t.out
// RUN: env BORROWSCOPE_MODE=check BORROWSCOPE_HALT_ON_ERROR=on BORROWSCOPE_EXITCODE=9 sh -c '%t > /dev/null 2>&1; test $? -eq 9'

#include <stdio.h>
#include <time.h>

static int *last;
static long total;

__attribute__((noinline)) static void keep(void) {
  int value = 1;
  last = &value;
}

__attribute__((noinline)) static long add(const long *x) { return *x + 1; }

int main(void) {
  keep();
  // Events for up to 10 s, far more than a window: a halted run ends long
  // before.
  time_t start = time(0);
  for (long i = 0; i < 2000000 && time(0) - start < 10; ++i) {
    long v = i;
    total += add(&v);
  }
  printf("finished %ld\n", total);
  return 0;
}

// FULL: finished {{[0-9]+}}

// HALT: halt_on_error.c:22:8: dangling_borrow: 'value'
// HALT-NEXT: borrowscope: 1 finding (1 dangling_borrow; 1 case) in {{.*}} events checked; stopped at the first finding (BORROWSCOPE_HALT_ON_ERROR)
