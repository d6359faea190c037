// Reader of binary traces (version 2, include/borrowscope/trace_format.h).
#ifndef BORROWSCOPE_TOOL_BINARY_TRACE_READER_H
#define BORROWSCOPE_TOOL_BINARY_TRACE_READER_H

#include "TraceReader.h"

#include <string_view>

namespace borrowscope {

/// True when \p head (the first bytes of a file) starts a binary trace.
bool is_binary_trace(std::string_view head);

/// A whole trace in memory (a file mapped, a test's buffer): blocks are
/// indexed first, then every thread's events are delivered merged by time,
/// with owners resolved by address. A trace cut short is read up to its last
/// complete block (trailer.complete false, trailer.missing says why); the
/// windows of a killed process are recovered. Corruption is a TraceError.
void read_binary_trace(std::string_view bytes, TraceSink &sink);

/// A trace arriving on a pipe or FIFO: blocks are delivered as they come
/// (threads interleave a block at a time).
void read_binary_trace_stream(int fd, std::string_view head, TraceSink &sink);

} // namespace borrowscope

#endif
