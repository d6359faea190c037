// `borrowscope check`: Rust's borrow rules applied to a trace, in one
// streaming pass (docs/semantics.md). Only live state is kept (instances,
// open borrows, moved-from flags), so memory does not grow with the trace.
// The same checker runs inside a program in check mode (BORROWSCOPE_MODE).
#ifndef BORROWSCOPE_TOOL_BORROW_CHECKER_H
#define BORROWSCOPE_TOOL_BORROW_CHECKER_H

#include "FlatMap.h"
#include "Findings.h"
#include "KeptText.h"
#include "TraceReader.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace borrowscope {

/// One finding, deduplicated per (kind, location).
struct Violation {
  std::string kind;     ///< dangling_borrow, borrow_conflict, use_after_move
  std::string location; ///< file:line:col of the statement that does it
  std::string owner;    ///< the variable the rule is about
  std::string borrower; ///< who borrows (or what moved it)
  std::string owner_location; ///< where the owner is declared
  /// The second place: where the borrow was taken or the move happened (for
  /// a dangling borrow, where the owner dropped).
  std::string other_location;
  std::string message; ///< one line for people (of the first case)
  uint64_t count = 1;  ///< cases at this location
  uint64_t owner_id = 0;    ///< instance of the first case
  /// The holder instance, if a variable or object: of the dangling borrow,
  /// of the new borrow in a conflict, where a second move moved it to.
  uint64_t borrower_id = 0;
  uint64_t borrow_id = 0;   ///< the borrow of the first case
  uint64_t time = 0;        ///< ns, of the first case
  uint64_t thread = 0;
  /// The second party, where there is one: for a conflict, the holder and
  /// borrow that were there first; for a use after move, where it went.
  uint64_t other_holder_id = 0, other_borrow_id = 0, moved_to_id = 0;
  /// The Borrow events of borrow_id and other_borrow_id: their index in the
  /// trace plus 1 (0: none). What ties a violation to the model's borrows,
  /// also in traces without borrow ids.
  uint64_t borrow_event = 0, other_borrow_event = 0;
  /// ns: when it began: the borrow was taken (dangling; conflict: the one
  /// there first) or the owner was moved (use after move). 0: unknown.
  uint64_t since = 0;
};

class BorrowChecker : public TraceSink {
public:
  void on_event(const Event &e) override;
  void on_trailer(const TraceTrailer &t) override;

  /// In order of first occurrence.
  const std::vector<Violation> &violations() const { return violations_; }

  /// Most instances and open borrows held at once: the memory bound.
  uint64_t peak_live() const { return peak_live_; }

  /// The events' texts (names, locations) stay valid and unchanged while
  /// this checker takes events and reports: they need no copy (check
  /// mode's, which are its site catalog's).
  void set_stable_texts(bool stable) { kept_.set_stable(stable); }

private:
  /// Texts kept by live state (names, locations) are views into kept_.
  struct Instance {
    std::string_view name, location;
    uint64_t thread = 0;
    uint64_t address = 0, size = 0; ///< size 0: address not recorded
    bool moved = false;
    std::string_view moved_at;
    uint64_t moved_time = 0, moved_to = 0;
  };
  enum class Kind { Shared, Mutable, Move, Unknown };
  /// What a borrow covers: an address range, known to 64 or 32 low bits.
  struct Range {
    uint64_t address = 0, size = 0; ///< size 0: unknown extent
    uint8_t bits = 0;               ///< 0: no address (the whole owner)
    bool contents = false; ///< no address, but of what an accessor returned
  };
  struct Open {
    uint64_t owner = 0;
    uint64_t holder = 0;      ///< the holding variable or object, or 0
    uint64_t destination = 0; ///< held in memory there, or 0
    bool whole_holder = false; ///< held by a whole (pointer) variable
    bool kept = false;         ///< kept by an object through a call
    bool returned = false;     ///< `return &x`: dangles when x drops
    bool by_call = false;      ///< taken by a call (or a move): it acts
    Kind kind = Kind::Unknown;
    Range range;
    uint64_t borrow_id = 0, time = 0;
    uint64_t event = 0; ///< the Borrow's index in the trace, plus 1
    std::string_view location, borrower;
  };
  /// A dangling borrow held by an object or a memory location inside one,
  /// confirmed once the thread goes on with the holder alive (two variables
  /// dropped at one scope exit drop together).
  struct Pending {
    Violation violation;
    uint64_t holder = 0;
    std::string_view drop_location;
  };
  /// The borrows of one execution of one call (`f(&x, &x)`).
  struct CallGroup {
    uint64_t thread = 0, call = 0, timestamp = 0;
    bool is_call = false; ///< begun by a call's borrow
    std::string location, callee;
    std::vector<std::pair<uint64_t, Open>> borrows;
  };
  bool same_call(const Event &e) const;

  /// What a call borrow's callee does (destructor, reinitialisation, lets
  /// go of what an object keeps), from its name; remembered per site.
  enum : unsigned {
    callee_destructor = 1,
    callee_reinitialises = 2,
    callee_lets_go = 4,
  };
  struct CalleeClass {
    const char *name = nullptr;
    size_t size = 0;
    unsigned bits = 0;
    bool known = false;
  };
  unsigned callee_class(const Event &e);
  std::vector<CalleeClass> callee_classes_;

  static Kind kind_of(Mutability m);
  static bool writes(Kind k);
  static const char *kind_word(Kind k);

  void on_new(const Event &e);
  void on_borrow(const Event &e);
  void on_move(const Event &e);
  void on_drop(const Event &e);
  void on_free(const Event &e);

  uint64_t open(Open o);
  void close(uint64_t key);
  void release_variable(uint64_t holder, bool whole_only);
  void release_destination(uint64_t destination);
  void release_kept(uint64_t object);
  void release_memory_in(uint64_t start, uint64_t size);

  bool inside(const Range &r, const Instance &owner) const;
  static bool overlap(const Range &a, const Range &b);
  bool inside_owner(const Open &o) const;
  bool conflicts(const Open &n, const Open &o) const;
  bool aliases(const Open &a, const Open &b) const;
  void check_conflicts(const Open &n, const Event &e, bool fresh);
  void check_call_group(const Open &n, const Event &e);
  /// \p what is \p verb followed by \p whom quoted ("used by 'f'").
  bool check_moved(uint64_t owner, const Event &e, const char *verb,
                   std::string_view whom);
  void confirm_pending(uint64_t thread);
  void report(Violation v);
  /// A finding of \p kind at \p location was made already: counts this
  /// case (what report() would do) and returns true, before any message is
  /// built (a finding in a loop has millions of cases).
  bool counted_again(std::string_view kind, std::string_view location);
  Violation violation(const char *kind, const std::string &location,
                      uint64_t owner, const std::string &borrower,
                      const Event &e, std::string message) const;
  void note_peak();

  KeptText kept_;
  std::vector<uint64_t> keys_; ///< scratch: the keys of borrows to close
  FlatMap<Instance> live_;
  uint64_t next_open_ = 1;
  FlatMap<Open> open_;
  FlatMap<SmallIds> by_owner_, by_holder_; ///< keys into open_, in order
  std::map<uint64_t, uint64_t> by_destination_; ///< destination -> key
  std::unordered_map<uint64_t, std::vector<Pending>> pending_; ///< by thread
  CallGroup group_;
  std::vector<Violation> violations_;
  /// (kind, location) -> index into violations_; looked up by views too.
  struct SeenLess {
    using is_transparent = void;
    template <class A, class B> bool operator()(const A &a, const B &b) const {
      int c = std::string_view(a.first).compare(std::string_view(b.first));
      return c < 0 ||
             (c == 0 && std::string_view(a.second) < std::string_view(b.second));
    }
  };
  std::map<std::pair<std::string, std::string>, size_t, SeenLess> seen_;
  uint64_t peak_live_ = 0;
};

/// The violations as findings of a model read from the same trace (report,
/// HTML export).
CheckResults findings_of(const BorrowChecker &checker,
                         const OwnershipModel &model);

/// Formats a violation as a compiler-style line:
/// "file:line:col: kind: message" (+ " (N times)").
std::string format_violation(const Violation &v);

} // namespace borrowscope

#endif
