// The clocks the runtime reads. No floating point: the runtime never touches
// the program's floating-point state; the reader converts cycles to time
// from the (cycles, nanoseconds) pairs the trace records.
#ifndef BORROWSCOPE_RUNTIME_CLOCK_H
#define BORROWSCOPE_RUNTIME_CLOCK_H

#include <cstdint>

namespace borrowscope {

uint64_t monotonic_ns();
uint64_t realtime_ns();
uint64_t cycle_counter();

} // namespace borrowscope

#endif
