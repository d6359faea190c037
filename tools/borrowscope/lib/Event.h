// The records a trace is made of (docs/trace-format.md), as the reader hands
// them out: one Event at a time, plus the header before the events and the
// trailer (thread list, counts) after them.
#ifndef BORROWSCOPE_TOOL_EVENT_H
#define BORROWSCOPE_TOOL_EVENT_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace borrowscope {

enum class EventType : uint8_t { New, Borrow, Move, Drop };

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

/// One entry of `events`. Fields not used by the event's type stay empty.
/// The reader reuses one Event for the whole trace: copy what you keep.
struct Event {
  EventType type = EventType::New;
  uint64_t index = 0; ///< position in the events array, from 0
  uint64_t timestamp = 0;
  uint64_t thread = 0;
  std::string location;
  std::string function;

  // New, Drop
  uint64_t var_id = 0;
  std::string var_name;
  std::string type_name;
  bool unwind = false;
  std::optional<uint64_t> size; ///< with address: where the instance lives

  // Borrow
  std::optional<uint64_t> owner_id; ///< null for a reborrow
  std::optional<uint64_t> borrower_id;
  std::string owner_name; ///< empty when null (a reborrow)
  std::string borrower_name;
  BorrowerKind borrower_kind = BorrowerKind::Unknown;
  Mutability mutability = Mutability::Unknown;
  /// The owner is whichever live variable's address range holds `address`.
  bool reborrow = false;
  /// Where the address is stored, when that is memory (a field, the heap, a
  /// global) rather than a whole variable.
  std::optional<uint64_t> destination;
  /// The reference variable the address was read through: the reference's
  /// borrow passed on, not a new one. Empty when none.
  std::string through;

  // New, Drop (the instance's address), Borrow (a reborrow's address)
  std::optional<uint64_t> address;

  // Move
  uint64_t from_id = 0;
  std::optional<uint64_t> to_id;
  std::string from_name;
  std::string to_name;
};

/// The fields before `events`.
struct TraceHeader {
  uint64_t version = 0;
  std::string program;
  std::optional<uint64_t> pid;
  std::string timestamp_unit;
};

/// One entry of `threads`.
struct ThreadInfo {
  uint64_t id = 0;
  uint64_t os_tid = 0;
  std::string name;
  uint64_t events = 0;
};

/// The fields after `events`. `complete` is false when the trace was cut
/// short (and the reader was asked to accept that).
struct TraceTrailer {
  std::vector<ThreadInfo> threads;
  std::optional<uint64_t> event_count;
  std::optional<uint64_t> lost_events;
  uint64_t events_read = 0;
  bool complete = true;
};

} // namespace borrowscope

#endif
