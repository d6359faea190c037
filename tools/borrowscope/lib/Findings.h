// Findings about a trace, as reports and the HTML export show them. The
// checks that produce them are in check/BorrowChecker.h.
#ifndef BORROWSCOPE_TOOL_FINDINGS_H
#define BORROWSCOPE_TOOL_FINDINGS_H

#include "OwnershipModel.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace borrowscope {

/// What a finding is about, in every view (report, HTML, Chrome, JSON): the
/// variable instances and borrows involved, when, and on which thread.
struct Finding {
  enum class Severity { Warning, Error };
  /// How a variable takes part: the owner the rule is about, a holder of a
  /// borrow of it (or the variable a second move went to), or where a
  /// use-after-move's owner was first moved to.
  enum class Role : uint8_t { Owner, Holder, MovedTo };
  Severity severity = Severity::Error;
  std::string check;    ///< short id of the check, e.g. "dangling_borrow"
  std::string message;  ///< one line for people
  std::string location; ///< file:line:column, as in the trace
  uint64_t time = 0;    ///< ns, trace time of the offending event
  /// ns, when it began (the borrow was taken, the owner moved); 0: unknown.
  uint64_t since = 0;
  uint64_t count = 1; ///< cases at this location (the first one is shown)
  uint32_t thread = UINT32_MAX; ///< index into OwnershipModel::threads
  std::vector<uint32_t> variables; ///< indices into OwnershipModel::variables
  std::vector<Role> roles;         ///< one per variable (none: unknown)
  std::vector<uint32_t> borrows;   ///< indices into OwnershipModel::borrows

  /// The role of variables[k] as exports name it: "owner", "holder",
  /// "moved_to", or "involved" when none was given.
  std::string_view role_name(size_t k) const;
};

struct CheckResults {
  bool available = false; ///< false: no check library in this build
  std::vector<Finding> findings;
};

std::string_view severity_name(Finding::Severity s);

} // namespace borrowscope

#endif
