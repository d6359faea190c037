// Signal handlers that run instrumented code (docs/usage.md, "Signal
// handlers"). A handler may interrupt its thread in the middle of a group of
// records (hot_path.h): the group holds its write position in a register and
// commits when it is done, so a handler writing into the same window would
// be overwritten by it, or overwrite it. Instead, while a program's handler
// runs, its thread records into a stream of its own (a thread record named
// "<thread> (signal handlers)", made outside any handler, with a window that
// never grows: nothing is allocated in the handler), and the interrupted
// state comes back when the handler returns or jumps out. A clock record
// opens and closes each handler's events, so that they sort by time among
// the thread's. A handler interrupting another handler, or running before
// its thread has a stream, records into the sink: those events are lost,
// and counted as lost in the trace.
#include "handlers.h"
#include "runtime.h"
#include "runtime_state.h"
#include "threads.h"

#include <cerrno>
#include <csignal>

namespace borrowscope {
namespace {

__thread HandlerFrame *t_frame __attribute__((tls_model("initial-exec")));

void clock_record() {
  uint64_t now = __builtin_readcyclecounter();
  append_record({BS_SITE_CLOCK, BS_CLOCK_SYNC, uint32_t(now),
                 uint32_t(now >> 32)});
}

/// Where a jmp_buf's context resumes: its stack pointer, as the C library
/// mangled it (glibc x86-64: rotated and xored with the thread's pointer
/// guard). False where the layout is not known.
bool jump_target_sp(const void *buffer, uint64_t &sp) {
#if defined(__x86_64__) && defined(__GLIBC__)
  uint64_t mangled = static_cast<const uint64_t *>(buffer)[6]; // JB_RSP
  uint64_t guard;
  __asm__("movq %%fs:0x30, %0" : "=r"(guard));
  sp = ((mangled >> 17) | (mangled << 47)) ^ guard;
  return true;
#else
  (void)buffer;
  (void)sp;
  return false;
#endif
}

/// Whether jumping to buffer leaves the handler of frame f.
bool jump_leaves(const HandlerFrame &f, const void *buffer) {
  uint64_t sp;
  if (!jump_target_sp(buffer, sp))
    return true; // the usual case: out to the code the signal interrupted
  if (f.alt_lo < f.alt_hi) // the handler runs on an alternate stack
    return sp < f.alt_lo || sp >= f.alt_hi;
  return sp > f.entry_sp;
}

} // namespace

bool in_signal_handler() { return t_frame != nullptr; }

void enter_handler(HandlerFrame &f) {
  int saved_errno = errno;
  f.outer = t_frame;
  f.saved = current_recording();
  f.entry_sp = reinterpret_cast<uint64_t>(&f);
  f.alt_lo = f.alt_hi = 0;
  stack_t alt;
  if (current_alt_stack(alt) && (alt.ss_flags & SS_ONSTACK)) {
    f.alt_lo = reinterpret_cast<uint64_t>(alt.ss_sp);
    f.alt_hi = f.alt_lo + alt.ss_size;
  }
  ThreadRecord *stream = f.outer ? nullptr : handler_stream();
  t_frame = &f;
  f.recorded = stream != nullptr;
  if (f.recorded) {
    set_recording({stream->handler_state, stream});
    clock_record();
    // A setjmp of "the handler's entry" (jmp_buf 0): a jump out of the
    // handler abandons what its frames created (jumps.cpp).
    append_record({BS_SITE_SETJMP, 0, 0, 0});
  } else {
    set_refills_to_sink(true);
    record_into_sink();
  }
  errno = saved_errno;
}

void leave_handler(HandlerFrame &f) {
  if (t_frame != &f)
    return; // left already, by a jump out of it
  int saved_errno = errno;
  if (f.recorded) {
    clock_record();
    ThreadRecord *stream = current_recording().record;
    stream->handler_state = __borrowscope_thread;
  } else {
    count_unrecorded_handler_records();
  }
  set_recording(f.saved);
  t_frame = f.outer;
  set_refills_to_sink(t_frame != nullptr && !t_frame->recorded);
  errno = saved_errno;
}

void leave_handlers_for_jump(const void *buffer) {
  while (t_frame && jump_leaves(*t_frame, buffer)) {
    if (t_frame->recorded)
      append_record({BS_SITE_LONGJMP, 0, 0, 0}); // to the handler's entry
    leave_handler(*t_frame);
  }
}

} // namespace borrowscope
