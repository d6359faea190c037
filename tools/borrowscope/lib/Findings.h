// Findings about a trace, as reports and the HTML export show them. The
// checks that produce them are in check/BorrowChecker.h.
#ifndef BORROWSCOPE_TOOL_FINDINGS_H
#define BORROWSCOPE_TOOL_FINDINGS_H

#include "OwnershipModel.h"

#include <cstdint>
#include <string>
#include <vector>

namespace borrowscope {

struct Finding {
  enum class Severity { Warning, Error };
  Severity severity = Severity::Error;
  std::string check;    ///< short id of the check, e.g. "use-after-drop"
  std::string message;  ///< one line for people
  std::string location; ///< file:line:column, as in the trace
  uint64_t time = 0;    ///< ns, trace time of the offending event
  std::vector<uint32_t> variables; ///< indices into OwnershipModel::variables
  std::vector<uint32_t> borrows;   ///< indices into OwnershipModel::borrows
};

struct CheckResults {
  bool available = false; ///< false: no check library in this build
  std::vector<Finding> findings;
};

std::string_view severity_name(Finding::Severity s);

} // namespace borrowscope

#endif
