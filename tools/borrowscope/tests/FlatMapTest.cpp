// FlatMap and SmallIds (lib/FlatMap.h) against std::map and std::vector.
#include "FlatMap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

using namespace borrowscope;

TEST(FlatMap, AgreesWithAMapUnderInsertionsAndErasures) {
  FlatMap<uint64_t> m;
  std::map<uint64_t, uint64_t> expected;
  uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  for (int i = 0; i < 200000; ++i) {
    // Ids as check mode sees them: mostly recent ones of a few threads,
    // some colliding in the low bits, and 0.
    uint64_t thread = next() % 3, local = next() % 5000;
    uint64_t key = (thread << 40) | (local << (next() % 2 ? 0 : 12));
    if (next() % 3 == 0) {
      m.erase(key);
      expected.erase(key);
    } else {
      m[key] += i;
      expected[key] += i;
    }
    ASSERT_EQ(m.size(), expected.size());
  }
  for (auto &[key, value] : expected) {
    ASSERT_NE(m.find(key), nullptr);
    EXPECT_EQ(*m.find(key), value);
  }
  EXPECT_EQ(m.find(uint64_t(1) << 50), nullptr);
  EXPECT_THROW(m.at(uint64_t(1) << 50), std::out_of_range);
}

TEST(FlatMap, AnErasedEntryComesBackEmpty) {
  FlatMap<std::vector<int>> m;
  m[5].push_back(1);
  m.erase(5);
  EXPECT_FALSE(m.contains(5));
  EXPECT_TRUE(m[5].empty());
  EXPECT_EQ(m.size(), 1u);
}

TEST(SmallIds, KeepsOrderInlineAndOnTheHeap) {
  SmallIds ids;
  std::vector<uint64_t> expected;
  auto same = [&] {
    return std::vector<uint64_t>(ids.begin(), ids.end()) == expected;
  };
  for (uint64_t id : {3, 1, 4, 1, 5, 9}) {
    ids.push_back(id);
    expected.push_back(id);
    EXPECT_TRUE(same());
  }
  ids.erase(1);
  std::erase(expected, uint64_t(1));
  EXPECT_TRUE(same());
  for (uint64_t id : {3, 4, 5, 9})
    ids.erase(id);
  EXPECT_TRUE(ids.empty());
  ids.push_back(2);
  ids.push_back(6);
  ids.erase(2);
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(*ids.begin(), 6u);
}
