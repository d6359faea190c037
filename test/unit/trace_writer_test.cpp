// Records to JSON: exact field values, escaping, streaming, snapshots, errors.
#include "trace_writer.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace json = boost::json;
using namespace borrowscope;

namespace {

bs_site make_site(uint8_t kind, const char *name, const char *type, const char *owner,
                  uint8_t mutability = BS_MUT_UNKNOWN, uint8_t borrower_kind = 0) {
  bs_site s{};
  s.kind = kind;
  s.mutability = mutability;
  s.borrower_kind = borrower_kind;
  s.line = 12;
  s.column = 5;
  s.file = "src/main.c";
  s.function = "main";
  s.name = name;
  s.type_name = type;
  s.owner = owner;
  return s;
}

class TraceWriterTest : public ::testing::Test {
protected:
  void SetUp() override {
    sites[0] = make_site(BS_SITE_NEW, "x", "int", nullptr);
    sites[1] = make_site(BS_SITE_BORROW, "p", nullptr, "x", BS_MUT_MUTABLE, BS_BORROWER_VARIABLE);
    sites[2] = make_site(BS_SITE_BORROW, "print(int const*)", nullptr, "x", BS_MUT_SHARED,
                         BS_BORROWER_CALL);
    sites[3] = make_site(BS_SITE_DROP, "x", "int", nullptr);
    sites[4] = make_site(BS_SITE_MOVE, "b", nullptr, "a");
    sites[5] = make_site(BS_SITE_BORROW, "g", nullptr, "x", BS_MUT_UNKNOWN, BS_BORROWER_ESCAPE);
    sites[6] = make_site(BS_SITE_DROP, "x", "int", nullptr);
    sites[6].flags = BS_SITE_FLAG_UNWIND;
    sites[7] = make_site(BS_SITE_NEW, "buf", "char[16]", nullptr);
    sites[7].flags = BS_SITE_FLAG_WIDE;
    sites[8] = make_site(BS_SITE_BORROW, "q", nullptr, nullptr, BS_MUT_MUTABLE,
                         BS_BORROWER_VARIABLE);
    sites[8].flags = BS_SITE_FLAG_WIDE | BS_SITE_FLAG_REBORROW;
    sites[9] = make_site(BS_SITE_BORROW, "node", nullptr, "x", BS_MUT_SHARED,
                         BS_BORROWER_VARIABLE);
    sites[9].flags = BS_SITE_FLAG_WIDE;
    sites[10] = make_site(BS_SITE_BORROW, "consume", nullptr, "s", BS_MUT_MOVE,
                          BS_BORROWER_CALL);
    sites[11] = make_site(BS_SITE_BORROW, "f", nullptr, "x", BS_MUT_MUTABLE,
                          BS_BORROWER_CALL);
    sites[11].through = "r";
    base = registry.add(sites, 12);
    clock.set_rate(0, 1.0);
    thread.index = 1;
  }

  json::object event(const bs_event &e, const bs_event_ext *ext = nullptr) {
    std::string out;
    EXPECT_TRUE(writer.format_event(out, thread, e, ext));
    return json::parse(out).as_object();
  }

  std::string path(const char *name) {
    return ::testing::TempDir() + "bs-writer-" + std::to_string(getpid()) + "-" + name;
  }

  static std::string slurp(const std::string &p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  bs_site sites[12];
  SiteRegistry registry;
  Clock clock;
  TraceWriter writer{registry, clock};
  ThreadTrace thread;
  uint32_t base = 0;
};

TEST_F(TraceWriterTest, NewEvent) {
  json::object e = event({250, base + 0, 1, 0});
  EXPECT_EQ(e.size(), 8u);
  EXPECT_EQ(e.at("type"), "New");
  EXPECT_EQ(e.at("timestamp"), 250);
  EXPECT_EQ(e.at("thread"), 1);
  EXPECT_EQ(e.at("var_id"), 1);
  EXPECT_EQ(e.at("var_name"), "x");
  EXPECT_EQ(e.at("type_name"), "int");
  EXPECT_EQ(e.at("function"), "main");
  EXPECT_EQ(e.at("location"), "src/main.c:12:5");
}

TEST_F(TraceWriterTest, BorrowByVariable) {
  json::object e = event({300, base + 1, 1, 2});
  EXPECT_EQ(e.at("type"), "Borrow");
  EXPECT_EQ(e.at("borrow_id"), 1);
  EXPECT_EQ(event({301, base + 1, 1, 2}).at("borrow_id"), 2);
  EXPECT_EQ(e.at("owner_id"), 1);
  EXPECT_EQ(e.at("borrower_id"), 2);
  EXPECT_EQ(e.at("owner_name"), "x");
  EXPECT_EQ(e.at("borrower_name"), "p");
  EXPECT_EQ(e.at("borrower_kind"), "variable");
  EXPECT_EQ(e.at("kind"), "mutable");
  EXPECT_EQ(e.at("mutable"), true);
}

TEST_F(TraceWriterTest, BorrowByCallHasNoBorrowerId) {
  json::object e = event({300, base + 2, 1, 0});
  EXPECT_TRUE(e.at("borrower_id").is_null());
  EXPECT_EQ(e.at("borrower_name"), "print(int const*)");
  EXPECT_EQ(e.at("borrower_kind"), "call");
  EXPECT_EQ(e.at("mutable"), false);
}

TEST_F(TraceWriterTest, NewOfAnAddressTakenVariableHasAddressAndSize) {
  bs_event_ext ext{0x7ffd1234abc0, 16};
  json::object e = event({1, base + 7, 3, 0}, &ext);
  EXPECT_EQ(e.at("var_id"), 3);
  EXPECT_EQ(e.at("address"), "0x7ffd1234abc0");
  EXPECT_EQ(e.at("size"), 16);
  EXPECT_EQ(e.at("type_name"), "char[16]");
}

TEST_F(TraceWriterTest, ReborrowHasAnAddressAndNoOwner) {
  bs_event_ext ext{0x7ffd00000010, 0};
  json::object e = event({1, base + 8, 0, 9}, &ext);
  EXPECT_TRUE(e.at("owner_id").is_null());
  EXPECT_TRUE(e.at("owner_name").is_null());
  EXPECT_EQ(e.at("borrower_id"), 9);
  EXPECT_EQ(e.at("address"), "0x7ffd00000010");
  EXPECT_EQ(e.at("reborrow"), true);
  EXPECT_EQ(e.at("kind"), "mutable");
  EXPECT_FALSE(e.contains("destination"));
  // Storing a null pointer: the holder lets go.
  bs_event_ext null_ext{0, 0};
  EXPECT_EQ(event({1, base + 8, 0, 9}, &null_ext).at("address"), "0x0");
}

TEST_F(TraceWriterTest, BorrowHeldInMemoryHasItsDestination) {
  bs_event_ext ext{0, 0x5555aaaa0008};
  json::object e = event({1, base + 9, 1, 4}, &ext);
  EXPECT_EQ(e.at("owner_id"), 1);
  EXPECT_EQ(e.at("destination"), "0x5555aaaa0008");
  EXPECT_FALSE(e.contains("address"));
  EXPECT_FALSE(e.contains("reborrow"));
  EXPECT_EQ(e.at("kind"), "shared");
}

TEST_F(TraceWriterTest, BorrowThroughAReferenceNamesIt) {
  json::object e = event({1, base + 11, 1, 0});
  EXPECT_EQ(e.at("through"), "r");
  EXPECT_FALSE(event({1, base + 2, 1, 0}).contains("through"));
}

TEST_F(TraceWriterTest, MoveKind) {
  json::object e = event({1, base + 10, 2, 0});
  EXPECT_EQ(e.at("kind"), "move");
  EXPECT_EQ(e.at("mutable"), true);
}

TEST_F(TraceWriterTest, WideEventWithoutItsExtensionIsLost) {
  std::string out;
  EXPECT_FALSE(writer.format_event(out, thread, {1, base + 7, 3, 0}, nullptr));
  EXPECT_EQ(writer.events_lost(), 1u);
}

TEST_F(TraceWriterTest, UnknownMutabilityIsNull) {
  json::object e = event({300, base + 5, 1, 0});
  EXPECT_TRUE(e.at("mutable").is_null());
  EXPECT_EQ(e.at("kind"), "unknown");
  EXPECT_EQ(e.at("borrower_kind"), "escape");
}

TEST_F(TraceWriterTest, DropAndUnwindDrop) {
  json::object e = event({400, base + 3, 1, 0});
  EXPECT_EQ(e.at("type"), "Drop");
  EXPECT_EQ(e.at("var_id"), 1);
  EXPECT_FALSE(e.contains("unwind"));
  json::object u = event({400, base + 6, 1, 0});
  EXPECT_EQ(u.at("unwind"), true);
}

TEST_F(TraceWriterTest, MoveEvent) {
  json::object e = event({500, base + 4, 3, 4});
  EXPECT_EQ(e.at("type"), "Move");
  EXPECT_EQ(e.at("from_id"), 3);
  EXPECT_EQ(e.at("to_id"), 4);
  EXPECT_EQ(e.at("from_name"), "a");
  EXPECT_EQ(e.at("to_name"), "b");
}

TEST_F(TraceWriterTest, IdsOfLaterThreadsAreDistinct) {
  thread.index = 3;
  json::object e = event({0, base + 0, 7, 0});
  EXPECT_EQ(e.at("var_id").to_number<uint64_t>(), (uint64_t(2) << 40) | 7);
  EXPECT_EQ(e.at("thread"), 3);
  EXPECT_EQ(global_id(1, 0, 5), 5u);
}

TEST_F(TraceWriterTest, IdsStayDistinctWhenTheThreadsCounterWraps) {
  // The hot path's 32-bit counter wraps (skipping 0); the writer counts the
  // wraps so that ids never repeat, and older live instances keep theirs.
  uint64_t old_id = event({1, base + 0, 0xfffffffeu, 0}).at("var_id").to_number<uint64_t>();
  uint64_t last = event({2, base + 0, 0xffffffffu, 0}).at("var_id").to_number<uint64_t>();
  uint64_t after = event({3, base + 0, 1, 0}).at("var_id").to_number<uint64_t>();
  EXPECT_EQ(old_id, 0xfffffffeu);
  EXPECT_EQ(last, 0xffffffffu);
  EXPECT_EQ(after, (uint64_t(1) << 32) | 1);
  // A drop of the instance from before the wrap names it as created.
  EXPECT_EQ(event({4, base + 3, 0xfffffffeu, 0}).at("var_id").to_number<uint64_t>(),
            old_id);
  EXPECT_EQ(event({5, base + 3, 1, 0}).at("var_id").to_number<uint64_t>(), after);
}

TEST_F(TraceWriterTest, ClockHighRecordExtendsTimestamps) {
  std::string out;
  EXPECT_FALSE(writer.format_event(out, thread, {0, BS_SITE_CLOCK_HIGH, 2, 0}));
  EXPECT_EQ(out, "");
  EXPECT_EQ(thread.clock_high, 2u);
  json::object e = event({10, base + 0, 1, 0});
  EXPECT_EQ(e.at("timestamp").to_number<uint64_t>(), (uint64_t(2) << 32) + 10);
}

TEST_F(TraceWriterTest, UnknownSiteIsCountedLost) {
  std::string out;
  EXPECT_FALSE(writer.format_event(out, thread, {0, base + 7, 1, 0}));
  EXPECT_FALSE(writer.format_event(out, thread, {0, 0, 1, 0}));
  EXPECT_FALSE(writer.format_event(out, thread, {0, BS_SITE_UNREGISTERED_BASE + 3, 1, 0}));
  EXPECT_EQ(out, "");
  EXPECT_EQ(writer.events_lost(), 3u);
}

TEST_F(TraceWriterTest, NamesAreEscapedAndMadeValidUtf8) {
  sites[0].name = "<script>\"q\"\\";
  sites[0].type_name = "caf\xe9 \xff";
  sites[0].file = "dir/\x01.c";
  json::object e = event({0, base + 0, 1, 0});
  EXPECT_EQ(e.at("var_name"), "<script>\"q\"\\");
  EXPECT_EQ(e.at("type_name"), "caf\xef\xbf\xbd \xef\xbf\xbd");
  EXPECT_EQ(e.at("location"), "dir/\x01.c:12:5");
  EXPECT_EQ(valid_utf8("ok \xc3\xa9"), "ok \xc3\xa9");
  EXPECT_EQ(valid_utf8("\xc3"), "\xef\xbf\xbd");
}

TEST_F(TraceWriterTest, WholeTraceIsValidJsonWithThreadsAndCounts) {
  std::string p = path("whole.json");
  ASSERT_TRUE(writer.open(p, "prog \"x\"", 4242));
  bs_event_ext address{0x1000, 4};
  bs_event first[] = {{1, base + 0, 1, 0}, {2, base + 1, 1, 2},
                      {2, base + 7, 2, 0}, {0, 0, 0, 0}};
  std::memcpy(&first[3], &address, sizeof address); // a wide New's extension
  bs_event second[] = {{3, base + 3, 1, 0}, {4, base + 99, 1, 0}};
  writer.append(thread, first, first + 4);
  writer.append(thread, second, second + 2);
  thread.os_tid = 77;
  thread.name = "worker";
  EXPECT_TRUE(writer.finish({thread}));

  json::object t = json::parse(slurp(p)).as_object();
  EXPECT_EQ(t.at("version"), 1);
  EXPECT_EQ(t.at("program"), "prog \"x\"");
  EXPECT_EQ(t.at("pid"), 4242);
  EXPECT_EQ(t.at("timestamp_unit"), "ns");
  const json::array &events = t.at("events").as_array();
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].at("type"), "New");
  EXPECT_EQ(events[1].at("type"), "Borrow");
  EXPECT_EQ(events[2].at("address"), "0x1000");
  EXPECT_EQ(events[3].at("type"), "Drop");
  EXPECT_EQ(t.at("event_count"), 4);
  EXPECT_EQ(t.at("lost_events"), 1);
  const json::array &threads = t.at("threads").as_array();
  ASSERT_EQ(threads.size(), 1u);
  EXPECT_EQ(threads[0].at("id"), 1);
  EXPECT_EQ(threads[0].at("os_tid"), 77);
  EXPECT_EQ(threads[0].at("name"), "worker");
  EXPECT_EQ(threads[0].at("events"), 4);
  unlink(p.c_str());
}

TEST_F(TraceWriterTest, EmptyTraceIsValidJson) {
  std::string p = path("empty.json");
  ASSERT_TRUE(writer.open(p, "prog", 1));
  EXPECT_TRUE(writer.finish({}));
  json::object t = json::parse(slurp(p)).as_object();
  EXPECT_EQ(t.at("events").as_array().size(), 0u);
  EXPECT_EQ(t.at("event_count"), 0);
  unlink(p.c_str());
}

TEST_F(TraceWriterTest, SnapshotIsCompleteAndRecordingGoesOn) {
  std::string p = path("main.json"), s = path("snap.json");
  ASSERT_TRUE(writer.open(p, "prog", 1));
  bs_event first[] = {{1, base + 0, 1, 0}};
  writer.append(thread, first, first + 1);
  ASSERT_TRUE(writer.snapshot(s, {thread}));
  bs_event second[] = {{2, base + 3, 1, 0}};
  writer.append(thread, second, second + 1);
  ASSERT_TRUE(writer.finish({thread}));

  json::object snap = json::parse(slurp(s)).as_object();
  ASSERT_EQ(snap.at("events").as_array().size(), 1u);
  EXPECT_EQ(snap.at("events").as_array()[0].at("type"), "New");
  json::object whole = json::parse(slurp(p)).as_object();
  EXPECT_EQ(whole.at("events").as_array().size(), 2u);
  unlink(p.c_str());
  unlink(s.c_str());
}

TEST_F(TraceWriterTest, SnapshotRefusesToOverwriteTheTraceItself) {
  std::string p = path("self.json");
  ASSERT_TRUE(writer.open(p, "prog", 1));
  testing::internal::CaptureStderr();
  EXPECT_FALSE(writer.snapshot(p, {}));
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "borrowscope: cannot export to '" + p + "': it is the trace being written\n");
  EXPECT_TRUE(writer.finish({}));
  EXPECT_NO_THROW(json::parse(slurp(p)));
  unlink(p.c_str());
}

TEST_F(TraceWriterTest, UnwritablePathIsOneLineAndEventsAreCountedLost) {
  testing::internal::CaptureStderr();
  EXPECT_FALSE(writer.open("/nonexistent-dir/trace.json", "prog", 1));
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "borrowscope: cannot write the trace to '/nonexistent-dir/trace.json': "
            "No such file or directory\n");
  bs_event e[] = {{0, BS_SITE_CLOCK_HIGH, 0, 0}, {1, base + 0, 1, 0}, {2, base + 3, 1, 0}};
  writer.append(thread, e, e + 3);
  EXPECT_EQ(writer.events_lost(), 2u);
  EXPECT_FALSE(writer.finish({thread}));
}

TEST_F(TraceWriterTest, LargeAppendStreamsThroughTheFile) {
  std::string p = path("large.json");
  ASSERT_TRUE(writer.open(p, "prog", 1));
  std::vector<bs_event> events;
  for (uint32_t i = 1; i <= 50000; ++i) {
    events.push_back({i, base + 0, i, 0});
    events.push_back({i, base + 3, i, 0});
  }
  writer.append(thread, events.data(), events.data() + events.size());
  ASSERT_TRUE(writer.finish({thread}));
  json::object t = json::parse(slurp(p)).as_object();
  const json::array &list = t.at("events").as_array();
  ASSERT_EQ(list.size(), 100000u);
  EXPECT_EQ(list[99998].at("var_id"), 50000);
  EXPECT_EQ(list[99999].at("type"), "Drop");
  unlink(p.c_str());
}

} // namespace
