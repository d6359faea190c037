// Events to variable instances, borrow intervals and moves (rules in the
// header and docs/tool.md).
#include "OwnershipModel.h"

#include <algorithm>
#include <numeric>

namespace borrowscope {

std::string_view borrow_end_name(BorrowEnd e) {
  switch (e) {
  case BorrowEnd::BorrowerDropped:
    return "borrower dropped";
  case BorrowEnd::Replaced:
    return "replaced";
  case BorrowEnd::CallReturned:
    return "call returned";
  case BorrowEnd::Instant:
    return "instant";
  case BorrowEnd::OwnerDropped:
    return "owner dropped";
  case BorrowEnd::Open:
    return "open";
  case BorrowEnd::LastUse:
    return "last use";
  case BorrowEnd::Freed:
    return "memory freed";
  case BorrowEnd::Dead:
    return "never used";
  }
  return "?";
}

uint64_t OwnershipModel::lifetime_end(const Variable &v) const {
  if (v.has(Variable::Dropped))
    return v.dropped;
  return std::max(v.created, threads[v.thread_index].last);
}

uint64_t OwnershipModel::lifetime(const Variable &v) const {
  uint64_t end = lifetime_end(v), life = end - v.created;
  return count_runtime ? life : life - runtime.within(v.thread, v.created, end);
}

uint64_t OwnershipModel::duration(const Borrow &b) const {
  uint64_t d = b.end - b.start;
  return count_runtime ? d : d - runtime.within(b.thread, b.start, b.end);
}

uint32_t OwnershipModel::find_variable(uint64_t id) const {
  auto it = variable_by_id.find(id);
  return it == variable_by_id.end() ? no_index : it->second;
}

namespace {
constexpr size_t max_examples = 5;
// Mutual recursion could otherwise grow the list without bound.
constexpr size_t max_pending_calls = 64;
} // namespace

ModelBuilder::ModelBuilder() = default;

void ModelBuilder::on_header(const TraceHeader &h) { m_.header = h; }

void ModelBuilder::note(const Event &e, std::string what) {
  if (m_.anomalies.examples.size() < max_examples)
    m_.anomalies.examples.push_back("events[" + std::to_string(e.index) +
                                    "]: " + std::move(what));
}

uint32_t ModelBuilder::thread_index(uint64_t id, uint64_t timestamp) {
  if (last_thread_index_ != no_index && last_thread_id_ == id)
    return last_thread_index_;
  auto [it, inserted] = thread_by_id_.try_emplace(id, uint32_t(m_.threads.size()));
  if (inserted) {
    Thread t;
    t.id = id;
    t.name = "thread " + std::to_string(id);
    t.first = t.last = timestamp;
    m_.threads.push_back(std::move(t));
    pending_calls_.emplace_back();
  }
  last_thread_id_ = id;
  last_thread_index_ = it->second;
  return it->second;
}

// The instance an event refers to; one is made up (without Created) for ids
// the trace never created, so that every borrow and move has both ends.
uint32_t ModelBuilder::variable_for(uint64_t id, const Event &e, StrId name) {
  uint32_t index = m_.find_variable(id);
  if (index != no_index)
    return index;
  ++m_.anomalies.unknown_ids;
  note(e, std::string(event_type_name(e.type)) + " refers to id " +
              std::to_string(id) + ", which the trace never created");
  Variable v;
  v.id = id;
  v.thread = e.thread;
  v.thread_index = thread_index(e.thread, e.timestamp);
  v.created = e.timestamp;
  v.name = name;
  v.function = m_.strings.intern(e.function);
  index = uint32_t(m_.variables.size());
  m_.variables.push_back(v);
  m_.variable_by_id[id] = index;
  return index;
}

// Call borrows: a callee's events extend the borrow; the caller's next event
// ends it (see the header).
void ModelBuilder::follow_calls(uint32_t thread, const Event &e,
                                StrId function) {
  std::vector<PendingCall> &pending = pending_calls_[thread];
  for (size_t i = 0; i < pending.size();) {
    if (pending[i].callee == function) {
      Borrow &b = m_.borrows[pending[i].borrow];
      b.end = e.timestamp;
      b.end_rule = BorrowEnd::CallReturned;
      ++i;
    } else if (pending[i].caller == function) {
      pending.erase(pending.begin() + std::ptrdiff_t(i));
    } else {
      ++i;
    }
  }
}

void ModelBuilder::on_event(const Event &e) {
  if (e.type == EventType::Flush) { // the runtime's time, no program event
    ++m_.events_by_type[size_t(e.type)];
    m_.runtime.add(e.thread, e.timestamp, e.size.value_or(0));
    return;
  }
  ++m_.events;
  ++m_.events_by_type[size_t(e.type)];
  if (m_.events == 1 || e.timestamp < m_.first_time)
    m_.first_time = e.timestamp;
  m_.last_time = std::max(m_.last_time, e.timestamp);

  uint32_t ti = thread_index(e.thread, e.timestamp);
  Thread &thread = m_.threads[ti];
  if (e.timestamp < thread.last) {
    ++m_.anomalies.time_backwards;
    note(e, "timestamp goes backwards on thread " + std::to_string(e.thread));
  }
  thread.first = std::min(thread.first, e.timestamp);
  thread.last = std::max(thread.last, e.timestamp);
  ++thread.events;

  StrId function = m_.strings.intern(e.function);
  StrId location = m_.strings.intern(e.location);
  follow_calls(ti, e, function);

  switch (e.type) {
  case EventType::New: {
    uint32_t existing = m_.find_variable(e.var_id);
    if (existing != no_index) {
      ++m_.anomalies.created_twice;
      note(e, "id " + std::to_string(e.var_id) + " is created twice");
    }
    Variable v;
    v.id = e.var_id;
    v.thread = e.thread;
    v.thread_index = ti;
    v.created = e.timestamp;
    v.name = m_.strings.intern(e.var_name);
    v.type = m_.strings.intern(e.type_name);
    v.function = function;
    v.location = location;
    v.flags = Variable::Created;
    if (e.address && e.size) {
      v.address = *e.address;
      v.size = *e.size;
      v.flags |= Variable::HasAddress;
    }
    m_.variable_by_id[e.var_id] = uint32_t(m_.variables.size());
    m_.variables.push_back(v);
    break;
  }
  case EventType::Drop: {
    uint32_t index = variable_for(e.var_id, e, m_.strings.intern(e.var_name));
    Variable &v = m_.variables[index];
    if (v.has(Variable::Dropped)) {
      ++m_.anomalies.dropped_twice;
      note(e, "id " + std::to_string(e.var_id) + " is dropped twice");
      break; // the first drop stands
    }
    if (!v.type)
      v.type = m_.strings.intern(e.type_name);
    if (e.address && e.size && !v.has(Variable::HasAddress)) {
      v.address = *e.address;
      v.size = *e.size;
      v.flags |= Variable::HasAddress;
    }
    v.flags |= Variable::Dropped | (e.unwind ? Variable::Unwound : 0) |
               (e.abandoned ? Variable::Abandoned : 0);
    v.dropped = std::max(e.timestamp, v.created);
    v.drop_location = location;
    break;
  }
  case EventType::Borrow: {
    Borrow b;
    b.id = e.borrow_id;
    b.owner_name = m_.strings.intern(e.owner_name);
    b.reborrow = e.reborrow;
    if (e.owner_id) {
      b.owner_id = *e.owner_id;
      b.owner = variable_for(*e.owner_id, e, b.owner_name);
    } else {
      // A reborrow: the owner is found by address once every variable's
      // lifetime is known (resolve_reborrows).
      b.reborrow = true;
      b.address = e.address.value_or(0);
    }
    if (e.destination) {
      b.has_destination = true;
      b.destination = *e.destination;
    }
    b.borrower_name = m_.strings.intern(e.borrower_name);
    if (e.borrower_id) {
      b.has_borrower_id = true;
      b.borrower_id = *e.borrower_id;
      b.borrower = variable_for(*e.borrower_id, e, b.borrower_name);
    }
    b.start = b.end = e.timestamp;
    b.thread = e.thread;
    b.thread_index = ti;
    b.event_index = e.index;
    b.location = location;
    b.function = function;
    b.kind = e.borrower_kind;
    b.mutability = e.mutability;
    b.dead = e.dead;
    b.lexical = e.lexical;
    b.kept = e.kept;
    uint32_t index = uint32_t(m_.borrows.size());
    if (b.kind == BorrowerKind::Call) {
      b.end_rule = BorrowEnd::Instant;
      std::vector<PendingCall> &pending = pending_calls_[ti];
      // Recursion: the callee's events cannot be told from the caller's.
      if (b.borrower_name != function) {
        if (pending.size() >= max_pending_calls)
          pending.erase(pending.begin());
        pending.push_back({index, function, b.borrower_name});
      }
    }
    m_.borrows.push_back(b);
    break;
  }
  case EventType::Release:
    releases_[e.var_id].push_back({e.index, e.timestamp});
    break;
  case EventType::Flush: // taken above
    break;
  case EventType::Free:
    frees_.push_back({e.address.value_or(0), e.size.value_or(0), e.index,
                      e.timestamp});
    break;
  case EventType::Move: {
    Move mv;
    mv.from_id = e.from_id;
    mv.from_name = m_.strings.intern(e.from_name);
    mv.from = variable_for(e.from_id, e, mv.from_name);
    mv.to_name = m_.strings.intern(e.to_name);
    if (e.to_id) {
      mv.has_to_id = true;
      mv.to_id = *e.to_id;
      mv.to = variable_for(*e.to_id, e, mv.to_name);
    }
    mv.time = e.timestamp;
    mv.thread = e.thread;
    mv.thread_index = ti;
    mv.location = location;
    mv.function = function;
    m_.variables[mv.from].flags |= Variable::MovedOut;
    m_.moves.push_back(mv);
    break;
  }
  }
}

void ModelBuilder::on_trailer(const TraceTrailer &t) {
  m_.event_count = t.event_count;
  m_.lost_events = t.lost_events;
  m_.complete = t.complete;
  m_.missing = t.missing;
  m_.end = t.end;
  m_.end_status = t.end_status;
  for (const ThreadInfo &info : t.threads) {
    auto it = thread_by_id_.find(info.id);
    uint32_t index;
    if (it == thread_by_id_.end()) {
      // A thread listed without events still gets a track.
      index = uint32_t(m_.threads.size());
      thread_by_id_.emplace(info.id, index);
      Thread th;
      th.id = info.id;
      th.first = th.last = m_.last_time;
      m_.threads.push_back(std::move(th));
      pending_calls_.emplace_back();
    } else {
      index = it->second;
    }
    Thread &th = m_.threads[index];
    th.listed = true;
    th.os_tid = info.os_tid;
    th.listed_events = info.events;
    if (!info.name.empty())
      th.name = info.name;
  }
}

// Each reborrow's owner: the variable whose [address, address + size) holds
// the stored address and which is alive at the reborrow's time. Variables
// are indexed by start address, then creation time, so that stack slots
// reused by many instances (loop iterations) cost a binary search each.
void ModelBuilder::resolve_reborrows() {
  struct Entry {
    uint64_t start, created;
    uint32_t index;
  };
  std::vector<Entry> entries;
  uint64_t max_size = 0;
  for (uint32_t i = 0; i < m_.variables.size(); ++i) {
    const Variable &v = m_.variables[i];
    if (v.has(Variable::HasAddress)) {
      entries.push_back({v.address, v.created, i});
      max_size = std::max(max_size, v.size);
    }
  }
  if (entries.empty())
    return;
  auto before = [](const Entry &a, const Entry &b) {
    return std::tie(a.start, a.created, a.index) <
           std::tie(b.start, b.created, b.index);
  };
  std::sort(entries.begin(), entries.end(), before);
  auto owner_of = [&](uint64_t address, uint64_t time) -> uint32_t {
    // Candidates start at or below the address; look at a few distinct
    // starts below it (fields of a struct start below the field).
    auto end = std::upper_bound(entries.begin(), entries.end(),
                                Entry{address, UINT64_MAX, UINT32_MAX}, before);
    for (int starts = 0; end != entries.begin() && starts < 64; ++starts) {
      uint64_t start = std::prev(end)->start;
      if (address - start >= max_size)
        break;
      auto first = std::lower_bound(entries.begin(), end, Entry{start, 0, 0},
                                    before);
      // The latest instance at this start created at or before `time`.
      auto it = std::upper_bound(first, end, Entry{start, time, UINT32_MAX},
                                 before);
      if (it != first) {
        const Variable &v = m_.variables[std::prev(it)->index];
        bool alive = !v.has(Variable::Dropped) || time <= v.dropped;
        if (alive && address - v.address < v.size)
          return std::prev(it)->index;
      }
      end = first;
    }
    return no_index;
  };
  for (Borrow &b : m_.borrows) {
    if (!b.reborrow || b.owner != no_index)
      continue; // not found by address, or found as the trace was read
    b.owner = owner_of(b.address, b.start);
    if (b.owner == no_index) {
      ++m_.anomalies.reborrows_of_no_variable;
      continue;
    }
    const Variable &owner = m_.variables[b.owner];
    b.owner_id = owner.id;
    b.owner_name = owner.name;
  }
}

void ModelBuilder::resolve_borrow_ends() {
  std::vector<Borrow> &borrows = m_.borrows;
  // Borrows held by one holder, by time: each ends where the next into the
  // same holder starts. The holder is the destination when the address is
  // stored into memory (a field, the heap, a global), else the borrowing
  // variable. Reborrows of no variable take part: they release.
  auto holder = [&](const Borrow &b) {
    return b.has_destination ? std::make_pair(uint64_t(1), b.destination)
                             : std::make_pair(uint64_t(0), uint64_t(b.borrower));
  };
  std::vector<uint32_t> held;
  for (uint32_t i = 0; i < borrows.size(); ++i)
    if (borrows[i].has_destination ||
        (borrows[i].kind == BorrowerKind::Variable &&
         borrows[i].borrower != no_index))
      held.push_back(i);
  std::sort(held.begin(), held.end(), [&](uint32_t a, uint32_t b) {
    const Borrow &x = borrows[a], &y = borrows[b];
    auto hx = holder(x), hy = holder(y);
    return std::tie(hx, x.start, x.event_index) <
           std::tie(hy, y.start, y.event_index);
  });
  for (size_t k = 0; k < held.size(); ++k) {
    Borrow &b = borrows[held[k]];
    bool next_same = k + 1 < held.size() &&
                     holder(borrows[held[k + 1]]) == holder(b);
    if (next_same) {
      b.end = borrows[held[k + 1]].start;
      b.end_rule = BorrowEnd::Replaced;
    } else if (b.borrower != no_index &&
               m_.variables[b.borrower].has(Variable::Dropped)) {
      b.end = m_.variables[b.borrower].dropped;
      b.end_rule = BorrowEnd::BorrowerDropped;
    } else if (b.has_destination && b.owner != no_index &&
               m_.variables[b.owner].has(Variable::Dropped)) {
      b.end = m_.variables[b.owner].dropped; // stored in memory: until the owner goes
      b.end_rule = BorrowEnd::OwnerDropped;
    } else {
      b.end_rule = BorrowEnd::Open;
    }
  }
  for (Borrow &b : borrows) {
    if (b.owner == no_index)
      continue; // a release, removed by drop_releases
    bool by_variable = b.kind == BorrowerKind::Variable && b.borrower != no_index;
    if (!by_variable && b.kind != BorrowerKind::Call && !b.has_destination) {
      // Returned, escaped, or a variable borrow without a borrower id.
      const Variable &owner = m_.variables[b.owner];
      if (owner.has(Variable::Dropped)) {
        b.end = owner.dropped;
        b.end_rule = BorrowEnd::OwnerDropped;
      } else {
        b.end_rule = BorrowEnd::Open;
      }
    }
    if (b.end_rule == BorrowEnd::Open)
      b.end = m_.threads[b.thread_index].last;
    b.end = std::max(b.end, b.start);
    b.held_until = b.end;
  }
}

// Non-lexical ends: a borrow held by a variable ends at the first Release
// of that variable after it was taken, one held in heap memory when
// the memory is freed; one never used ends as it is taken.
void ModelBuilder::apply_last_uses() {
  for (Borrow &b : m_.borrows) {
    auto end_at = [&](uint64_t time, BorrowEnd rule) {
      if (time < b.end || b.end_rule == BorrowEnd::Open) {
        b.end = std::max(time, b.start);
        b.end_rule = rule;
      }
    };
    if (b.dead) {
      end_at(b.start, BorrowEnd::Dead);
      continue;
    }
    // A Release says no part of the holder is read again: it ends what
    // its fields and the objects it keeps hold too.
    bool held = b.kind == BorrowerKind::Variable && b.has_borrower_id &&
                !b.lexical;
    if (held)
      if (auto it = releases_.find(b.borrower_id); it != releases_.end()) {
        auto next = std::upper_bound(
            it->second.begin(), it->second.end(), b.event_index,
            [](uint64_t index, const Mark &m) { return index < m.event; });
        if (next != it->second.end())
          end_at(next->time, BorrowEnd::LastUse);
      }
    if (b.has_destination)
      if (const FreeMark *f = free_after(b.destination, b.event_index))
        end_at(f->time, BorrowEnd::Freed);
  }
}

// The first free, after event \p after, of a block containing \p address.
// Frees are sorted by address; blocks at lower addresses are looked at while
// they could reach it.
const ModelBuilder::FreeMark *ModelBuilder::free_after(uint64_t address,
                                                       uint64_t after) {
  if (!frees_sorted_) {
    std::sort(frees_.begin(), frees_.end(),
              [](const FreeMark &a, const FreeMark &b) {
                return std::tie(a.address, a.event) < std::tie(b.address, b.event);
              });
    for (const FreeMark &f : frees_)
      largest_free_ = std::max(largest_free_, f.size);
    frees_sorted_ = true;
  }
  auto end = std::upper_bound(frees_.begin(), frees_.end(), address,
                              [](uint64_t a, const FreeMark &f) {
                                return a < f.address;
                              });
  const FreeMark *best = nullptr;
  for (auto it = end; it != frees_.begin();) {
    --it;
    if (address - it->address >= largest_free_)
      break;
    if (address - it->address < it->size && it->event > after &&
        (!best || it->event < best->event))
      best = &*it;
  }
  return best;
}

// Threads by id (1 is usually main), whatever order their buffers were
// written in.
void ModelBuilder::sort_threads() {
  std::vector<uint32_t> order(m_.threads.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return m_.threads[a].id < m_.threads[b].id;
  });
  std::vector<uint32_t> new_index(order.size());
  std::vector<Thread> sorted;
  sorted.reserve(order.size());
  for (uint32_t i = 0; i < order.size(); ++i) {
    new_index[order[i]] = i;
    sorted.push_back(std::move(m_.threads[order[i]]));
  }
  m_.threads = std::move(sorted);
  for (Variable &v : m_.variables)
    v.thread_index = new_index[v.thread_index];
  for (Borrow &b : m_.borrows)
    b.thread_index = new_index[b.thread_index];
  for (Move &mv : m_.moves)
    mv.thread_index = new_index[mv.thread_index];
}

// Reborrows of no variable have done their work (ending what their holder
// held); they are not borrows.
void ModelBuilder::drop_releases() {
  std::erase_if(m_.borrows, [](const Borrow &b) { return b.owner == no_index; });
}

OwnershipModel ModelBuilder::take() {
  resolve_reborrows();
  resolve_borrow_ends();
  apply_last_uses();
  drop_releases();
  sort_threads();
  return std::move(m_);
}

OwnershipModel load_model(const std::string &path, ReadOptions options) {
  ModelBuilder builder;
  read_trace_file(path, builder, options);
  return builder.take();
}

OwnershipModel::BorrowCounts OwnershipModel::borrow_counts() const {
  BorrowCounts c;
  for (const Borrow &b : borrows)
    (b.mutability == Mutability::Shared    ? c.shared
     : b.mutability == Mutability::Mutable ? c.mut
     : b.mutability == Mutability::Move    ? c.move
                                           : c.unknown)++;
  return c;
}

} // namespace borrowscope
