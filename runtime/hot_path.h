/*
 * The fast path: what every event costs.
 *
 * These functions are compiled to bitcode, embedded in the plugin and linked
 * into each instrumented module, where the inliner folds them into the user's
 * code (pass/RuntimeLinker.cpp). Per event that leaves a few stores into the
 * thread's window: no call, no lock, no allocation, no clock read, no branch.
 *
 * The pass groups the events of a straight run of code (no call between
 * them). A group opens with __borrowscope_hot_begin(n), which makes room for
 * n records and returns where to write; each event writes its record there
 * and returns the next place; __borrowscope_hot_commit publishes the group.
 * The room check is one compare and a call hidden inside inline assembly
 * (x86-64), so that the compiler sees no extra branch or block per group:
 * compile time and code size stay linear in the function's size. The call is
 * to a stub that preserves every register, and runs once per full window.
 *
 * Time: records carry none. The runtime stamps each window, the pass adds a
 * clock record before and after calls that synchronise threads, and with
 * BORROWSCOPE_CLOCK=exact each group opens with a clock record too.
 *
 * Unit tests include this header directly (BS_HOT is then plain static inline).
 */
#ifndef BORROWSCOPE_HOT_PATH_H
#define BORROWSCOPE_HOT_PATH_H

#include "borrowscope/abi.h"

#ifndef BS_HOT
#define BS_HOT static inline __attribute__((always_inline))
#endif
#define BS_INLINE static inline __attribute__((always_inline))

#if defined(__x86_64__) && !defined(BS_HOT_PORTABLE)
#define BS_HOT_ASM 1
#endif

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "records are written as little-endian words (bs_put)"
#endif

/* Writes one record at w as two little-endian 64-bit words: site | a << 32,
   and b | c << 32 (an address whole). Four 32-bit stores cost a shift and a
   truncation per address, which LICM hoists out of loops for every
   variable's address, and the SLP vectorizer then tries to pair every
   store of a group: in a function with 2 000 locals, 25 % more compile
   time and 10 % more code than this (bench/compile_huge.py). */
BS_INLINE void bs_put(struct bs_event *w, uint32_t site, uint32_t a,
                      uint64_t bc) {
  uint64_t sa = site | (uint64_t)a << 32;
  __builtin_memcpy(&w->site, &sa, sizeof sa);
  __builtin_memcpy(&w->b, &bc, sizeof bc);
}

/* pack(x, y) of abi.h: two 48-bit addresses in three words; as the 64-bit
   word b|c: (x >> 32) | (y << 16), the same bits for any x and y. */
BS_INLINE void bs_put_pair(struct bs_event *w, uint32_t site, uint64_t x,
                           uint64_t y) {
  bs_put(w, site, (uint32_t)x, (x >> 32) | (y << 16));
}

/* True when p lies in some thread's stack. One subtraction and compare. */
BS_INLINE int bs_on_stack(uint64_t p) {
  return p - __borrowscope_stack_lo_v2 < __borrowscope_stack_span_v2;
}

/* Sets __borrowscope_heap_holds_v2 when `now` and the flag is not set yet,
   without a branch and without writing the shared flag every time (which
   would bounce its cache line between cores): the store goes to the
   thread's scratch word instead. */
BS_INLINE void bs_note_heap_hold(int now) {
  uint32_t *target = (now & !__borrowscope_heap_holds_v2)
                         ? &__borrowscope_heap_holds_v2
                         : &__borrowscope_thread.scratch;
  *target = 1;
}

/* The word and bit of __borrowscope_holders_v2 for memory at d. */
BS_INLINE uint32_t *bs_holder_word(uint64_t d) {
  return &__borrowscope_holders_v2[(d >> 8) & (BS_HOLDER_BITS / 32 - 1)];
}
BS_INLINE uint32_t bs_holder_bit(uint64_t d) {
  return (uint32_t)1 << ((d >> 3) & 31);
}

/* Notes that memory at d, outside the stacks, holds a stack address (when
   `now`), without a branch: the bit goes to the thread's scratch word
   otherwise. Not atomic: two threads setting bits of one word at the same
   moment may lose one, and a later store there then goes unrecorded. */
BS_INLINE void bs_note_holder(int now, uint64_t d) {
  uint32_t *target = now ? bs_holder_word(d) : &__borrowscope_thread.scratch;
  *target |= bs_holder_bit(d);
}

/* True when memory at d has held a stack address (or shares its bit). */
BS_INLINE int bs_was_holder(uint64_t d) {
  return (*bs_holder_word(d) & bs_holder_bit(d)) != 0;
}

/* Room for n records at w, plus a clock record in exact mode (written
   here). Returns where the group writes. */
BS_INLINE struct bs_event *bs_room(struct bs_event *w, uint32_t n) {
#ifdef BS_HOT_ASM
  struct bs_event *need = w + n + 1; /* + the clock record, in any mode */
  /* The call skips the red zone, which leaf functions may be using. The
     stub takes the records needed in eax and returns the new w in rax; PLT
     stubs may clobber r10 and r11; rdtsc writes edx:eax. */
  __asm__ volatile("cmpq %[end], %[need]\n\t"
                   "jbe 1f\n\t"
                   "movl %[n], %%eax\n\t"
                   "leaq -128(%%rsp), %%rsp\n\t"
                   "call __borrowscope_refill_stub_v2@PLT\n\t"
                   "leaq 128(%%rsp), %%rsp\n\t"
                   "movq %%rax, %[w]\n"
                   "1:\n\t"
                   "cmpl $0, %[exact]\n\t"
                   "je 2f\n\t"
                   "rdtsc\n\t"
                   "movl $0xffffff01, (%[w])\n\t"
                   "movl $1, 4(%[w])\n\t"
                   "movl %%eax, 8(%[w])\n\t"
                   "movl %%edx, 12(%[w])\n\t"
                   "addq $16, %[w]\n"
                   "2:"
                   : [w] "+r"(w)
                   : [need] "r"(need), [end] "m"(__borrowscope_thread.end),
                     [n] "ri"(n + 1), [exact] "m"(__borrowscope_clock_exact_v2)
                   : "rax", "rdx", "r10", "r11", "cc", "memory");
  return w;
#else
  if (__builtin_expect(w + n + 1 > __borrowscope_thread.end, 0))
    w = __borrowscope_refill_v2(n + 1);
  if (__borrowscope_clock_exact_v2) {
    uint64_t now = __builtin_readcyclecounter();
    bs_put(w, BS_SITE_CLOCK, BS_CLOCK_GROUP, now);
    ++w;
  }
  return w;
#endif
}

/* Opens a group of up to BS_MAX_GROUP records. */
BS_HOT struct bs_event *__borrowscope_hot_begin(uint32_t n) {
  return bs_room(__borrowscope_thread.cur, n);
}

/* Publishes the records written up to w: the thread's cursor, and the copy
   in the trace mapping that a reader finds after a crash. Release order:
   the records are written before the cursor that covers them. */
BS_HOT void __borrowscope_hot_commit(struct bs_event *w) {
  struct bs_thread_state *t = &__borrowscope_thread;
  __atomic_store_n(&t->cur, w, __ATOMIC_RELEASE);
  __atomic_store_n(t->commit, w, __ATOMIC_RELEASE);
}

/* In a group longer than BS_MAX_GROUP: commits, then makes room for n more. */
BS_HOT struct bs_event *__borrowscope_hot_reserve(struct bs_event *w,
                                                  uint32_t n) {
  __borrowscope_hot_commit(w);
  return bs_room(w, n);
}

/* A clock record: before and after a call that may synchronise threads, so
   that events on both sides of a lock, a join or a sleep are in order. */
BS_HOT struct bs_event *__borrowscope_hot_clock(struct bs_event *w) {
  uint64_t now = __builtin_readcyclecounter();
  bs_put(w, BS_SITE_CLOCK, 0, now);
  return w + 1;
}

/* The next instance id of this thread. After 2^32 instances a thread's
   counter wraps; id 0 then reads as "no instance" for that one instance. */
BS_HOT uint32_t __borrowscope_hot_next_id(void) {
  return ++__borrowscope_thread.next_id;
}

/* The first of n consecutive instance ids: the variables of one frame that
   live for the whole call take theirs at once, so that one value, not one
   per variable, stays live across the function. */
BS_HOT uint32_t __borrowscope_hot_next_ids(uint32_t n) {
  uint32_t first = __borrowscope_thread.next_id + 1;
  __borrowscope_thread.next_id += n;
  return first;
}

/* New: address 0 for a variable whose address is never taken. */
BS_HOT struct bs_event *__borrowscope_hot_new(struct bs_event *w,
                                              uint32_t site, uint32_t id,
                                              const void *address) {
  bs_put(w, site, id, (uint64_t)address);
  return w + 1;
}

/* The size of a VLA, after its New. */
BS_HOT struct bs_event *__borrowscope_hot_ext(struct bs_event *w,
                                              uint64_t value) {
  bs_put(w, BS_SITE_EXT, 0, value);
  return w + 1;
}

/* Drop and Release of instance id; id 0 (the variable is not live on this
   path, or already dropped) records nothing. */
BS_HOT struct bs_event *__borrowscope_hot_drop(struct bs_event *w,
                                               uint32_t site, uint32_t id) {
  bs_put(w, site, id, 0);
  return w + (id != 0);
}

/* A borrow of a variable's storage (its address, or a field's or element's
   inside it), held by variable `holder` (0: a call or a return). */
BS_HOT struct bs_event *__borrowscope_hot_borrow(struct bs_event *w,
                                                 uint32_t site, uint32_t holder,
                                                 const void *address) {
  bs_put(w, site, holder, (uint64_t)address);
  return w + 1;
}

/* A pointer from elsewhere stored into variable `holder`: recorded only when
   it points into a stack, where variables are. */
BS_HOT struct bs_event *__borrowscope_hot_reborrow(struct bs_event *w,
                                                   uint32_t site,
                                                   uint32_t holder,
                                                   const void *address) {
  uint64_t p = (uint64_t)address;
  bs_put(w, site, holder, p);
  return w + bs_on_stack(p);
}

/* A variable's storage stored into memory at `destination`. */
BS_HOT struct bs_event *__borrowscope_hot_borrow_mem(struct bs_event *w,
                                                     uint32_t site,
                                                     const void *address,
                                                     const void *destination) {
  uint64_t p = (uint64_t)address, d = (uint64_t)destination;
  int into_heap = !bs_on_stack(d);
  bs_put_pair(w, site, p, d);
  bs_note_heap_hold(into_heap);
  bs_note_holder(into_heap, d);
  return w + 1;
}

/* A pointer from elsewhere stored into memory: recorded when it points into
   a stack (a borrow), when it overwrites memory in a stack (a local object's
   field lets go of what it held), when it is null (memory anywhere lets
   go), or when the memory has held a stack address (it lets go of it). A
   heap pointer stored into other heap memory says nothing. */
BS_HOT struct bs_event *__borrowscope_hot_reborrow_mem(
    struct bs_event *w, uint32_t site, const void *address,
    const void *destination) {
  uint64_t p = (uint64_t)address, d = (uint64_t)destination;
  int on_stack = bs_on_stack(p), into_stack = bs_on_stack(d);
  int into_heap = on_stack & !into_stack;
  bs_put_pair(w, site, p, d);
  bs_note_heap_hold(into_heap);
  bs_note_holder(into_heap, d);
  return w + (on_stack | into_stack | (p == 0) | bs_was_holder(d));
}

/* A borrow named by owner id (a pointer an accessor returned): owner 0 (not
   live on this path) records nothing. */
BS_HOT struct bs_event *__borrowscope_hot_borrow_owner(struct bs_event *w,
                                                       uint32_t site,
                                                       uint32_t owner,
                                                       uint32_t holder,
                                                       const void *address) {
  bs_put(w, site, owner, holder | (uint64_t)address << 32);
  return w + (owner != 0);
}

BS_HOT struct bs_event *__borrowscope_hot_borrow_owner_mem(
    struct bs_event *w, uint32_t site, uint32_t owner,
    const void *destination) {
  uint64_t d = (uint64_t)destination;
  int into_heap = !bs_on_stack(d) & (owner != 0);
  bs_put(w, site, owner, d);
  bs_note_heap_hold(into_heap);
  bs_note_holder(into_heap, d);
  return w + (owner != 0);
}

BS_HOT struct bs_event *__borrowscope_hot_move(struct bs_event *w,
                                               uint32_t site, uint32_t from,
                                               uint32_t to) {
  bs_put(w, site, from, to);
  return w + (from != 0);
}

#endif /* BORROWSCOPE_HOT_PATH_H */
