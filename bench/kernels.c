/* The event kernels; see kernels.h. BS_KERNEL_SUFFIX names the copy. */
#include "kernels.h"

#define BS_CAT2(a, b) a##b
#define BS_CAT(a, b) BS_CAT2(a, b)
#define KERNEL(name) BS_CAT(name, BS_KERNEL_SUFFIX)

/* Volatile loads and stores keep the plain copy's work in place at -O2
   without calls (a call would end the clock group). */
int KERNEL(bs_scope1)(int n) {
  int acc = 0;
  for (int i = 0; i < n; ++i) {
    int a = bs_bench_source;
    acc += a;
  }
  return acc;
}

int KERNEL(bs_scope8)(int n) {
  int acc = 0;
  for (int i = 0; i < n; ++i) {
    int a = bs_bench_source;
    int b = bs_bench_source;
    int c = bs_bench_source;
    int d = bs_bench_source;
    int e = bs_bench_source;
    int f = bs_bench_source;
    int g = bs_bench_source;
    int h = bs_bench_source;
    acc += a ^ b ^ c ^ d ^ e ^ f ^ g ^ h;
  }
  return acc;
}

int KERNEL(bs_borrow8)(int n) {
  int acc = 0;
  for (int i = 0; i < n; ++i) {
    int a = bs_bench_source;
    bs_bench_escape = &a;
    bs_bench_escape = &a;
    bs_bench_escape = &a;
    bs_bench_escape = &a;
    bs_bench_escape = &a;
    bs_bench_escape = &a;
    bs_bench_escape = &a;
    bs_bench_escape = &a;
    acc += a;
  }
  return acc;
}

int KERNEL(bs_lone)(int n) {
  int acc = 0;
  for (int i = 0; i < n; ++i) {
    int a = bs_bench_source;
    bs_bench_opaque();
    acc += a;
  }
  return acc;
}

/* Called between the two events of bs_near: defined in this file, so the pass
   knows it cannot block and with BORROWSCOPE_CLOCK=fast the next group may
   reuse the clock read from before the call (bs_lone's callee is in another
   file: the pass marks the clock stale after it). No variables: no events. */
static __attribute__((noinline)) void near_callee(void) { bs_bench_escape = 0; }

int KERNEL(bs_near)(int n) {
  int acc = 0;
  for (int i = 0; i < n; ++i) {
    int a = bs_bench_source;
    near_callee();
    acc += a;
  }
  return acc;
}
