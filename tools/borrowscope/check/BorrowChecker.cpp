// `borrowscope check`: Rust's borrow rules applied to a trace, in one
// streaming pass. The rules, and why each exception exists, are in
// docs/semantics.md ("Checks").
#include "BorrowChecker.h"

#include <algorithm>

namespace borrowscope {

namespace {

bool callee_is(const Event &e, std::initializer_list<std::string_view> names) {
  if (e.borrower_kind != BorrowerKind::Call)
    return false;
  for (std::string_view n : names)
    if (e.borrower_name.find(n) != std::string_view::npos)
      return true;
  return false;
}

bool is_destructor_call(const Event &e) { return callee_is(e, {"::~"}); }

/// Member calls after which a moved-from object has a value again (as
/// clang-tidy's bugprone-use-after-move counts them); templates among them
/// demangle with their arguments (`optional<T>::emplace<char const (&)[4]>`).
bool is_reinitialisation(const Event &e) {
  return callee_is(e, {"::operator=", "::clear(", "::reset(", "::assign(",
                       "::assign<", "::emplace(", "::emplace<"});
}

/// Member calls after which an object no longer keeps what it was given:
/// reinitialised, or a thread it ran joined.
bool lets_go_of_kept(const Event &e) {
  return is_reinitialisation(e) || callee_is(e, {"::join(", "::detach("});
}

std::string str(std::string_view s) { return std::string(s); }

} // namespace

unsigned BorrowChecker::callee_class(const Event &e) {
  if (e.borrower_kind != BorrowerKind::Call)
    return 0;
  auto compute = [&] {
    return (is_destructor_call(e) ? callee_destructor : 0u) |
           (is_reinitialisation(e) ? callee_reinitialises : 0u) |
           (lets_go_of_kept(e) ? callee_lets_go : 0u);
  };
  // Remembered per site: the callee's name is the site's. The name's
  // storage is compared too (a JSON trace's events may reuse a site number
  // with other text).
  if (e.site == 0 || e.site >= (1u << 22))
    return compute();
  if (callee_classes_.size() <= e.site)
    callee_classes_.resize(e.site + 1);
  CalleeClass &c = callee_classes_[e.site];
  if (c.name != e.borrower_name.data() || c.size != e.borrower_name.size() ||
      !c.known) {
    c = {e.borrower_name.data(), e.borrower_name.size(), compute(), true};
  }
  return c.bits;
}

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
                        e.type == EventType::Release ||
                        (e.type == EventType::Borrow &&
                         (callee_class(e) & callee_destructor));
  if (!part_of_a_drop)
    confirm_pending(e.thread);
  if (!same_call(e)) {
    // A new group, in place: its strings and list keep their memory (this
    // runs for nearly every event).
    group_.thread = e.thread;
    group_.call = e.call;
    group_.timestamp = e.timestamp;
    group_.location.assign(e.location);
    group_.callee.assign(e.borrower_name);
    group_.borrows.clear();
  }
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
  case EventType::Release:
    release_variable(e.var_id, false);
    break;
  case EventType::Free:
    on_free(e);
    break;
  }
  note_peak();
}

/// The arguments of one execution of one call: the same call id (binary
/// traces), or in a JSON trace without them consecutive call borrows at one
/// time, place and callee.
bool BorrowChecker::same_call(const Event &e) const {
  if (e.type != EventType::Borrow || e.borrower_kind != BorrowerKind::Call ||
      e.thread != group_.thread)
    return false;
  if (e.call || group_.call)
    return e.call == group_.call;
  return e.timestamp == group_.timestamp && e.location == group_.location &&
         e.borrower_name == group_.callee;
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
  inst.name = str(e.var_name);
  inst.location = str(e.location);
  inst.thread = e.thread;
  if (e.address && e.size) {
    inst.address = *e.address;
    inst.size = *e.size;
  }
  live_[e.var_id] = std::move(inst);
}

// --- Open borrows ---------------------------------------------------------

uint64_t BorrowChecker::open(Open o) {
  uint64_t key = next_open_++;
  by_owner_[o.owner].push_back(key);
  if (o.holder)
    by_holder_[o.holder].push_back(key);
  if (o.destination)
    by_destination_[o.destination] = key;
  open_.emplace(key, std::move(o));
  return key;
}

void BorrowChecker::close(uint64_t key) {
  auto found = open_.find(key);
  if (found == open_.end())
    return;
  const Open &o = found->second;
  auto drop_key = [key](auto &map, uint64_t at) {
    auto it = map.find(at);
    if (it == map.end())
      return;
    std::erase(it->second, key);
    if (it->second.empty())
      map.erase(it);
  };
  drop_key(by_owner_, o.owner);
  if (o.holder)
    drop_key(by_holder_, o.holder);
  if (o.destination)
    if (auto it = by_destination_.find(o.destination);
        it != by_destination_.end() && it->second == key)
      by_destination_.erase(it);
  open_.erase(found);
}

/// What a variable holds ends: its value's last use (a pointer's, or an
/// object's: an iterator, a view, a guard), or a new value.
void BorrowChecker::release_variable(uint64_t holder, bool whole_only) {
  auto it = by_holder_.find(holder);
  if (it == by_holder_.end())
    return;
  std::vector<uint64_t> keys = it->second;
  for (uint64_t key : keys)
    if (!whole_only || open_.at(key).whole_holder)
      close(key);
}

void BorrowChecker::release_destination(uint64_t destination) {
  if (auto it = by_destination_.find(destination); it != by_destination_.end())
    close(it->second);
}

void BorrowChecker::release_kept(uint64_t object) {
  auto it = by_holder_.find(object);
  if (it == by_holder_.end())
    return;
  std::vector<uint64_t> keys = it->second;
  for (uint64_t key : keys)
    if (open_.at(key).kept)
      close(key);
}

/// Memory [start, start + size) is gone (freed, or a variable's storage):
/// what is stored in it lets go.
void BorrowChecker::release_memory_in(uint64_t start, uint64_t size) {
  auto it = by_destination_.lower_bound(start);
  std::vector<uint64_t> keys;
  for (; it != by_destination_.end() && it->first - start < size; ++it)
    keys.push_back(it->second);
  for (uint64_t key : keys)
    close(key);
}

// --- Ranges ---------------------------------------------------------------

bool BorrowChecker::inside(const Range &r, const Instance &owner) const {
  if (!r.bits)
    return !r.contents; // no address: the owner itself, or its contents
  if (!owner.size)
    return false;
  uint64_t mask = r.bits == 64 ? ~uint64_t(0) : 0xffffffffu;
  return ((r.address - owner.address) & mask) < owner.size;
}

bool BorrowChecker::overlap(const Range &a, const Range &b) {
  if (!a.bits || !b.bits || !a.size || !b.size)
    return true; // the whole owner, or an unknown extent
  // Compared in the low 32 bits, all that accessor results keep.
  uint32_t x = uint32_t(a.address), y = uint32_t(b.address);
  uint32_t d = y - x;
  return d < a.size || uint32_t(x - y) < b.size;
}

/// Where the borrowed places are: inside the owner's own storage (the
/// variable, a field, an element of an array) or outside it (the elements of
/// a vector or string, reached through an accessor).
bool BorrowChecker::inside_owner(const Open &o) const {
  // A range-for's hidden reference to the range stands for the loop's
  // iterators, which point at the contents.
  if (o.borrower.starts_with("__range"))
    return false;
  auto owner = live_.find(o.owner);
  return owner != live_.end() && inside(o.range, owner->second);
}

/// What C and C++ programs get wrong, in Rust's terms (docs/semantics.md,
/// "Conflicts"): a call that changes the owner itself (push_back, insert,
/// erase, append, a move) while a borrow of its contents is held -- the
/// contents may move or change under the holder; or a change of a place
/// while a shared borrow of it is held -- the holder expects it unchanged.
/// Two mutable borrows of one place are how C works, and are not reported.
bool BorrowChecker::conflicts(const Open &n, const Open &o) const {
  if (!live_.count(n.owner))
    return false;
  bool in = inside_owner(n), io = inside_owner(o);
  // What an accessor returns (end(), operator[]) is a place, not a change
  // of the owner: only a call given the owner itself changes it.
  if (in && !io)
    return n.by_call && !n.range.contents && writes(n.kind);
  if (in != io || !overlap(n.range, o.range))
    return false;
  return writes(n.kind) && o.kind == Kind::Shared;
}

/// The same place given to one call twice, at least once to write it.
bool BorrowChecker::aliases(const Open &a, const Open &b) const {
  if (inside_owner(a) != inside_owner(b) || !overlap(a.range, b.range))
    return false;
  return writes(a.kind) || writes(b.kind);
}

void BorrowChecker::check_conflicts(const Open &n, const Event &e, bool fresh) {
  if (!fresh || n.kind == Kind::Unknown)
    return;
  auto list = by_owner_.find(n.owner);
  if (list == by_owner_.end())
    return;
  for (uint64_t key : list->second) {
    const Open &o = open_.at(key);
    if (o.returned || (n.holder && o.holder == n.holder && !o.kept && !n.kept) ||
        (n.destination && o.destination == n.destination))
      continue;
    if (!conflicts(n, o))
      continue;
    const Instance &inst = live_.at(n.owner);
    Violation v = violation(
        "borrow_conflict", str(e.location), n.owner, str(e.borrower_name), e,
        std::string(e.type == EventType::Move ? "move" : kind_word(n.kind)) +
            (e.type == EventType::Move ? "" : " borrow") + " of '" +
            inst.name + "' by '" + str(e.borrower_name) + "' while '" +
            o.borrower + "' holds a " + kind_word(o.kind) +
            " borrow of it (taken at " + o.location + ")");
    v.other_location = o.location;
    v.other_holder_id = o.holder;
    v.other_borrow_id = o.borrow_id;
    v.other_borrow_event = o.event;
    v.since = o.time;
    report(std::move(v));
    return;
  }
}

void BorrowChecker::check_call_group(const Open &n, const Event &e) {
  for (const auto &[owner, other] : group_.borrows)
    if (owner == n.owner && aliases(n, other)) {
      Violation v = violation("borrow_conflict", str(e.location), n.owner,
                              str(e.borrower_name), e,
                              "'" + live_.at(n.owner).name + "' is passed to '" +
                                  str(e.borrower_name) +
                                  "' twice, and at least once mutably");
      v.other_holder_id = other.holder;
      v.other_borrow_id = other.borrow_id;
      v.other_borrow_event = other.event;
      v.since = other.time;
      report(std::move(v));
      break;
    }
  group_.borrows.push_back({n.owner, n});
}

bool BorrowChecker::check_moved(uint64_t owner, const Event &e,
                                const std::string &what) {
  Instance &inst = live_.at(owner);
  if (!inst.moved)
    return false;
  if (e.type == EventType::Borrow && (callee_class(e) & callee_reinitialises)) {
    inst.moved = false; // assigned anew
    return false;
  }
  Violation v = violation("use_after_move", str(e.location), owner,
                          str(e.borrower_name), e,
                          "'" + inst.name + "' is " + what +
                              " after it was moved at " + inst.moved_at);
  v.other_location = inst.moved_at;
  v.moved_to_id = inst.moved_to;
  v.since = inst.moved_time;
  report(std::move(v));
  // One finding per move, at the first use (as clang-tidy reports): the
  // uses after it follow from the same mistake.
  inst.moved = false;
  return true;
}

// --- Events ---------------------------------------------------------------

void BorrowChecker::on_borrow(const Event &e) {
  bool whole = e.borrower_kind == BorrowerKind::Variable && e.borrower_id &&
               !e.destination && !e.kept;
  // Storing a value replaces what the holder held before.
  if (whole)
    release_variable(*e.borrower_id, true);
  if (e.destination && !e.kept)
    release_destination(*e.destination);

  uint64_t owner = e.owner_id.value_or(0);
  if (!owner || !live_.count(owner))
    return; // holds no variable now
  Open n;
  n.owner = owner;
  n.kind = kind_of(e.mutability);
  n.kept = e.kept;
  n.whole_holder = whole;
  n.by_call = e.borrower_kind == BorrowerKind::Call;
  if (e.borrower_id && (whole || e.kept || e.destination))
    n.holder = *e.borrower_id;
  n.destination = e.destination.value_or(0);
  if (e.kept && e.destination)
    n.destination = 0; // kept by an object in memory: many at one place
  if (e.kept && !e.borrower_id && e.destination)
    n.holder = 0;
  if (e.address) {
    n.range.address = *e.address;
    n.range.bits = e.address_bits;
    n.range.size = e.size.value_or(0);
  }
  n.range.contents = e.contents;
  n.borrow_id = e.borrow_id;
  n.event = e.index + 1;
  n.time = e.timestamp;
  n.location = str(e.location);
  n.borrower = str(e.borrower_name);

  // A reborrow derives from a borrow that exists, as does a borrow through a
  // reference; a destructor is part of the drop. None is a new borrow.
  bool fresh = !e.reborrow && e.through.empty() &&
               !(callee_class(e) & callee_destructor);
  if (fresh) {
    check_moved(owner, e, "used by '" + str(e.borrower_name) + "'");
    check_conflicts(n, e, fresh);
  }
  // A pointer passed on aliases as much as a fresh one: `f(&x, p)`.
  if (e.borrower_kind == BorrowerKind::Call &&
      !(callee_class(e) & callee_destructor))
    check_call_group(n, e);
  if (e.borrower_kind == BorrowerKind::Call && !e.kept &&
      (callee_class(e) & callee_lets_go))
    release_kept(owner);

  if (e.dead)
    return; // never used: over as soon as it is taken
  if (e.borrower_kind == BorrowerKind::Return) {
    n.returned = true;
    open(std::move(n));
  } else if (whole || e.kept || e.destination) {
    open(std::move(n));
  }
}

void BorrowChecker::on_move(const Event &e) {
  auto from = live_.find(e.from_id);
  if (from == live_.end())
    return;
  Event as_use = e;
  as_use.borrower_name = e.to_name;
  if (!check_moved(e.from_id, as_use,
                   "moved again into '" + str(e.to_name) + "'")) {
    Open n;
    n.owner = e.from_id;
    n.kind = Kind::Move;
    n.by_call = true;
    check_conflicts(n, as_use, true);
  }
  from->second.moved = true;
  from->second.moved_at = str(e.location);
  from->second.moved_time = e.timestamp;
  from->second.moved_to = e.to_id.value_or(0);
  // What the moved object kept goes with it.
  auto kept = by_holder_.find(e.from_id);
  std::vector<uint64_t> keys;
  if (kept != by_holder_.end())
    for (uint64_t key : kept->second)
      if (open_.at(key).kept)
        keys.push_back(key);
  for (uint64_t key : keys) {
    Open o = open_.at(key);
    close(key);
    if (e.to_id && live_.count(*e.to_id)) {
      o.holder = *e.to_id;
      open(std::move(o));
    }
  }
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
      close(key);
      Violation v =
          violation("dangling_borrow", o.location, id, o.borrower, e, "");
      v.other_location = str(e.location);
      v.borrow_id = o.borrow_id;
      v.borrow_event = o.event;
      v.borrower_id = o.holder;
      v.since = o.time;
      const std::string declared = "'" + inst->second.name + "' (declared at " +
                                   inst->second.location + ") is dropped at " +
                                   str(e.location);
      if (o.returned) {
        v.message = "the address of '" + inst->second.name +
                    "' is returned here, but it is dropped at " +
                    str(e.location) + " when the function returns";
        report(std::move(v));
      } else if (o.holder && live_.count(o.holder)) {
        // Held by a variable (whose value has a use ahead, else it was
        // released) or an object: fine if the holder drops at the same
        // scope exit, nothing running in between (what a JSON trace without
        // last uses needs; a trace with them never gets here for a holder
        // that is used no more).
        v.message = declared + " while '" + o.borrower +
                    "' still holds the borrow taken here";
        pending_[e.thread].push_back({std::move(v), o.holder, str(e.location)});
      } else if (!o.holder) {
        v.message = declared + " while '" + o.borrower +
                    "' still holds the address stored here";
        report(std::move(v));
      }
    }
  }
  // Borrows this variable holds end with it, and what is stored in it.
  if (auto held = by_holder_.find(id); held != by_holder_.end()) {
    std::vector<uint64_t> keys = held->second;
    for (uint64_t key : keys)
      close(key);
  }
  if (inst->second.size)
    release_memory_in(inst->second.address, inst->second.size);
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
  live_.erase(inst);
}

void BorrowChecker::on_free(const Event &e) {
  if (e.address && e.size)
    release_memory_in(*e.address, *e.size);
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
  Violation v{kind, location, inst.name, borrower, inst.location, "",
              std::move(message)};
  v.owner_id = owner;
  v.borrow_id = e.type == EventType::Borrow ? e.borrow_id : 0;
  v.borrow_event = e.type == EventType::Borrow ? e.index + 1 : 0;
  v.borrower_id = e.type == EventType::Move ? e.to_id.value_or(0)
                                            : e.borrower_id.value_or(0);
  v.time = e.timestamp;
  v.thread = e.thread;
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

std::string format_violation(const Violation &v) {
  std::string line = v.location + ": " + v.kind + ": " + v.message;
  if (v.count > 1)
    line += " (" + std::to_string(v.count) + " times)";
  return line;
}

} // namespace borrowscope
