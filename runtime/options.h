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
  /// BORROWSCOPE=off|0: run the program without writing a trace.
  bool enabled = true;
  /// BORROWSCOPE_OUTPUT: trace path; %p is the pid, %% a percent sign.
  std::string output = "borrowscope-%p.json";
  /// BORROWSCOPE_VERBOSE=1: one line on stderr saying where the trace went.
  bool verbose = false;
  /// BORROWSCOPE_BUFFER_EVENTS: records per thread buffer (16 bytes each).
  uint32_t buffer_events = 1u << 15;
  /// BORROWSCOPE_CLOCK: "exact" (the default) reads the clock for every
  /// group of events; "fast" lets one read serve this many more groups, until
  /// a call that may block: timestamps then lag by up to that many groups.
  uint32_t clock_reuse = 0;
  static constexpr uint32_t fast_clock_reuse = 15;

  static constexpr uint32_t min_buffer_events = 64;
  // A fresh buffer starts with a clock record and must then hold the largest
  // group of events and another clock record.
  static_assert(min_buffer_events >= BS_MAX_GROUP + 2);
  static constexpr uint32_t max_buffer_events = 1u << 24;

  /// Reads the environment. Invalid values are reported with one line each
  /// on stderr and replaced by the default: the program always runs.
  static Options from_environment();
};

/// One line on stderr, prefixed "borrowscope: ", without stdio (safe in
/// constructors, destructors and after fork).
void report(const std::string &message);

} // namespace borrowscope

#endif
