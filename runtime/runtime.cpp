// The runtime's slow path and lifecycle: everything the inlined hot path
// (hot_path.h) does not do. Entry points are the extern "C" functions of
// include/borrowscope/abi.h and borrowscope.h; all state is behind one lock,
// which is never taken per event, only per window.
#include "runtime.h"
#include "borrowscope/borrowscope.h"
#include "JsonTraceFile.h"
#include "check_mode.h"
#include "clock.h"
#include "runtime_state.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <pthread.h>
#include <unistd.h>

#define BS_EXPORT extern "C" __attribute__((visibility("default")))

// The hot path's per-thread state. initial-exec: instrumented code reaches it
// with one %fs-relative access, never through __tls_get_addr.
BS_EXPORT __thread bs_thread_state __borrowscope_thread
    __attribute__((tls_model("initial-exec"))) = {};

BS_EXPORT uint32_t __borrowscope_clock_exact_v2 = 0;
BS_EXPORT uint64_t __borrowscope_stack_lo_v2 = 0;
BS_EXPORT uint64_t __borrowscope_stack_span_v2 = 0;
BS_EXPORT uint32_t __borrowscope_heap_holds_v2 = 0;
BS_EXPORT uint32_t __borrowscope_holders_v2[BS_HOLDER_BITS / 32] = {};

namespace borrowscope {

pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
Runtime *runtime = nullptr;
__thread ThreadRecord *t_record __attribute__((tls_model("initial-exec")));
__thread bool t_busy __attribute__((tls_model("initial-exec")));
__thread bool t_refills_to_sink __attribute__((tls_model("initial-exec")));

namespace {

// Where records go while the runtime cannot take them (re-entry, no memory,
// after the end). Shared by all threads: what is written here is never read.
bs_event sink[2 * (BS_MAX_GROUP + 1)];
bs_event *sink_commit;

} // namespace

void point_thread_at(bs_event *cur, bs_event *end, bs_event **commit) {
  bs_thread_state &s = __borrowscope_thread;
  s.end = end;
  s.commit = commit;
  __atomic_store_n(&s.cur, cur, __ATOMIC_RELEASE);
}

void use_sink() {
  point_thread_at(sink, sink + sizeof sink / sizeof *sink, &sink_commit);
}

uint64_t records_in_sink() {
  const bs_event *cur = __borrowscope_thread.cur;
  bool in_sink = cur >= sink && cur <= sink + sizeof sink / sizeof *sink;
  return in_sink ? uint64_t(cur - sink) : 0;
}

namespace {

std::string program_name() {
  return ::program_invocation_name ? ::program_invocation_name : "";
}

/// Check mode: a check of this process, with the modules registered so far.
void start_check_locked() {
  Runtime &rt = *runtime;
  if (!rt.options.enabled || !rt.options.check)
    return;
  check_mode::start(rt.options, program_name(), getpid());
  for (const SiteRegistry::Module &m : rt.sites.modules())
    check_mode::add_module(SiteRegistry::module_block(*m.module, m.base));
}

void open_output_locked() {
  Runtime &rt = *runtime;
  if (!rt.options.enabled || !rt.options.trace)
    return;
  std::string path = expand_output_path(rt.options.output, getpid());
  // After exec the process keeps its pid, and so its trace's name: the new
  // image writes <path>.exec1 (.exec2, ...) and leaves the old one whole.
  if (is_trace_of(path, uint64_t(getpid())))
    for (int n = 1;; ++n) {
      std::string next = path + ".exec" + std::to_string(n);
      if (access(next.c_str(), F_OK) != 0 || !is_trace_of(next, uint64_t(getpid()))) {
        path = next;
        break;
      }
    }
  uint32_t flags = rt.options.clock_exact ? BS_TRACE_FLAG_CLOCK_EXACT : 0;
  if (!rt.file.open(path, program_name(), long(getpid()), flags))
    return;
  for (const SiteRegistry::Module &m : rt.sites.modules())
    rt.file.write_module(SiteRegistry::module_block(*m.module, m.base));
}

/// Writes the records of r's window not written yet. Safe for another
/// thread's window too: it only reads what that thread committed.
void write_window_locked(ThreadRecord &r) {
  Window *w = r.window;
  if (!w)
    return;
  uint32_t committed = w->committed();
  if (committed <= r.flushed)
    return;
  uint64_t n = committed - r.flushed;
  const Options &o = runtime->options;
  if (o.enabled && !runtime->finished) {
    if (o.trace)
      runtime->file.write_events(*w, r.index, r.sequence + r.flushed,
                                 r.flushed, uint32_t(n));
    if (o.check)
      check_mode::add_records(r.index, r.sequence + r.flushed,
                              w->records + r.flushed, uint32_t(n),
                              r.flushed == 0 ? w->header->tsc : 0);
  }
  r.flushed = committed;
}

/// Check mode: every thread's records so far, as one batch (the checker
/// merges threads by time within it, as the trace reader does).
void cut_all_locked() {
  for (const auto &t : runtime->threads.all())
    write_window_locked(*t);
  check_mode::end_batch();
}


/// Empties the calling thread's window after writing it, or gives it a
/// larger one.
bool recycle_window_locked(ThreadRecord &r) {
  if (runtime->options.check)
    cut_all_locked();
  else
    write_window_locked(r);
  r.sequence += r.flushed;
  r.flushed = 0;
  uint32_t most = runtime->options.buffer_events;
  if (r.window->capacity < most && !r.is_handler_stream)
    if (Window *bigger =
            runtime->file.window(std::min(most, 2 * r.window->capacity))) {
      runtime->file.retire(r.window);
      r.window = bigger;
    }
  r.window->reset(r.index, r.sequence);
  return true;
}

void note_stack_locked() {
  uint64_t lo, hi;
  if (!current_stack(lo, hi))
    return;
  Runtime &rt = *runtime;
  rt.stack_lo = std::min(rt.stack_lo, lo);
  rt.stack_hi = std::max(rt.stack_hi, hi);
  // Span first: a reader between the two stores sees a range that is too
  // small at worst, never one that takes in the heap.
  __atomic_store_n(&__borrowscope_stack_span_v2, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&__borrowscope_stack_lo_v2, rt.stack_lo, __ATOMIC_RELAXED);
  __atomic_store_n(&__borrowscope_stack_span_v2, rt.stack_hi - rt.stack_lo,
                   __ATOMIC_RELAXED);
}

/// Writes out and lets go of the window of r, a thread that ends.
void end_thread_locked(ThreadRecord &r) {
  write_window_locked(r);
  r.sequence += r.flushed;
  r.flushed = 0;
  r.exited = true;
  if (!r.is_handler_stream)
    if (std::string name = thread_name(r.os_tid); !name.empty())
      r.name = name;
  if (runtime->options.enabled && !runtime->finished)
    runtime->file.write_thread(r.index, r.os_tid, r.name, r.sequence, true);
  runtime->file.retire(r.window);
  r.window = nullptr;
}

/// Gives the calling thread an empty window (writing out the full one:
/// then \p flushed is set).
bool refill_locked(bool &flushed) {
  Runtime &rt = *runtime;
  if (rt.finished)
    return false;
  write_unrecorded_locked();
  ThreadRecord *r = t_record;
  if (!r) {
    r = rt.threads.attach();
    t_record = r;
    note_stack_locked();
    if (!in_signal_handler())
      give_thread_alt_stack();
    rt.file.write_thread(r->index, r->os_tid, r->name, 0, false);
  }
  if (r->window) {
    recycle_window_locked(*r);
    // A stall worth a FLUSH record: records written out or checked (one
    // that is only dropped is no time the reader needs told about).
    flushed = rt.options.check || rt.file.writing();
  } else {
    r->window = rt.file.window(
        std::min(rt.options.buffer_events, first_window_records));
    if (!r->window)
      return false;
    r->flushed = 0;
    r->window->reset(r->index, r->sequence);
    r->exited = false;
  }
  if (!r->is_handler_stream) {
    pthread_setspecific(rt.exit_key, r);
    prepare_handler_stream_locked(*r);
  }
  Window &w = *r->window;
  point_thread_at(w.records, w.records + w.capacity,
                  reinterpret_cast<bs_event **>(&w.record->cur));
  return true;
}

void on_thread_exit(void *arg) {
  auto *r = static_cast<ThreadRecord *>(arg);
  if (!runtime || t_busy || !r->window)
    return;
  drop_thread_alt_stack();
  Busy busy;
  end_thread_locked(*r);
  if (ThreadRecord *s = r->handler_stream; s && s->window)
    end_thread_locked(*s);
  // Events from later destructors of this thread find no room and come back
  // through the slow path, which gives the thread a window again.
  point_thread_at(nullptr, nullptr, &sink_commit);
}

/// How long the end of a process waits for check mode's report: at exit,
/// and when dying (a signal handler, _exit).
constexpr int check_wait_ms = 30'000;
constexpr int check_dying_wait_ms = 2'000;

void finish_locked(uint32_t reason, int32_t status) {
  Runtime &rt = *runtime;
  if (rt.finished)
    return;
  uint64_t records = 0;
  for (const auto &r : rt.threads.all()) {
    write_window_locked(*r);
    records += r->sequence + r->flushed;
    if (rt.options.enabled && !r->exited)
      rt.file.write_thread(r->index, r->os_tid,
                           r->is_handler_stream ? r->name
                                                : thread_name(r->os_tid),
                           r->sequence + r->flushed, false);
  }
  if (rt.options.check && !rt.finished) {
    check_mode::end_batch();
    check_mode::finish(reason, status, check_wait_ms, /*dying=*/false);
  }
  if (rt.options.enabled && rt.file.is_open()) {
    write_unrecorded_locked();
    rt.file.write_end(reason, status, records, rt.file.lost());
    for (const auto &r : rt.threads.all())
      if (r->window)
        r->window->record->active = 0; // all written: readers skip it
    rt.file.release_windows();
    if (rt.options.verbose)
      report("wrote " + std::to_string(rt.file.records_written()) +
             (rt.file.records_written() == 1 ? " record to " : " records to ") +
             rt.file.path() +
             (rt.file.lost() ? " (" + std::to_string(rt.file.lost()) +
                                   " lost)"
                             : ""));
    rt.file.close();
  }
  rt.finished = true;
}

void set_windows_active(bool active) {
  for (const auto &r : runtime->threads.all())
    if (r->window)
      r->window->record->active = active;
}

/// Records in the trace of all threads, written or in windows.
uint64_t records_so_far() {
  uint64_t records = 0;
  for (const auto &r : runtime->threads.all())
    records += r->sequence + (r->window ? r->window->committed() : 0);
  return records;
}

void before_fork() {
  t_busy = true;
  pthread_mutex_lock(&lock);
}

void after_fork_in_parent() {
  pthread_mutex_unlock(&lock);
  t_busy = false;
}

// The child has its own pid and so its own trace. Records in windows before
// the fork are the parent's to write; the windows are the parent's file.
void after_fork_in_child() {
  pthread_mutex_init(&lock, nullptr);
  t_busy = false;
  // Away from the parent's window before it is unmapped, and busy while the
  // parent's file is let go: abandon() frees, and free() records once the
  // program has stored a stack address in memory (heap_hooks.cpp).
  point_thread_at(nullptr, nullptr, &sink_commit);
  Busy busy;
  Runtime &rt = *runtime;
  rt.file.abandon();
  rt.finished = false;
  rt.pid = getpid();
  rt.threads.keep_only(t_record);
  // Without %p the child would overwrite the parent's trace.
  if (rt.options.output.find("%p") == std::string::npos)
    rt.options.output += ".%p";
  open_output_locked();
  check_mode::forget_after_fork();
  start_check_locked();
  if (t_record)
    rt.file.write_thread(t_record->index, t_record->os_tid, t_record->name, 0,
                         false);
}

// Registered first, so called last of the exit handlers: the status the
// process exits with. Destructors (stop_runtime) run after every handler.
void note_exit_status(int status, void *) {
  if (runtime)
    runtime->exit_status = status;
}

} // namespace

void start_runtime() {
  if (runtime)
    return;
  runtime = new Runtime();
  runtime->options = Options::from_environment();
  runtime->pid = getpid();
  __borrowscope_clock_exact_v2 = runtime->options.clock_exact;
  point_thread_at(nullptr, nullptr, &sink_commit); // refills on first event
  pthread_key_create(&runtime->exit_key, on_thread_exit);
  pthread_atfork(before_fork, after_fork_in_parent, after_fork_in_child);
  on_exit(note_exit_status, nullptr);
  {
    Busy busy;
    open_output_locked();
    start_check_locked();
  }
  if (runtime->options.enabled)
    watch_process_end();
}

bool finish_dying(uint32_t reason, int32_t status) {
  // Not in a vfork child (it shares our memory but is another process),
  // not when this thread was interrupted inside the runtime.
  if (!runtime || t_busy || getpid() != runtime->pid)
    return false;
  t_busy = true;
  // Another thread holds the lock for a moment at most (one window); a
  // thread that never lets go must not keep this one from dying.
  bool locked = false;
  for (int i = 0; i < 200 && !locked; ++i) {
    locked = pthread_mutex_trylock(&lock) == 0;
    if (!locked) {
      timespec ms{0, 1'000'000};
      nanosleep(&ms, nullptr);
    }
  }
  bool ended = false;
  if (locked) {
    Runtime &rt = *runtime;
    if (!rt.finished && rt.options.check) {
      cut_all_locked();
      check_mode::finish(reason, status, check_dying_wait_ms, /*dying=*/true);
    }
    if (!rt.finished && rt.options.enabled && rt.file.is_open()) {
      // Written out as at exit: in a regular file the windows are part of
      // the trace already, but a block says when its records ended (their
      // times). Nothing here allocates.
      for (const auto &r : rt.threads.all())
        write_window_locked(*r);
      write_unrecorded_locked();
      ended = rt.file.write_end(reason, status, records_so_far(),
                                rt.file.lost());
      if (ended) {
        set_windows_active(false); // all written: readers skip them
        rt.file.release_windows();
      }
    }
    rt.finished = true;
    pthread_mutex_unlock(&lock);
  }
  t_busy = false;
  return ended;
}

bool end_before_exec() {
  if (!runtime || t_busy || getpid() != runtime->pid)
    return false;
  Busy busy;
  Runtime &rt = *runtime;
  if (rt.finished)
    return false;
  for (const auto &r : rt.threads.all())
    write_window_locked(*r);
  if (rt.options.check) {
    // The new image is another program: this one's report comes now.
    check_mode::end_batch();
    check_mode::finish(BS_END_EXEC, 0, check_wait_ms, /*dying=*/false);
  }
  if (rt.options.enabled && rt.file.is_open()) {
    write_unrecorded_locked();
    rt.file.write_end(BS_END_EXEC, 0, records_so_far(), rt.file.lost());
  }
  set_windows_active(false); // all written: readers skip them
  rt.finished = true;
  return true;
}

void exec_failed() {
  // The process goes on: so does its trace. The END written before the
  // exec is followed by more blocks and another END; the last one counts.
  Busy busy;
  runtime->finished = false;
  set_windows_active(true);
  start_check_locked(); // what follows is checked (and reported) anew
}

bool runtime_busy() { return t_busy; }

void become_runtime_thread() {
  t_busy = true;
  point_thread_at(nullptr, nullptr, &sink_commit);
}

int exit_status_for(int status) { return check_mode::exit_status_for(status); }

namespace {

__attribute__((constructor(101))) void start_at_load() { start_runtime(); }

// The runtime library is loaded before, and so finalized after, every
// instrumented object that needs it: this is the last moment to write.
__attribute__((destructor(101))) void stop_runtime() {
  if (!runtime || t_busy)
    return;
  int status = runtime->exit_status;
  {
    Busy busy;
    finish_locked(BS_END_EXIT, status);
  }
  // BORROWSCOPE_EXITCODE: a run with findings exits with it. This is the
  // last destructor; the program's streams are flushed as exit would.
  int wanted = check_mode::exit_status_for(status);
  if (wanted != status) {
    std::fflush(nullptr);
    _exit(wanted);
  }
}

} // namespace

void append_record(const bs_event &record) {
  if (t_busy)
    return;
  bs_thread_state &s = __borrowscope_thread;
  bs_event *w = s.cur;
  if (!w || s.end - w < 1)
    w = __borrowscope_refill_v2(1);
  *w = record;
  __atomic_store_n(&s.cur, w + 1, __ATOMIC_RELEASE);
  __atomic_store_n(s.commit, w + 1, __ATOMIC_RELEASE);
}

} // namespace borrowscope

using namespace borrowscope;

/// A FLUSH record of the stall that began at \p began, ahead of the group
/// of \p n records the hot path asked room for (when it still fits).
static void record_flush(uint64_t began, uint64_t n) {
  bs_thread_state &s = __borrowscope_thread;
  if (!s.cur || s.end - s.cur < int64_t(n) + 1)
    return;
  uint64_t took = cycle_counter() - began;
  *s.cur = {BS_SITE_FLUSH, uint32_t(std::min<uint64_t>(took, UINT32_MAX)),
            uint32_t(began), uint32_t(began >> 32)};
  ++s.cur; // committed with the group that follows
}

BS_EXPORT bs_event *__borrowscope_refill_v2(uint64_t n) {
  int saved_errno = errno;
  uint64_t began = cycle_counter();
  bs_thread_state &s = __borrowscope_thread;
  bool refilled = false, flushed = false;
  if (n <= BS_MAX_GROUP + 1) {
    if (!runtime)
      start_runtime(); // an instrumented constructor ran before ours
    if (runtime && !t_busy && !t_refills_to_sink) {
      Busy busy;
      refilled = refill_locked(flushed);
    }
  }
  if (refilled && flushed)
    record_flush(began, n);
  if (!refilled) {
    if (t_refills_to_sink)
      count_unrecorded_handler_records(); // the sink is full: start again
    use_sink();
  }
  errno = saved_errno;
  return s.cur;
}

BS_EXPORT void __borrowscope_register_module_v2(const bs_module *module) {
  if (!module || module->abi_version != BORROWSCOPE_ABI_VERSION)
    return; // its base stays "unregistered": its records are counted unknown
  start_runtime(); // a module constructor may run before ours
  Busy busy;
  uint32_t base = runtime->sites.add(module);
  *module->base = base;
  if (base != BS_SITE_UNREGISTERED_BASE && runtime->file.is_open())
    runtime->file.write_module(SiteRegistry::module_block(*module, base));
  if (base != BS_SITE_UNREGISTERED_BASE && check_mode::active())
    check_mode::add_module(SiteRegistry::module_block(*module, base));
}

BS_EXPORT void __borrowscope_unregister_module_v2(const bs_module *module) {
  if (!runtime || t_busy)
    return;
  Busy busy;
  runtime->sites.retire(module);
}

BS_EXPORT int borrowscope_export_json(const char *path) {
  if (!path || !*path) {
    report("borrowscope_export_json: no path given");
    return -1;
  }
  if (!runtime || t_busy)
    return -1;
  Busy busy;
  Runtime &rt = *runtime;
  if (!rt.options.enabled) {
    report(std::string("not exporting to '") + path +
           "': tracing is off (BORROWSCOPE=off)");
    return -1;
  }
  if (!rt.file.is_open() || !rt.file.rereadable()) {
    report(std::string("cannot export to '") + path + "': the trace output '" +
           rt.file.path() + "' cannot be read back");
    return -1;
  }
  for (const auto &r : rt.threads.all())
    write_window_locked(*r);
  if (rt.file.same_file(path)) {
    report(std::string("cannot export to '") + path +
           "': it is the trace being written");
    return -1;
  }
  // The trace so far, read back: complete as far as it goes.
  try {
    write_json_trace(rt.file.path(), path, {}, /*snapshot=*/true);
  } catch (const std::exception &e) {
    report(std::string("cannot export to '") + path + "': " + e.what());
    return -1;
  }
  return 0;
}

BS_EXPORT void borrowscope_flush(void) {
  if (!runtime || t_busy)
    return;
  Busy busy;
  if (runtime->options.check)
    cut_all_locked();
  else
    for (const auto &r : runtime->threads.all())
      write_window_locked(*r);
}
