// Check mode's report (check_mode.h): suppressions, the report on stderr
// or in BORROWSCOPE_LOG, and the findings file `borrowscope run` merges.
#ifndef BORROWSCOPE_RUNTIME_CHECK_REPORT_H
#define BORROWSCOPE_RUNTIME_CHECK_REPORT_H

#include "BorrowChecker.h"
#include "options.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace borrowscope {

/// BORROWSCOPE_SUPPRESSIONS: one pattern a line, as sanitizers take them:
///   KIND:FILE[:LINE]   a kind (or *) at a file (a suffix of the finding's
///                      path at a '/', or a glob) and optionally a line
///   fun:NAME           any finding in a function (a glob)
/// '#' starts a comment; blank lines are skipped.
class Suppressions {
public:
  /// Reads \p path; each line it does not understand is reported once.
  void load(const std::string &path);
  bool matches(const Violation &v, std::string_view function) const;
  size_t size() const { return rules_.size(); }

private:
  struct Rule {
    std::string kind;     ///< "" for fun: rules
    std::string file;     ///< glob or path suffix
    uint32_t line = 0;    ///< 0: any line
    std::string function; ///< fun: rules
  };
  std::vector<Rule> rules_;
};

struct CheckSummary {
  std::string program;
  long pid = 0;
  uint64_t events = 0; ///< events checked
  uint64_t lost = 0;   ///< records the checker never saw
  std::vector<const Violation *> shown; ///< not suppressed, in order
  uint64_t suppressed = 0;              ///< findings suppressed
  bool halted = false; ///< BORROWSCOPE_HALT_ON_ERROR stopped the program
  bool incomplete = false; ///< the process died; the check has what came
};

/// Text with control characters escaped (\n, \t, \xNN): what the program's
/// sites hold is printed to a terminal.
std::string escape_text(std::string_view text);

/// The finding lines and the one-line summary (nothing when clean unless
/// \p verbose).
std::string render_report(const CheckSummary &s, bool verbose);
/// Writes the report to stderr or BORROWSCOPE_LOG, and the findings file
/// to BORROWSCOPE_FINDINGS_DIR when set.
void write_report(const Options &options, const CheckSummary &s);

} // namespace borrowscope

#endif
