// Runtime settings from BORROWSCOPE_* environment variables.
#ifndef BORROWSCOPE_RUNTIME_OPTIONS_H
#define BORROWSCOPE_RUNTIME_OPTIONS_H

#include "borrowscope/abi.h"
#include "output_path.h"

#include <cstdint>
#include <string>
#include <sys/types.h>

namespace borrowscope {

struct Options {
  /// BORROWSCOPE=off|0: record into the windows but write no trace.
  bool enabled = true;
  /// BORROWSCOPE_OUTPUT: trace path; %p is the pid, %% a percent sign.
  std::string output = "borrowscope-%p.trace";
  /// BORROWSCOPE_VERBOSE=1: one line on stderr saying where the trace went.
  bool verbose = false;
  /// BORROWSCOPE_BUFFER_EVENTS: records per thread window (16 bytes each).
  uint32_t buffer_events = 1u << 16;
  /// BORROWSCOPE_CLOCK: "sync" (the default) stamps windows and the calls
  /// that synchronise threads; "exact" also opens every group of events with
  /// a clock record.
  bool clock_exact = false;

  /// BORROWSCOPE_MODE: "trace" (the default) writes the trace; "check" runs
  /// the borrow checker inside the program and writes no trace; "both"
  /// does both. The default can be set when linking
  /// (borrowscope-clang -fborrowscope=check).
  bool trace = true, check = false;
  /// BORROWSCOPE_LOG: check mode's report goes to this file (%p the pid)
  /// instead of stderr.
  std::string log;
  /// BORROWSCOPE_EXITCODE: a run with findings exits with this status
  /// (-1: with the program's own).
  int exitcode = -1;
  /// BORROWSCOPE_HALT_ON_ERROR=1: stop at the first finding.
  bool halt_on_error = false;
  /// BORROWSCOPE_SUPPRESSIONS: a file of findings not to report.
  std::string suppressions;
  /// BORROWSCOPE_CHECK_THREAD=0: check inline in the slow path instead of
  /// on the checker thread (to measure; docs/performance.md).
  bool check_thread = true;
  /// BORROWSCOPE_FINDINGS_DIR: each process also writes its findings to a
  /// file in this directory (set by `borrowscope run`, which merges them).
  std::string findings_dir;

  static constexpr uint32_t min_buffer_events = 128;
  // A fresh window must hold the largest group of events, its clock record,
  // and the group after it.
  static_assert(min_buffer_events >= 2 * (BS_MAX_GROUP + 1));
  static constexpr uint32_t max_buffer_events = 1u << 24;

  /// Reads the environment. Invalid values are reported with one line each
  /// on stderr, naming the accepted values, and replaced by the default: the
  /// program always runs. Words are case-insensitive.
  static Options from_environment();
};

/// One line on stderr, prefixed "borrowscope: ", without stdio (safe in
/// constructors, destructors and after fork). Keeps errno.
void report(const std::string &message);

} // namespace borrowscope

#endif
