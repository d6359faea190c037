// The hot path, compiled natively from hot_path.h, against the real runtime
// library: refills of small windows (BORROWSCOPE_BUFFER_EVENTS=128 in ctest),
// ids, threads, thread exit, the clock modes, the stack filter, frees, and
// the export API.
#include "borrowscope/borrowscope.h"
#include "hot_path.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <vector>

namespace json = boost::json;

namespace {

enum SiteIndex { kNew, kBorrow, kDrop, kReborrow, kReborrowMem, kBorrowMem, kCount };

bs_site make_site(uint8_t kind, const char *function, uint32_t flags = 0) {
  bs_site s{};
  s.kind = kind;
  s.flags = flags;
  s.file = "hot.c";
  s.line = 1 + kind;
  s.function = function;
  s.name = kind == BS_SITE_BORROW ? "r" : "v";
  s.type_name = "int";
  s.owner = kind == BS_SITE_BORROW ? "v" : nullptr;
  s.mutability = BS_MUT_SHARED;
  s.borrower_kind = BS_BORROWER_CALL;
  s.size = 4;
  s.decl = s.call = s.owner_decl = ~0u;
  return s;
}

// One "module" per test, as the pass would emit it.
struct Module {
  explicit Module(const char *function)
      : sites{make_site(BS_SITE_NEW, function),
              make_site(BS_SITE_BORROW, function, BS_SITE_FLAG_OWNER_ID),
              make_site(BS_SITE_DROP, function),
              make_site(BS_SITE_BORROW, function, BS_SITE_FLAG_REBORROW),
              make_site(BS_SITE_BORROW, function,
                        BS_SITE_FLAG_REBORROW | BS_SITE_FLAG_MEMORY),
              make_site(BS_SITE_BORROW, function, BS_SITE_FLAG_MEMORY)} {
    module.abi_version = BORROWSCOPE_ABI_VERSION;
    module.site_count = kCount;
    module.sites = sites;
    module.base = &base;
    module.source_file = "hot.c";
    __borrowscope_register_module_v2(&module);
  }
  uint32_t site(SiteIndex i) const { return base + i; }
  // New, borrow, drop of one instance, as two groups.
  void cycle() {
    bs_event *w = __borrowscope_hot_begin(2);
    uint32_t id = __borrowscope_hot_next_id();
    w = __borrowscope_hot_new(w, site(kNew), id, nullptr);
    w = __borrowscope_hot_borrow_owner(w, site(kBorrow), id, 0, nullptr);
    __borrowscope_hot_commit(w);
    w = __borrowscope_hot_begin(1);
    w = __borrowscope_hot_drop(w, site(kDrop), id);
    __borrowscope_hot_commit(w);
  }
  bs_site sites[kCount];
  bs_module module{};
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
    if (e.as_object().contains("function") && e.at("function") == function)
      result.push_back(e.as_object());
  return result;
}

uint64_t number(const json::object &e, const char *key) {
  return e.at(key).to_number<uint64_t>();
}

TEST(HotPath, EventsSurviveManyWindowRefills) {
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
    uint64_t id = number(events[i], "var_id");
    EXPECT_EQ(number(events[i + 1], "owner_id"), id);
    EXPECT_EQ(number(events[i + 2], "var_id"), id);
    EXPECT_TRUE(ids.insert(id).second) << "id " << id << " reused";
    EXPECT_LE(number(events[i], "timestamp"), number(events[i + 2], "timestamp"));
  }
}

TEST(HotPath, IdsOnAFreshThreadStartAtOne) {
  std::vector<uint32_t> ids;
  std::thread([&] {
    for (int i = 0; i < 3; ++i)
      ids.push_back(__borrowscope_hot_next_id());
  }).join();
  EXPECT_EQ(ids, (std::vector<uint32_t>{1, 2, 3}));
}

// A frame's whole-call variables take n consecutive ids at once; the ids
// handed out one by one continue after them.
TEST(HotPath, FrameIdsAreConsecutiveAndNotReused) {
  std::vector<uint32_t> ids;
  std::thread([&] {
    ids.push_back(__borrowscope_hot_next_id());
    ids.push_back(__borrowscope_hot_next_ids(3));
    ids.push_back(__borrowscope_hot_next_id());
    ids.push_back(__borrowscope_hot_next_ids(1));
    ids.push_back(__borrowscope_hot_next_id());
  }).join();
  EXPECT_EQ(ids, (std::vector<uint32_t>{1, 2, 5, 6, 7}));
}

TEST(HotPath, IdZeroIsNotRecorded) {
  Module m("zero");
  bs_event *w = __borrowscope_hot_begin(3);
  w = __borrowscope_hot_drop(w, m.site(kDrop), 0);
  w = __borrowscope_hot_borrow_owner(w, m.site(kBorrow), 0, 5, nullptr);
  w = __borrowscope_hot_move(w, m.site(kBorrow), 0, 5);
  __borrowscope_hot_commit(w);
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
      EXPECT_TRUE(ids.insert(number(e, "var_id")).second);
  }
  ASSERT_EQ(per_thread.size(), size_t(kThreads));
  for (auto [thread, count] : per_thread)
    EXPECT_EQ(count, 3 * kCycles) << "thread " << thread;
  EXPECT_EQ(ids.size(), size_t(kThreads * kCycles));
}

TEST(HotPath, ThreadExitWritesAPartialWindow) {
  Module m("exit");
  std::thread([&] {
    for (int i = 0; i < 5; ++i) // 15 events: less than one window
      m.cycle();
  }).join();
  EXPECT_EQ(exported_events("exit").size(), 15u);
}

TEST(HotPath, ReserveMakesRoomForLongGroups) {
  Module m("reserve");
  // One group of 3 * 100 events, reserved BS_MAX_GROUP at a time as the pass
  // does, across many 128-record windows.
  bs_event *w = __borrowscope_hot_begin(BS_MAX_GROUP);
  unsigned reserved = BS_MAX_GROUP;
  std::vector<uint32_t> ids;
  for (int i = 0; i < 300; ++i) {
    if (reserved == 0) {
      w = __borrowscope_hot_reserve(w, BS_MAX_GROUP);
      reserved = BS_MAX_GROUP;
    }
    if (i % 3 == 0) {
      ids.push_back(__borrowscope_hot_next_id());
      w = __borrowscope_hot_new(w, m.site(kNew), ids.back(), nullptr);
    } else if (i % 3 == 1) {
      w = __borrowscope_hot_borrow_owner(w, m.site(kBorrow), ids.back(), 0,
                                         nullptr);
    } else {
      w = __borrowscope_hot_drop(w, m.site(kDrop), ids.back());
    }
    --reserved;
  }
  __borrowscope_hot_commit(w);
  std::vector<json::object> events = exported_events("reserve");
  ASSERT_EQ(events.size(), 300u);
  for (size_t i = 0; i < events.size(); i += 3) {
    EXPECT_EQ(events[i].at("type"), "New");
    EXPECT_EQ(events[i + 2].at("type"), "Drop");
    EXPECT_EQ(events[i + 2].at("var_id"), events[i].at("var_id"));
  }
}

// BORROWSCOPE_CLOCK=exact: every group opens with a clock record, so groups
// separated by time get distinct, increasing timestamps.
TEST(HotPath, ExactClockStampsEveryGroup) {
  Module m("exact");
  std::thread([&] {
    __borrowscope_clock_exact_v2 = 1;
    for (int i = 0; i < 3; ++i) {
      m.cycle();
      for (volatile int spin = 0; spin < 200000; spin = spin + 1)
        ;
    }
    __borrowscope_clock_exact_v2 = 0;
  }).join();
  std::vector<json::object> events = exported_events("exact");
  ASSERT_EQ(events.size(), 9u);
  for (size_t i = 3; i < events.size(); i += 3)
    EXPECT_GT(number(events[i], "timestamp"), number(events[i - 1], "timestamp"));
  // Within a group, one reading: the same time.
  EXPECT_EQ(number(events[0], "timestamp"), number(events[1], "timestamp"));
}

// A pointer from elsewhere counts only when it points into a stack, where
// variables are; a heap pointer stored into a variable says nothing.
TEST(HotPath, ReborrowsOutsideTheStacksRecordNothing) {
  Module m("stacks");
  int local = 0;
  int *heap = static_cast<int *>(std::malloc(sizeof(int)));
  bs_event *w = __borrowscope_hot_begin(2);
  w = __borrowscope_hot_reborrow(w, m.site(kReborrow), 1, heap);
  w = __borrowscope_hot_reborrow(w, m.site(kReborrow), 1, &local);
  __borrowscope_hot_commit(w);
  std::free(heap);
  std::vector<json::object> events = exported_events("stacks");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].at("address"),
            json::value(("0x" + [&] {
              std::ostringstream s;
              s << std::hex << reinterpret_cast<uintptr_t>(&local);
              return s.str();
            }()).c_str()));
}

// Into memory: a stack address anywhere, anything into a stack (a local
// object's field lets go), and null anywhere are recorded; a heap pointer
// stored into the heap is not.
TEST(HotPath, ReborrowsIntoMemoryKeepWhatCanEndABorrow) {
  Module m("memory");
  int local = 0;
  int *slot_on_stack[1];
  int **heap = static_cast<int **>(std::malloc(sizeof(int *)));
  int *other = static_cast<int *>(std::malloc(sizeof(int)));
  bs_event *w = __borrowscope_hot_begin(4);
  w = __borrowscope_hot_reborrow_mem(w, m.site(kReborrowMem), other, heap);
  w = __borrowscope_hot_reborrow_mem(w, m.site(kReborrowMem), &local, heap);
  w = __borrowscope_hot_reborrow_mem(w, m.site(kReborrowMem), other,
                                     slot_on_stack);
  w = __borrowscope_hot_reborrow_mem(w, m.site(kReborrowMem), nullptr, heap);
  __borrowscope_hot_commit(w);
  std::free(other);
  std::vector<json::object> events = exported_events("memory");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(number(events[0], "borrow_id") + 1, number(events[1], "borrow_id"));
  std::free(heap);
}

// Memory that has held a stack address lets go of it when a heap or static
// pointer is stored there (SQLite's `db->init.azInit = argv`, then a static
// table): that store is recorded; the same store into memory that never
// held one is not.
TEST(HotPath, HeapPointersIntoFormerHoldersAreRecorded) {
  Module m("holders");
  int local = 0;
  static int table[4];
  // Two words 8 bytes apart: their bits differ.
  int **heap = static_cast<int **>(std::malloc(2 * sizeof(int *)));
  bs_event *w = __borrowscope_hot_begin(4);
  w = __borrowscope_hot_reborrow_mem(w, m.site(kReborrowMem), table, heap);
  w = __borrowscope_hot_borrow_mem(w, m.site(kBorrowMem), &local, heap);
  w = __borrowscope_hot_reborrow_mem(w, m.site(kReborrowMem), table, heap);
  w = __borrowscope_hot_reborrow_mem(w, m.site(kReborrowMem), table, heap + 1);
  __borrowscope_hot_commit(w);
  std::vector<json::object> events = exported_events("holders");
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].at("type"), "Borrow");
  EXPECT_FALSE(events[0].contains("reborrow"));
  EXPECT_EQ(events[1].at("type"), "Borrow");
  EXPECT_EQ(events[1].at("reborrow"), true);
  std::free(heap);
}

// Once a stack address is stored outside the stacks, frees are recorded:
// a borrow held in freed memory ends there.
TEST(HotPath, FreesAreRecordedOnceTheHeapHoldsABorrow) {
  Module m("frees");
  int local = 0;
  int **heap = static_cast<int **>(std::malloc(sizeof(int *)));
  bs_event *w = __borrowscope_hot_begin(1);
  w = __borrowscope_hot_borrow_mem(w, m.site(kBorrowMem), &local, heap);
  __borrowscope_hot_commit(w);
  EXPECT_EQ(__borrowscope_heap_holds_v2, 1u);
  std::free(heap);
  std::string path = ::testing::TempDir() + "bs-frees.json";
  ASSERT_EQ(borrowscope_export_json(path.c_str()), 0);
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  unlink(path.c_str());
  bool found = false;
  json::value trace = json::parse(ss.str());
  for (const json::value &e : trace.at("events").as_array())
    if (e.at("type") == "Free" &&
        e.at("address").as_string() ==
            json::string(("0x" + [&] {
                           std::ostringstream s;
                           s << std::hex << reinterpret_cast<uintptr_t>(heap);
                           return s.str();
                         }()).c_str()))
      found = true;
  EXPECT_TRUE(found);
}

TEST(HotPath, ModulesOfAnotherAbiAreNotRegistered) {
  bs_site site = make_site(BS_SITE_NEW, "abi");
  uint32_t base = BS_SITE_UNREGISTERED_BASE;
  bs_module old{1, 1, &site, &base, "old.c", 0, 0};
  __borrowscope_register_module_v2(&old);
  EXPECT_EQ(base, BS_SITE_UNREGISTERED_BASE);
}

TEST(HotPath, ExportNeedsAPath) {
  testing::internal::CaptureStderr();
  EXPECT_EQ(borrowscope_export_json(""), -1);
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "borrowscope: borrowscope_export_json: no path given\n");
}

} // namespace
