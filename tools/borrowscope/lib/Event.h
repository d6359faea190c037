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

/// `mutable` of a Borrow: false, true, or null (the types do not tell).
enum class Mutability : uint8_t { Shared, Mutable, Unknown };

std::string_view event_type_name(EventType t);
std::string_view borrower_kind_name(BorrowerKind k);
/// "shared", "mut" or "unknown".
std::string_view mutability_name(Mutability m);

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

  // Borrow
  uint64_t owner_id = 0;
  std::optional<uint64_t> borrower_id;
  std::string owner_name;
  std::string borrower_name;
  BorrowerKind borrower_kind = BorrowerKind::Unknown;
  Mutability mutability = Mutability::Unknown;

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
