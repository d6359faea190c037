// Views derived from a trace's events: variable instances with their
// lifetimes, borrows with a start and an end, moves, and threads. Reports,
// exports and checks work on this rather than on raw events.
//
// The rules that turn events into intervals are documented in docs/tool.md
// ("How events become lifetimes and borrows"); the short version:
//  - an instance lives from its New to its Drop (open when never dropped);
//  - a reborrow (a pointer from elsewhere stored into a variable) borrows
//    the variable whose address range, live at that time, holds the address;
//  - a borrow into a variable ends when that borrower instance drops, or when
//    a later borrow is stored into the same borrower (or the same
//    destination, for stores into fields and memory): it replaces the first;
//  - a borrow by a call lasts while the callee runs: until the last event of
//    the callee before the caller's next event (an instant if the callee
//    recorded nothing);
//  - a borrow that is returned or escapes lasts until the owner drops.
#ifndef BORROWSCOPE_TOOL_OWNERSHIP_MODEL_H
#define BORROWSCOPE_TOOL_OWNERSHIP_MODEL_H

#include "Event.h"
#include "RuntimeSpans.h"
#include "StringTable.h"
#include "TraceReader.h"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace borrowscope {

inline constexpr uint32_t no_index = UINT32_MAX;

/// One instance of a variable (one execution of its declaration).
struct Variable {
  enum Flags : uint8_t {
    Created = 1, ///< its New is in the trace (else: first seen in another event)
    Dropped = 2, ///< its Drop is in the trace
    Unwound = 4, ///< dropped by an exception unwinding its scope
    MovedOut = 8, ///< something was moved out of it
    HasAddress = 16, ///< address and size are known (its address was taken)
    Abandoned = 32 ///< ended by a longjmp over its frame
  };
  uint64_t id = 0;
  uint64_t thread = 0;
  /// ns; the New's timestamp, or when it was first referenced without a New.
  uint64_t created = 0;
  uint64_t dropped = 0; ///< valid with Dropped
  uint64_t address = 0, size = 0; ///< valid with HasAddress
  StrId name = 0, type = 0, function = 0, location = 0, drop_location = 0;
  uint32_t thread_index = 0; ///< into OwnershipModel::threads
  uint8_t flags = 0;

  bool has(Flags f) const { return flags & f; }
};

/// How a borrow's end was decided.
enum class BorrowEnd : uint8_t {
  BorrowerDropped, ///< the borrowing variable instance dropped
  Replaced,        ///< a later borrow was stored into the same borrower
  CallReturned,    ///< the callee's last event before the caller resumed
  Instant,         ///< a call whose callee recorded nothing
  OwnerDropped,    ///< returned/escaped: until the owner dropped
  Open,            ///< still active when the trace ends
  LastUse,         ///< the holder's value was used for the last time
  Freed,           ///< the heap memory holding it was freed
  Dead             ///< the holder never used it
};
std::string_view borrow_end_name(BorrowEnd e);

struct Borrow {
  uint64_t id = 0; ///< the trace's borrow_id
  uint64_t owner_id = 0;
  uint64_t borrower_id = 0; ///< valid with has_borrower_id
  uint64_t start = 0;
  uint64_t end = 0; ///< ns; for Open, the last event of the borrow's thread
  /// ns: how long its holder held it (lexically: until the holder dropped
  /// or took another value), which may be later than `end`, its last use.
  uint64_t held_until = 0;
  uint64_t thread = 0;
  uint64_t event_index = 0;
  uint32_t owner = no_index;    ///< index into variables
  uint32_t borrower = no_index; ///< index into variables (variable borrows)
  uint32_t thread_index = 0;
  StrId owner_name = 0, borrower_name = 0, location = 0, function = 0;
  uint64_t address = 0;     ///< reborrows: the address that was stored
  uint64_t destination = 0; ///< valid with has_destination
  BorrowerKind kind = BorrowerKind::Unknown;
  Mutability mutability = Mutability::Unknown;
  BorrowEnd end_rule = BorrowEnd::Open;
  bool has_borrower_id = false;
  bool reborrow = false; ///< the owner was found by address
  bool has_destination = false;
  bool dead = false;    ///< the holder never used it
  bool lexical = false; ///< no last use ends it (an object, ...)
  bool kept = false;    ///< a call keeps it in an object, the holder
};

struct Move {
  uint64_t from_id = 0;
  uint64_t to_id = 0; ///< valid with has_to_id
  uint64_t time = 0;
  uint64_t thread = 0;
  uint32_t from = no_index, to = no_index; ///< indices into variables
  uint32_t thread_index = 0;
  StrId from_name = 0, to_name = 0, location = 0, function = 0;
  bool has_to_id = false;
};

struct Thread {
  uint64_t id = 0;
  uint64_t os_tid = 0;
  std::string name;        ///< from `threads`, or "thread N"
  uint64_t events = 0;     ///< events of this thread in the trace
  uint64_t listed_events = 0;
  uint64_t first = 0, last = 0; ///< ns of its first and last event
  bool listed = false;     ///< it has an entry in `threads`
};

/// Events that contradict the format (a Drop without New, ...). The model
/// copes with them; reports mention them.
struct Anomalies {
  uint64_t unknown_ids = 0;   ///< Drop/Borrow/Move of an id never created
  uint64_t created_twice = 0; ///< New of an id already created
  uint64_t dropped_twice = 0;
  uint64_t time_backwards = 0; ///< a thread's timestamp decreased
  /// Not contradictions, but worth knowing: reborrows whose address is no
  /// live variable's (heap memory, a literal, null). They release what the
  /// borrower held and are not borrows themselves.
  uint64_t reborrows_of_no_variable = 0;
  std::vector<std::string> examples; ///< the first few, as messages
  uint64_t total() const {
    return unknown_ids + created_twice + dropped_twice + time_backwards;
  }
};

struct OwnershipModel {
  TraceHeader header;
  std::optional<uint64_t> event_count, lost_events;
  bool complete = true; ///< false for a trace cut short
  std::string missing;  ///< why it is incomplete, one line
  ProcessEnd end = ProcessEnd::Unknown; ///< how the process ended
  int64_t end_status = 0;

  StringTable strings;
  std::vector<Thread> threads; ///< by id
  std::vector<Variable> variables; ///< in order of creation (first event)
  std::vector<Borrow> borrows;     ///< in trace order
  std::vector<Move> moves;         ///< in trace order

  uint64_t events = 0;
  std::array<uint64_t, event_type_count> events_by_type{}; ///< indexed by EventType
  uint64_t first_time = 0, last_time = 0;   ///< over all events
  Anomalies anomalies;
  /// Flush events: when the runtime held each thread up.
  RuntimeSpans runtime;
  /// Durations include the runtime's spans (else they are taken out).
  bool count_runtime = false;

  const std::string &str(StrId id) const { return strings[id]; }
  /// Borrows by kind, as reports and exports count them.
  struct BorrowCounts {
    uint64_t shared = 0, mut = 0, move = 0, unknown = 0;
  };
  BorrowCounts borrow_counts() const;
  /// When \p v ends: its Drop, or its thread's last event if never dropped.
  uint64_t lifetime_end(const Variable &v) const;
  /// How long \p v lived, and how long \p b lasted, without the runtime's
  /// spans in that time (unless count_runtime).
  uint64_t lifetime(const Variable &v) const;
  uint64_t duration(const Borrow &b) const;
  /// Index into variables of the last instance with this id, or no_index.
  uint32_t find_variable(uint64_t id) const;

  std::unordered_map<uint64_t, uint32_t> variable_by_id;
};

/// Builds the model from events; usable as a TraceSink (and so in a tee with
/// other sinks). take() resolves borrow ends and hands the model out.
class ModelBuilder : public TraceSink {
public:
  ModelBuilder();
  void on_header(const TraceHeader &h) override;
  void on_event(const Event &e) override;
  void on_trailer(const TraceTrailer &t) override;
  OwnershipModel take();

private:
  struct PendingCall {
    uint32_t borrow;
    StrId caller, callee;
  };
  uint32_t thread_index(uint64_t id, uint64_t timestamp);
  uint32_t variable_for(uint64_t id, const Event &e, StrId name);
  void note(const Event &e, std::string what);
  void follow_calls(uint32_t thread, const Event &e, StrId function);
  void resolve_reborrows();
  void apply_last_uses();
  void resolve_borrow_ends();
  void drop_releases();
  void sort_threads();

  OwnershipModel m_;
  std::unordered_map<uint64_t, uint32_t> thread_by_id_;
  struct Mark {
    uint64_t event, time;
  };
  /// Releases by holder id, and frees, in trace order.
  std::unordered_map<uint64_t, std::vector<Mark>> releases_;
  struct FreeMark {
    uint64_t address, size, event, time;
  };
  std::vector<FreeMark> frees_;
  bool frees_sorted_ = false;
  uint64_t largest_free_ = 0;
  const FreeMark *free_after(uint64_t address, uint64_t after);
  std::vector<std::vector<PendingCall>> pending_calls_; ///< per thread index
  uint64_t last_thread_id_ = 0;
  uint32_t last_thread_index_ = no_index;
};

/// Reads a trace file into a model (throws TraceError).
OwnershipModel load_model(const std::string &path, ReadOptions options = {});

/// Sends every callback to several sinks, in order.
class TeeSink : public TraceSink {
public:
  TeeSink(std::initializer_list<TraceSink *> sinks) : sinks_(sinks) {}
  void on_header(const TraceHeader &h) override {
    for (TraceSink *s : sinks_)
      s->on_header(h);
  }
  void on_event(const Event &e) override {
    for (TraceSink *s : sinks_)
      s->on_event(e);
  }
  void on_trailer(const TraceTrailer &t) override {
    for (TraceSink *s : sinks_)
      s->on_trailer(t);
  }

private:
  std::vector<TraceSink *> sinks_;
};

} // namespace borrowscope

#endif
