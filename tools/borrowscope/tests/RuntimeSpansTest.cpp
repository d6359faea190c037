// The runtime's spans per thread: how much of an interval they cover.
#include "RuntimeSpans.h"

#include <gtest/gtest.h>

using namespace borrowscope;

TEST(RuntimeSpans, WithinCountsOnlyTheOverlap) {
  RuntimeSpans r;
  r.add(1, 100, 50);  // [100, 150]
  r.add(1, 300, 100); // [300, 400]
  r.add(2, 120, 10);  // another thread's
  EXPECT_EQ(r.count(), 3u);
  EXPECT_EQ(r.total(), 160u);
  EXPECT_EQ(r.within(1, 0, 1000), 150u);  // both whole
  EXPECT_EQ(r.within(1, 0, 100), 0u);     // ends where the first starts
  EXPECT_EQ(r.within(1, 120, 130), 10u);  // inside one
  EXPECT_EQ(r.within(1, 140, 320), 30u);  // the first's tail, the second's head
  EXPECT_EQ(r.within(1, 150, 300), 0u);   // between them
  EXPECT_EQ(r.within(1, 350, 2000), 50u); // the last's tail
  EXPECT_EQ(r.within(2, 0, 1000), 10u);
  EXPECT_EQ(r.within(3, 0, 1000), 0u); // a thread with none
  EXPECT_EQ(r.within(1, 500, 400), 0u); // an empty interval
  ASSERT_EQ(r.of(1).size(), 2u);
  EXPECT_EQ(r.of(1)[1].start, 300u);
  EXPECT_EQ(r.of(1)[1].end, 400u);
  EXPECT_TRUE(r.of(7).empty());
}

TEST(RuntimeSpans, OverlapsStartWhereTheLastEnded) {
  RuntimeSpans r;
  r.add(1, 100, 50);
  r.add(1, 140, 20); // a reader's rounding: placed at [150, 170]
  EXPECT_EQ(r.of(1)[1].start, 150u);
  EXPECT_EQ(r.within(1, 0, 1000), 70u);
}
