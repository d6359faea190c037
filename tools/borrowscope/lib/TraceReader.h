// Readers of BorrowScope traces (docs/trace-format.md): the binary format
// the runtime writes (version 2) and JSON (version 1, and what `export
// --format json` writes). Both hand out one event at a time, so memory does
// not grow with the trace: a trace larger than memory can be read.
#ifndef BORROWSCOPE_TOOL_TRACE_READER_H
#define BORROWSCOPE_TOOL_TRACE_READER_H

#include "Event.h"

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace borrowscope {

/// Why a trace cannot be read, in one line without the file name
/// ("events[3]: unknown event type \"Foo\""). The tool prints it as
/// "borrowscope: FILE: MESSAGE" and exits with 2.
class TraceError : public std::runtime_error {
public:
  enum class Kind {
    Io,        ///< the file cannot be opened or read
    Syntax,    ///< not JSON
    Shape,     ///< JSON, but not a BorrowScope trace of a version we read
    Truncated, ///< the trace stops before its end (program killed, _exit)
  };
  TraceError(Kind kind, const std::string &message)
      : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

private:
  Kind kind_;
};

/// Receives what the reader finds, in file order.
class TraceSink {
public:
  virtual ~TraceSink() = default;
  /// Once, before the first event (or at the end if there are none).
  virtual void on_header(const TraceHeader &) {}
  virtual void on_event(const Event &) = 0;
  /// Once, after the last event.
  virtual void on_trailer(const TraceTrailer &) {}
};

struct ReadOptions {
  /// JSON: accept a trace that stops after some events (the program was
  /// killed): the complete events are delivered and the trailer says
  /// complete=false. Otherwise that is a TraceError of kind Truncated.
  /// Binary traces are always read up to their last complete block.
  bool allow_truncated = false;
};

/// How long reading a FIFO waits for a program to write to it.
inline constexpr int fifo_wait_ms = 10'000;

/// Limits that keep hostile input from using unbounded memory.
inline constexpr size_t max_trace_string = 1 << 20; ///< bytes per string
/// Timestamps are ns since the program started; 2^62 ns is 146 years. The
/// limit leaves room for differences and sums in int64 without overflow.
inline constexpr uint64_t max_trace_timestamp = uint64_t(1) << 62;

/// Incremental reader of JSON traces: feed() the bytes as they come, then
/// finish().
/// Errors are thrown as TraceError; after one, the reader is unusable.
class TraceReader {
public:
  explicit TraceReader(TraceSink &sink, ReadOptions options = {});
  ~TraceReader();
  TraceReader(const TraceReader &) = delete;
  TraceReader &operator=(const TraceReader &) = delete;

  void feed(std::string_view bytes);
  /// The input is complete: checks the trace ended and delivers the trailer.
  void finish();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Reads a trace file (binary or JSON; a regular file, a pipe or a FIFO).
void read_trace_file(const std::string &path, TraceSink &sink,
                     ReadOptions options = {});

/// Reads a trace held in memory (tests, the fuzzer).
void read_trace_buffer(std::string_view text, TraceSink &sink,
                       ReadOptions options = {});

} // namespace borrowscope

#endif
