/* The hot path called directly, one kind of record per call, to split the
   per-event cost by kind. Compiled without the plugin: hot_path.h is included
   as the unit tests do (static inline, always inlined).
   Records are appended in groups of 16, as the pass emits them: with the
   grouped hot path (BS_MAX_GROUP in abi.h) a group reserves its room once
   without reading the clock (hot_reserve); before it, every append checked
   for room itself. The clock is measured on its own: __borrowscope_hot_begin,
   which reads the cycle counter or, with BORROWSCOPE_CLOCK=fast, reuses the
   thread's cached read (runtime/hot_path.h). */
#include "hot_path.h"
#include "kernels.h"

enum { GROUP = 16 };

#ifdef BS_MAX_GROUP
#define BS_RESERVE(clock, n) __borrowscope_hot_reserve(clock, n)
#define BS_CLOCK() __borrowscope_hot_begin(0)
#else
#define BS_RESERVE(clock, n) ((void)0)
#define BS_CLOCK() __borrowscope_hot_clock()
#endif

/* Site 1 is never formatted: the benchmark runs with tracing off. */
void bs_direct_new(int n) {
  for (int i = 0; i < n; i += GROUP) {
    BS_RESERVE((uint32_t)i, GROUP);
    for (int j = 0; j < GROUP; ++j)
      __borrowscope_hot_new((uint32_t)i, 1);
  }
}

void bs_direct_borrow(int n) {
  for (int i = 0; i < n; i += GROUP) {
    BS_RESERVE((uint32_t)i, GROUP);
    for (int j = 0; j < GROUP; ++j)
      __borrowscope_hot_borrow((uint32_t)i, 1, (uint32_t)(i + j) | 1, 0);
  }
}

void bs_direct_drop(int n) {
  for (int i = 0; i < n; i += GROUP) {
    BS_RESERVE((uint32_t)i, GROUP);
    for (int j = 0; j < GROUP; ++j)
      __borrowscope_hot_drop((uint32_t)i, 1, (uint32_t)(i + j) | 1);
  }
}

#ifdef BS_SITE_FLAG_WIDE
/* A New with the variable's address and size: two records. */
void bs_direct_new_at(int n) {
  int variable = 0;
  for (int i = 0; i < n; i += GROUP) {
    BS_RESERVE((uint32_t)i, 2 * GROUP);
    for (int j = 0; j < GROUP; ++j)
      __borrowscope_hot_new_at((uint32_t)i, 1, &variable, sizeof variable);
  }
}
#else
void bs_direct_new_at(int n) { bs_direct_new(n); }
#endif

/* Opens n groups of no events. Exact mode: a cycle-counter read each, plus
   the branch on the reuse counter. Fast mode (the benchmark sets
   __borrowscope_clock_reuse_v1): one read per 16 groups, the others hand out
   the cached value. Nothing here marks the clock stale. */
unsigned bs_direct_clock(int n) {
  unsigned sum = 0;
  for (int i = 0; i < n; ++i)
    sum += BS_CLOCK();
  return sum;
}
