// The text views of a model: the full report of `borrowscope report` and
// the one-screen summary that `borrowscope run` prints.
#ifndef BORROWSCOPE_TOOL_REPORT_H
#define BORROWSCOPE_TOOL_REPORT_H

#include "Findings.h"
#include "OwnershipModel.h"
#include "Terminal.h"

#include <string>

namespace borrowscope {

struct ReportOptions {
  std::string trace_name;      ///< the trace file, for the heading
  std::string function_filter; ///< only functions whose name contains it
  bool color = false;
};

/// Per thread and function: variables (aggregated per declaration) with
/// lifetimes, borrows (borrower -> owner, shared/mut, duration, how they
/// end), moves; then totals and the findings of the checks.
std::string render_report(const OwnershipModel &model,
                          const CheckResults &checks,
                          const ReportOptions &options);

/// Counts and the busiest functions, in a few lines.
std::string render_summary(const OwnershipModel &model,
                           const ReportOptions &options,
                           size_t max_functions = 8);

/// "file:line:col" -> file ("" when the location has no file part).
std::string_view location_file(std::string_view location);
/// "file:line:col" -> "line:col" (the whole text when it has no file part).
std::string_view location_line(std::string_view location);

} // namespace borrowscope

#endif
