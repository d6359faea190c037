// The runtime's slow path and lifecycle: everything the inlined hot path
// (hot_path.h) does not do. Entry points are the extern "C" functions of
// include/borrowscope/abi.h and borrowscope.h; all state is behind one lock,
// which is never taken per event, only per buffer.
#include "borrowscope/abi.h"
#include "borrowscope/borrowscope.h"
#include "clock.h"
#include "options.h"
#include "site_registry.h"
#include "threads.h"
#include "trace_writer.h"

#include <errno.h>
#include <pthread.h>
#include <unistd.h>

#define BS_EXPORT extern "C" __attribute__((visibility("default")))

// The hot path's per-thread state. initial-exec: instrumented code reaches it
// with one %fs-relative access, never through __tls_get_addr.
BS_EXPORT __thread bs_thread_state __borrowscope_thread
    __attribute__((tls_model("initial-exec"))) = {};

// Groups of events that may reuse one clock read (hot_path.h).
BS_EXPORT uint32_t __borrowscope_clock_reuse_v1 = borrowscope::Options{}.clock_reuse;

namespace borrowscope {
namespace {

struct Runtime {
  Options options;
  Clock clock;
  SiteRegistry sites;
  ThreadRegistry threads;
  TraceWriter writer{sites, clock};
  bool opened = false;   // the output was (tried to be) opened
  bool finished = false; // the trailer is written; later events are lost
  pthread_key_t exit_key{};
};

pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
Runtime *runtime = nullptr; // created by the constructor, never destroyed

// Slow-path state of the calling thread.
__thread ThreadRecord *t_record __attribute__((tls_model("initial-exec")));
// Set while this thread is inside the runtime: a signal handler or an
// instrumented allocator re-entering it must not deadlock on `lock`.
__thread bool t_busy __attribute__((tls_model("initial-exec")));
// Where events go while the runtime cannot take them (re-entry, no memory).
// Shared by all threads: what is written here is never read.
bs_event sink[BS_MAX_GROUP + 1];

struct Busy {
  Busy() {
    t_busy = true;
    pthread_mutex_lock(&lock);
  }
  ~Busy() {
    pthread_mutex_unlock(&lock);
    t_busy = false;
  }
};

std::string program_name() {
  return ::program_invocation_name ? ::program_invocation_name : "";
}

void open_output_locked() {
  if (runtime->opened || !runtime->options.enabled)
    return;
  runtime->opened = true;
  std::string path = expand_output_path(runtime->options.output, getpid());
  runtime->writer.open(path, program_name(), long(getpid()));
}

void write_records_locked(ThreadRecord &r) {
  if (!r.state || !r.buffer)
    return;
  bs_event *cur = __atomic_load_n(&r.state->cur, __ATOMIC_ACQUIRE);
  if (cur < r.flushed || cur > r.buffer + r.capacity)
    return; // the thread is between buffers
  if (runtime->options.enabled && !runtime->finished) {
    open_output_locked();
    runtime->writer.append(r.trace, r.flushed, cur);
  }
  r.flushed = cur;
}

void write_all_threads_locked() {
  for (ThreadRecord *r : runtime->threads.live())
    write_records_locked(*r);
}

void on_thread_exit(void *arg) {
  auto *r = static_cast<ThreadRecord *>(arg);
  if (!runtime || t_busy)
    return;
  Busy busy;
  write_records_locked(*r);
  runtime->threads.detach(*r);
  // Events from later destructors of this thread find no room and come back
  // through the slow path, which gives the thread a new buffer.
  __borrowscope_thread.cur = __borrowscope_thread.end = nullptr;
}

void use_sink() {
  __borrowscope_thread.cur = sink;
  __borrowscope_thread.end = sink + BS_MAX_GROUP + 1;
}

/// Gives the calling thread an empty buffer (writing out the full one). The
/// buffer starts with the clock's high half, so that the writer stays in step
/// even if records went to the sink meanwhile.
bool refill_locked() {
  ThreadRecord *r = t_record;
  if (!r) {
    r = runtime->threads.attach(runtime->options.buffer_events);
    if (!r)
      return false;
    t_record = r;
    pthread_setspecific(runtime->exit_key, r);
  } else if (!r->buffer) {
    if (!runtime->threads.reattach(*r))
      return false;
    pthread_setspecific(runtime->exit_key, r);
  } else {
    write_records_locked(*r);
  }
  bs_thread_state &s = __borrowscope_thread;
  r->buffer[0] = {0, BS_SITE_CLOCK_HIGH, s.clock_high, 0};
  r->flushed = r->buffer;
  s.end = r->buffer + r->capacity;
  __atomic_store_n(&s.cur, r->buffer + 1, __ATOMIC_RELEASE);
  return true;
}

void finish_locked() {
  if (runtime->finished)
    return;
  write_all_threads_locked();
  if (runtime->options.enabled) {
    open_output_locked();
    if (runtime->writer.finish(runtime->threads.traces()) &&
        runtime->options.verbose)
      report("wrote " + std::to_string(runtime->writer.events_written()) +
             " events to " + runtime->writer.path());
  }
  runtime->finished = true;
}

void before_fork() {
  t_busy = true;
  pthread_mutex_lock(&lock);
}

void after_fork_in_parent() {
  pthread_mutex_unlock(&lock);
  t_busy = false;
}

// The child has its own pid and so its own trace. Records buffered before the
// fork are the parent's to write.
void after_fork_in_child() {
  pthread_mutex_init(&lock, nullptr);
  t_busy = false;
  runtime->writer.abandon();
  runtime->opened = false;
  runtime->finished = false;
  runtime->threads.keep_only(t_record);
  if (t_record && t_record->buffer)
    t_record->flushed = __borrowscope_thread.cur;
  // Without %p the child would overwrite the parent's trace.
  if (runtime->options.output.find("%p") == std::string::npos)
    runtime->options.output += ".%p";
  runtime->clock.start();
}

__attribute__((constructor(101))) void start_runtime() {
  if (runtime)
    return;
  runtime = new Runtime();
  runtime->options = Options::from_environment();
  __borrowscope_clock_reuse_v1 = runtime->options.clock_reuse;
  runtime->clock.start();
  pthread_key_create(&runtime->exit_key, on_thread_exit);
  pthread_atfork(before_fork, after_fork_in_parent, after_fork_in_child);
}

// The runtime library is loaded before, and so finalized after, every
// instrumented object that needs it: this is the last moment to write.
__attribute__((destructor(101))) void stop_runtime() {
  if (!runtime || t_busy)
    return;
  Busy busy;
  finish_locked();
}

} // namespace
} // namespace borrowscope

using namespace borrowscope;

BS_EXPORT void __borrowscope_slow_v1(uint64_t now, uint32_t n) {
  bs_thread_state &s = __borrowscope_thread;
  uint32_t high = uint32_t(now >> 32);
  bool new_high = high != s.clock_high;
  s.clock_high = high;
  uint64_t need = uint64_t(n) + 1; // room for the clock record too
  if (uint64_t(s.end - s.cur) < need) {
    bool refilled = false;
    if (runtime && !t_busy) {
      Busy busy;
      refilled = refill_locked(); // starts with the clock record
    }
    if (!refilled)
      use_sink();
    return;
  }
  if (new_high) {
    bs_event *e = s.cur;
    *e = {0, BS_SITE_CLOCK_HIGH, high, 0};
    __atomic_store_n(&s.cur, e + 1, __ATOMIC_RELEASE);
  }
}

BS_EXPORT void __borrowscope_register_module_v1(const bs_site *sites,
                                                uint32_t count,
                                                uint32_t *base) {
  start_runtime(); // a module constructor may run before ours
  Busy busy;
  *base = runtime->sites.add(sites, count);
}

BS_EXPORT void __borrowscope_unregister_module_v1(const bs_site *sites) {
  if (!runtime || t_busy)
    return;
  Busy busy;
  runtime->sites.retire(sites);
}

BS_EXPORT int borrowscope_export_json(const char *path) {
  if (!path || !*path) {
    report("borrowscope_export_json: no path given");
    return -1;
  }
  if (!runtime || t_busy)
    return -1;
  Busy busy;
  if (!runtime->options.enabled) {
    report(std::string("not exporting to '") + path +
           "': tracing is off (BORROWSCOPE=off)");
    return -1;
  }
  write_all_threads_locked();
  open_output_locked();
  return runtime->writer.snapshot(path, runtime->threads.traces()) ? 0 : -1;
}

BS_EXPORT void borrowscope_flush(void) {
  if (!runtime || t_busy)
    return;
  Busy busy;
  write_all_threads_locked();
}
