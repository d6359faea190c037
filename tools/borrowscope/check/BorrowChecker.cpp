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
  if (e.type == EventType::Flush)
    return; // the runtime's own time: no part of any group
  bool part_of_a_drop = e.type == EventType::Drop ||
                        e.type == EventType::Release ||
                        (e.type == EventType::Borrow &&
                         (callee_class(e) & callee_destructor));
  if (!part_of_a_drop)
    confirm_pending(e.thread);
  if (!same_call(e)) {
    // A new group, in place: its strings and list keep their memory (this
    // runs for nearly every event). The texts are compared only in a
    // call's group without a call id (same_call).
    group_.thread = e.thread;
    group_.call = e.call;
    group_.timestamp = e.timestamp;
    group_.is_call = e.type == EventType::Borrow &&
                     e.borrower_kind == BorrowerKind::Call;
    if (group_.is_call && !e.call) {
      group_.location.assign(e.location);
      group_.callee.assign(e.borrower_name);
    }
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
  case EventType::Flush:
    break;
  }
  note_peak();
}

/// The arguments of one execution of one call: the same call id (binary
/// traces), or in a JSON trace without them consecutive call borrows at one
/// time, place and callee.
bool BorrowChecker::same_call(const Event &e) const {
  // Only a call's borrow starts a group another can join (an event of
  // another kind leaves the group empty, which a new one replaces alike).
  if (e.type != EventType::Borrow || e.borrower_kind != BorrowerKind::Call ||
      !group_.is_call || e.thread != group_.thread)
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
  inst.name = kept_.keep(e.var_name);
  inst.location = kept_.keep(e.location);
  inst.thread = e.thread;
  if (e.address && e.size) {
    inst.address = *e.address;
    inst.size = *e.size;
  }
  live_[e.var_id] = std::move(inst);
}

/// What C and C++ programs get wrong, in Rust's terms (docs/semantics.md,
/// "Conflicts"): a call that changes the owner itself (push_back, insert,
/// erase, append, a move) while a borrow of its contents is held -- the
/// contents may move or change under the holder; or a change of a place
/// while a shared borrow of it is held -- the holder expects it unchanged.
/// Two mutable borrows of one place are how C works, and are not reported.
bool BorrowChecker::conflicts(const Open &n, const Open &o) const {
  if (!live_.contains(n.owner))
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
  const SmallIds *list = by_owner_.find(n.owner);
  if (!list)
    return;
  for (uint64_t key : *list) {
    const Open &o = open_.at(key);
    if (o.returned || (n.holder && o.holder == n.holder && !o.kept && !n.kept) ||
        (n.destination && o.destination == n.destination))
      continue;
    if (!conflicts(n, o))
      continue;
    if (counted_again("borrow_conflict", e.location))
      return;
    const Instance &inst = live_.at(n.owner);
    Violation v = violation(
        "borrow_conflict", str(e.location), n.owner, str(e.borrower_name), e,
        std::string(e.type == EventType::Move ? "move" : kind_word(n.kind)) +
            (e.type == EventType::Move ? "" : " borrow") + " of '" +
            str(inst.name) + "' by '" + str(e.borrower_name) + "' while '" +
            str(o.borrower) + "' holds a " + kind_word(o.kind) +
            " borrow of it (taken at " + str(o.location) + ")");
    v.other_location = str(o.location);
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
      if (counted_again("borrow_conflict", e.location))
        break;
      Violation v = violation("borrow_conflict", str(e.location), n.owner,
                              str(e.borrower_name), e,
                              "'" + str(live_.at(n.owner).name) +
                                  "' is passed to '" +
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
                                const char *verb, std::string_view whom) {
  Instance &inst = live_.at(owner);
  if (!inst.moved)
    return false;
  if (e.type == EventType::Borrow && (callee_class(e) & callee_reinitialises)) {
    inst.moved = false; // assigned anew
    return false;
  }
  if (counted_again("use_after_move", e.location)) {
    inst.moved = false; // as below
    return true;
  }
  Violation v = violation("use_after_move", str(e.location), owner,
                          str(e.borrower_name), e,
                          "'" + str(inst.name) + "' is " + verb + " '" +
                              str(whom) + "' after it was moved at " +
                              str(inst.moved_at));
  v.other_location = str(inst.moved_at);
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
  if (!owner || !live_.contains(owner))
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
  n.location = kept_.keep(e.location);
  n.borrower = kept_.keep(e.borrower_name);

  // A reborrow derives from a borrow that exists, as does a borrow through a
  // reference; a destructor is part of the drop. None is a new borrow.
  bool fresh = !e.reborrow && e.through.empty() &&
               !(callee_class(e) & callee_destructor);
  if (fresh) {
    check_moved(owner, e, "used by", e.borrower_name);
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
  if (!live_.contains(e.from_id))
    return;
  Event as_use = e;
  as_use.borrower_name = e.to_name;
  if (!check_moved(e.from_id, as_use, "moved again into", e.to_name)) {
    Open n;
    n.owner = e.from_id;
    n.kind = Kind::Move;
    n.by_call = true;
    check_conflicts(n, as_use, true);
  }
  Instance &from = live_.at(e.from_id);
  from.moved = true;
  from.moved_at = kept_.keep(e.location);
  from.moved_time = e.timestamp;
  from.moved_to = e.to_id.value_or(0);
  // What the moved object kept goes with it.
  std::vector<uint64_t> keys;
  if (const SmallIds *kept = by_holder_.find(e.from_id))
    for (uint64_t key : *kept)
      if (open_.at(key).kept)
        keys.push_back(key);
  for (uint64_t key : keys) {
    Open o = open_.at(key);
    close(key);
    if (e.to_id && live_.contains(*e.to_id)) {
      o.holder = *e.to_id;
      open(std::move(o));
    }
  }
  if (e.to_id)
    if (Instance *to = live_.find(*e.to_id))
      to->moved = false;
}

void BorrowChecker::on_drop(const Event &e) {
  uint64_t id = e.var_id;
  if (!live_.contains(id))
    return;
  // Valid to the end: live_ changes only there.
  const Instance *inst = live_.find(id);
  // Borrows of this variable that are still open.
  if (const SmallIds *list = by_owner_.find(id)) {
    keys_.assign(list->begin(), list->end());
    for (uint64_t key : keys_) {
      Open o = open_.at(key);
      close(key);
      if (seen_.count(std::pair("dangling_borrow", o.location))) {
        // Another case of a finding made already: only its count changes
        // (now, or when the pending case is confirmed).
        Violation v;
        v.kind = "dangling_borrow";
        v.location = str(o.location);
        if (o.returned || !o.holder)
          report(std::move(v));
        else if (live_.contains(o.holder))
          pending_[e.thread].push_back(
              {std::move(v), o.holder, kept_.keep(e.location)});
        continue;
      }
      Violation v =
          violation("dangling_borrow", str(o.location), id, str(o.borrower),
                    e, "");
      v.other_location = str(e.location);
      v.borrow_id = o.borrow_id;
      v.borrow_event = o.event;
      v.borrower_id = o.holder;
      v.since = o.time;
      const std::string declared =
          "'" + str(inst->name) + "' (declared at " +
          str(inst->location) + ") is dropped at " + str(e.location);
      if (o.returned) {
        v.message = "the address of '" + str(inst->name) +
                    "' is returned here, but it is dropped at " +
                    str(e.location) + " when the function returns";
        report(std::move(v));
      } else if (o.holder && live_.contains(o.holder)) {
        // Held by a variable (whose value has a use ahead, else it was
        // released) or an object: fine if the holder drops at the same
        // scope exit, nothing running in between (what a JSON trace without
        // last uses needs; a trace with them never gets here for a holder
        // that is used no more).
        v.message = declared + " while '" + str(o.borrower) +
                    "' still holds the borrow taken here";
        pending_[e.thread].push_back(
            {std::move(v), o.holder, kept_.keep(e.location)});
      } else if (!o.holder) {
        v.message = declared + " while '" + str(o.borrower) +
                    "' still holds the address stored here";
        report(std::move(v));
      }
    }
  }
  // Borrows this variable holds end with it, and what is stored in it.
  if (const SmallIds *held = by_holder_.find(id)) {
    keys_.assign(held->begin(), held->end());
    for (uint64_t key : keys_)
      close(key);
  }
  if (inst->size)
    release_memory_in(inst->address, inst->size);
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
    if (pending.empty())
      pending_.erase(list);
  }
  live_.erase(id);
}

void BorrowChecker::on_free(const Event &e) {
  if (e.address && e.size)
    release_memory_in(*e.address, *e.size);
}

void BorrowChecker::confirm_pending(uint64_t thread) {
  if (pending_.empty())
    return; // nearly always: lists are erased once empty
  auto list = pending_.find(thread);
  if (list == pending_.end())
    return;
  for (Pending &p : list->second)
    report(std::move(p.violation));
  pending_.erase(list);
}

Violation BorrowChecker::violation(const char *kind,
                                   const std::string &location,
                                   uint64_t owner, const std::string &borrower,
                                   const Event &e, std::string message) const {
  const Instance &inst = live_.at(owner);
  Violation v{kind,        location, str(inst.name), borrower,
              str(inst.location), "",       std::move(message)};
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
  if (counted_again(v.kind, v.location))
    return;
  seen_.emplace(std::pair(v.kind, v.location), violations_.size());
  violations_.push_back(std::move(v));
}

bool BorrowChecker::counted_again(std::string_view kind,
                                  std::string_view location) {
  auto it = seen_.find(std::pair(kind, location));
  if (it == seen_.end())
    return false;
  ++violations_[it->second].count;
  return true;
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
