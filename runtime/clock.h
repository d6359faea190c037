// Converts the cycle counter the hot path records into nanoseconds.
#ifndef BORROWSCOPE_RUNTIME_CLOCK_H
#define BORROWSCOPE_RUNTIME_CLOCK_H

#include <cstdint>

namespace borrowscope {

/// Reading the cycle counter is the cheapest clock there is; its rate is
/// measured against CLOCK_MONOTONIC between start() and the first
/// conversion, over at least min_calibration_ns (spinning if the program is
/// younger than that) so that one fixed rate serves the whole trace.
class Clock {
public:
  static constexpr uint64_t min_calibration_ns = 500'000;

  /// Marks time zero of the trace.
  void start();
  /// Nanoseconds since start() of a cycle count.
  uint64_t to_nanoseconds(uint64_t cycles);
  /// Cycles per nanosecond (calibrates on first use).
  double cycles_per_ns();
  /// For tests: a known rate, no measurement.
  void set_rate(uint64_t start_cycles, double cycles_per_ns);

private:
  void calibrate();

  uint64_t start_cycles_ = 0;
  uint64_t start_ns_ = 0;
  double ns_per_cycle_ = 0;
};

uint64_t monotonic_ns();
uint64_t cycle_counter();

} // namespace borrowscope

#endif
