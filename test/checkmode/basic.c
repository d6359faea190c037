// Check mode: the program checks itself as it runs, writes no trace, and
// reports each finding once with its count, then a summary, on stderr; its
// own output and exit status are untouched. BORROWSCOPE_MODE=both writes
// the trace too, and `borrowscope check` on it prints the same lines.
//
// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
// RUN: %bsclang -O0 %s -o prog
// RUN: env BORROWSCOPE_MODE=check ./prog > out 2> err
// RUN: FileCheck %s --check-prefix=OUT < out
// RUN: FileCheck %s --check-prefix=ERR --implicit-check-not=borrowscope < err
// RUN: ls | FileCheck %s --check-prefix=FILES --implicit-check-not=trace
// RUN: env BORROWSCOPE_MODE=both BORROWSCOPE_OUTPUT=both.trace ./prog > out 2> both.err
// RUN: not %borrowscope check both.trace > both.check
// RUN: grep -v "^borrowscope: " both.err > both.lines
// RUN: diff both.lines both.check
// RUN: FileCheck %s --check-prefix=ERR < both.err

#include <stdio.h>

static int *last;
static long total;

__attribute__((noinline)) static void keep(int round) {
  int value = round;
  last = &value; // dangles when keep returns
}

__attribute__((noinline)) static long add(const long *x) { return *x + 1; }

int main(void) {
  for (int i = 0; i < 3; ++i)
    keep(i);
  // Many windows of events: the checker sees them in batches.
  for (long i = 0; i < 20000; ++i) {
    long v = i;
    total += add(&v);
  }
  printf("total %ld\n", total);
  return 0;
}

// OUT: total 200010000

// ERR: basic.c:25:8: dangling_borrow: 'value' (declared at {{.*}}basic.c:24:7) is dropped at {{.*}}basic.c:26:1 while 'last' still holds the address stored here (3 times)
// ERR-NEXT: borrowscope: 1 finding (1 dangling_borrow; 3 cases) in ./prog (pid {{[0-9]+}}), {{[0-9][0-9][0-9][0-9][0-9]+}} events checked

// FILES: err
// FILES: out
// FILES: prog
