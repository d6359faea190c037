// The streams signal handlers record into (handlers.cpp): made under the
// runtime's lock, outside any handler; swapped in and out by handlers.cpp.
#include "runtime.h"
#include "runtime_state.h"

#include <atomic>
#include <string>

namespace borrowscope {

namespace {
// A program's signal handler exists: threads get handler streams.
bool program_handlers = false;
// Records handlers wrote into the sink, not yet in the trace. Lock-free:
// added to inside handlers.
std::atomic<uint64_t> unrecorded{0};
static_assert(std::atomic<uint64_t>::is_always_lock_free);
} // namespace

void count_unrecorded_handler_records() {
  if (uint64_t n = records_in_sink())
    unrecorded.fetch_add(n, std::memory_order_relaxed);
}

void write_unrecorded_locked() {
  uint64_t n = unrecorded.exchange(0, std::memory_order_relaxed);
  if (n && runtime->file.is_open())
    runtime->file.count_lost(t_record ? t_record->index : 0, n);
}

/// A record and a window made here, outside any handler, where allocating
/// is safe (threads.h: handler_stream).
void prepare_handler_stream_locked(ThreadRecord &r) {
  Runtime &rt = *runtime;
  if (!program_handlers || r.is_handler_stream || r.handler_stream ||
      in_signal_handler())
    return;
  Window *w = rt.file.window(first_window_records);
  if (!w)
    return;
  ThreadRecord *s = rt.threads.attach();
  s->is_handler_stream = true;
  s->name = (r.name.empty() ? "thread " + std::to_string(r.index) : r.name) +
            " (signal handlers)";
  s->window = w;
  w->reset(s->index, 0);
  s->handler_state = {w->records, w->records + w->capacity,
                      reinterpret_cast<bs_event **>(&w->record->cur), 0, 0};
  rt.file.write_thread(s->index, s->os_tid, s->name, 0, false);
  r.handler_stream = s;
}

Recording current_recording() { return {__borrowscope_thread, t_record}; }

void set_recording(const Recording &r) {
  t_record = r.record;
  bs_thread_state &s = __borrowscope_thread;
  s.end = r.hot.end;
  s.commit = r.hot.commit;
  s.next_id = r.hot.next_id;
  __atomic_store_n(&s.cur, r.hot.cur, __ATOMIC_RELEASE);
}

ThreadRecord *handler_stream() {
  ThreadRecord *r = t_record;
  if (!runtime || t_busy || !r || r->is_handler_stream)
    return nullptr;
  ThreadRecord *s = r->handler_stream;
  return s && s->window ? s : nullptr;
}

void note_program_handler() {
  if (!runtime || t_busy || in_signal_handler())
    return;
  Busy busy;
  program_handlers = true;
  if (t_record)
    prepare_handler_stream_locked(*t_record);
}

void set_refills_to_sink(bool on) { t_refills_to_sink = on; }

void record_into_sink() { use_sink(); }

} // namespace borrowscope
