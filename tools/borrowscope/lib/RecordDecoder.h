// Records of a binary trace to Events, one thread's stream at a time:
// process-wide ids, timestamps from the clock records, static facts from the
// site catalog. The owner of a borrow recorded by address is left to the
// AddressResolver (BinaryTraceReader.cpp), which sees all threads in order.
#ifndef BORROWSCOPE_TOOL_RECORD_DECODER_H
#define BORROWSCOPE_TOOL_RECORD_DECODER_H

#include "Event.h"
#include "JumpTracker.h"
#include "SiteCatalog.h"
#include "borrowscope/abi.h"

#include <cstdint>
#include <string>
#include <vector>

namespace borrowscope {

/// Cycle counts to nanoseconds since the trace began, from the pairs of
/// (cycles, CLOCK_MONOTONIC) the trace records. Integer arithmetic only.
class TimeBase {
public:
  void start(uint64_t tsc, uint64_t ns);
  /// A later pair: the latest one spanning at least a millisecond wins.
  void calibrate(uint64_t tsc, uint64_t ns);
  uint64_t to_ns(uint64_t tsc) const;

private:
  uint64_t start_tsc_ = 0, start_ns_ = 0;
  uint64_t span_tsc_ = 0, span_ns_ = 0; ///< 0: no pair yet, count 1:1
};

/// Consecutive records of one thread, from one EVENTS block or a window.
struct Segment {
  uint64_t sequence = 0; ///< the thread's records before the first one
  uint32_t count = 0;
  const bs_event *records = nullptr;
  uint64_t start_tsc = 0; ///< 0: unknown
  uint64_t end_tsc = 0;   ///< 0: unknown (a window recovered after a crash)
};

/// What decoding knows of one thread across its segments.
struct ThreadState {
  uint32_t index = 0;
  uint32_t id_epoch = 0, last_created = 0;
  uint64_t last_ns = 0;
  uint64_t calls = 0;      ///< calls seen: ids of call groups
  uint64_t call_group = 0; ///< the call whose arguments come now
  uint64_t call_seen = 0;  ///< which of its argument sites came already
  uint64_t next_sequence = 0;
  uint64_t events = 0;
  uint64_t unknown_sites = 0;
  JumpTracker jumps;
};

/// Decodes one segment: call next() until it returns false.
class SegmentCursor {
public:
  SegmentCursor(const Segment &segment, ThreadState &thread,
                const SiteCatalog &sites, const TimeBase &time, bool exact);
  /// Fills \p e with the next event; false at the end of the segment.
  bool next(Event &e);

private:
  bool decode(const bs_event &r, Event &e);
  void jump(const bs_event &r);
  /// The next instance a longjmp abandoned, as a Drop at the jump.
  void abandon(Event &e);
  uint64_t timestamp();
  uint64_t flush_span(const bs_event &r, Event &e);
  uint64_t global(uint32_t local, bool created);

  struct Anchor {
    uint32_t pos;
    uint64_t tsc;
    bool group = false; ///< opens a group: its events share this time
  };
  const Segment &segment_;
  ThreadState &thread_;
  const SiteCatalog &sites_;
  const TimeBase &time_;
  bool exact_;
  std::vector<Anchor> anchors_;
  size_t anchor_ = 0; ///< anchors_[anchor_] is the last one at or before pos_
  uint32_t pos_ = 0;
  bool dynamic_ = false; ///< the New just decoded has its size next
  std::vector<JumpTracker::Instance> abandoned_; ///< Drops still to deliver
  const Site *jump_site_ = nullptr; ///< the longjmp's, or null (unknown)
  uint64_t jump_time_ = 0;
};

/// The process-wide id of a thread's local instance id: thread 1's are 1, 2,
/// ...; thread n adds (n - 1) << 40; each wrap of a thread's 32-bit ids adds
/// 1 << 32. Below 2^53, exact in JSON readers, for 8192 threads and 256 wraps.
inline uint64_t global_id(uint32_t thread_index, uint32_t epoch,
                          uint32_t local) {
  return (uint64_t(thread_index - 1) << 40) | (uint64_t(epoch & 0xff) << 32) |
         local;
}

} // namespace borrowscope

#endif
