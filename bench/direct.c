/* The hot path called directly, one kind of record per call, to split the
   per-event cost by kind. Compiled without the plugin: hot_path.h is included
   as the unit tests do (static inline, always inlined).
   Records are appended in groups of 16, as the pass emits them: with the
   grouped hot path (BS_MAX_GROUP in abi.h) a group reserves its room once
   without reading the clock (hot_reserve); before it, every append checked
   for room itself. The clock is measured on its own. */
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

unsigned bs_direct_clock(int n) {
  unsigned sum = 0;
  for (int i = 0; i < n; ++i)
    sum += BS_CLOCK();
  return sum;
}

/* An experiment for docs/performance.md, not BorrowScope's clock: read the
   cycle counter once every 16 groups and hand out the cached value in
   between. Measures what a coarser clock would cost per group. */
static __thread struct {
  uint32_t left;
  uint32_t last;
} bs_countdown __attribute__((tls_model("initial-exec")));

static inline __attribute__((always_inline)) uint32_t countdown_clock(void) {
  if (BS_UNLIKELY(bs_countdown.left == 0)) {
    bs_countdown.left = 16;
    bs_countdown.last = (uint32_t)__builtin_readcyclecounter();
  }
  --bs_countdown.left;
  return bs_countdown.last;
}

unsigned bs_direct_countdown_clock(int n) {
  unsigned sum = 0;
  for (int i = 0; i < n; ++i)
    sum += countdown_clock();
  return sum;
}
