// The subcommands of `borrowscope` and what they share: exit codes and the
// one-line error format "borrowscope: <what>: <what is wrong>".
#ifndef BORROWSCOPE_TOOL_COMMANDS_H
#define BORROWSCOPE_TOOL_COMMANDS_H

#include "OwnershipModel.h"
#include "TraceReader.h"

#include <string>
#include <vector>

namespace borrowscope {

/// Exit codes of every subcommand.
enum ExitCode : int {
  exit_ok = 0,
  exit_findings = 1,  ///< `check`: the checks found problems
  exit_bad_input = 2, ///< unreadable trace, bad command line, unwritable output
};

/// A subcommand: `args` are the arguments after its name.
struct Command {
  const char *name;
  const char *summary;
  int (*run)(const std::vector<std::string> &args);
};

/// All subcommands, in the order `borrowscope --help` lists them.
const std::vector<Command> &commands();

int run_main(const std::vector<std::string> &args);
int report_main(const std::vector<std::string> &args);
int export_main(const std::vector<std::string> &args);
int check_main(const std::vector<std::string> &args);

/// Prints "borrowscope: <message>" on stderr.
void print_error(const std::string &message);

/// One line for a trace that cannot be read (with the --partial hint for a
/// JSON trace cut short).
void report_trace_error(const std::string &path, const TraceError &e,
                        bool partial);

/// Keeps what a trace says of its end (its trailer), for the warnings below.
struct TrailerSink : TraceSink {
  TraceTrailer trailer;
  void on_event(const Event &) override {}
  void on_trailer(const TraceTrailer &t) override { trailer = t; }
};

/// The warnings for a trace that is not the whole run, as check and export
/// print them: cut short ("...; " + \p cut_short), records the runtime
/// could not write ("...; " + \p lost).
void warn_incomplete(const std::string &path, const TraceTrailer &trailer,
                     const std::string &cut_short, const std::string &lost);

/// Reads \p path into a model, sending the events to \p extra too when
/// given. On failure prints one line and returns false. A truncated trace
/// without --partial gets a hint to use it.
bool load_trace(const std::string &path, bool partial, OwnershipModel &model,
                TraceSink *extra = nullptr);

} // namespace borrowscope

#endif
