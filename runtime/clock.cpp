// Converts the cycle counter the hot path records into nanoseconds.
#include "clock.h"

#include <time.h>

namespace borrowscope {

uint64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return uint64_t(ts.tv_sec) * 1'000'000'000u + uint64_t(ts.tv_nsec);
}

uint64_t cycle_counter() { return __builtin_readcyclecounter(); }

void Clock::start() {
  start_ns_ = monotonic_ns();
  start_cycles_ = cycle_counter();
  ns_per_cycle_ = 0;
}

void Clock::calibrate() {
  uint64_t now_ns = monotonic_ns();
  while (now_ns - start_ns_ < min_calibration_ns)
    now_ns = monotonic_ns();
  uint64_t cycles = cycle_counter() - start_cycles_;
  double elapsed = double(now_ns - start_ns_);
  // A counter that does not advance (some emulators): count nanoseconds 1:1.
  ns_per_cycle_ = cycles > 0 ? elapsed / double(cycles) : 1.0;
}

uint64_t Clock::to_nanoseconds(uint64_t cycles) {
  if (ns_per_cycle_ == 0)
    calibrate();
  if (cycles <= start_cycles_)
    return 0;
  return uint64_t(double(cycles - start_cycles_) * ns_per_cycle_);
}

double Clock::cycles_per_ns() {
  if (ns_per_cycle_ == 0)
    calibrate();
  return 1.0 / ns_per_cycle_;
}

void Clock::set_rate(uint64_t start_cycles, double cycles_per_ns) {
  start_cycles_ = start_cycles;
  ns_per_cycle_ = 1.0 / cycles_per_ns;
}

} // namespace borrowscope
