// The trace file as the runtime writes it (TraceFile), read back by the
// tool's reader: complete traces, a process killed with records still in its
// window, a file cut short, corruption, and a pipe.
#include "TraceReader.h"
#include "site_registry.h"
#include "trace_file.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace borrowscope;

namespace {

struct Collect : TraceSink {
  TraceHeader header;
  std::vector<Event> events;
  std::vector<std::string> names;
  TraceTrailer trailer;
  void on_header(const TraceHeader &h) override { header = h; }
  void on_event(const Event &e) override {
    events.push_back(e);
    names.push_back(std::string(e.var_name));
  }
  void on_trailer(const TraceTrailer &t) override { trailer = t; }
};

class TraceFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    path = ::testing::TempDir() + "bs-file-" + std::to_string(getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() +
           ".trace";
    sites[0] = {};
    sites[0].kind = BS_SITE_NEW;
    sites[0].name = "x";
    sites[0].type_name = "int";
    sites[0].file = "t.c";
    sites[0].function = "f";
    sites[0].size = 4;
    sites[0].decl = sites[0].call = sites[0].owner_decl = ~0u;
    sites[1] = sites[0];
    sites[1].kind = BS_SITE_DROP;
    module = {BORROWSCOPE_ABI_VERSION, 2, sites, &base, "t.c", 0, 1};
  }
  void TearDown() override { unlink(path.c_str()); }

  /// A file with a module and one thread whose window holds n New/Drop pairs.
  Window *start(TraceFile &f, uint32_t pairs) {
    EXPECT_TRUE(f.open(path, "prog", 42, 0));
    EXPECT_TRUE(f.write_module(SiteRegistry::module_block(module, 1)));
    EXPECT_TRUE(f.write_thread(1, 4242, "main", 0, false));
    Window *w = f.window(256);
    EXPECT_NE(w, nullptr);
    w->reset(1, 0);
    for (uint32_t i = 0; i < pairs; ++i) {
      w->records[2 * i] = {1, i + 1, 0, 0};
      w->records[2 * i + 1] = {2, i + 1, 0, 0};
    }
    w->record->cur = reinterpret_cast<uint64_t>(w->records + 2 * pairs);
    return w;
  }
  Collect read() {
    Collect c;
    read_trace_file(path, c);
    return c;
  }

  std::string path;
  bs_site sites[2];
  uint32_t base = 0;
  bs_module module{};
};

TEST_F(TraceFileTest, CompleteTraceReadsBack) {
  TraceFile f;
  Window *w = start(f, 3);
  ASSERT_TRUE(f.write_events(*w, 1, 0, 0, w->committed()));
  w->record->active = 0;
  ASSERT_TRUE(f.write_thread(1, 4242, "main", 6, true));
  ASSERT_TRUE(f.write_end(BS_END_EXIT, 0, 6, 0));
  f.release_windows();
  f.close();
  Collect c = read();
  EXPECT_EQ(c.header.version, 2u);
  EXPECT_EQ(c.header.program, "prog");
  EXPECT_EQ(c.header.pid, 42u);
  ASSERT_EQ(c.events.size(), 6u);
  EXPECT_EQ(c.events[0].type, EventType::New);
  EXPECT_EQ(c.names[0], "x");
  EXPECT_EQ(c.events[1].type, EventType::Drop);
  EXPECT_EQ(c.events[1].var_id, c.events[0].var_id);
  EXPECT_TRUE(c.trailer.complete);
  EXPECT_EQ(c.trailer.end, ProcessEnd::Exit);
  ASSERT_EQ(c.trailer.threads.size(), 1u);
  EXPECT_EQ(c.trailer.threads[0].name, "main");
  EXPECT_EQ(c.trailer.threads[0].events, 6u);
}

// SIGKILL: nothing written but the window, which the kernel keeps.
TEST_F(TraceFileTest, AKilledProcessLeavesItsWindowReadable) {
  TraceFile f;
  start(f, 2);
  f.abandon(); // as if killed: no EVENTS, no END
  Collect c = read();
  ASSERT_EQ(c.events.size(), 4u);
  EXPECT_FALSE(c.trailer.complete);
  EXPECT_NE(c.trailer.missing.find("no end"), std::string::npos);
  EXPECT_NE(c.trailer.missing.find("4 records recovered"), std::string::npos)
      << c.trailer.missing;
}

// Records written and still in the window are read once.
TEST_F(TraceFileTest, RecordsInBothBlockAndWindowAreReadOnce) {
  TraceFile f;
  Window *w = start(f, 3);
  ASSERT_TRUE(f.write_events(*w, 1, 0, 0, 4)); // a part of the window
  f.abandon();
  EXPECT_EQ(read().events.size(), 6u);
}

TEST_F(TraceFileTest, ACutShortFileIsReadToItsLastCompleteBlock) {
  TraceFile f;
  Window *w = start(f, 3);
  ASSERT_TRUE(f.write_events(*w, 1, 0, 0, w->committed()));
  w->record->active = 0;
  ASSERT_TRUE(f.write_end(BS_END_EXIT, 0, 6, 0));
  f.close();
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  ASSERT_EQ(truncate(path.c_str(), st.st_size - 10), 0); // into END
  Collect c = read();
  EXPECT_EQ(c.events.size(), 6u);
  EXPECT_FALSE(c.trailer.complete);
  EXPECT_NE(c.trailer.missing.find("cut short"), std::string::npos)
      << c.trailer.missing;
}

TEST_F(TraceFileTest, CorruptionIsOneClearError) {
  TraceFile f;
  start(f, 1);
  f.close();
  std::fstream io(path, std::ios::in | std::ios::out | std::ios::binary);
  io.seekp(sizeof(bs_file_header));
  io.write("XXXX", 4); // the first block's marker
  io.close();
  try {
    read();
    FAIL() << "no error";
  } catch (const TraceError &e) {
    EXPECT_EQ(std::string(e.what()), "the block at byte 64 has no block marker");
  }
}

TEST_F(TraceFileTest, AnotherVersionIsRefused) {
  TraceFile f;
  start(f, 1);
  f.close();
  std::fstream io(path, std::ios::in | std::ios::out | std::ios::binary);
  io.seekp(12);
  uint32_t version = 3;
  io.write(reinterpret_cast<const char *>(&version), 4);
  io.close();
  EXPECT_THROW(read(), TraceError);
}

// A pipe: no windows in the file, blocks as they come, read as a stream.
TEST_F(TraceFileTest, APipeIsWrittenAndReadAsAStream) {
  std::string fifo = path + ".fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  Collect c;
  std::thread reader([&] { read_trace_file(fifo, c); });
  {
    TraceFile f;
    ASSERT_TRUE(f.open(fifo, "piped", 7, 0));
    ASSERT_TRUE(f.write_module(SiteRegistry::module_block(module, 1)));
    Window *w = f.window(256);
    ASSERT_NE(w, nullptr);
    EXPECT_FALSE(w->in_file);
    w->reset(1, 0);
    w->records[0] = {1, 1, 0, 0};
    w->record->cur = reinterpret_cast<uint64_t>(w->records + 1);
    ASSERT_TRUE(f.write_events(*w, 1, 0, 0, 1));
    ASSERT_TRUE(f.write_end(BS_END_EXIT, 0, 1, 0));
    f.close();
  }
  reader.join();
  unlink(fifo.c_str());
  EXPECT_EQ(c.header.program, "piped");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_TRUE(c.trailer.complete);
}

TEST_F(TraceFileTest, UnwritablePathIsOneLine) {
  TraceFile f;
  testing::internal::CaptureStderr();
  EXPECT_FALSE(f.open("/nonexistent-dir/t.trace", "p", 1, 0));
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "borrowscope: cannot write the trace to '/nonexistent-dir/t.trace': "
            "No such file or directory\n");
}

} // namespace
