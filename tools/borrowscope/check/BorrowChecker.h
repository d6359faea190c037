// `borrowscope check`: Rust's borrow rules applied to a trace, in one
// streaming pass (docs/semantics.md). Only live state is kept (instances,
// open borrows, moved-from flags), so memory does not grow with the trace.
#ifndef BORROWSCOPE_TOOL_BORROW_CHECKER_H
#define BORROWSCOPE_TOOL_BORROW_CHECKER_H

#include "Findings.h"
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
  std::string location; ///< file:line:col of the offending borrow or move
  std::string owner;    ///< the variable the rule is about
  std::string borrower; ///< who borrows (or what moved it)
  std::string owner_location; ///< where the owner is declared
  std::string message;        ///< one line for people (of the first case)
  uint64_t count = 1;         ///< cases at this location
  uint64_t owner_id = 0;      ///< instance of the first case
  uint64_t time = 0;          ///< ns, of the first case
};

class BorrowChecker : public TraceSink {
public:
  void on_event(const Event &e) override;
  void on_trailer(const TraceTrailer &t) override;

  /// In order of first occurrence.
  const std::vector<Violation> &violations() const { return violations_; }

  /// Most instances and open borrows held at once: the memory bound.
  uint64_t peak_live() const { return peak_live_; }

private:
  struct Instance {
    std::string name, location;
    uint64_t thread = 0;
    uint64_t address = 0, size = 0; ///< 0: address not recorded
    bool moved = false;
    std::string moved_at;
  };
  /// Who holds a borrow: a variable instance (optionally at a member's
  /// address) or memory at an address (holder_var 0).
  struct Holder {
    uint64_t var = 0;
    uint64_t destination = 0;
    bool operator<(const Holder &o) const {
      return var != o.var ? var < o.var : destination < o.destination;
    }
  };
  enum class Kind { Shared, Mutable, Move, Unknown };
  static Kind kind_of(Mutability m);
  static bool writes(Kind k);
  static const char *kind_word(Kind k);
  struct Open {
    uint64_t owner = 0;
    Holder holder;
    Kind kind = Kind::Unknown;
    bool returned = false; ///< `return &x`: dangles when x drops
    std::string location, borrower;
  };
  /// A dangling borrow held by a variable, confirmed once the thread runs
  /// on with the holder alive (see docs/semantics.md, "same scope exit").
  struct Pending {
    Violation violation;
    uint64_t holder = 0;
    std::string drop_location;
  };
  /// Borrows passed to the same call at once: `f(&x, &x)`.
  struct CallGroup {
    uint64_t thread = 0, timestamp = 0;
    std::string location, callee;
    std::vector<std::pair<uint64_t, Kind>> borrows;
  };

  void on_new(const Event &e);
  void on_borrow(const Event &e);
  void on_move(const Event &e);
  void on_drop(const Event &e);

  uint64_t resolve(uint64_t address) const;
  void open(uint64_t owner, Holder holder, Kind kind, const Event &e);
  void release(Holder holder);
  void check_conflict(uint64_t owner, Holder holder, Kind kind, const Event &e,
                      const std::string &what);
  void check_call_group(uint64_t owner, Kind kind, const Event &e);
  void check_moved(uint64_t owner, const Event &e, const std::string &what);
  void confirm_pending(uint64_t thread);
  void report(Violation v);
  /// A violation about \p owner, found at event \p e.
  Violation violation(const char *kind, const std::string &location,
                      uint64_t owner, const std::string &borrower,
                      const Event &e, std::string message) const;
  void note_peak();

  std::unordered_map<uint64_t, Instance> live_;
  std::map<uint64_t, uint64_t> by_address_; ///< start address -> id
  uint64_t next_open_ = 1;
  std::unordered_map<uint64_t, Open> open_;
  std::unordered_map<uint64_t, std::vector<uint64_t>> by_owner_;
  std::map<Holder, uint64_t> by_holder_;
  std::unordered_map<uint64_t, std::vector<Holder>> held_by_var_;
  std::unordered_map<uint64_t, std::vector<Pending>> pending_; ///< by thread
  CallGroup group_;
  std::vector<Violation> violations_;
  std::map<std::pair<std::string, std::string>, size_t> seen_;
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
