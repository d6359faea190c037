/*
 * The fast path: what every event costs.
 *
 * These functions are compiled to bitcode, embedded in the plugin and linked
 * into each instrumented module, where the inliner folds them into the user's
 * code (pass/RuntimeLinker.cpp). Per event that leaves a few loads and stores
 * into a thread-local buffer: no call, no lock, no allocation. The only call is
 * __borrowscope_refill_v1, once per buffer.
 *
 * The clock is read once per group of events at one program point (the pass
 * decides the groups) because reading the cycle counter costs more than
 * recording an event.
 *
 * Unit tests include this header directly (BS_HOT is then plain static inline).
 */
#ifndef BORROWSCOPE_HOT_PATH_H
#define BORROWSCOPE_HOT_PATH_H

#include "borrowscope/abi.h"

#ifndef BS_HOT
#define BS_HOT static inline __attribute__((always_inline))
#endif

#define BS_UNLIKELY(x) __builtin_expect(!!(x), 0)

static inline __attribute__((always_inline)) void
bs_append(uint32_t clock, uint32_t site, uint32_t a, uint32_t b) {
  struct bs_thread_state *t = &__borrowscope_thread;
  struct bs_event *e = t->cur;
  if (BS_UNLIKELY(e == t->end))
    e = __borrowscope_refill_v1();
  e->clock = clock;
  e->site = site;
  e->a = a;
  e->b = b;
  /* Release: a thread that exports the trace reads `cur` and then the records
     before it. On x86 this is a plain store. */
  __atomic_store_n(&t->cur, e + 1, __ATOMIC_RELEASE);
}

BS_HOT uint32_t __borrowscope_hot_clock(void) {
  uint64_t now = __builtin_readcyclecounter();
  if (BS_UNLIKELY((uint32_t)(now >> 32) != __borrowscope_thread.clock_high))
    __borrowscope_clock_high_v1(now);
  return (uint32_t)now;
}

BS_HOT uint32_t __borrowscope_hot_new(uint32_t clock, uint32_t site) {
  uint32_t id = ++__borrowscope_thread.next_id;
  if (BS_UNLIKELY(id == 0)) /* 0 means "no instance"; skip it on wrap */
    id = ++__borrowscope_thread.next_id;
  bs_append(clock, site, id, 0);
  return id;
}

BS_HOT void __borrowscope_hot_borrow(uint32_t clock, uint32_t site,
                                     uint32_t owner, uint32_t borrower) {
  if (owner != 0)
    bs_append(clock, site, owner, borrower);
}

BS_HOT void __borrowscope_hot_move(uint32_t clock, uint32_t site,
                                   uint32_t from, uint32_t to) {
  if (from != 0)
    bs_append(clock, site, from, to);
}

/* Id 0 is "not live on this path" (a lifetime end without a start, or an
   instance already dropped): nothing to record. */
BS_HOT void __borrowscope_hot_drop(uint32_t clock, uint32_t site, uint32_t id) {
  if (id != 0)
    bs_append(clock, site, id, 0);
}

#endif /* BORROWSCOPE_HOT_PATH_H */
