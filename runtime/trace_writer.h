// Turns event records into the JSON trace (docs/trace-format.md).
#ifndef BORROWSCOPE_RUNTIME_TRACE_WRITER_H
#define BORROWSCOPE_RUNTIME_TRACE_WRITER_H

#include "borrowscope/abi.h"
#include "clock.h"
#include "site_registry.h"

#include <cstdint>
#include <string>
#include <vector>

namespace borrowscope {

/// What the writer knows of one thread.
struct ThreadTrace {
  uint32_t index = 0; ///< 1, 2, ... in order of first event
  uint64_t os_tid = 0;
  std::string name;
  uint32_t clock_high = 0; ///< decoding state: high half of the clock
  uint64_t events = 0;
  /// Decoding state of instance ids, which the hot path keeps in 32 bits:
  /// how often they wrapped, and the last one created.
  uint32_t id_epoch = 0;
  uint32_t last_created = 0;
};

/// Streams the trace to a file: header when opened, events as buffers fill,
/// trailer (thread list, counts) at the end. Memory use does not grow with
/// the number of events. Static facts are serialized once per site with
/// Boost.JSON and reused; per event only numbers are formatted.
/// Not thread-safe; the runtime calls it under its lock.
class TraceWriter {
public:
  TraceWriter(const SiteRegistry &sites, Clock &clock)
      : sites_(sites), clock_(clock) {}
  ~TraceWriter();

  /// Creates \p path and writes the header. On failure reports one line and
  /// returns false; events are then counted as lost.
  bool open(const std::string &path, const std::string &program, long pid);
  bool is_open() const { return fd_ >= 0; }
  const std::string &path() const { return path_; }

  /// Appends the records [begin, end) of one thread.
  void append(ThreadTrace &thread, const bs_event *begin, const bs_event *end);
  /// Counts records that could not be written.
  void count_lost(uint64_t n) { lost_ += n; }

  /// Writes the trailer and closes the file.
  bool finish(const std::vector<ThreadTrace> &threads);
  /// Writes a complete copy of the trace so far to \p path; recording goes on.
  bool snapshot(const std::string &path,
                const std::vector<ThreadTrace> &threads);
  /// Closes the file without writing anything (the child after fork).
  void abandon();

  uint64_t events_written() const { return written_; }
  uint64_t events_lost() const { return lost_; }

  /// Appends one event as a JSON object (no separator). \p ext is the
  /// extension record of a wide event. Exposed for tests.
  bool format_event(std::string &out, ThreadTrace &thread, const bs_event &e,
                    const bs_event_ext *ext = nullptr);

private:
  const std::string *fragment(uint32_t site, const bs_site &s);
  std::string trailer(const std::vector<ThreadTrace> &threads) const;
  bool flush_buffer();
  void fail(const std::string &what);

  const SiteRegistry &sites_;
  Clock &clock_;
  int fd_ = -1;
  std::string path_;
  std::string out_;
  uint64_t bytes_ = 0; ///< bytes written to fd_ so far
  uint64_t written_ = 0;
  uint64_t lost_ = 0;
  uint64_t borrows_ = 0; ///< Borrow events written: their ids are 1, 2, ...
  std::vector<std::string> fragments_; ///< per site number, "" = not built
};

/// The process-wide id of a thread's instance id: thread 1's are 1, 2, ...;
/// thread n adds (n - 1) << 40; each time a thread's 32-bit ids wrap, 1 << 32
/// is added. Ids stay below 2^53, exact in JSON readers, for 8192 threads
/// and 256 wraps (10^12 instances) per thread.
inline uint64_t global_id(uint32_t thread_index, uint32_t epoch,
                          uint32_t local) {
  return (uint64_t(thread_index - 1) << 40) | (uint64_t(epoch & 0xff) << 32) |
         local;
}

/// The process-wide id of local id \p local of \p thread; \p created when
/// the event creates the instance. An id greater than the last one created
/// is from before the last wrap.
uint64_t instance_id(ThreadTrace &thread, uint32_t local, bool created);

/// \p s with invalid UTF-8 replaced by U+FFFD: JSON must be UTF-8, file and
/// type names need not be.
std::string valid_utf8(const char *s);

} // namespace borrowscope

#endif
