/*
 * Event kernels, compiled four times (bench/CMakeLists.txt): with the plugin
 * and without, at -O2 and at -O0. The suffix says which: bs_scope8_instr_O2.
 * The instrumented and plain copies are the same source, so their difference
 * is what the events cost users.
 *
 * Each kernel runs n iterations; per iteration it records:
 *   scope1   2 events (New, Drop of one variable), 1 group
 *   scope8  16 events (8 New, 8 Drop), 1 group
 *   borrow8 10 events (New, 8 Borrow, Drop), 1 group
 *   lone     2 events (New, a call, Drop), 2 groups: every event alone
 *   near     2 events (New, a call, Drop), 2 groups, like lone, but the
 *            callee is in the same file: a call that cannot block
 *
 * Compiled with BORROWSCOPE_VARIABLES=all (bench/CMakeLists.txt): none of
 * these variables takes part in ownership, so by default they would record
 * nothing; the point here is what an event costs.
 * Clock reads (runtime/hot_path.h): by default none (records carry no time;
 * bs_bench_opaque is no synchronising call); with BORROWSCOPE_CLOCK=exact
 * every group reads the cycle counter. The benchmark sets
 * __borrowscope_clock_exact_v2 itself for each mode.
 */
#ifndef BORROWSCOPE_BENCH_KERNELS_H
#define BORROWSCOPE_BENCH_KERNELS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Defined in globals.c, which is never instrumented. bs_bench_escape, where
   borrow8 stores its borrows, is thread-local: while it was one global shared
   by the two threads of Bulk/threads:2, the cache line bouncing between the
   cores doubled both copies' time per iteration (the plain copy's too), which
   looked like a per-thread cost of BorrowScope. */
extern volatile int bs_bench_source;
extern __thread int *volatile bs_bench_escape;
void bs_bench_opaque(void);

#define BS_DECLARE_KERNELS(S)                                                  \
  int bs_scope1##S(int n);                                                     \
  int bs_scope8##S(int n);                                                     \
  int bs_borrow8##S(int n);                                                    \
  int bs_lone##S(int n);                                                       \
  int bs_near##S(int n);

BS_DECLARE_KERNELS(_instr_O2)
BS_DECLARE_KERNELS(_plain_O2)
BS_DECLARE_KERNELS(_instr_O0)
BS_DECLARE_KERNELS(_plain_O0)

/* The hot path called directly (direct.c, -O2, no plugin): one kind of
   record per call, to split the cost by kind. */
void bs_direct_new(int n);
void bs_direct_borrow(int n);
void bs_direct_reborrow(int n); /* of a heap address: filtered out */
void bs_direct_drop(int n);
/* Opens and commits n empty groups: a room check each, and a clock read in
   exact mode. */
unsigned bs_direct_group(int n);
/* n clock records (around synchronising calls). */
unsigned bs_direct_clock(int n);

#ifdef __cplusplus
}
#endif

#endif
