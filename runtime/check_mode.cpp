// Check mode (check_mode.h). The program's threads (under the runtime's
// lock: one producer at a time) put items into a ring; the checker thread
// takes them out. Neither side waits on a lock the other holds: the ring
// is lock-free, the checker thread is woken by a semaphore (sem_post is
// async-signal-safe), and every wait for it is bounded, so that a checker
// stuck (in an allocator the dying thread holds, say) costs the report,
// never the program.
#include "check_mode.h"
#include "BorrowChecker.h"
#include "LiveDecoder.h"
#include "check_report.h"
#include "borrowscope/trace_format.h"
#include "clock.h"
#include "runtime.h"

#include <atomic>
#include <cstring>
#include <ctime>
#include <memory>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

namespace borrowscope::check_mode {

namespace {

struct StartInfo {
  Options options;
  std::string program;
  pid_t pid = 0;
  uint64_t tsc = 0, ns = 0;
};

struct Item {
  enum Type : uint8_t { Start, Module, Records, Batch, Finish } type = Batch;
  uint32_t thread = 0, count = 0;
  uint64_t sequence = 0, start_tsc = 0, end_tsc = 0, ns = 0;
  bs_event *records = nullptr; ///< a chunk of `bytes`, mapped
  size_t bytes = 0;
  std::string *payload = nullptr; ///< Module
  StartInfo *start = nullptr;     ///< Start
  uint32_t reason = 0;            ///< Finish
  int32_t status = 0;
  uint64_t generation = 0;
};

constexpr uint64_t ring_size = 4096;
Item ring[ring_size];
std::atomic<uint64_t> head{0}, tail{0}; // written by producer, by consumer
std::atomic<uint64_t> queued{0};        // records queued, not checked yet
std::atomic<uint64_t> progress{0};      // items the checker has taken
std::atomic<bool> producer_waiting{false};
sem_t items, space;

// Producer side (under the runtime's lock).
bool active_ = false;
bool thread_running = false;
bool inline_ = false; // BORROWSCOPE_CHECK_THREAD=0: items checked in push()
uint64_t record_limit = 1u << 18;
std::atomic<uint64_t> lost{0}; // records never handed over
uint64_t finish_generation = 0;
int exitcode = -1;

// Set by the checker thread.
std::atomic<uint64_t> finished_generation{0};
std::atomic<long> findings_shown{0};

/// Stalls longer than this without the checker taking an item end a wait.
constexpr int stall_ms = 2000;

void sleep_ms(long ms) {
  timespec t{ms / 1000, (ms % 1000) * 1'000'000};
  while (nanosleep(&t, &t) != 0 && errno == EINTR) {
  }
}

// --- The checker thread ---------------------------------------------------

struct Session {
  explicit Session(const StartInfo &s)
      : options(s.options), program(s.program), pid(s.pid) {
    TraceHeader header;
    header.version = 2;
    header.program = program;
    header.pid = uint64_t(pid);
    header.timestamp_unit = "ns";
    header.exact_clock = options.clock_exact;
    decoder.start(header, s.tsc, s.ns);
    checker.set_stable_texts(true); // the decoder's site catalog's
    if (!options.suppressions.empty())
      suppressions.load(options.suppressions);
  }
  Options options;
  std::string program;
  pid_t pid;
  BorrowChecker checker;
  LiveDecoder decoder{checker};
  Suppressions suppressions;
  std::vector<Item> held; ///< chunks of the batch being assembled
  size_t looked_at = 0;   ///< violations seen by the halt check
  uint64_t lost = 0;
  bool failed = false;

  bool suppressed(const Violation &v) const {
    return suppressions.size() &&
           suppressions.matches(v, decoder.sites().function_at(v.location));
  }
  CheckSummary summary() const {
    CheckSummary s;
    s.program = program;
    s.pid = pid;
    s.events = decoder.delivered();
    s.lost = lost;
    for (const Violation &v : checker.violations()) {
      if (suppressed(v))
        ++s.suppressed;
      else
        s.shown.push_back(&v);
    }
    return s;
  }
};

Session *session = nullptr; // the checker thread's

void release(const Item &it) {
  if (it.records)
    ::munmap(it.records, it.bytes);
  queued.fetch_sub(it.count, std::memory_order_relaxed);
}

void deliver(Session &s) {
  if (!s.failed)
    s.decoder.deliver_batch();
  for (const Item &it : s.held)
    release(it);
  s.held.clear();
  if (!s.options.halt_on_error || s.failed)
    return;
  const auto &all = s.checker.violations();
  for (; s.looked_at < all.size(); ++s.looked_at)
    if (!s.suppressed(all[s.looked_at])) {
      CheckSummary summary = s.summary();
      summary.halted = true;
      write_report(s.options, summary);
      _exit(s.options.exitcode >= 0 ? s.options.exitcode : 1);
    }
}

void process(const Item &it) {
  if (it.type == Item::Start) {
    delete session; // the image before a failed exec: reported already
    session = new Session(*it.start);
    delete it.start;
    return;
  }
  if (!session) { // cannot happen: Start comes first
    if (it.type == Item::Records)
      release(it);
    delete it.payload;
    return;
  }
  Session &s = *session;
  try {
    switch (it.type) {
    case Item::Module:
      if (!s.failed)
        s.decoder.add_module(*it.payload);
      break;
    case Item::Records:
      s.held.push_back(it);
      if (!s.failed) {
        s.decoder.calibrate(it.end_tsc, it.ns);
        Segment seg;
        seg.sequence = it.sequence;
        seg.count = it.count;
        seg.records = it.records;
        seg.start_tsc = it.start_tsc;
        seg.end_tsc = it.end_tsc;
        s.decoder.add_segment(it.thread, seg);
      } else {
        s.lost += it.count;
      }
      break;
    case Item::Batch:
      deliver(s);
      break;
    case Item::Finish: {
      deliver(s);
      TraceTrailer trailer;
      trailer.end = it.reason == BS_END_SIGNAL ? ProcessEnd::Signal
                    : it.reason == BS_END_EXEC ? ProcessEnd::Exec
                    : it.reason == BS_END_ABORT ? ProcessEnd::Abort
                                                : ProcessEnd::Exit;
      trailer.end_status = it.status;
      s.lost += lost.load(std::memory_order_relaxed); // never handed over
      if (!s.failed)
        s.decoder.finish(trailer);
      CheckSummary summary = s.summary();
      summary.incomplete = it.reason == BS_END_SIGNAL;
      write_report(s.options, summary);
      findings_shown.store(long(summary.shown.size()));
      finished_generation.store(it.generation, std::memory_order_release);
      break;
    }
    default:
      break;
    }
  } catch (const std::exception &e) {
    if (!s.failed)
      report(std::string("check mode stopped: ") + e.what());
    s.failed = true;
    if (it.type == Item::Batch || it.type == Item::Finish) {
      for (const Item &h : s.held)
        release(h);
      s.held.clear();
    }
  }
  delete it.payload;
}

void *checker_thread(void *) {
  become_runtime_thread();
  for (;;) {
    while (sem_wait(&items) != 0) {
    }
    uint64_t t = tail.load(std::memory_order_relaxed);
    if (t == head.load(std::memory_order_acquire))
      continue;
    Item it = ring[t % ring_size];
    process(it);
    tail.store(t + 1, std::memory_order_release);
    progress.fetch_add(1, std::memory_order_relaxed);
    if (producer_waiting.load(std::memory_order_acquire))
      sem_post(&space);
  }
  return nullptr;
}

// --- The producer side ----------------------------------------------------

bool start_thread() {
  sem_init(&items, 0, 0);
  sem_init(&space, 0, 0);
  // Signals go to the program's threads, never to the checker.
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t thread;
  int error = pthread_create(&thread, &attr, checker_thread, nullptr);
  pthread_attr_destroy(&attr);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  if (error != 0) {
    report(std::string("check mode is off: cannot start its thread (") +
           std::strerror(error) + ")");
    return false;
  }
  pthread_setname_np(thread, "borrowscope");
  return true;
}

/// Room for one more item (and, for records, for \p count more records):
/// waits while the checker is behind, as long as it makes progress. False
/// when the ring stays full.
bool wait_for_room(uint64_t count, bool dying) {
  uint64_t seen = progress.load(std::memory_order_relaxed);
  int stalled = 0;
  auto full = [&] {
    return head.load(std::memory_order_relaxed) -
               tail.load(std::memory_order_acquire) >=
           ring_size;
  };
  auto behind = [&] {
    uint64_t q = queued.load(std::memory_order_relaxed);
    return count && q && q + count > record_limit;
  };
  while (full() || behind()) {
    producer_waiting.store(true, std::memory_order_release);
    if (dying) {
      sleep_ms(1);
    } else {
      timespec until;
      clock_gettime(CLOCK_REALTIME, &until);
      until.tv_nsec += 10'000'000;
      if (until.tv_nsec >= 1'000'000'000) {
        until.tv_nsec -= 1'000'000'000;
        ++until.tv_sec;
      }
      sem_timedwait(&space, &until);
    }
    uint64_t now = progress.load(std::memory_order_relaxed);
    if (now != seen) {
      seen = now;
      stalled = 0;
    } else if ((stalled += dying ? 1 : 10) >= stall_ms) {
      break; // the checker is stuck: go on without waiting
    }
  }
  producer_waiting.store(false, std::memory_order_relaxed);
  return !full();
}

bool push(const Item &it, bool dying = false) {
  if (inline_) {
    process(it);
    return true;
  }
  if (!thread_running || !wait_for_room(it.count, dying))
    return false;
  uint64_t h = head.load(std::memory_order_relaxed);
  ring[h % ring_size] = it;
  head.store(h + 1, std::memory_order_release);
  sem_post(&items);
  return true;
}

} // namespace

void start(const Options &options, const std::string &program, pid_t pid) {
  inline_ = !options.check_thread;
  if (!thread_running && !inline_)
    thread_running = start_thread();
  if (!thread_running && !inline_)
    return;
  active_ = true;
  exitcode = options.exitcode;
  record_limit = std::max<uint64_t>(4 * uint64_t(options.buffer_events),
                                    1u << 16);
  lost.store(0);
  Item it;
  it.type = Item::Start;
  it.start = new StartInfo{options, program, pid, cycle_counter(),
                           monotonic_ns()};
  if (!push(it)) {
    delete it.start;
    active_ = false;
  }
}

bool active() { return active_; }

void add_module(std::string payload) {
  if (!active_)
    return;
  Item it;
  it.type = Item::Module;
  it.payload = new std::string(std::move(payload));
  if (!push(it))
    delete it.payload;
}

void add_records(uint32_t thread, uint64_t sequence, const bs_event *records,
                 uint32_t count, uint64_t start_tsc) {
  if (!active_ || count == 0)
    return;
  static const size_t page = size_t(sysconf(_SC_PAGESIZE));
  size_t bytes = (size_t(count) * sizeof(bs_event) + page - 1) / page * page;
  // mmap, not malloc: this runs in the slow path, maybe in a signal handler
  // or inside the program's own allocator.
  void *p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  if (p == MAP_FAILED) {
    lost += count;
    return;
  }
  std::memcpy(p, records, size_t(count) * sizeof(bs_event));
  Item it;
  it.type = Item::Records;
  it.thread = thread;
  it.count = count;
  it.sequence = sequence;
  it.start_tsc = start_tsc;
  it.end_tsc = cycle_counter();
  it.ns = monotonic_ns();
  it.records = static_cast<bs_event *>(p);
  it.bytes = bytes;
  queued.fetch_add(count, std::memory_order_relaxed);
  if (!push(it)) {
    ::munmap(p, bytes);
    queued.fetch_sub(count, std::memory_order_relaxed);
    lost += count;
  }
}

void end_batch() {
  if (!active_)
    return;
  Item it;
  it.type = Item::Batch;
  push(it);
}

bool finish(uint32_t reason, int32_t status, int wait_ms, bool dying) {
  if (!active_)
    return true;
  active_ = false;
  Item it;
  it.type = Item::Finish;
  it.reason = reason;
  it.status = status;
  uint64_t generation = ++finish_generation;
  it.generation = generation;
  if (!push(it, dying))
    return false;
  for (int waited = 0; waited < wait_ms; ++waited) {
    if (finished_generation.load(std::memory_order_acquire) >= generation)
      return true;
    sleep_ms(1);
  }
  return finished_generation.load(std::memory_order_acquire) >= generation;
}

int exit_status_for(int status) {
  return exitcode >= 0 && findings_shown.load() > 0 ? exitcode : status;
}

void forget_after_fork() {
  // The parent's checker thread does not exist here; what it held is the
  // parent's (its session is left as it is, never touched again).
  for (uint64_t t = tail.load(); t != head.load(); ++t)
    if (ring[t % ring_size].type == Item::Records)
      ::munmap(ring[t % ring_size].records, ring[t % ring_size].bytes);
  head.store(0);
  tail.store(0);
  queued.store(0);
  progress.store(0);
  producer_waiting.store(false);
  session = nullptr;
  thread_running = false;
  inline_ = false;
  active_ = false;
  finish_generation = 0;
  finished_generation.store(0);
  findings_shown.store(0);
}

} // namespace borrowscope::check_mode
