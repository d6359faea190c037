// `borrowscope check`: Rust's borrow rules applied to a trace, in one
// streaming pass. The rules, and why each exception exists, are in
// docs/semantics.md.
#include "BorrowChecker.h"

#include <algorithm>

namespace borrowscope {

namespace {

bool is_destructor_call(const Event &e) {
  return e.borrower_kind == BorrowerKind::Call &&
         e.borrower_name.find("::~") != std::string::npos;
}

bool is_assignment_call(const Event &e) {
  return e.borrower_kind == BorrowerKind::Call &&
         e.borrower_name.find("::operator=") != std::string::npos;
}

} // namespace

BorrowChecker::Kind BorrowChecker::kind_of(Mutability m) {
  switch (m) {
  case Mutability::Shared:
    return Kind::Shared;
  case Mutability::Mutable:
    return Kind::Mutable;
  case Mutability::Move:
    return Kind::Move;
  default:
    return Kind::Unknown;
  }
}

bool BorrowChecker::writes(Kind k) { return k == Kind::Mutable || k == Kind::Move; }

const char *BorrowChecker::kind_word(Kind k) {
  switch (k) {
  case Kind::Shared:
    return "shared";
  case Kind::Mutable:
    return "mutable";
  case Kind::Move:
    return "move";
  default:
    return "unknown";
  }
}

void BorrowChecker::on_event(const Event &e) {
  bool part_of_a_drop = e.type == EventType::Drop ||
                        (e.type == EventType::Borrow && is_destructor_call(e));
  if (!part_of_a_drop)
    confirm_pending(e.thread);
  bool same_call = e.type == EventType::Borrow &&
                   e.borrower_kind == BorrowerKind::Call &&
                   group_.thread == e.thread &&
                   group_.timestamp == e.timestamp &&
                   group_.location == e.location &&
                   group_.callee == e.borrower_name;
  if (!same_call)
    group_ = CallGroup{e.thread, e.timestamp, e.location, e.borrower_name, {}};
  switch (e.type) {
  case EventType::New:
    on_new(e);
    break;
  case EventType::Borrow:
    on_borrow(e);
    break;
  case EventType::Move:
    on_move(e);
    break;
  case EventType::Drop:
    on_drop(e);
    break;
  }
  note_peak();
}

void BorrowChecker::on_trailer(const TraceTrailer &) {
  // Owners dropped while their holders lived on to the end of the trace.
  for (auto &[thread, list] : pending_)
    for (Pending &p : list)
      report(std::move(p.violation));
  pending_.clear();
}

void BorrowChecker::on_new(const Event &e) {
  Instance inst;
  inst.name = e.var_name;
  inst.location = e.location;
  inst.thread = e.thread;
  if (e.address && e.size) {
    inst.address = *e.address;
    inst.size = *e.size;
    // Stack memory is reused: a variable recorded here before is gone, even
    // if its drop was never seen (a frame left by longjmp).
    auto it = by_address_.lower_bound(inst.address);
    if (it != by_address_.begin())
      --it;
    while (it != by_address_.end() && it->first < inst.address + inst.size) {
      auto found = live_.find(it->second);
      uint64_t end = found == live_.end() ? it->first
                                          : it->first + found->second.size;
      if (end > inst.address)
        it = by_address_.erase(it);
      else
        ++it;
    }
    by_address_[inst.address] = e.var_id;
  }
  live_[e.var_id] = std::move(inst);
}

uint64_t BorrowChecker::resolve(uint64_t address) const {
  auto it = by_address_.upper_bound(address);
  if (it == by_address_.begin())
    return 0;
  --it;
  auto found = live_.find(it->second);
  if (found == live_.end() || address >= it->first + found->second.size)
    return 0;
  return it->second;
}

void BorrowChecker::on_borrow(const Event &e) {
  Holder holder;
  bool held = false;
  if (e.borrower_kind == BorrowerKind::Variable && e.borrower_id) {
    holder = {*e.borrower_id, e.destination.value_or(0)};
    held = true;
  } else if (e.borrower_kind == BorrowerKind::Escape && e.destination) {
    holder = {0, *e.destination};
    held = true;
  }
  // Storing an address replaces what the holder held before.
  if (held)
    release(holder);

  uint64_t owner = e.owner_id.value_or(0);
  if (e.reborrow)
    owner = e.address ? resolve(*e.address) : 0;
  if (!owner || !live_.count(owner))
    return; // holds no variable now
  Kind kind = kind_of(e.mutability);

  // A reborrow derives from a borrow that exists, as does a borrow through a
  // reference; a destructor is part of the drop. None is a new borrow.
  if (!e.reborrow && e.through.empty() && !is_destructor_call(e)) {
    check_moved(owner, e, "borrowed by '" + e.borrower_name + "'");
    if (e.borrower_kind == BorrowerKind::Call)
      check_call_group(owner, kind, e);
    check_conflict(owner, held ? holder : Holder{}, kind, e,
                   std::string(kind_word(kind)) + " borrow");
  }
  if (held) {
    open(owner, holder, kind, e);
  } else if (e.borrower_kind == BorrowerKind::Return) {
    uint64_t key = next_open_++;
    open_[key] = Open{owner, {}, kind, true, e.location, e.borrower_name};
    by_owner_[owner].push_back(key);
  }
}

void BorrowChecker::open(uint64_t owner, Holder holder, Kind kind,
                         const Event &e) {
  uint64_t key = next_open_++;
  open_[key] = Open{owner, holder, kind, false, e.location, e.borrower_name};
  by_owner_[owner].push_back(key);
  by_holder_[holder] = key;
  if (holder.var)
    held_by_var_[holder.var].push_back(holder);
}

void BorrowChecker::release(Holder holder) {
  auto it = by_holder_.find(holder);
  if (it == by_holder_.end())
    return;
  uint64_t key = it->second;
  by_holder_.erase(it);
  auto found = open_.find(key);
  if (found == open_.end())
    return;
  auto &list = by_owner_[found->second.owner];
  list.erase(std::remove(list.begin(), list.end(), key), list.end());
  if (list.empty())
    by_owner_.erase(found->second.owner);
  open_.erase(found);
}

void BorrowChecker::check_conflict(uint64_t owner, Holder holder, Kind kind,
                                   const Event &e, const std::string &what) {
  if (kind == Kind::Unknown)
    return;
  auto list = by_owner_.find(owner);
  if (list == by_owner_.end())
    return;
  for (uint64_t key : list->second) {
    const Open &o = open_.at(key);
    if (o.returned || (holder.var && o.holder.var == holder.var &&
                       o.holder.destination == holder.destination))
      continue;
    bool conflict = writes(kind) || writes(o.kind);
    if (!conflict)
      continue;
    const Instance &inst = live_.at(owner);
    report({"borrow_conflict", e.location, inst.name, e.borrower_name,
            inst.location,
            what + " of '" + inst.name + "' by '" + e.borrower_name +
                "' while '" + o.borrower + "' holds a " + kind_word(o.kind) +
                " borrow of it (taken at " +
                o.location + ")"});
    return;
  }
}

void BorrowChecker::check_call_group(uint64_t owner, Kind kind,
                                     const Event &e) {
  for (auto [other, other_kind] : group_.borrows)
    if (other == owner && (writes(kind) || writes(other_kind))) {
      report(violation("borrow_conflict", e.location, owner, e.borrower_name,
                       e,
                       "'" + live_.at(owner).name + "' is passed to '" +
                           e.borrower_name +
                           "' twice, and at least once mutably"));
      break;
    }
  group_.borrows.push_back({owner, kind});
}

void BorrowChecker::check_moved(uint64_t owner, const Event &e,
                                const std::string &what) {
  Instance &inst = live_.at(owner);
  if (!inst.moved)
    return;
  if (is_assignment_call(e)) {
    inst.moved = false; // assigned anew
    return;
  }
  report(violation("use_after_move", e.location, owner, e.borrower_name, e,
                   "'" + inst.name + "' is " + what +
                       " after it was moved at " + inst.moved_at));
}

void BorrowChecker::on_move(const Event &e) {
  auto from = live_.find(e.from_id);
  if (from == live_.end())
    return;
  Event as_use = e;
  as_use.borrower_name = e.to_name;
  if (from->second.moved)
    check_moved(e.from_id, as_use, "moved again into '" + e.to_name + "'");
  check_conflict(e.from_id, Holder{}, Kind::Move, as_use, "move");
  from->second.moved = true;
  from->second.moved_at = e.location;
  if (e.to_id)
    if (auto to = live_.find(*e.to_id); to != live_.end())
      to->second.moved = false;
}

void BorrowChecker::on_drop(const Event &e) {
  uint64_t id = e.var_id;
  auto inst = live_.find(id);
  if (inst == live_.end())
    return;
  // Borrows of this variable that are still open.
  if (auto list = by_owner_.find(id); list != by_owner_.end()) {
    std::vector<uint64_t> keys = list->second;
    for (uint64_t key : keys) {
      Open o = open_.at(key);
      Violation v =
          violation("dangling_borrow", o.location, id, o.borrower, e, "");
      if (o.returned) {
        v.message = "the address of '" + inst->second.name +
                    "' is returned here, but it is dropped at " + e.location +
                    " when the function returns";
        report(std::move(v));
      } else if (!o.holder.var) {
        v.message = "'" + inst->second.name + "' (declared at " +
                    inst->second.location + ") is dropped at " + e.location +
                    " while '" + o.borrower +
                    "' still holds the address stored here";
        report(std::move(v));
      } else if (live_.count(o.holder.var)) {
        v.message = "'" + inst->second.name + "' (declared at " +
                    inst->second.location + ") is dropped at " + e.location +
                    " while '" + o.borrower +
                    "' still holds the borrow taken here";
        pending_[e.thread].push_back({std::move(v), o.holder.var, e.location});
      }
      if (o.returned)
        open_.erase(key);
      else
        release(o.holder);
    }
    by_owner_.erase(id);
  }
  // Borrows this variable holds end with it.
  if (auto held = held_by_var_.find(id); held != held_by_var_.end()) {
    for (Holder h : held->second)
      release(h);
    held_by_var_.erase(held);
  }
  // Owners dropped while this variable held them: dropped together at one
  // scope exit is fine; dropped later, it held a dangling borrow.
  if (auto list = pending_.find(e.thread); list != pending_.end()) {
    auto &pending = list->second;
    for (auto it = pending.begin(); it != pending.end();) {
      if (it->holder != id) {
        ++it;
        continue;
      }
      if (it->drop_location != e.location)
        report(std::move(it->violation));
      it = pending.erase(it);
    }
  }
  if (inst->second.size)
    if (auto a = by_address_.find(inst->second.address);
        a != by_address_.end() && a->second == id)
      by_address_.erase(a);
  live_.erase(inst);
}

void BorrowChecker::confirm_pending(uint64_t thread) {
  auto list = pending_.find(thread);
  if (list == pending_.end() || list->second.empty())
    return;
  for (Pending &p : list->second)
    report(std::move(p.violation));
  list->second.clear();
}

Violation BorrowChecker::violation(const char *kind,
                                   const std::string &location,
                                   uint64_t owner, const std::string &borrower,
                                   const Event &e, std::string message) const {
  const Instance &inst = live_.at(owner);
  Violation v{kind,          location, inst.name,          borrower,
              inst.location, std::move(message)};
  v.owner_id = owner;
  v.time = e.timestamp;
  return v;
}

void BorrowChecker::report(Violation v) {
  auto key = std::make_pair(v.kind, v.location);
  if (auto it = seen_.find(key); it != seen_.end()) {
    ++violations_[it->second].count;
    return;
  }
  seen_[key] = violations_.size();
  violations_.push_back(std::move(v));
}

void BorrowChecker::note_peak() {
  uint64_t now = live_.size() + open_.size();
  if (now > peak_live_)
    peak_live_ = now;
}

CheckResults findings_of(const BorrowChecker &checker,
                         const OwnershipModel &model) {
  CheckResults results;
  results.available = true;
  for (const Violation &v : checker.violations()) {
    Finding f;
    f.check = v.kind;
    f.message = v.message;
    if (v.count > 1)
      f.message += " (" + std::to_string(v.count) + " times)";
    f.location = v.location;
    f.time = v.time;
    if (uint32_t owner = model.find_variable(v.owner_id); owner != no_index)
      f.variables.push_back(owner);
    results.findings.push_back(std::move(f));
  }
  return results;
}

std::string format_violation(const Violation &v) {
  std::string line = v.location + ": " + v.kind + ": " + v.message;
  if (v.count > 1)
    line += " (" + std::to_string(v.count) + " times)";
  return line;
}

} // namespace borrowscope
