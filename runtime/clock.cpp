// The clocks the runtime reads (see clock.h).
#include "clock.h"

#include <time.h>

namespace borrowscope {

namespace {
uint64_t read(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return uint64_t(ts.tv_sec) * 1'000'000'000u + uint64_t(ts.tv_nsec);
}
} // namespace

uint64_t monotonic_ns() { return read(CLOCK_MONOTONIC); }
uint64_t realtime_ns() { return read(CLOCK_REALTIME); }
uint64_t cycle_counter() { return __builtin_readcyclecounter(); }

} // namespace borrowscope
