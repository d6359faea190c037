// Records handed over by a running program (check mode, runtime/
// check_mode.cpp) decoded into Events exactly as the binary trace reader
// decodes a trace: the same site catalog, segment decoder and address
// resolver (BinaryTraceReader.cpp), so that `borrowscope check` on a trace
// and the checker inside the program see the same events.
#ifndef BORROWSCOPE_TOOL_LIVE_DECODER_H
#define BORROWSCOPE_TOOL_LIVE_DECODER_H

#include "AddressResolver.h"
#include "RecordDecoder.h"
#include "SiteCatalog.h"
#include "TraceReader.h"

#include <map>
#include <string_view>
#include <vector>

namespace borrowscope {

class LiveDecoder {
public:
  explicit LiveDecoder(TraceSink &sink) : sink_(sink) {}

  /// The trace's start (its file header): the clock's first reading.
  void start(const TraceHeader &header, uint64_t tsc, uint64_t ns);
  /// A MODULE block's payload (SiteRegistry::module_block); throws
  /// TraceError when malformed.
  void add_module(std::string_view payload);
  /// A (cycles, ns) pair, as every block header carries one.
  void calibrate(uint64_t tsc, uint64_t ns);
  /// One thread's records, cut at the same moment as the others of a batch.
  /// The records must stay valid until deliver_batch().
  void add_segment(uint32_t thread, const Segment &segment);
  /// Decodes the segments added since the last batch and delivers their
  /// events, threads merged by time as read_binary_trace merges them.
  void deliver_batch();
  /// After the last batch: the sink's trailer (threads, counts).
  void finish(TraceTrailer trailer);

  const SiteCatalog &sites() const { return sites_; }
  uint64_t delivered() const { return delivered_; }

private:
  TraceSink &sink_;
  TraceHeader header_;
  SiteCatalog sites_;
  TimeBase time_;
  EventResolver resolver_;
  std::map<uint32_t, ThreadState> threads_;
  std::vector<std::pair<uint32_t, Segment>> batch_;
  uint64_t delivered_ = 0, lost_ = 0;
  bool header_sent_ = false;
};

} // namespace borrowscope

#endif
