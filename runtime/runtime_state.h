// The runtime's slow-path state, shared by the files that run under its
// lock (runtime.cpp, handler_streams.cpp). Not part of any interface.
#ifndef BORROWSCOPE_RUNTIME_RUNTIME_STATE_H
#define BORROWSCOPE_RUNTIME_RUNTIME_STATE_H

#include "options.h"
#include "site_registry.h"
#include "threads.h"
#include "trace_file.h"

#include <csignal>
#include <cstdint>
#include <pthread.h>

namespace borrowscope {

struct Runtime {
  Options options;
  SiteRegistry sites;
  ThreadRegistry threads;
  TraceFile file;
  bool finished = false; // the END block is written; later events are lost
  int exit_status = 0;   // as exit() or main's return gave it (on_exit)
  pid_t pid = 0;         // the process the runtime writes for (not a vfork child)
  pthread_key_t exit_key{};
  uint64_t stack_lo = UINT64_MAX, stack_hi = 0;
};

extern pthread_mutex_t lock;
extern Runtime *runtime; // created by the constructor, never destroyed

// Slow-path state of the calling thread.
extern __thread ThreadRecord *t_record __attribute__((tls_model("initial-exec")));
// Set while this thread is inside the runtime: a signal handler or an
// instrumented allocator re-entering it must not deadlock on `lock`.
extern __thread bool t_busy __attribute__((tls_model("initial-exec")));
// Set while a signal handler runs that must not refill (runtime.h).
extern __thread bool t_refills_to_sink __attribute__((tls_model("initial-exec")));

/// Inside the runtime: the lock held, and the signals a program may send
/// itself at any moment (timers, kill) held back until it is let go, so
/// that a handler finds its thread outside the runtime and records (a
/// handler arriving inside would record into the sink). Faults stay
/// deliverable: blocking them would make the kernel kill the process.
struct Busy {
  Busy() {
    sigset_t async;
    sigfillset(&async);
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT})
      sigdelset(&async, sig);
    pthread_sigmask(SIG_BLOCK, &async, &mask_);
    t_busy = true;
    pthread_mutex_lock(&lock);
  }
  ~Busy() {
    pthread_mutex_unlock(&lock);
    t_busy = false;
    pthread_sigmask(SIG_SETMASK, &mask_, nullptr);
  }
  sigset_t mask_;
};

/// A thread's first window is small, so that a short run writes a small
/// trace; each refill doubles it up to BORROWSCOPE_BUFFER_EVENTS.
constexpr uint32_t first_window_records = 4096;

void point_thread_at(bs_event *cur, bs_event *end, bs_event **commit);
/// Points the calling thread at the sink (runtime.h: record_into_sink).
void use_sink();
/// How many records the calling thread has written into the sink since it
/// was last pointed there (0 when it records elsewhere).
uint64_t records_in_sink();
/// A handler that records into the sink (handlers.cpp) counts what it
/// wrote there; the count goes into the trace as lost records under the
/// lock (handler_streams.cpp).
void count_unrecorded_handler_records();
void write_unrecorded_locked();
/// The stream r's signal handlers record into (handler_streams.cpp).
void prepare_handler_stream_locked(ThreadRecord &r);

} // namespace borrowscope

#endif
