// borrowscope report TRACE: the readable report on stdout.
#include "Args.h"
#include "BorrowChecker.h"
#include "Commands.h"
#include "Findings.h"
#include "Report.h"

#include <cstdio>

namespace borrowscope {

namespace {
const char *const help =
    "usage: borrowscope report [OPTIONS] TRACE\n\n"
    "Prints what the trace shows, per thread and function: the variables with\n"
    "their lifetimes, the borrows (borrower → owner, shared or mut, how long,\n"
    "until when), the moves; then totals and the findings of the checks.\n"
    "Instances of one declaration (loops, recursion) are folded into one row.\n\n"
    "options:\n"
    "  --function TEXT   only functions whose name contains TEXT\n"
    "  --partial         read a trace that was cut short (program killed)\n"
    "  --count-runtime   durations include the time the runtime held a thread\n"
    "                    up (writing the trace); by default it is taken out\n"
    "  --color WHEN      auto (default: on a terminal, unless NO_COLOR is set),\n"
    "                    always or never\n"
    "  -h, --help        this help\n";
} // namespace

int report_main(const std::vector<std::string> &args) {
  std::string function, color = "auto";
  bool partial = false, count_runtime = false;
  ParsedArgs parsed;
  ColorMode mode = ColorMode::Auto;
  try {
    parsed = parse_args(args, {{"function", 0, &function, nullptr},
                               {"partial", 0, nullptr, &partial},
                               {"count-runtime", 0, nullptr, &count_runtime},
                               {"color", 0, &color, nullptr}});
    if (parsed.help) {
      std::fputs(help, stdout);
      return exit_ok;
    }
    if (!parse_color_mode(color, mode))
      throw UsageError("--color must be auto, always or never, not '" + color +
                       "'");
    if (parsed.positional.size() + parsed.rest.size() != 1)
      throw UsageError("report needs one trace file");
  } catch (const UsageError &e) {
    print_error(std::string("report: ") + e.what() +
                " (see borrowscope report --help)");
    return exit_bad_input;
  }
  std::string path = parsed.positional.empty() ? parsed.rest[0]
                                               : parsed.positional[0];
  OwnershipModel model;
  BorrowChecker checker;
  if (!load_trace(path, partial, model, &checker))
    return exit_bad_input;
  model.count_runtime = count_runtime;
  ReportOptions options;
  options.trace_name = path;
  options.function_filter = function;
  options.color = use_color(stdout, mode);
  std::string text =
      render_report(model, findings_of(checker, model), options);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return std::fflush(stdout) == 0 ? exit_ok : exit_bad_input;
}

} // namespace borrowscope
