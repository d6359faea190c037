// free() and realloc() seen by the runtime: a borrow held in heap memory
// ends when that memory is freed (docs/semantics.md), also when uninstrumented
// code frees it (operator delete and the C library call free too). Records
// are written only once instrumented code has stored a stack address outside
// the stacks (__borrowscope_heap_holds_v2); before that free costs one load.
//
// The real functions are the next definitions after this library (the C
// library's, or an allocator loaded after it); a program that defines its
// own free in the executable is not seen (its free comes first).
#include "runtime.h"

#include <dlfcn.h>
#include <stddef.h>

extern "C" {
void __libc_free(void *);
void *__libc_realloc(void *, size_t);
}

namespace borrowscope {
namespace {

using FreeFn = void (*)(void *);
using ReallocFn = void *(*)(void *, size_t);
using UsableFn = size_t (*)(void *);

FreeFn real_free;
ReallocFn real_realloc;
UsableFn real_usable;
__thread bool t_resolving __attribute__((tls_model("initial-exec")));

// dlsym may allocate and free itself: while it runs, the C library's own
// functions serve.
void resolve() {
  if (real_free || t_resolving)
    return;
  t_resolving = true;
  auto f = reinterpret_cast<FreeFn>(dlsym(RTLD_NEXT, "free"));
  auto r = reinterpret_cast<ReallocFn>(dlsym(RTLD_NEXT, "realloc"));
  auto u = reinterpret_cast<UsableFn>(dlsym(RTLD_NEXT, "malloc_usable_size"));
  real_realloc = r ? r : __libc_realloc;
  real_usable = u;
  __atomic_store_n(&real_free, f ? f : __libc_free, __ATOMIC_RELEASE);
  t_resolving = false;
}

FreeFn free_fn() {
  resolve();
  return real_free ? real_free : __libc_free;
}

/// A BS_SITE_FREE record of [p, p + size) on the calling thread.
void append_free(void *p, uint64_t size) {
  uint64_t address = reinterpret_cast<uint64_t>(p);
  append_record({BS_SITE_FREE, uint32_t(address),
                 uint32_t(address >> 32) | uint32_t(size << 16),
                 uint32_t(size >> 16)});
}

void record_free(void *p) {
  if (p && __borrowscope_heap_holds_v2 && real_usable)
    append_free(p, real_usable(p));
}

__attribute__((constructor(101))) void resolve_at_load() { resolve(); }

} // namespace
} // namespace borrowscope

using namespace borrowscope;

extern "C" __attribute__((visibility("default"))) void free(void *p) {
  FreeFn f = free_fn();
  record_free(p);
  f(p);
}

extern "C" __attribute__((visibility("default"))) void *realloc(void *p,
                                                                size_t n) {
  resolve();
  ReallocFn r = real_realloc ? real_realloc : __libc_realloc;
  if (!p || !__borrowscope_heap_holds_v2)
    return r(p, n);
  uint64_t before = real_usable ? real_usable(p) : 0;
  void *q = r(p, n);
  // The block moved (or was freed by realloc(p, 0)): the old one is gone.
  // Its size is the one it had: the allocator cannot be asked any more.
  if (q != p && (q || n == 0) && before)
    append_free(p, before);
  return q;
}
