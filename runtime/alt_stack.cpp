// An alternate signal stack for each recording thread that has none, so
// that the runtime's handler of a fatal signal can still run, and end the
// trace, when the thread's own stack is exhausted (a stack overflow). The
// program does not see it: sigaltstack is interposed and reports what the
// program set (nothing, until it sets its own, which then replaces ours).
// The runtime's handler runs on it only while the program's disposition of
// the signal is the default (process_end.cpp, ours_for): a program handler
// keeps the stack the program chose for it.
#include "runtime.h"

#include <cerrno>
#include <csignal>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define BS_EXPORT extern "C" __attribute__((visibility("default")))

namespace borrowscope {
namespace {

// Enough for the END block's writing (finish_dying), with room to spare.
constexpr size_t alt_stack_size = 128 * 1024;

__thread void *t_alt_stack __attribute__((tls_model("initial-exec")));

int raw_sigaltstack(const stack_t *ss, stack_t *old) {
  return int(syscall(SYS_sigaltstack, ss, old));
}

} // namespace

bool current_alt_stack(stack_t &now) {
  return raw_sigaltstack(nullptr, &now) == 0;
}

void give_thread_alt_stack() {
  stack_t now;
  if (t_alt_stack || !current_alt_stack(now) || !(now.ss_flags & SS_DISABLE))
    return;
  void *base = mmap(nullptr, alt_stack_size, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED)
    return;
  stack_t ours = {};
  ours.ss_sp = base;
  ours.ss_size = alt_stack_size;
  if (raw_sigaltstack(&ours, nullptr) != 0) {
    munmap(base, alt_stack_size);
    return;
  }
  t_alt_stack = base;
}

void drop_thread_alt_stack() {
  void *base = t_alt_stack;
  stack_t now;
  if (!base || !current_alt_stack(now) || now.ss_sp != base ||
      (now.ss_flags & SS_ONSTACK))
    return;
  stack_t off = {};
  off.ss_flags = SS_DISABLE;
  if (raw_sigaltstack(&off, nullptr) == 0) {
    munmap(base, alt_stack_size);
    t_alt_stack = nullptr;
  }
}

} // namespace borrowscope

using namespace borrowscope;

BS_EXPORT int sigaltstack(const stack_t *ss, stack_t *old) noexcept {
  void *ours = t_alt_stack;
  if (!ours)
    return raw_sigaltstack(ss, old);
  stack_t now;
  if (!current_alt_stack(now) || now.ss_sp != ours)
    return raw_sigaltstack(ss, old); // replaced already
  if (ss) {
    if (now.ss_flags & SS_ONSTACK) { // running on it: the kernel refuses too
      errno = EPERM;
      return -1;
    }
    if (raw_sigaltstack(ss, nullptr) != 0)
      return -1;
    munmap(ours, alt_stack_size);
    t_alt_stack = nullptr;
  }
  if (old) { // what the program set: nothing
    *old = {};
    old->ss_flags = SS_DISABLE;
  }
  return 0;
}
