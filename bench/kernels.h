/*
 * Event kernels, compiled four times (bench/CMakeLists.txt): with the plugin
 * and without, at -O2 and at -O0. The suffix says which: bs_scope8_instr_O2.
 * The instrumented and plain copies are the same source, so their difference
 * is what the events cost users.
 *
 * Each kernel runs n iterations; per iteration it records:
 *   scope1   2 events (New, Drop of one variable), 1 clock read
 *   scope8  16 events (8 New, 8 Drop), 1 clock read
 *   borrow8 10 events (New, 8 Borrow, Drop), 1 clock read
 *   lone     2 events (New, a call, Drop), 2 clock reads: every event alone
 */
#ifndef BORROWSCOPE_BENCH_KERNELS_H
#define BORROWSCOPE_BENCH_KERNELS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Defined in globals.c, which is never instrumented. */
extern volatile int bs_bench_source;
extern int *volatile bs_bench_escape;
void bs_bench_opaque(void);

#define BS_DECLARE_KERNELS(S)                                                  \
  int bs_scope1##S(int n);                                                     \
  int bs_scope8##S(int n);                                                     \
  int bs_borrow8##S(int n);                                                    \
  int bs_lone##S(int n);

BS_DECLARE_KERNELS(_instr_O2)
BS_DECLARE_KERNELS(_plain_O2)
BS_DECLARE_KERNELS(_instr_O0)
BS_DECLARE_KERNELS(_plain_O0)

/* The hot path called directly (direct.c, -O2, no plugin): one kind of
   record per call, to split the cost by kind. */
void bs_direct_new(int n);
void bs_direct_new_at(int n); /* wide: two records */
void bs_direct_borrow(int n);
void bs_direct_drop(int n);
unsigned bs_direct_clock(int n);
/* Experiment: a clock read once every 16 calls (direct.c). */
unsigned bs_direct_countdown_clock(int n);

#ifdef __cplusplus
}
#endif

#endif
