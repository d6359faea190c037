// The hot path, compiled natively from hot_path.h, against the real runtime
// library: refills of small buffers (BORROWSCOPE_BUFFER_EVENTS=64 in ctest),
// ids, threads, thread exit, export.
#include "borrowscope/borrowscope.h"
#include "hot_path.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

namespace json = boost::json;

namespace {

bs_site make_site(uint8_t kind, const char *function) {
  bs_site s{};
  s.kind = kind;
  s.file = "hot.c";
  s.line = 1 + kind;
  s.function = function;
  s.name = kind == BS_SITE_BORROW ? "r" : "v";
  s.type_name = "int";
  s.owner = "v";
  s.mutability = BS_MUT_SHARED;
  s.borrower_kind = BS_BORROWER_CALL;
  return s;
}

// One "module" per test, as the pass would emit it.
struct Module {
  explicit Module(const char *function)
      : sites{make_site(BS_SITE_NEW, function), make_site(BS_SITE_BORROW, function),
              make_site(BS_SITE_DROP, function)} {
    __borrowscope_register_module_v1(sites, 3, &base);
  }
  // new, borrow, drop of one instance, as two groups
  void cycle() {
    uint32_t clock = __borrowscope_hot_begin(2);
    uint32_t id = __borrowscope_hot_new(clock, base + 0);
    __borrowscope_hot_borrow(clock, base + 1, id, 0);
    __borrowscope_hot_drop(__borrowscope_hot_begin(1), base + 2, id);
  }
  bs_site sites[3];
  uint32_t base = 0;
};

std::vector<json::object> exported_events(const char *function) {
  std::string path = ::testing::TempDir() + "bs-hot-" + std::to_string(getpid()) + ".json";
  EXPECT_EQ(borrowscope_export_json(path.c_str()), 0);
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  unlink(path.c_str());
  json::value trace = json::parse(ss.str());
  std::vector<json::object> result;
  for (const json::value &e : trace.at("events").as_array())
    if (e.at("function") == function)
      result.push_back(e.as_object());
  return result;
}

TEST(HotPath, EventsSurviveManyBufferRefills) {
  Module m("refills");
  for (int i = 0; i < 1000; ++i)
    m.cycle();
  std::vector<json::object> events = exported_events("refills");
  ASSERT_EQ(events.size(), 3000u);
  std::set<uint64_t> ids;
  for (size_t i = 0; i < events.size(); i += 3) {
    EXPECT_EQ(events[i].at("type"), "New");
    EXPECT_EQ(events[i + 1].at("type"), "Borrow");
    EXPECT_EQ(events[i + 2].at("type"), "Drop");
    uint64_t id = events[i].at("var_id").to_number<uint64_t>();
    EXPECT_EQ(events[i + 1].at("owner_id").to_number<uint64_t>(), id);
    EXPECT_EQ(events[i + 2].at("var_id").to_number<uint64_t>(), id);
    EXPECT_TRUE(ids.insert(id).second) << "id " << id << " reused";
    EXPECT_LE(events[i].at("timestamp").to_number<uint64_t>(),
              events[i + 2].at("timestamp").to_number<uint64_t>());
  }
}

TEST(HotPath, IdsOnAFreshThreadStartAtOne) {
  Module m("fresh");
  std::vector<uint32_t> ids;
  std::thread([&] {
    uint32_t clock = __borrowscope_hot_begin(3);
    for (int i = 0; i < 3; ++i)
      ids.push_back(__borrowscope_hot_new(clock, m.base));
  }).join();
  EXPECT_EQ(ids, (std::vector<uint32_t>{1, 2, 3}));
}

TEST(HotPath, IdZeroIsNotRecorded) {
  Module m("zero");
  uint32_t clock = __borrowscope_hot_begin(3);
  __borrowscope_hot_drop(clock, m.base + 2, 0);
  __borrowscope_hot_borrow(clock, m.base + 1, 0, 5);
  __borrowscope_hot_move(clock, m.base + 1, 0, 5);
  EXPECT_TRUE(exported_events("zero").empty());
}

TEST(HotPath, EveryThreadKeepsEveryEvent) {
  Module m("threads");
  constexpr int kThreads = 4, kCycles = 500;
  std::vector<std::thread> workers;
  for (int t = 0; t < kThreads; ++t)
    workers.emplace_back([&] {
      for (int i = 0; i < kCycles; ++i)
        m.cycle();
    });
  for (std::thread &w : workers)
    w.join();
  std::map<int64_t, int> per_thread;
  std::set<uint64_t> ids;
  for (const json::object &e : exported_events("threads")) {
    ++per_thread[e.at("thread").to_number<int64_t>()];
    if (e.at("type") == "New")
      EXPECT_TRUE(ids.insert(e.at("var_id").to_number<uint64_t>()).second);
  }
  ASSERT_EQ(per_thread.size(), size_t(kThreads));
  for (auto [thread, count] : per_thread)
    EXPECT_EQ(count, 3 * kCycles) << "thread " << thread;
  EXPECT_EQ(ids.size(), size_t(kThreads * kCycles));
}

TEST(HotPath, ThreadExitWritesAPartialBuffer) {
  Module m("exit");
  std::thread([&] {
    for (int i = 0; i < 5; ++i) // 15 events: less than one buffer
      m.cycle();
  }).join();
  EXPECT_EQ(exported_events("exit").size(), 15u);
}

TEST(HotPath, ReserveMakesRoomForLongGroups) {
  Module m("reserve");
  // One group of 3 * 100 events, reserved BS_MAX_GROUP at a time as the pass
  // does, across many 64-record buffers.
  uint32_t clock = __borrowscope_hot_begin(BS_MAX_GROUP);
  unsigned reserved = BS_MAX_GROUP;
  std::vector<uint32_t> ids;
  for (int i = 0; i < 300; ++i) {
    if (reserved == 0) {
      __borrowscope_hot_reserve(clock, BS_MAX_GROUP);
      reserved = BS_MAX_GROUP;
    }
    if (i % 3 == 0)
      ids.push_back(__borrowscope_hot_new(clock, m.base));
    else if (i % 3 == 1)
      __borrowscope_hot_borrow(clock, m.base + 1, ids.back(), 0);
    else
      __borrowscope_hot_drop(clock, m.base + 2, ids.back());
    --reserved;
  }
  std::vector<json::object> events = exported_events("reserve");
  ASSERT_EQ(events.size(), 300u);
  for (size_t i = 0; i < events.size(); i += 3) {
    EXPECT_EQ(events[i].at("type"), "New");
    EXPECT_EQ(events[i + 2].at("type"), "Drop");
    EXPECT_EQ(events[i + 2].at("var_id"), events[i].at("var_id"));
    // One clock read: one timestamp for the whole group.
    EXPECT_EQ(events[i].at("timestamp"), events[0].at("timestamp"));
  }
}

TEST(HotPath, AClockReadServesTheNextGroupsUntilMarkedStale) {
  Module m("clock");
  std::thread([&] {
    __borrowscope_clock_reuse_v1 = 2; // BORROWSCOPE_CLOCK=fast, with 2
    uint32_t first = __borrowscope_hot_begin(1);
    uint32_t second = __borrowscope_hot_begin(1);
    uint32_t third = __borrowscope_hot_begin(1);
    for (volatile int spin = 0; spin < 100000; spin = spin + 1)
      ;
    uint32_t fourth = __borrowscope_hot_begin(1); // budget used up: reads
    __borrowscope_hot_stale();                    // a call that may block
    for (volatile int spin = 0; spin < 100000; spin = spin + 1)
      ;
    uint32_t fifth = __borrowscope_hot_begin(1);
    __borrowscope_clock_reuse_v1 = 0; // exact: every group reads (once the
    __borrowscope_hot_stale();        // budget of the last read is gone)
    uint32_t sixth = __borrowscope_hot_begin(1);
    uint32_t seventh = __borrowscope_hot_begin(1);
    EXPECT_EQ(second, first);
    EXPECT_EQ(third, first);
    EXPECT_NE(fourth, first);
    EXPECT_NE(fifth, fourth);
    EXPECT_NE(seventh, sixth);
  }).join();
}

TEST(HotPath, ExportNeedsAPath) {
  testing::internal::CaptureStderr();
  EXPECT_EQ(borrowscope_export_json(""), -1);
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "borrowscope: borrowscope_export_json: no path given\n");
}

} // namespace
