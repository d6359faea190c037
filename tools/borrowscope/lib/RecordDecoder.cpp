// Records of a binary trace to Events (RecordDecoder.h).
#include "RecordDecoder.h"

#include <algorithm>

namespace borrowscope {

namespace {

/// e = Event{}, field by field: building a fresh Event and copying it (a
/// memcpy of 352 bytes, or stores the next loads stall on) was a tenth of
/// check mode's time per record. A new field of Event must be reset here.
void reset(Event &e) {
  static_assert(sizeof(Event) == 352, "a new field of Event: reset it here");
  e.type = EventType::New;
  e.index = e.timestamp = e.thread = e.site = e.var_id = e.borrow_id = 0;
  e.call = e.from_id = 0;
  e.location = e.function = e.var_name = e.type_name = {};
  e.owner_name = e.borrower_name = e.through = e.from_name = e.to_name = {};
  e.unwind = e.abandoned = e.reborrow = e.dead = e.lexical = e.kept = false;
  e.contents = e.into_call = false;
  e.size.reset();
  e.owner_id.reset();
  e.borrower_id.reset();
  e.destination.reset();
  e.address.reset();
  e.to_id.reset();
  e.borrower_kind = BorrowerKind::Unknown;
  e.mutability = Mutability::Unknown;
  e.address_bits = 64;
}

uint64_t join(uint32_t lo, uint32_t hi) { return uint64_t(lo) | uint64_t(hi) << 32; }

/// pack(x, y) of abi.h, undone.
void unpack(const bs_event &r, uint64_t &x, uint64_t &y) {
  x = uint64_t(r.a) | uint64_t(r.b & 0xffff) << 32;
  y = uint64_t(r.b >> 16) | uint64_t(r.c) << 16;
}

} // namespace

void TimeBase::start(uint64_t tsc, uint64_t ns) {
  start_tsc_ = tsc;
  start_ns_ = ns;
}

void TimeBase::calibrate(uint64_t tsc, uint64_t ns) {
  if (tsc <= start_tsc_ || ns <= start_ns_)
    return;
  uint64_t span_tsc = tsc - start_tsc_, span_ns = ns - start_ns_;
  // A longer span measures the rate better; spans under a millisecond only
  // serve until a longer one comes.
  if (span_ns >= span_ns_ || span_ns_ < 1'000'000) {
    span_tsc_ = span_tsc;
    span_ns_ = span_ns;
  }
}

uint64_t TimeBase::to_ns(uint64_t tsc) const {
  if (tsc <= start_tsc_)
    return 0;
  uint64_t d = tsc - start_tsc_;
  if (span_tsc_ == 0)
    return d; // a counter that does not advance, or no pair yet: 1:1
  // The same quotient in 64 bits while the product fits (cheaper).
  if (uint64_t product; !__builtin_mul_overflow(d, span_ns_, &product))
    return product / span_tsc_;
  return uint64_t((unsigned __int128)d * span_ns_ / span_tsc_);
}

SegmentCursor::SegmentCursor(const Segment &segment, ThreadState &thread,
                             const SiteCatalog &sites, const TimeBase &time,
                             bool exact)
    : segment_(segment), thread_(thread), sites_(sites), time_(time),
      exact_(exact) {
  if (segment.start_tsc)
    anchors_.push_back({0, segment.start_tsc});
  for (uint32_t i = 0; i < segment.count; ++i)
    if (segment.records[i].site == BS_SITE_CLOCK)
      anchors_.push_back({i, join(segment.records[i].b, segment.records[i].c),
                          segment.records[i].a == BS_CLOCK_GROUP});
  if (segment.end_tsc)
    anchors_.push_back({segment.count, segment.end_tsc});
}

uint64_t SegmentCursor::timestamp() {
  if (anchors_.empty())
    return thread_.last_ns;
  while (anchor_ + 1 < anchors_.size() && anchors_[anchor_ + 1].pos <= pos_)
    ++anchor_;
  const Anchor &a = anchors_[anchor_];
  uint64_t tsc = a.tsc;
  if (a.pos > pos_) {
    tsc = a.tsc; // before the first anchor: as early as it can be
  } else if (!exact_ && !a.group && anchor_ + 1 < anchors_.size()) {
    // Between two readings: spread evenly by position.
    const Anchor &b = anchors_[anchor_ + 1];
    if (b.tsc > a.tsc && b.pos > a.pos) {
      uint64_t span = b.tsc - a.tsc, at = pos_ - a.pos, of = b.pos - a.pos;
      // Positions are 32-bit: a span under 2^32 cycles needs no 128 bits.
      tsc = a.tsc + (span <= UINT32_MAX
                         ? span * at / of
                         : uint64_t((unsigned __int128)span * at / of));
    }
  }
  uint64_t ns = std::max(time_.to_ns(tsc), thread_.last_ns);
  thread_.last_ns = ns;
  return ns;
}

uint64_t SegmentCursor::global(uint32_t local, bool created) {
  ThreadState &t = thread_;
  if (created) {
    if (local < t.last_created && t.last_created - local > 0x80000000u)
      ++t.id_epoch; // the counter wrapped
    t.last_created = local;
    return global_id(t.index, t.id_epoch, local);
  }
  uint32_t epoch = t.id_epoch;
  if (local > t.last_created && epoch > 0)
    --epoch; // from before the last wrap
  return global_id(t.index, epoch, local);
}

bool SegmentCursor::next(Event &e) {
  if (!abandoned_.empty()) {
    abandon(e);
    ++thread_.events;
    return true;
  }
  while (pos_ < segment_.count) {
    const bs_event &r = segment_.records[pos_];
    if (r.site == BS_SITE_SETJMP || r.site == BS_SITE_LONGJMP) {
      jump(r);
      ++pos_;
      if (abandoned_.empty())
        continue;
      abandon(e);
      ++thread_.events;
      return true;
    }
    bool event = decode(r, e);
    if (event)
      e.timestamp = e.type == EventType::Flush ? flush_span(r, e) : timestamp();
    ++pos_;
    if (event && dynamic_ && pos_ < segment_.count &&
        segment_.records[pos_].site == BS_SITE_EXT) {
      e.size = join(segment_.records[pos_].b, segment_.records[pos_].c);
      ++pos_; // a VLA's size
    }
    if (event) {
      if (e.type == EventType::New)
        thread_.jumps.created(e.var_id, uint32_t(e.site));
      else if (e.type == EventType::Drop)
        thread_.jumps.dropped(e.var_id);
      ++thread_.events;
      return true;
    }
  }
  return false;
}

void SegmentCursor::jump(const bs_event &r) {
  uint64_t buffer, site;
  unpack(r, buffer, site);
  if (r.site == BS_SITE_SETJMP) {
    thread_.jumps.saved(buffer);
    return;
  }
  abandoned_ = thread_.jumps.jumped(buffer);
  std::reverse(abandoned_.begin(), abandoned_.end()); // popped from the back
  jump_site_ = site ? sites_.find(uint32_t(site)) : nullptr;
  jump_time_ = timestamp();
}

void SegmentCursor::abandon(Event &e) {
  JumpTracker::Instance v = abandoned_.back();
  abandoned_.pop_back();
  reset(e);
  e.type = EventType::Drop;
  e.thread = thread_.index;
  e.var_id = v.id;
  e.abandoned = true;
  e.timestamp = jump_time_;
  if (const Site *created = sites_.find(v.new_site)) {
    e.var_name = created->name;
    e.type_name = created->type_name;
    e.location = created->location;
    e.function = created->function;
  }
  if (jump_site_) { // where it ends: the longjmp, when instrumented code made it
    e.location = jump_site_->location;
    e.function = jump_site_->function;
    e.site = jump_site_->number;
  }
}

/// A stall's own readings, not its position: it began before the window it
/// is in (held at the thread's last time, so times never go back), and the
/// thread's next records come after it ended.
uint64_t SegmentCursor::flush_span(const bs_event &r, Event &e) {
  uint64_t began = join(r.b, r.c);
  uint64_t start = std::max(time_.to_ns(began), thread_.last_ns);
  uint64_t end = std::max(time_.to_ns(began + r.a), start);
  e.size = end - start;
  thread_.last_ns = end;
  return start;
}

bool SegmentCursor::decode(const bs_event &r, Event &e) {
  if (r.site == BS_SITE_FLUSH) {
    reset(e);
    e.type = EventType::Flush;
    e.thread = thread_.index;
    return true;
  }
  if (r.site >= BS_SITE_SPECIAL) {
    if (r.site != BS_SITE_FREE)
      return false; // clock records, a stray extension
    reset(e);
    e.type = EventType::Free;
    e.thread = thread_.index;
    uint64_t address, size;
    unpack(r, address, size);
    e.address = address;
    e.size = size;
    return true;
  }
  const Site *s = sites_.find(r.site);
  if (!s) {
    ++thread_.unknown_sites;
    return false;
  }
  reset(e);
  dynamic_ = s->flags & BS_SITE_FLAG_DYNAMIC_SIZE;
  e.type = s->type;
  e.thread = thread_.index;
  e.location = s->location;
  e.function = s->function;
  e.site = s->number;
  switch (s->kind) {
  case BS_SITE_NEW:
    e.var_id = global(r.a, true);
    e.var_name = s->name;
    e.type_name = s->type_name;
    e.size = s->size;
    if (s->flags & BS_SITE_FLAG_ADDRESS)
      e.address = join(r.b, r.c);
    break;
  case BS_SITE_DROP:
  case BS_SITE_RELEASE:
    e.var_id = global(r.a, false);
    e.var_name = s->name;
    e.type_name = s->type_name;
    e.unwind = s->flags & BS_SITE_FLAG_UNWIND;
    break;
  case BS_SITE_MOVE:
    e.from_id = global(r.a, false);
    if (r.b)
      e.to_id = global(r.b, false);
    e.from_name = s->owner;
    e.to_name = s->name;
    e.into_call = s->flags & BS_SITE_FLAG_INTO_CALL;
    break;
  case BS_SITE_BORROW: {
    e.borrower_name = s->name;
    e.owner_name = s->owner;
    e.through = s->through;
    e.borrower_kind = s->kind_of_borrower;
    e.mutability = s->kind_of_borrow;
    e.reborrow = s->flags & BS_SITE_FLAG_REBORROW;
    e.dead = s->flags & BS_SITE_FLAG_DEAD;
    e.lexical = s->flags & BS_SITE_FLAG_LEXICAL;
    e.kept = s->flags & BS_SITE_FLAG_KEPT;
    if (s->size)
      e.size = s->size;
    // The arguments of one execution of a call are recorded together, in
    // any order: another call's argument, or one of this call's seen
    // again, starts a new execution.
    if (s->call) {
      uint64_t offset = s->number - s->call;
      uint64_t bit = offset < 64 ? uint64_t(1) << offset : 0;
      if (s->call != thread_.call_group || (thread_.call_seen & bit) ||
          !bit) {
        ++thread_.calls;
        thread_.call_group = s->call;
        thread_.call_seen = 0;
      }
      thread_.call_seen |= bit;
      e.call = (uint64_t(thread_.index) << 40) | thread_.calls;
    }
    bool memory = s->flags & BS_SITE_FLAG_MEMORY;
    if (s->flags & BS_SITE_FLAG_OWNER_ID) {
      e.owner_id = global(r.a, false);
      e.contents = true;
      if (memory) {
        e.destination = join(r.b, r.c);
      } else {
        if (r.b)
          e.borrower_id = global(r.b, false);
        if (!(s->flags & BS_SITE_FLAG_CONTENTS)) {
          e.address = r.c;
          e.address_bits = 32;
        }
      }
    } else if (memory) {
      uint64_t address, destination;
      unpack(r, address, destination);
      e.address = address;
      e.destination = destination;
    } else {
      if (r.a)
        e.borrower_id = global(r.a, false);
      e.address = join(r.b, r.c);
    }
    break;
  }
  }
  return true;
}

} // namespace borrowscope
