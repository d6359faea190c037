// The records a trace is made of (docs/trace-format.md), as the readers hand
// them out: one Event at a time, plus the header before the events and the
// trailer (threads, counts, how the process ended) after them.
#ifndef BORROWSCOPE_TOOL_EVENT_H
#define BORROWSCOPE_TOOL_EVENT_H

#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace borrowscope {

/// New, Borrow, Move, Drop: as in the original BorrowScope. Release: a
/// holder's value is used for the last time, the borrow it holds ends there
/// (non-lexical lifetimes). Free: heap memory is freed (what it held ends).
/// Flush: the runtime held the thread up for `size` ns from `timestamp`
/// (writing out its records): no part of the program's own time.
enum class EventType : uint8_t { New, Borrow, Move, Drop, Release, Free, Flush };
inline constexpr size_t event_type_count = 7;

/// Who took the address: a local variable, a call argument, a return value,
/// or a store into memory (field, heap, global). Unknown: a writer newer or
/// older than this reader used a kind it does not know.
enum class BorrowerKind : uint8_t { Variable, Call, Return, Escape, Unknown };

/// A Borrow's `kind` (older traces only have `mutable`: false, true, null):
/// shared, mutable, move (bound to T&&), or unknown (the types do not tell).
enum class Mutability : uint8_t { Shared, Mutable, Unknown, Move };

std::string_view event_type_name(EventType t);
std::string_view borrower_kind_name(BorrowerKind k);
/// "shared", "mut", "move" or "unknown".
std::string_view mutability_name(Mutability m);
/// The trace format's spelling: "shared", "mutable", "move", "unknown".
std::string_view borrow_kind_name(Mutability m);

/// One event. Fields not used by the event's type stay empty. Readers reuse
/// one Event for the whole trace, and the text fields point into the
/// reader's own storage: copy what you keep.
struct Event {
  EventType type = EventType::New;
  uint64_t index = 0; ///< position in the trace's event order, from 0
  uint64_t timestamp = 0;
  uint64_t thread = 0;
  std::string_view location;
  std::string_view function;
  /// Identifies the static site the event comes from (0: unknown, e.g. a
  /// JSON trace): equal for every event of one instrumentation point.
  uint64_t site = 0;

  // New, Drop, Release (var_id: the instance; Release: the holder)
  uint64_t var_id = 0;
  std::string_view var_name;
  std::string_view type_name;
  bool unwind = false;
  /// Drop: the instance's frame was skipped by a longjmp; it ends at the
  /// jump (the longjmp's location when known, else the variable's own).
  bool abandoned = false;
  std::optional<uint64_t> size; ///< New: the instance's bytes; Borrow: how
                                ///< many are borrowed; Free: the block's;
                                ///< Flush: its duration, ns

  // Borrow
  uint64_t borrow_id = 0;             ///< 1, 2, ... in event order
  std::optional<uint64_t> owner_id;   ///< null when it holds no variable
  std::optional<uint64_t> borrower_id;
  std::string_view owner_name;        ///< empty when null
  std::string_view borrower_name;
  BorrowerKind borrower_kind = BorrowerKind::Unknown;
  Mutability mutability = Mutability::Unknown;
  /// The owner is whichever live variable's address range holds `address`:
  /// the pointer came from elsewhere (a parameter, memory, a call).
  bool reborrow = false;
  /// Where the address is stored, when that is memory (a field, the heap, a
  /// global) rather than a whole variable.
  std::optional<uint64_t> destination;
  /// The reference variable the address was read through: the reference's
  /// borrow passed on, not a new one. Empty when none.
  std::string_view through;
  /// The holder never uses the value: the borrow ends at once.
  bool dead = false;
  /// The holder keeps the borrow until it drops or is reassigned (an object,
  /// a variable whose own address is taken): no Release ends it.
  bool lexical = false;
  /// A call keeps the argument in an object, the holder (borrower_id, or the
  /// memory at destination).
  bool kept = false;
  /// The borrow is of what an accessor of the owner returned (`v.begin()`,
  /// `s.data()`): the owner's contents, which need not lie in its storage.
  bool contents = false;
  /// Borrows by one execution of one call share this (0: none).
  uint64_t call = 0;
  /// How many low bits of `address` are known (64, or 32 for a pointer an
  /// accessor returned, whose owner is named by id).
  uint8_t address_bits = 64;

  // New, Drop (the instance's address), Borrow (what is borrowed), Free
  std::optional<uint64_t> address;

  // Move
  uint64_t from_id = 0;
  std::optional<uint64_t> to_id;
  std::string_view from_name;
  std::string_view to_name;
  /// Moved into a call's parameter or a temporary, not into a variable.
  bool into_call = false;
};

/// An Event that owns its text (readers' Events point into their storage,
/// which the next event reuses): for sinks that keep events.
class StoredEvent {
public:
  StoredEvent(const Event &e) { assign(e); }
  StoredEvent(const StoredEvent &o) { assign(o.event_); }
  StoredEvent &operator=(const StoredEvent &o) {
    assign(o.event_);
    return *this;
  }
  const Event &operator*() const { return event_; }
  const Event *operator->() const { return &event_; }
  operator const Event &() const { return event_; }

private:
  void assign(const Event &e) {
    event_ = e;
    std::string_view Event::*fields[] = {
        &Event::location,      &Event::function, &Event::var_name,
        &Event::type_name,     &Event::owner_name, &Event::borrower_name,
        &Event::through,       &Event::from_name, &Event::to_name};
    for (size_t i = 0; i < std::size(fields); ++i) {
      text_[i] = e.*fields[i];
      event_.*fields[i] = text_[i];
    }
  }
  Event event_;
  std::string text_[9];
};

/// The fields before the events.
struct TraceHeader {
  uint64_t version = 0;
  std::string program;
  std::optional<uint64_t> pid;
  std::string timestamp_unit;
  /// Every group of events has its own clock reading (BORROWSCOPE_CLOCK=
  /// exact); else timestamps between clock records are interpolated.
  bool exact_clock = false;
  /// Source variables the instrumentation left out (BORROWSCOPE_VARIABLES=
  /// ownership) and all of them, over the program's instrumented modules.
  uint64_t variables_untraced = 0, variables_total = 0;
};

/// One thread.
struct ThreadInfo {
  uint64_t id = 0;
  uint64_t os_tid = 0;
  std::string name;
  uint64_t events = 0;
};

/// How the process ended, when the trace says.
enum class ProcessEnd : uint8_t { Unknown, Exit, Signal, Exec, Abort };

/// The fields after the events. `complete` is false when the trace was cut
/// short (killed, disk full): `missing` then says what is known to be lost.
struct TraceTrailer {
  std::vector<ThreadInfo> threads;
  std::optional<uint64_t> event_count;
  std::optional<uint64_t> lost_events;
  uint64_t events_read = 0;
  bool complete = true;
  /// Why the trace is incomplete, one line ("" when complete).
  std::string missing;
  ProcessEnd end = ProcessEnd::Unknown;
  int64_t end_status = 0; ///< exit code, or signal number
};

} // namespace borrowscope

#endif
