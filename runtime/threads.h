// The threads that record events, with their windows.
#ifndef BORROWSCOPE_RUNTIME_THREADS_H
#define BORROWSCOPE_RUNTIME_THREADS_H

#include "trace_file.h"
#include "borrowscope/abi.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace borrowscope {

/// One thread as the runtime knows it. Its hot path writes into `window`;
/// `sequence` counts the records of this thread before the window's first.
struct ThreadRecord {
  uint32_t index = 0; ///< 1, 2, ... in order of first event
  uint64_t os_tid = 0;
  std::string name;
  Window *window = nullptr; ///< null while the thread has none
  uint64_t sequence = 0;
  uint32_t flushed = 0; ///< records of the window already written
  bool exited = false;
  /// The stream the thread's signal handlers record into (handlers.cpp),
  /// made outside any handler; null until the program installs a handler.
  ThreadRecord *handler_stream = nullptr;
  /// This record is such a stream: its hot-path state while no handler
  /// runs, and its window never grows (growing allocates).
  bool is_handler_stream = false;
  bs_thread_state handler_state = {};
};

/// Not thread-safe; the runtime calls it under its lock.
class ThreadRegistry {
public:
  /// A record for the calling thread (its number, kernel id and name).
  ThreadRecord *attach();
  /// After fork: only the calling thread exists in the child.
  void keep_only(ThreadRecord *survivor);
  const std::vector<std::unique_ptr<ThreadRecord>> &all() const {
    return records_;
  }

private:
  std::vector<std::unique_ptr<ThreadRecord>> records_;
};

/// The calling thread's kernel thread id.
uint64_t current_os_tid();
/// The kernel's name for a thread of this process ("" if unknown).
std::string thread_name(uint64_t os_tid);
/// The calling thread's stack, [lo, hi); false if unknown.
bool current_stack(uint64_t &lo, uint64_t &hi);

} // namespace borrowscope

#endif
