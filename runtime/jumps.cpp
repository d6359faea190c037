// setjmp and longjmp as the trace sees them (docs/semantics.md, "longjmp").
// The pass puts a call of __borrowscope_jump_v2 before every setjmp and
// longjmp of instrumented code; the longjmp family is interposed here as
// well, for code that is not instrumented (a library's error handler). The
// tool ends, at a longjmp, the instances its thread created since the setjmp
// of that jmp_buf: the frames it skips never run their own Drops. A jump
// recorded twice (the pass's call, then the interposed function) abandons
// nothing the second time.
#include "handlers.h"
#include "runtime.h"

#include <dlfcn.h>

#define BS_EXPORT extern "C" __attribute__((visibility("default")))

namespace borrowscope {
namespace {

void record_jump(uint32_t kind, const void *buffer, uint32_t site) {
  uint64_t address = reinterpret_cast<uint64_t>(buffer);
  append_record({kind, uint32_t(address),
                 uint32_t(address >> 32) | uint32_t(site << 16),
                 uint32_t(site >> 16)});
}

using JumpFn = void (*)(void *, int);
JumpFn real_longjmp, real_siglongjmp, real__longjmp, real_longjmp_chk;

JumpFn next_definition(const char *name) {
  return reinterpret_cast<JumpFn>(dlsym(RTLD_NEXT, name));
}

// Resolved at load: a longjmp may come from a signal handler, where dlsym
// is not safe.
__attribute__((constructor(101))) void resolve_jumps() {
  real_longjmp = next_definition("longjmp");
  real_siglongjmp = next_definition("siglongjmp");
  real__longjmp = next_definition("_longjmp");
  real_longjmp_chk = next_definition("__longjmp_chk");
}

[[noreturn]] void jump(JumpFn real, void *buffer, int value) {
  // Out of a signal handler (siglongjmp from SIGSEGV's): its thread records
  // where it did before the signal again, and the jump is recorded there.
  leave_handlers_for_jump(buffer);
  record_jump(BS_SITE_LONGJMP, buffer, 0);
  if (!real)
    real = real_longjmp ? real_longjmp : next_definition("longjmp");
  real(buffer, value);
  __builtin_unreachable();
}

} // namespace
} // namespace borrowscope

using namespace borrowscope;

// Declared without <setjmp.h>, whose prototypes differ by C library.

BS_EXPORT void __borrowscope_jump_v2(uint32_t kind, const void *buffer,
                                     uint32_t site) {
  if (kind == BS_SITE_SETJMP || kind == BS_SITE_LONGJMP)
    record_jump(kind, buffer, site);
}

BS_EXPORT [[noreturn]] void longjmp(void *buffer, int value) noexcept {
  jump(real_longjmp, buffer, value);
}
BS_EXPORT [[noreturn]] void siglongjmp(void *buffer,
                                       int value) noexcept {
  jump(real_siglongjmp, buffer, value);
}
BS_EXPORT [[noreturn]] void _longjmp(void *buffer, int value) noexcept {
  jump(real__longjmp, buffer, value);
}
// _FORTIFY_SOURCE's longjmp: checks that the jump goes up the stack.
BS_EXPORT [[noreturn]] void __longjmp_chk(void *buffer,
                                          int value) noexcept {
  jump(real_longjmp_chk, buffer, value);
}
