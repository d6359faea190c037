// Reader of binary traces (BinaryTraceReader.h). Three steps: blocks into
// an index (sites, threads, each thread's segments), segments into each
// thread's events (RecordDecoder.h), threads merged by time with owners
// resolved by address as the events go by (AddressResolver.h).
#include "BinaryTraceReader.h"
#include "AddressResolver.h"
#include "RecordDecoder.h"
#include "SiteCatalog.h"
#include "borrowscope/trace_format.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <queue>
#include <unistd.h>

namespace borrowscope {

namespace {

[[noreturn]] void corrupt(const std::string &message) {
  throw TraceError(TraceError::Kind::Shape, message);
}

std::string at(uint64_t offset) {
  return "the block at byte " + std::to_string(offset);
}

struct ThreadData {
  ThreadState state;
  ThreadInfo info;
  bool listed = false;
  std::vector<Segment> segments;
};

/// What the blocks say, as they are read.
struct Index {
  TraceHeader header;
  SiteCatalog sites;
  TimeBase time;
  std::map<uint32_t, ThreadData> threads;
  bool ended = false;
  ProcessEnd end = ProcessEnd::Unknown;
  int64_t end_status = 0;
  uint64_t lost = 0;      ///< records the writer could not write
  uint64_t recovered = 0; ///< records found only in windows (no END)
  std::string cut;        ///< why reading stopped early, if it did

  ThreadData &thread(uint32_t index) {
    ThreadData &t = threads[index];
    t.state.index = index;
    t.info.id = index;
    return t;
  }
};

/// The file header, validated.
void read_file_header(std::string_view bytes, Index &index) {
  if (bytes.size() < sizeof(bs_file_header))
    throw TraceError(TraceError::Kind::Truncated,
                     "cut short inside its header (" +
                         std::to_string(bytes.size()) + " bytes)");
  bs_file_header h;
  std::memcpy(&h, bytes.data(), sizeof h);
  if (std::memcmp(h.magic, BS_TRACE_MAGIC, sizeof h.magic) != 0)
    corrupt("not a BorrowScope trace");
  if (h.byte_order != BS_TRACE_BYTE_ORDER)
    corrupt("written on a machine of the other byte order, which this "
            "borrowscope does not read");
  if (h.version != BS_TRACE_VERSION)
    corrupt("trace format version " + std::to_string(h.version) +
            " is not supported (this borrowscope reads versions 1 and 2)");
  if (h.header_size != sizeof h || h.block_header_size != sizeof(bs_block_header) ||
      h.record_size != sizeof(bs_event))
    corrupt("a header whose sizes this borrowscope does not know");
  index.header.version = 2;
  index.header.pid = h.pid;
  index.header.timestamp_unit = "ns";
  index.header.exact_clock = h.flags & BS_TRACE_FLAG_CLOCK_EXACT;
  index.time.start(h.start_tsc, h.start_ns);
}

template <typename T> T payload_as(std::string_view payload, uint64_t offset) {
  T value;
  if (payload.size() < sizeof value)
    corrupt(at(offset) + " is shorter than its contents");
  std::memcpy(&value, payload.data(), sizeof value);
  return value;
}

/// One complete block. \p keep_records: the records stay where they are
/// (a mapped file) and are decoded later; else \p on_segment decodes them
/// now.
template <typename OnSegment>
void read_block(const bs_block_header &h, std::string_view payload,
                uint64_t offset, Index &index, OnSegment on_segment) {
  if (h.type != BS_BLOCK_WINDOW && h.type != BS_BLOCK_PAD)
    index.time.calibrate(h.end_tsc, h.ns);
  switch (h.type) {
  case BS_BLOCK_PROCESS:
    index.header.program = std::string(payload);
    break;
  case BS_BLOCK_MODULE:
    index.sites.add_module(payload, at(offset));
    index.header.variables_untraced = index.sites.variables_untraced();
    index.header.variables_total = index.sites.variables_total();
    break;
  case BS_BLOCK_THREAD: {
    auto r = payload_as<bs_thread_record>(payload, offset);
    if (h.thread == 0 || sizeof r + r.name_size > payload.size())
      corrupt(at(offset) + " is a malformed thread record");
    ThreadData &t = index.thread(h.thread);
    t.listed = true;
    t.info.os_tid = r.os_tid;
    t.info.events = r.records;
    t.info.name = std::string(payload.substr(sizeof r, r.name_size));
    break;
  }
  case BS_BLOCK_EVENTS: {
    if (h.thread == 0 || payload.size() % sizeof(bs_event) != 0)
      corrupt(at(offset) + " is a malformed event block");
    Segment s;
    s.sequence = h.sequence;
    s.count = uint32_t(payload.size() / sizeof(bs_event));
    s.records = reinterpret_cast<const bs_event *>(payload.data());
    s.start_tsc = h.tsc;
    s.end_tsc = h.end_tsc;
    on_segment(index.thread(h.thread), s);
    break;
  }
  case BS_BLOCK_WINDOW: {
    auto w = payload_as<bs_window_record>(payload, offset);
    size_t first = 128 - sizeof(bs_block_header); // window_records_offset
    if (!w.active || h.thread == 0)
      break;
    uint64_t committed = (w.cur - w.base) / sizeof(bs_event);
    if (w.cur < w.base || committed > w.capacity ||
        first + committed * sizeof(bs_event) > payload.size())
      corrupt(at(offset) + " is a window whose records are out of range");
    Segment s;
    s.sequence = h.sequence;
    s.count = uint32_t(committed);
    s.records = reinterpret_cast<const bs_event *>(payload.data() + first);
    s.start_tsc = h.tsc;
    on_segment(index.thread(h.thread), s);
    break;
  }
  case BS_BLOCK_END: {
    auto r = payload_as<bs_end_record>(payload, offset);
    index.ended = true;
    index.end = r.reason == BS_END_EXIT     ? ProcessEnd::Exit
                : r.reason == BS_END_SIGNAL ? ProcessEnd::Signal
                : r.reason == BS_END_EXEC   ? ProcessEnd::Exec
                : r.reason == BS_END_ABORT  ? ProcessEnd::Abort
                                            : ProcessEnd::Unknown;
    index.end_status = r.status;
    break;
  }
  case BS_BLOCK_LOST:
    index.lost += payload_as<bs_lost_record>(payload, offset).records;
    break;
  default:
    break; // padding, or a block type of a newer writer: skipped
  }
}

/// Reads the blocks of a whole trace in memory.
template <typename OnSegment>
void read_blocks(std::string_view bytes, Index &index, OnSegment on_segment) {
  uint64_t offset = sizeof(bs_file_header);
  while (offset < bytes.size()) {
    uint64_t left = bytes.size() - offset;
    bs_block_header h{};
    if (left < sizeof h) {
      index.cut = "the last " + std::to_string(left) +
                  " bytes are an incomplete block header";
      return;
    }
    std::memcpy(&h, bytes.data() + offset, sizeof h);
    if (h.magic == 0 && h.type == 0 && h.size == 0) {
      // A window being set up when the process died: zeros to the end.
      index.cut = "it ends in " + std::to_string(left) + " bytes of zeros";
      return;
    }
    if (h.magic != BS_BLOCK_MAGIC)
      corrupt(at(offset) + " has no block marker");
    if (h.size > left - sizeof h) {
      index.cut = "the last block (at byte " + std::to_string(offset) +
                  ") is cut short: " +
                  std::to_string(h.size - (left - sizeof h)) +
                  " of its bytes are missing";
      return;
    }
    read_block(h, bytes.substr(offset + sizeof h, h.size), offset, index,
               on_segment);
    offset += sizeof h + h.size;
  }
}

/// Resolves owners and holders by address, numbers the events and borrows,
/// and hands them to the sink.
class Deliverer {
public:
  explicit Deliverer(TraceSink &sink) : sink_(sink) {}
  void deliver(Event &e) {
    resolver_.resolve(e);
    sink_.on_event(e);
    resolver_.done(e);
    ++delivered_;
  }
  uint64_t delivered() const { return delivered_; }

private:
  TraceSink &sink_;
  EventResolver resolver_;
  uint64_t delivered_ = 0;
};

/// Each thread's segments in order, overlaps (a window written in parts,
/// a window recovered after its records were written) and gaps settled.
void order_segments(ThreadData &t, uint64_t &lost) {
  // Longer first among equal starts: the rest of them is then skipped.
  // Among equal ones, a written block (it has its end time) before the
  // window it was copied from: its events get their times.
  std::sort(t.segments.begin(), t.segments.end(),
            [](const Segment &a, const Segment &b) {
              if (a.sequence != b.sequence)
                return a.sequence < b.sequence;
              if (a.count != b.count)
                return a.count > b.count;
              return (a.end_tsc != 0) > (b.end_tsc != 0);
            });
  std::vector<Segment> ordered;
  uint64_t expected = 0;
  for (Segment s : t.segments) {
    if (s.sequence + s.count <= expected)
      continue; // already read
    if (s.sequence < expected) {
      uint64_t skip = expected - s.sequence;
      s.records += skip;
      s.count -= uint32_t(skip);
      s.sequence = expected;
      s.start_tsc = 0;
    }
    if (s.sequence > expected)
      lost += s.sequence - expected; // records never written
    expected = s.sequence + s.count;
    ordered.push_back(s);
  }
  t.segments = std::move(ordered);
}

/// One thread's events, segment after segment.
class ThreadCursor {
public:
  ThreadCursor(ThreadData &t, const Index &index)
      : t_(t), index_(index) {}
  /// The next event into current(); false when the thread has no more.
  bool advance() {
    for (;;) {
      if (cursor_ && cursor_->next(event_))
        return true;
      if (next_segment_ >= t_.segments.size())
        return false;
      cursor_.emplace(t_.segments[next_segment_++], t_.state, index_.sites,
                      index_.time, index_.header.exact_clock);
    }
  }
  Event &current() { return event_; }
  uint32_t thread() const { return t_.state.index; }

private:
  ThreadData &t_;
  const Index &index_;
  size_t next_segment_ = 0;
  std::optional<SegmentCursor> cursor_;
  Event event_;
};

TraceTrailer make_trailer(Index &index, uint64_t delivered) {
  TraceTrailer trailer;
  uint64_t unknown = 0;
  for (auto &[number, t] : index.threads) {
    ThreadInfo info = t.info;
    info.id = number;
    info.events = t.state.events;
    unknown += t.state.unknown_sites;
    trailer.threads.push_back(std::move(info));
  }
  trailer.event_count = delivered;
  trailer.lost_events = index.lost + unknown;
  trailer.events_read = delivered;
  trailer.end = index.end;
  trailer.end_status = index.end_status;
  trailer.complete = index.ended && index.cut.empty();
  if (!index.cut.empty())
    trailer.missing = "the trace is cut short: " + index.cut;
  else if (!index.ended)
    trailer.missing = "the trace has no end: the process was killed, or is "
                      "still running";
  if (!trailer.complete && index.recovered)
    trailer.missing += " (" + std::to_string(index.recovered) +
                       " records recovered from its thread windows)";
  return trailer;
}

} // namespace

bool is_binary_trace(std::string_view head) {
  return head.size() >= 8 &&
         std::memcmp(head.data(), BS_TRACE_MAGIC, 8) == 0;
}

void read_binary_trace(std::string_view bytes, TraceSink &sink) {
  Index index;
  read_file_header(bytes, index);
  read_blocks(bytes, index, [&](ThreadData &t, const Segment &s) {
    t.segments.push_back(s);
  });
  for (auto &[number, t] : index.threads) {
    order_segments(t, index.lost);
    if (!index.ended)
      for (const Segment &s : t.segments)
        if (!s.end_tsc)
          index.recovered += s.count;
  }
  sink.on_header(index.header);

  // Threads merged by time; ties by thread number, each thread in order.
  std::vector<std::unique_ptr<ThreadCursor>> cursors;
  auto later = [&](size_t a, size_t b) {
    const Event &x = cursors[a]->current(), &y = cursors[b]->current();
    return std::make_pair(x.timestamp, cursors[a]->thread()) >
           std::make_pair(y.timestamp, cursors[b]->thread());
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> ready(later);
  for (auto &[number, t] : index.threads) {
    cursors.push_back(std::make_unique<ThreadCursor>(t, index));
    if (cursors.back()->advance())
      ready.push(cursors.size() - 1);
  }
  Deliverer out(sink);
  while (!ready.empty()) {
    size_t c = ready.top();
    ready.pop();
    out.deliver(cursors[c]->current());
    if (cursors[c]->advance())
      ready.push(c);
  }
  sink.on_trailer(make_trailer(index, out.delivered()));
}

void read_binary_trace_stream(int fd, std::string_view head, TraceSink &sink) {
  std::string buffer(head);
  auto fill = [&](size_t want) {
    while (buffer.size() < want) {
      char chunk[1 << 16];
      ssize_t n = ::read(fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        throw TraceError(TraceError::Kind::Io,
                         std::string("read error: ") + std::strerror(errno));
      if (n == 0)
        return false;
      buffer.append(chunk, size_t(n));
    }
    return true;
  };
  Index index;
  fill(sizeof(bs_file_header));
  read_file_header(buffer, index);
  buffer.erase(0, sizeof(bs_file_header));
  bool header_sent = false;
  Deliverer out(sink);
  uint64_t offset = sizeof(bs_file_header);
  for (;;) {
    if (!fill(sizeof(bs_block_header))) {
      if (!buffer.empty())
        index.cut = "the last " + std::to_string(buffer.size()) +
                    " bytes are an incomplete block header";
      break;
    }
    bs_block_header h;
    std::memcpy(&h, buffer.data(), sizeof h);
    if (h.magic != BS_BLOCK_MAGIC)
      corrupt(at(offset) + " has no block marker");
    if (!fill(sizeof h + h.size)) {
      index.cut = "the last block (at byte " + std::to_string(offset) +
                  ") is cut short";
      break;
    }
    std::string_view payload(buffer.data() + sizeof h, h.size);
    read_block(h, payload, offset, index, [&](ThreadData &t, Segment s) {
      if (!header_sent) {
        sink.on_header(index.header);
        header_sent = true;
      }
      if (s.sequence + s.count <= t.state.next_sequence)
        return; // nothing new
      if (s.sequence > t.state.next_sequence)
        index.lost += s.sequence - t.state.next_sequence; // never written
      t.state.next_sequence = s.sequence + s.count;
      SegmentCursor cursor(s, t.state, index.sites, index.time,
                           index.header.exact_clock);
      Event e;
      while (cursor.next(e))
        out.deliver(e);
    });
    buffer.erase(0, sizeof h + h.size);
    offset += sizeof h + h.size;
  }
  if (!header_sent)
    sink.on_header(index.header);
  sink.on_trailer(make_trailer(index, out.delivered()));
}

} // namespace borrowscope
