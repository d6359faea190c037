// Records of a running program to Events (LiveDecoder.h).
#include "LiveDecoder.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <queue>

namespace borrowscope {

void LiveDecoder::start(const TraceHeader &header, uint64_t tsc, uint64_t ns) {
  header_ = header;
  time_.start(tsc, ns);
}

void LiveDecoder::add_module(std::string_view payload) {
  sites_.add_module(payload, "a module registered by the program");
  header_.variables_untraced = sites_.variables_untraced();
  header_.variables_total = sites_.variables_total();
}

void LiveDecoder::calibrate(uint64_t tsc, uint64_t ns) {
  time_.calibrate(tsc, ns);
}

void LiveDecoder::add_segment(uint32_t thread, const Segment &segment) {
  batch_.push_back({thread, segment});
}

namespace {

/// One thread's segments of a batch, in order (as ThreadCursor in
/// BinaryTraceReader.cpp).
struct Cursor {
  uint32_t thread = 0;
  ThreadState *state = nullptr;
  std::vector<Segment> segments;
  size_t next = 0;
  std::optional<SegmentCursor> cursor;
  Event event;

  bool advance(const SiteCatalog &sites, const TimeBase &time, bool exact) {
    for (;;) {
      if (cursor && cursor->next(event))
        return true;
      if (next >= segments.size())
        return false;
      cursor.emplace(segments[next++], *state, sites, time, exact);
    }
  }
};

} // namespace

void LiveDecoder::deliver_batch() {
  if (!header_sent_) {
    sink_.on_header(header_);
    header_sent_ = true;
  }
  // Per thread, segments in sequence order; what was delivered already or
  // never handed over is settled as order_segments does.
  std::sort(batch_.begin(), batch_.end(),
                   [](const auto &a, const auto &b) {
                     return std::make_pair(a.first, a.second.sequence) <
                            std::make_pair(b.first, b.second.sequence);
                   });
  std::vector<std::unique_ptr<Cursor>> cursors;
  for (auto &[thread, segment] : batch_) {
    ThreadState &state = threads_[thread];
    state.index = thread;
    Segment s = segment;
    if (s.sequence + s.count <= state.next_sequence)
      continue;
    if (s.sequence < state.next_sequence) {
      uint64_t skip = state.next_sequence - s.sequence;
      s.records += skip;
      s.count -= uint32_t(skip);
      s.sequence = state.next_sequence;
      s.start_tsc = 0;
    }
    if (s.sequence > state.next_sequence)
      lost_ += s.sequence - state.next_sequence;
    state.next_sequence = s.sequence + s.count;
    if (cursors.empty() || cursors.back()->thread != thread) {
      cursors.push_back(std::make_unique<Cursor>());
      cursors.back()->thread = thread;
      cursors.back()->state = &state;
    }
    cursors.back()->segments.push_back(s);
  }
  auto deliver = [&](Event &e) {
    resolver_.resolve(e);
    sink_.on_event(e);
    resolver_.done(e);
    ++delivered_;
  };
  if (cursors.size() == 1) { // one thread: nothing to merge
    Cursor &c = *cursors.front();
    while (c.advance(sites_, time_, header_.exact_clock))
      deliver(c.event);
    batch_.clear();
    return;
  }
  // Threads merged by time; ties by thread number.
  auto later = [&](size_t a, size_t b) {
    return std::make_pair(cursors[a]->event.timestamp, cursors[a]->thread) >
           std::make_pair(cursors[b]->event.timestamp, cursors[b]->thread);
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> ready(
      later);
  for (size_t i = 0; i < cursors.size(); ++i)
    if (cursors[i]->advance(sites_, time_, header_.exact_clock))
      ready.push(i);
  while (!ready.empty()) {
    size_t c = ready.top();
    ready.pop();
    deliver(cursors[c]->event);
    if (cursors[c]->advance(sites_, time_, header_.exact_clock))
      ready.push(c);
  }
  batch_.clear();
}

void LiveDecoder::finish(TraceTrailer trailer) {
  if (!header_sent_) {
    sink_.on_header(header_);
    header_sent_ = true;
  }
  uint64_t unknown = 0;
  for (auto &[index, state] : threads_)
    unknown += state.unknown_sites;
  trailer.event_count = delivered_;
  trailer.events_read = delivered_;
  trailer.lost_events = trailer.lost_events.value_or(0) + lost_ + unknown;
  sink_.on_trailer(trailer);
}

} // namespace borrowscope
