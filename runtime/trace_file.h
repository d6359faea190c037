// The trace file (include/borrowscope/trace_format.h): header, blocks, and
// the thread windows the hot path writes into.
#ifndef BORROWSCOPE_RUNTIME_TRACE_FILE_H
#define BORROWSCOPE_RUNTIME_TRACE_FILE_H

#include "borrowscope/abi.h"
#include "borrowscope/trace_format.h"

#include <cstdint>
#include <sys/uio.h>
#include <string>
#include <vector>

namespace borrowscope {

/// A window: where one thread's hot path writes its records. In a regular
/// file it is a WINDOW block of the trace itself, mapped shared, so that what
/// the program recorded survives SIGKILL and the OOM killer (the kernel keeps
/// the pages); elsewhere (a pipe, /dev/null, tracing off) it is anonymous
/// memory with the same layout.
struct Window {
  bs_block_header *header = nullptr; ///< the WINDOW block's header
  bs_window_record *record = nullptr;
  bs_event *records = nullptr;       ///< capacity slots
  uint32_t capacity = 0;
  uint64_t offset = 0;  ///< of the block in the file; 0 when anonymous
  size_t mapped = 0;    ///< bytes mapped at `header`
  bool in_file = false; ///< a mapping of the trace (else anonymous)

  /// Records committed so far (the hot path publishes record->cur).
  uint32_t committed() const;
  /// Empties the window for records from `sequence` on, clocked now.
  void reset(uint32_t thread, uint64_t sequence);
};

/// Where the records in a window begin, from the start of its block.
inline constexpr size_t window_records_offset = 128;

/// True when \p path is a BorrowScope trace written by process \p pid.
bool is_trace_of(const std::string &path, uint64_t pid);

/// Writes the trace. Not thread-safe; the runtime calls it under its lock.
/// Blocks are appended in the order written; every write either completes a
/// block or leaves none (the stream stays readable).
class TraceFile {
public:
  ~TraceFile();

  /// Creates \p path and writes the header and the process block. A FIFO
  /// gets up to open_wait_ms for a reader to appear. On failure one line
  /// says why; records are then counted as lost.
  bool open(const std::string &path, const std::string &program, long pid,
            uint32_t flags);
  bool is_open() const { return fd_ >= 0; }
  /// Still takes records (open, and no pipe stopped reading).
  bool writing() const { return fd_ >= 0 && !stalled_; }
  /// A regular file: what was written can be read back.
  bool rereadable() const { return fd_ >= 0 && regular_; }
  /// True when \p path names the file being written.
  bool same_file(const std::string &path) const;
  const std::string &path() const { return path_; }

  /// A window of \p capacity records, mapped from the file when it is a
  /// regular file, else anonymous. Reuses a retired one when it fits.
  Window *window(uint32_t capacity);
  /// Writes records [first, first + count) of \p w as an EVENTS block of
  /// \p thread, placed at \p sequence; false (and the records counted lost)
  /// if they could not be written.
  bool write_events(const Window &w, uint32_t thread, uint64_t sequence,
                    uint32_t first, uint32_t count);
  /// The window is not needed any more (its thread ended); it may be reused.
  void retire(Window *w);

  bool write_module(const std::string &payload);
  bool write_thread(uint32_t thread, uint64_t os_tid, const std::string &name,
                    uint64_t records, bool exited);
  bool write_end(uint32_t reason, int32_t status, uint64_t records,
                 uint64_t lost);
  /// Records of \p thread that could not be written (counted, and said once
  /// in a LOST block when possible).
  void count_lost(uint32_t thread, uint64_t records);
  uint64_t lost() const { return lost_; }
  uint64_t records_written() const { return written_; }

  /// Gives the disk space of every window back (after the END block: what
  /// they held is written). The file keeps its length, with holes.
  void release_windows();
  /// Closes the file (after the END block).
  void close();
  /// The child after fork: forgets the parent's file and windows without
  /// writing anything.
  void abandon();

  /// How long a FIFO may take to get a reader; how long a pipe may take to
  /// make room for one block, and for all blocks together over the run
  /// (then blocks that do not fit at once are dropped and counted lost); how
  /// long a block once started may wait (then nothing more is written).
  /// The program waits at most open_wait_ms + wait_budget_ms + stall_ms in
  /// all (docs/usage.md).
  static constexpr int open_wait_ms = 1000;
  static constexpr int block_wait_ms = 100;
  static constexpr int wait_budget_ms = 1000;
  static constexpr int stall_ms = 1000;
  /// The trace's descriptor is moved to this number or above.
  static constexpr int high_fd = 500;

private:
  /// A block header of \p type, stamped now.
  static bs_block_header header(uint16_t type, uint32_t thread,
                                uint64_t sequence, size_t size);
  /// Appends \p h and its payload (up to two parts) as one block.
  bool append(const bs_block_header &h, const void *payload, size_t size,
              const void *payload2 = nullptr, size_t size2 = 0);
  bool write_stream(const struct iovec *parts, int count);
  bool map_window(Window &w, uint32_t capacity);
  bool anonymous_window(Window &w, uint32_t capacity);
  void fail(const std::string &what);

  int fd_ = -1;
  bool regular_ = false; ///< a regular file: pwrite at offsets, windows mapped
  bool stalled_ = false; ///< a pipe stopped taking data mid-block: no more
  uint64_t waited_ns_ = 0; ///< spent waiting for room in a pipe
  std::string path_;
  uint64_t end_ = 0; ///< where the next block goes (regular files)
  uint64_t written_ = 0, lost_ = 0;
  std::vector<Window *> windows_, spare_;
};

} // namespace borrowscope

#endif
