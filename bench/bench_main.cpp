// BorrowScope's benchmark suite (docs/performance.md says how to run it).
//
//   Event/*     what an event costs in code compiled with the plugin: the same
//               kernel instrumented and plain, timed alternately in one loop;
//               ns/event = (instrumented - plain) / events recorded.
//               Event/<kernel>/<level>: the default clock (no clock read per
//               group); Event/<kernel>/<level>/exact: BORROWSCOPE_CLOCK=exact
//               (a clock record opens every group)
//   Bulk/*      the same for 100, 1 000 and 10 000 events per call, on one
//               and on two threads (per-thread cost), default clock
//   Direct/*    the hot path called directly, one kind of record at a time;
//               Direct/group opens and commits an empty group (the room
//               check), Direct/group/exact with its clock record,
//               Direct/clock a clock record (around synchronising calls)
//   Export/*    `borrowscope export --format json` of a binary trace, per
//               1 000 and per 1 000 000 events, to /dev/null and to a file
//   Run/*       a child process recording N events with the trace on: wall
//               time against the plain child, peak RSS, trace bytes per event
//
// Event, Bulk and Direct measure recording only: the process re-executes
// itself with BORROWSCOPE=off (the hot path runs as always; full buffers are
// discarded instead of written). Export and Run measure writing.
//
// The clock mode is the benchmark's choice, not the environment's: main()
// sets the default, and the /exact benchmarks switch to exact for their own
// run (BORROWSCOPE_CLOCK is ignored here; the Run children get no
// BORROWSCOPE_* variable but their output).
#include "JsonTraceFile.h"
#include "borrowscope/abi.h"
#include "kernels.h"
#include "site_registry.h"
#include "trace_file.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <spawn.h>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace {

using Clock = std::chrono::steady_clock;
using borrowscope::SiteRegistry;
using borrowscope::TraceFile;
using borrowscope::Window;

double seconds_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// ---------------------------------------------------------------------------
// Clock modes (runtime/hot_path.h): the default reads no clock per group;
// exact opens every group with a clock record.

constexpr uint32_t sync_clock = 0, exact_clock = 1;

/// Sets the clock mode for its lifetime, and back to the default afterwards.
class ClockMode {
public:
  explicit ClockMode(uint32_t exact) { __borrowscope_clock_exact_v2 = exact; }
  ~ClockMode() { __borrowscope_clock_exact_v2 = sync_clock; }
  ClockMode(const ClockMode &) = delete;
  ClockMode &operator=(const ClockMode &) = delete;
};

// ---------------------------------------------------------------------------
// Counting records: the calling thread's buffer position before and after.

/// Records (clock records aside) the calling thread appends while running
/// k(n); -1 if a window refill got in the way three times in a row.
int64_t records_of(int (*k)(int), int n) {
  k(1); // the thread has a window from here on
  for (int attempt = 0; attempt < 3; ++attempt) {
    const bs_event *before = __borrowscope_thread.cur;
    const bs_event *end = __borrowscope_thread.end;
    benchmark::DoNotOptimize(k(n));
    const bs_event *after = __borrowscope_thread.cur;
    if (after < before || __borrowscope_thread.end != end)
      continue; // another window
    int64_t records = 0;
    for (const bs_event *e = before; e != after; ++e)
      records += e->site != BS_SITE_CLOCK;
    return records;
  }
  return -1;
}

struct Kernel {
  const char *name;
  int (*instr)(int);
  int (*plain)(int);
  int64_t per_iteration; ///< events per loop iteration (kernels.h)
};

#define BS_KERNEL(name, level, per)                                            \
  Kernel { #name "/" #level, bs_##name##_instr_##level,                        \
           bs_##name##_plain_##level, per }

const Kernel kernels[] = {
    BS_KERNEL(scope1, O2, 2),   BS_KERNEL(scope8, O2, 16),
    BS_KERNEL(borrow8, O2, 10), BS_KERNEL(lone, O2, 2),
    BS_KERNEL(near, O2, 2),     BS_KERNEL(scope1, O0, 2),
    BS_KERNEL(scope8, O0, 16),  BS_KERNEL(borrow8, O0, 10),
    BS_KERNEL(lone, O0, 2),     BS_KERNEL(near, O0, 2),
};

const Kernel &kernel_named(const char *name) {
  for (const Kernel &k : kernels)
    if (std::strcmp(k.name, name) == 0)
      return k;
  std::abort();
}

/// What one call of k.instr(n) records.
struct Recorded {
  int64_t events = 0;  ///< from the kernel's shape (kernels.h)
  int64_t records = 0; ///< 16-byte records appended (clock records aside)
};

/// Counts what k.instr(n) records, after checking that every loop iteration
/// appends the same whole number of records, at least one per event, and
/// that the plain copy records nothing. On failure says why in `error`.
bool checked_records(const Kernel &k, int n, Recorded &out, std::string &error) {
  int64_t at100 = records_of(k.instr, 100), at200 = records_of(k.instr, 200);
  int64_t plain = records_of(k.plain, 200), atn = records_of(k.instr, n);
  if (at100 < 0 || at200 < 0 || plain < 0 || atn < 0) {
    error = "could not count records";
    return false;
  }
  int64_t per_100 = at200 - at100;
  int64_t fixed = at100 - per_100;
  // fixed: the kernel's own n, acc and i, one New and one Drop each.
  if (per_100 % 100 != 0 || per_100 < 100 * k.per_iteration ||
      per_100 > 200 * k.per_iteration || plain != 0 || fixed != 6 ||
      atn != fixed + n * (per_100 / 100)) {
    error = std::string(k.name) + ": " + std::to_string(per_100) +
            " records per 100 iterations of " + std::to_string(k.per_iteration) +
            " events, " + std::to_string(fixed) +
            " outside the loop; plain copy recorded " + std::to_string(plain);
    return false;
  }
  out.records = atn;
  out.events = int64_t(n) * k.per_iteration + 6;
  return true;
}

/// The calling thread's CPU time: on a shared 2-core machine a thread that
/// is descheduled must not look slow, nor two threads on one free core.
double thread_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

/// Runs `f` `batch` times; the thread CPU seconds it took.
template <class F> double timed(int batch, F f) {
  double start = thread_seconds();
  for (int i = 0; i < batch; ++i)
    f();
  return thread_seconds() - start;
}

/// Times k.plain(n) and k.instr(n) alternately (which goes first alternates
/// too), each in batches of about 20 us of work so that reading the clock
/// (a system call for thread CPU time) is noise, and reports the difference
/// per recorded event.
void run_pair(benchmark::State &state, const Kernel &k, int n) {
  std::string error;
  Recorded rec;
  if (!checked_records(k, n, rec, error)) {
    state.SkipWithError(error.c_str());
    return;
  }
  const int64_t events = rec.events;
  const int batch = int(std::max<int64_t>(1, 20000 / events));
  auto plain_batch = [&] {
    return timed(batch, [&] { benchmark::DoNotOptimize(k.plain(n)); });
  };
  auto instr_batch = [&] {
    return timed(batch, [&] { benchmark::DoNotOptimize(k.instr(n)); });
  };
  double plain = 0, instr = 0;
  bool plain_first = true;
  for (auto _ : state) {
    if (plain_first) {
      plain += plain_batch();
      instr += instr_batch();
    } else {
      instr += instr_batch();
      plain += plain_batch();
    }
    plain_first = !plain_first;
  }
  double calls = double(state.iterations()) * batch;
  using benchmark::Counter;
  state.counters["ns/event"] =
      Counter((instr - plain) * 1e9 / (calls * double(events)),
              Counter::kAvgThreads);
  state.counters["events/call"] = Counter(double(events), Counter::kAvgThreads);
  // Memory: each record is sizeof(bs_event) bytes of window and of trace.
  state.counters["bytes/event"] =
      Counter(double(rec.records) * sizeof(bs_event) / double(events),
              Counter::kAvgThreads);
  state.counters["plain_ns/call"] =
      Counter(plain * 1e9 / calls, Counter::kAvgThreads);
  state.counters["instr_ns/call"] =
      Counter(instr * 1e9 / calls, Counter::kAvgThreads);
}

/// One kernel, 1 000 iterations per call, in clock mode \p exact.
void BM_Event(benchmark::State &state, const Kernel *k, uint32_t exact) {
  ClockMode mode(exact);
  run_pair(state, *k, 1000);
}

/// borrow8 with events/10 iterations per call: 100, 1 000, 10 000 events
/// (plus the kernel's own 6: n, acc, i). Default clock (a ClockMode per
/// thread would race on the global).
void BM_Bulk(benchmark::State &state) {
  run_pair(state, kernel_named("borrow8/O2"), int(state.range(0) / 10));
}

// ---------------------------------------------------------------------------
// The hot path alone, one kind of record per call (-O2, tracing off).

/// A counter of CPU nanoseconds per item, \p per_iteration items per
/// iteration: an inverted rate over items counted in billions.
benchmark::Counter ns_per(const benchmark::State &state, double per_iteration) {
  return benchmark::Counter(double(state.iterations()) * per_iteration * 1e-9,
                            benchmark::Counter::kIsRate |
                                benchmark::Counter::kInvert);
}

template <void (*F)(int)> void BM_Direct(benchmark::State &state) {
  const int n = 1024; // whole groups of 16 (direct.c)
  F(n);
  for (auto _ : state)
    F(n);
  state.counters["ns/call"] = ns_per(state, double(n));
}

/// Opening and committing a group: the room check (and in exact mode its
/// clock record).
void BM_Direct_group(benchmark::State &state, uint32_t exact) {
  ClockMode mode(exact);
  const int n = 1024;
  for (auto _ : state)
    benchmark::DoNotOptimize(bs_direct_group(n));
  state.counters["ns/group"] = ns_per(state, double(n));
}

/// A clock record, as before and after a synchronising call.
void BM_Direct_clock(benchmark::State &state) {
  const int n = 1024;
  for (auto _ : state)
    benchmark::DoNotOptimize(bs_direct_clock(n));
  state.counters["ns/clock"] = ns_per(state, double(n));
}

// ---------------------------------------------------------------------------
// The JSON export of a binary trace (what `borrowscope export --format json`
// and borrowscope_export_json do), of a trace written with the runtime's own
// TraceFile: a realistic mix of events, one thread.

std::filesystem::path scratch_dir() {
  static std::filesystem::path dir = [] {
    const char *env = std::getenv("BS_BENCH_TMPDIR");
    std::filesystem::path base =
        env ? std::filesystem::path(env) : std::filesystem::temp_directory_path();
    std::filesystem::path d =
        base / ("borrowscope-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

bs_site site(uint8_t kind, uint32_t line, const char *name, const char *type,
             const char *owner, uint32_t flags = 0,
             uint8_t mut = BS_MUT_UNKNOWN,
             uint8_t borrower = BS_BORROWER_NONE) {
  bs_site s{};
  s.kind = kind;
  s.flags = flags;
  s.mutability = mut;
  s.borrower_kind = borrower;
  s.line = line;
  s.column = 9;
  s.size = 16;
  s.file = "/home/user/src/project/lib/tokenizer.c";
  s.function = "next_token(struct lexer *, const char *)";
  s.name = name;
  s.type_name = type;
  s.owner = owner;
  s.decl = s.call = s.owner_decl = ~0u;
  return s;
}

// A declaration borrowed by a variable and by a call, then dropped: the
// shape of most traces (docs/trace-format.md).
const bs_site export_sites[] = {
    site(BS_SITE_NEW, 41, "token", "struct token", nullptr,
         BS_SITE_FLAG_ADDRESS),
    site(BS_SITE_NEW, 42, "cursor", "const char *", nullptr),
    site(BS_SITE_BORROW, 42, "cursor", nullptr, "token", 0, BS_MUT_SHARED,
         BS_BORROWER_VARIABLE),
    site(BS_SITE_BORROW, 47, "classify(const struct token *)", nullptr,
         "token", 0, BS_MUT_SHARED, BS_BORROWER_CALL),
    site(BS_SITE_DROP, 53, "cursor", "const char *", nullptr),
    site(BS_SITE_DROP, 53, "token", "struct token", nullptr),
};

/// Writes a trace of about \p count events to \p path, as the runtime would.
bool write_export_trace(const std::string &path, size_t count) {
  uint32_t base = 0;
  bs_module module{BORROWSCOPE_ABI_VERSION, uint32_t(std::size(export_sites)),
                   export_sites, &base, "tokenizer.c", 0, 2};
  TraceFile file;
  if (!file.open(path, "bench", 1, 0) ||
      !file.write_module(SiteRegistry::module_block(module, 1)))
    return false;
  Window *w = file.window(1u << 16);
  if (!w)
    return false;
  uint64_t sequence = 0, address = 0x7ffd00001000;
  uint32_t id = 0, n = 0;
  w->reset(1, sequence);
  auto flush = [&] {
    w->record->cur = reinterpret_cast<uint64_t>(w->records + n);
    file.write_events(*w, 1, sequence, 0, n);
    sequence += n;
    n = 0;
    w->reset(1, sequence);
  };
  for (size_t written = 0; written < count; written += 6) {
    if (n + 6 > w->capacity)
      flush();
    uint32_t token = ++id, cursor = ++id;
    uint32_t lo = uint32_t(address), hi = uint32_t(address >> 32);
    const bs_event group[] = {{1, token, lo, hi}, {2, cursor, 0, 0},
                              {3, cursor, lo, hi}, {4, 0, lo, hi},
                              {5, cursor, 0, 0},   {6, token, 0, 0}};
    for (const bs_event &e : group)
      w->records[n++] = e;
  }
  flush();
  file.write_end(BS_END_EXIT, 0, sequence, 0);
  file.release_windows();
  file.close();
  return true;
}

/// Args: events, 1 = into a real file, 0 = into /dev/null (the formatting
/// alone, without the kernel's page-cache copy).
void BM_Export(benchmark::State &state) {
  const size_t count = size_t(state.range(0));
  const bool real_file = state.range(1) != 0;
  std::string trace = (scratch_dir() / "export.trace").string();
  if (!write_export_trace(trace, count)) {
    state.SkipWithError("cannot write the trace");
    return;
  }
  std::string out = real_file ? (scratch_dir() / "export.json").string()
                              : std::string("/dev/null");
  for (auto _ : state)
    borrowscope::write_json_trace(trace, out);
  state.counters["ns/event"] = ns_per(state, double(count));
  struct stat st {};
  if (::stat(trace.c_str(), &st) == 0)
    state.counters["trace_bytes/event"] = double(st.st_blocks) * 512 / double(count);
  std::filesystem::remove(trace);
  if (real_file)
    std::filesystem::remove(out);
}

// ---------------------------------------------------------------------------
// Whole runs in a child process: time, peak memory, trace size.

struct ChildResult {
  double seconds = 0;
  long vmhwm_kib = -1; ///< the child's own peak RSS, -1 if it did not say
  bool ok = false;
};

ChildResult run_child(const std::string &mode, uint64_t events,
                      const std::string &output, const std::string &snapshot) {
  std::string count = std::to_string(events);
  std::vector<std::string> args = {BS_BENCH_CHILD, mode, count};
  if (!snapshot.empty())
    args.push_back(snapshot);
  std::vector<char *> argv;
  for (std::string &a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_strings;
  for (char **e = environ; *e; ++e)
    if (std::strncmp(*e, "BORROWSCOPE", 11) != 0)
      env_strings.emplace_back(*e);
  env_strings.push_back("BORROWSCOPE_OUTPUT=" + output);
  std::vector<char *> envp;
  for (std::string &e : env_strings)
    envp.push_back(e.data());
  envp.push_back(nullptr);

  ChildResult r;
  int out[2];
  if (pipe(out) != 0)
    return r;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  pid_t pid;
  auto start = Clock::now();
  int spawned = posix_spawn(&pid, BS_BENCH_CHILD, &actions, nullptr,
                            argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  std::string text;
  char buf[256];
  for (ssize_t n; spawned == 0 && (n = read(out[0], buf, sizeof buf)) > 0;)
    text.append(buf, size_t(n));
  close(out[0]);
  if (spawned != 0)
    return r;
  int status = 0;
  waitpid(pid, &status, 0);
  r.seconds = seconds_between(start, Clock::now());
  r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (size_t at = text.find("vmhwm_kib "); at != std::string::npos)
    r.vmhwm_kib = std::strtol(text.c_str() + at + 10, nullptr, 10);
  return r;
}

/// Args: events, where the trace goes: 0 = /dev/null, 1 = a real file, 2 = a
/// real file and a JSON snapshot of it (borrowscope_export_json) at the end.
/// ns/event = (instrumented run - plain run) / events, wall time: writing the
/// trace includes the kernel's page-cache work. The plain run goes first.
void BM_Run(benchmark::State &state) {
  const uint64_t events = uint64_t(state.range(0));
  const int where = int(state.range(1));
  std::string trace = where != 0 ? (scratch_dir() / "run.trace").string()
                                 : std::string("/dev/null");
  std::string snapshot =
      where == 2 ? (scratch_dir() / "snapshot.json").string() : std::string();
  ChildResult idle, plain, instr;
  for (auto _ : state) {
    idle = run_child("instr", 0, trace, "");
    plain = run_child("plain", events, trace, "");
    instr = run_child("instr", events, trace, snapshot);
    state.SetIterationTime(instr.seconds);
  }
  if (!idle.ok || !plain.ok || !instr.ok || instr.vmhwm_kib < 0 ||
      idle.vmhwm_kib < 0) {
    state.SkipWithError("the child failed");
    return;
  }
  state.counters["ns/event"] =
      (instr.seconds - plain.seconds) * 1e9 / double(events);
  state.counters["plain_ms"] = plain.seconds * 1e3;
  state.counters["peak_rss_MiB"] = double(instr.vmhwm_kib) / 1024;
  state.counters["idle_rss_MiB"] = double(idle.vmhwm_kib) / 1024;
  state.counters["rss_bytes/event"] =
      double(instr.vmhwm_kib - idle.vmhwm_kib) * 1024 / double(events);
  if (where != 0) {
    struct stat st {};
    if (::stat(trace.c_str(), &st) == 0) // on disk: windows are holes
      state.counters["trace_bytes/event"] = double(st.st_blocks) * 512 / double(events);
    std::filesystem::remove(trace);
    if (!snapshot.empty())
      std::filesystem::remove(snapshot);
  }
}

void register_benchmarks() {
  for (const Kernel &k : kernels) {
    benchmark::RegisterBenchmark((std::string("Event/") + k.name).c_str(),
                                 BM_Event, &k, sync_clock);
    benchmark::RegisterBenchmark(
        (std::string("Event/") + k.name + "/exact").c_str(), BM_Event, &k,
        exact_clock);
  }
  benchmark::RegisterBenchmark("Bulk", BM_Bulk)
      ->Arg(100)->Arg(1000)->Arg(10000)->Threads(1)->Threads(2);
  benchmark::RegisterBenchmark("Direct/new", BM_Direct<bs_direct_new>);
  benchmark::RegisterBenchmark("Direct/borrow", BM_Direct<bs_direct_borrow>);
  benchmark::RegisterBenchmark("Direct/reborrow",
                               BM_Direct<bs_direct_reborrow>);
  benchmark::RegisterBenchmark("Direct/drop", BM_Direct<bs_direct_drop>);
  benchmark::RegisterBenchmark("Direct/group", BM_Direct_group, sync_clock);
  benchmark::RegisterBenchmark("Direct/group/exact", BM_Direct_group,
                               exact_clock);
  benchmark::RegisterBenchmark("Direct/clock", BM_Direct_clock);
  benchmark::RegisterBenchmark("Export", BM_Export)
      ->Args({1000, 0})->Args({1'000'000, 0})->Args({1000, 1})
      ->Args({1'000'000, 1})->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("Run", BM_Run)
      ->Args({1'000'000, 1})->Args({1'000'000, 2})->Args({10'000'000, 1})
      ->Args({100'000'000, 1})->Args({100'000'000, 0})
      ->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);
}

} // namespace

int main(int argc, char **argv) {
  // Recording benchmarks measure the hot path, not the writer: re-execute
  // with tracing off unless the caller chose. The runtime reads BORROWSCOPE
  // in its constructor, before main.
  if (!std::getenv("BORROWSCOPE")) {
    setenv("BORROWSCOPE", "off", 1);
    execv("/proc/self/exe", argv);
    std::perror("borrowscope_bench: re-executing with BORROWSCOPE=off");
    return 1;
  }
  // The default clock unless a benchmark says otherwise (ClockMode).
  __borrowscope_clock_exact_v2 = sync_clock;
  benchmark::AddCustomContext("BORROWSCOPE", std::getenv("BORROWSCOPE"));
  benchmark::AddCustomContext("bs_event bytes", std::to_string(sizeof(bs_event)));
  register_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ignored;
  std::filesystem::remove_all(scratch_dir(), ignored);
  return 0;
}
