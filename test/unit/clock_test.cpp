// Cycle counts to nanoseconds.
#include "clock.h"

#include <gtest/gtest.h>

#include <time.h>

using borrowscope::Clock;

TEST(Clock, ConvertsWithAKnownRate) {
  Clock c;
  c.set_rate(1000, 2.0); // 2 cycles per ns, zero at cycle 1000
  EXPECT_EQ(c.to_nanoseconds(1000), 0u);
  EXPECT_EQ(c.to_nanoseconds(3000), 1000u);
  EXPECT_EQ(c.to_nanoseconds(1002), 1u);
  EXPECT_EQ(c.to_nanoseconds(999), 0u); // before the start: clamped
  EXPECT_DOUBLE_EQ(c.cycles_per_ns(), 2.0);
}

TEST(Clock, CalibrationTracksTheMonotonicClock) {
  Clock c;
  c.start();
  uint64_t t0 = borrowscope::monotonic_ns();
  uint64_t c0 = borrowscope::cycle_counter();
  timespec pause{0, 3'000'000};
  nanosleep(&pause, nullptr);
  uint64_t c1 = borrowscope::cycle_counter();
  uint64_t t1 = borrowscope::monotonic_ns();
  // Converted durations agree with the monotonic clock within 10%.
  double converted = double(c.to_nanoseconds(c1) - c.to_nanoseconds(c0));
  double measured = double(t1 - t0);
  EXPECT_NEAR(converted / measured, 1.0, 0.1);
  EXPECT_GT(c.cycles_per_ns(), 0.0);
}
