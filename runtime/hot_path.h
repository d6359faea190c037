/*
 * The fast path: what every event costs.
 *
 * These functions are compiled to bitcode, embedded in the plugin and linked
 * into each instrumented module, where the inliner folds them into the user's
 * code (pass/RuntimeLinker.cpp). Per event that leaves a few stores into a
 * thread-local buffer: no call, no lock, no allocation, no branch.
 *
 * The pass groups the events of a straight run of code (no call between
 * them) and opens each group with __borrowscope_hot_begin(n), which takes a
 * timestamp and makes room for n records with a single, rarely taken branch
 * into the out-of-line slow path. The appends after it cannot run out of
 * space. One branch per group instead of one per event also keeps huge
 * functions cheap to compile (fewer basic blocks).
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

static inline __attribute__((always_inline)) struct bs_event *
bs_fill(uint32_t clock, uint32_t site, uint32_t a, uint32_t b) {
  struct bs_event *e = __borrowscope_thread.cur;
  e->clock = clock;
  e->site = site;
  e->a = a;
  e->b = b;
  return e;
}

/* Writes one record at cur; `keep` decides whether it counts. Branch-free:
   a record that does not count is overwritten by the next one. */
static inline __attribute__((always_inline)) void
bs_append(uint32_t clock, uint32_t site, uint32_t a, uint32_t b, int keep) {
  struct bs_event *e = bs_fill(clock, site, a, b);
  /* Release: a thread that exports the trace reads `cur` and then the records
     before it. On x86 this is a plain store. */
  __atomic_store_n(&__borrowscope_thread.cur, e + keep, __ATOMIC_RELEASE);
}

/* Opens a group of up to BS_MAX_GROUP events: returns the clock, and leaves
   room for n records.

   Reading the cycle counter costs about as much as ten events. With
   BORROWSCOPE_CLOCK=fast a read serves the next __borrowscope_clock_reuse_v1
   groups of the thread too (0 by default: every group reads): their
   timestamps are those of the read, a little early, never out of order. The
   pass marks the clock stale after every call in instrumented code that may
   block (__borrowscope_hot_stale), so a time is not reused across one there. */
BS_HOT uint32_t __borrowscope_hot_begin(uint32_t n) {
  struct bs_thread_state *t = &__borrowscope_thread;
  uint64_t now;
  if (t->clock_reuse) {
    --t->clock_reuse;
    now = ((uint64_t)t->clock_high << 32) | t->clock_last;
  } else {
    now = __builtin_readcyclecounter();
    t->clock_last = (uint32_t)now;
    t->clock_reuse = __borrowscope_clock_reuse_v1;
  }
  /* One slow-path call for both reasons keeps the inlined code small. */
  uint64_t room = (uint64_t)(t->end - t->cur);
  if (BS_UNLIKELY(((uint32_t)(now >> 32) != t->clock_high) | (room < n)))
    __borrowscope_slow_v1(now, n);
  return (uint32_t)now;
}

/* After a call that may have blocked: the next group reads the clock. */
BS_HOT void __borrowscope_hot_stale(void) {
  __borrowscope_thread.clock_reuse = 0;
}

/* Makes room for n more records in a group that already has its clock. */
BS_HOT void __borrowscope_hot_reserve(uint32_t clock, uint32_t n) {
  struct bs_thread_state *t = &__borrowscope_thread;
  if (BS_UNLIKELY((uint64_t)(t->end - t->cur) < n))
    __borrowscope_slow_v1(((uint64_t)t->clock_high << 32) | clock, n);
}

/* A main record and its extension (struct bs_event_ext), committed together
   with one store of `cur`, so that a reader never sees one without the other. */
static inline __attribute__((always_inline)) void
bs_append_wide(uint32_t clock, uint32_t site, uint32_t a, uint32_t b,
               uint64_t p0, uint64_t p1, int keep) {
  struct bs_event *e = bs_fill(clock, site, a, b);
  struct bs_event_ext *x = (struct bs_event_ext *)(e + 1);
  x->p0 = p0;
  x->p1 = p1;
  __atomic_store_n(&__borrowscope_thread.cur, e + 2 * keep, __ATOMIC_RELEASE);
}

BS_HOT uint32_t __borrowscope_hot_new(uint32_t clock, uint32_t site) {
  /* After 2^32 instances a thread's counter wraps; id 0 then reads as "no
     instance" for that one instance (see docs/design.md). */
  uint32_t id = ++__borrowscope_thread.next_id;
  bs_append(clock, site, id, 0, 1);
  return id;
}

/* A New of a variable whose address is taken: its address and size, so that
   borrowed addresses can be resolved to it (two records). */
BS_HOT uint32_t __borrowscope_hot_new_at(uint32_t clock, uint32_t site,
                                         const void *address, uint64_t size) {
  uint32_t id = ++__borrowscope_thread.next_id;
  bs_append_wide(clock, site, id, 0, (uint64_t)address, size, 1);
  return id;
}

/* Owner id 0: the variable is not live on this path; nothing to record. */
BS_HOT void __borrowscope_hot_borrow(uint32_t clock, uint32_t site,
                                     uint32_t owner, uint32_t borrower) {
  bs_append(clock, site, owner, borrower, owner != 0);
}

/* A borrow of a known owner held in memory at `destination` (a field, the
   heap, a global): two records. */
BS_HOT void __borrowscope_hot_borrow_at(uint32_t clock, uint32_t site,
                                        uint32_t owner, uint32_t borrower,
                                        const void *destination) {
  bs_append_wide(clock, site, owner, borrower, 0, (uint64_t)destination,
                 owner != 0);
}

/* An address of unknown owner stored into a variable or memory: the reader
   resolves it to the live variable containing it (or none: the holder lets
   go of what it held). Two records. */
BS_HOT void __borrowscope_hot_reborrow(uint32_t clock, uint32_t site,
                                       uint32_t borrower, const void *address,
                                       const void *destination) {
  bs_append_wide(clock, site, 0, borrower, (uint64_t)address,
                 (uint64_t)destination, 1);
}

BS_HOT void __borrowscope_hot_move(uint32_t clock, uint32_t site,
                                   uint32_t from, uint32_t to) {
  bs_append(clock, site, from, to, from != 0);
}

/* Id 0: a lifetime end without a start, or an instance already dropped. */
BS_HOT void __borrowscope_hot_drop(uint32_t clock, uint32_t site, uint32_t id) {
  bs_append(clock, site, id, 0, id != 0);
}

#endif /* BORROWSCOPE_HOT_PATH_H */
