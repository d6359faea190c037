// What a longjmp abandons (lib/JumpTracker.h).
#include "JumpTracker.h"

#include <gtest/gtest.h>

namespace borrowscope {
namespace {

std::vector<uint64_t> ids(const std::vector<JumpTracker::Instance> &v) {
  std::vector<uint64_t> out;
  for (const auto &i : v)
    out.push_back(i.id);
  return out;
}

TEST(JumpTracker, AbandonsWhatWasCreatedSinceTheSetjmpLatestFirst) {
  JumpTracker t;
  t.created(1, 10); // before any setjmp: not followed
  t.saved(0x1000);
  t.created(2, 20);
  t.created(3, 30);
  t.created(4, 40);
  t.dropped(3); // returned normally before the jump
  auto gone = t.jumped(0x1000);
  EXPECT_EQ(ids(gone), (std::vector<uint64_t>{4, 2}));
  EXPECT_EQ(gone[0].new_site, 40u);
  // Jumped to again: only what came since.
  t.created(5, 50);
  EXPECT_EQ(ids(t.jumped(0x1000)), (std::vector<uint64_t>{5}));
}

TEST(JumpTracker, AnUnknownBufferAbandonsNothing) {
  JumpTracker t;
  t.saved(0x1000);
  t.created(2, 20);
  EXPECT_TRUE(t.jumped(0x2000).empty());
  EXPECT_EQ(ids(t.jumped(0x1000)), (std::vector<uint64_t>{2}));
}

TEST(JumpTracker, AJumpToAnOuterSetjmpTakesTheInnerMarksWithIt) {
  JumpTracker t;
  t.saved(0x1000); // outer catcher
  t.created(2, 20);
  t.saved(0x2000); // inner catcher, in a frame the outer jump skips
  t.created(3, 30);
  EXPECT_EQ(ids(t.jumped(0x1000)), (std::vector<uint64_t>{3, 2}));
  // The inner mark went with its frame.
  t.created(4, 40);
  EXPECT_TRUE(t.jumped(0x2000).empty());
  EXPECT_EQ(ids(t.jumped(0x1000)), (std::vector<uint64_t>{4}));
}

TEST(JumpTracker, AMarkWhoseFrameReturnedIsForgotten) {
  JumpTracker t;
  t.created(1, 10);
  t.saved(0x1000);
  t.created(2, 20);
  t.saved(0x3000); // a protected call: its frame holds 3
  t.created(3, 30);
  t.dropped(3);
  t.dropped(2); // the protected call's frame returned: 0x3000 is stale
  t.created(4, 40);
  EXPECT_TRUE(t.jumped(0x3000).empty());
  EXPECT_EQ(ids(t.jumped(0x1000)), (std::vector<uint64_t>{4}));
}

TEST(JumpTracker, NothingIsFollowedBeforeTheFirstSetjmp) {
  JumpTracker t;
  for (uint64_t i = 1; i <= 1000; ++i)
    t.created(i, 1);
  t.saved(0x1000);
  t.created(2000, 2);
  EXPECT_EQ(ids(t.jumped(0x1000)), (std::vector<uint64_t>{2000}));
}

} // namespace
} // namespace borrowscope
