/* What the kernels read and write; never instrumented. */
#include "kernels.h"

volatile int bs_bench_source = 1;
int *volatile bs_bench_escape;

__attribute__((noinline)) void bs_bench_opaque(void) {
  __asm__ volatile("" ::: "memory");
}
