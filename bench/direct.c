/* The hot path called directly, one kind of record per call, to split the
   per-event cost by kind. Compiled without the plugin: hot_path.h is included
   as the unit tests do (static inline, always inlined). Records are appended
   in groups of 16, as the pass emits them: one room check (begin) and one
   commit per group. Site 1 is never read: the benchmark runs with tracing
   off. */
#include "hot_path.h"
#include "kernels.h"

#include <stdlib.h>

enum { GROUP = 16 };

void bs_direct_new(int n) {
  int variable = 0;
  for (int i = 0; i < n; i += GROUP) {
    struct bs_event *w = __borrowscope_hot_begin(GROUP);
    for (int j = 0; j < GROUP; ++j)
      w = __borrowscope_hot_new(w, 1, __borrowscope_hot_next_id(), &variable);
    __borrowscope_hot_commit(w);
  }
}

void bs_direct_borrow(int n) {
  int variable = 0;
  for (int i = 0; i < n; i += GROUP) {
    struct bs_event *w = __borrowscope_hot_begin(GROUP);
    for (int j = 0; j < GROUP; ++j)
      w = __borrowscope_hot_borrow(w, 1, (uint32_t)(i + j) | 1, &variable);
    __borrowscope_hot_commit(w);
  }
}

/* A reborrow of a heap address: written, but filtered out (not kept). */
void bs_direct_reborrow(int n) {
  static int *heap;
  if (!heap)
    heap = malloc(sizeof *heap);
  for (int i = 0; i < n; i += GROUP) {
    struct bs_event *w = __borrowscope_hot_begin(GROUP);
    for (int j = 0; j < GROUP; ++j)
      w = __borrowscope_hot_reborrow(w, 1, (uint32_t)(i + j) | 1, heap);
    __borrowscope_hot_commit(w);
  }
}

void bs_direct_drop(int n) {
  for (int i = 0; i < n; i += GROUP) {
    struct bs_event *w = __borrowscope_hot_begin(GROUP);
    for (int j = 0; j < GROUP; ++j)
      w = __borrowscope_hot_drop(w, 1, (uint32_t)(i + j) | 1);
    __borrowscope_hot_commit(w);
  }
}

/* Opens and commits n empty groups: the room check, plus a clock record in
   exact mode (the benchmark sets __borrowscope_clock_exact_v2). */
unsigned bs_direct_group(int n) {
  for (int i = 0; i < n; ++i)
    __borrowscope_hot_commit(__borrowscope_hot_begin(0));
  return (unsigned)n;
}

/* n clock records, as around synchronising calls. */
unsigned bs_direct_clock(int n) {
  for (int i = 0; i < n; i += GROUP) {
    struct bs_event *w = __borrowscope_hot_begin(GROUP);
    for (int j = 0; j < GROUP; ++j)
      w = __borrowscope_hot_clock(w);
    __borrowscope_hot_commit(w);
  }
  return (unsigned)n;
}
