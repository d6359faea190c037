/* What the kernels read and write; never instrumented. */
#include "kernels.h"

volatile int bs_bench_source = 1;
/* Per thread: Bulk/threads:2 stores into it from two threads, and one shared
   line bouncing between the cores would be what it measures (kernels.h). */
__thread int *volatile bs_bench_escape;

__attribute__((noinline)) void bs_bench_opaque(void) {
  __asm__ volatile("" ::: "memory");
}
