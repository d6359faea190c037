// Per-thread event buffers, and the list of threads for the trace.
#ifndef BORROWSCOPE_RUNTIME_THREADS_H
#define BORROWSCOPE_RUNTIME_THREADS_H

#include "borrowscope/abi.h"
#include "trace_writer.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace borrowscope {

/// One thread's buffer and what the writer needs to know of it. The hot path
/// appends at state->cur; records in [flushed, state->cur) are not written yet.
struct ThreadRecord {
  ThreadTrace trace;
  bs_event *buffer = nullptr;
  uint32_t capacity = 0;
  bs_event *flushed = nullptr;
  bs_thread_state *state = nullptr; ///< the thread's TLS; null once it exited
};

/// Not thread-safe; the runtime calls it under its lock.
class ThreadRegistry {
public:
  ~ThreadRegistry();
  /// A record for the calling thread, with a fresh buffer; or nullptr when no
  /// memory is left.
  ThreadRecord *attach(uint32_t capacity);
  /// Gives the calling thread a buffer again after it was detached (thread
  /// exit destructors can still produce events).
  bool reattach(ThreadRecord &record);
  /// The thread exited: frees its buffer.
  void detach(ThreadRecord &record);
  /// After fork: only the calling thread exists in the child.
  void keep_only(ThreadRecord *survivor);

  std::vector<ThreadRecord *> live() const;
  std::vector<ThreadTrace> traces() const;

private:
  std::vector<std::unique_ptr<ThreadRecord>> records_;
};

/// The calling thread's kernel thread id.
uint64_t current_os_tid();
/// The kernel's name for a thread of this process ("" if unknown).
std::string thread_name(uint64_t os_tid);

} // namespace borrowscope

#endif
