// The trace file: header, blocks, and the thread windows (trace_file.h).
#include "trace_file.h"
#include "clock.h"
#include "options.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

namespace borrowscope {

namespace {

size_t page_size() {
  static const size_t size = size_t(sysconf(_SC_PAGESIZE));
  return size;
}

size_t window_bytes(uint32_t capacity) {
  return window_records_offset + size_t(capacity) * sizeof(bs_event);
}

/// A write that may not raise SIGPIPE: a reader that went away must not kill
/// the program. The signal is blocked for the call and a SIGPIPE it raised is
/// taken back.
template <typename Write> ssize_t without_sigpipe(Write write) {
  sigset_t pipe_only, old;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_only, &old);
  sigset_t pending;
  sigpending(&pending);
  bool was_pending = sigismember(&pending, SIGPIPE);
  ssize_t n = write();
  if (n < 0 && errno == EPIPE && !was_pending) {
    int saved = errno;
    timespec zero{0, 0};
    sigtimedwait(&pipe_only, nullptr, &zero);
    errno = saved;
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return n;
}

enum class Room { Ready, Timeout, Gone };

/// Waits up to \p ms for room in a pipe.
Room wait_writable(int fd, int ms) {
  pollfd p{fd, POLLOUT, 0};
  for (;;) {
    int r = poll(&p, 1, ms);
    if (r < 0 && errno == EINTR)
      continue;
    if (r > 0 && (p.revents & (POLLERR | POLLHUP)))
      return Room::Gone; // the reader closed its end
    return r > 0 ? Room::Ready : Room::Timeout;
  }
}

} // namespace

bool is_trace_of(const std::string &path, uint64_t pid) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return false; // a FIFO is not opened: that would look like a reader
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return false;
  bs_file_header h{};
  bool ok = ::pread(fd, &h, sizeof h, 0) == ssize_t(sizeof h);
  ::close(fd);
  return ok && std::memcmp(h.magic, BS_TRACE_MAGIC, sizeof h.magic) == 0 &&
         h.pid == pid;
}

uint32_t Window::committed() const {
  uint64_t cur = __atomic_load_n(&record->cur, __ATOMIC_ACQUIRE);
  uint64_t base = reinterpret_cast<uint64_t>(records);
  if (cur < base || cur > base + uint64_t(capacity) * sizeof(bs_event))
    return 0; // cannot happen unless memory was overwritten
  return uint32_t((cur - base) / sizeof(bs_event));
}

void Window::reset(uint32_t thread, uint64_t sequence) {
  header->thread = thread;
  header->sequence = sequence;
  header->tsc = header->end_tsc = cycle_counter();
  header->ns = monotonic_ns();
  record->capacity = capacity;
  record->base = reinterpret_cast<uint64_t>(records);
  __atomic_store_n(&record->cur, record->base, __ATOMIC_RELEASE);
  record->active = 1;
}

TraceFile::~TraceFile() { abandon(); }

void TraceFile::fail(const std::string &what) {
  report(what + " (" + std::strerror(errno) + "); the trace is incomplete");
  ::close(fd_);
  fd_ = -1;
}

bool TraceFile::open(const std::string &path, const std::string &program,
                     long pid, uint32_t flags) {
  path_ = path;
  struct stat st;
  bool exists = ::stat(path.c_str(), &st) == 0;
  regular_ = !exists || S_ISREG(st.st_mode);
  if (regular_) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  } else {
    // A FIFO without a reader would block open() forever: poll for one.
    for (int waited = 0;; waited += 10) {
      fd_ = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd_ >= 0 || errno != ENXIO || waited >= open_wait_ms)
        break;
      usleep(10'000);
    }
  }
  if (fd_ >= 0) {
    // Out of the program's way: the lowest free descriptors are the ones it
    // gets from open() and expects (3 for its first file, say).
    int high = ::fcntl(fd_, F_DUPFD_CLOEXEC, high_fd);
    if (high >= 0) {
      ::close(fd_);
      fd_ = high;
    }
  }
  if (fd_ < 0) {
    report("cannot write the trace to '" + path + "': " +
           (errno == ENXIO ? std::string("no reader on the FIFO after ") +
                                 std::to_string(open_wait_ms) + " ms"
                           : std::string(std::strerror(errno))));
    return false;
  }
  bs_file_header fh{};
  std::memcpy(fh.magic, BS_TRACE_MAGIC, sizeof fh.magic);
  fh.byte_order = BS_TRACE_BYTE_ORDER;
  fh.version = BS_TRACE_VERSION;
  fh.header_size = sizeof fh;
  fh.block_header_size = sizeof(bs_block_header);
  fh.record_size = sizeof(bs_event);
  fh.flags = flags;
  fh.pid = uint64_t(pid);
  fh.start_tsc = cycle_counter();
  fh.start_ns = monotonic_ns();
  fh.start_realtime_ns = realtime_ns();
  end_ = 0;
  iovec whole{&fh, sizeof fh};
  bool ok = regular_ ? ::pwrite(fd_, &fh, sizeof fh, 0) ==
                           ssize_t(sizeof fh)
                     : write_stream(&whole, 1);
  if (!ok) {
    fail("cannot write the trace to '" + path + "'");
    return false;
  }
  end_ = sizeof fh;
  return append(header(BS_BLOCK_PROCESS, 0, 0, program.size()), program.data(),
                program.size());
}

namespace {

/// The parts of \p parts after the first \p done bytes, into \p rest.
int remaining_parts(const iovec *parts, int count, size_t done, iovec *rest) {
  int n = 0;
  for (int i = 0; i < count; ++i) {
    if (done >= parts[i].iov_len) {
      done -= parts[i].iov_len;
      continue;
    }
    rest[n].iov_base = static_cast<char *>(parts[i].iov_base) + done;
    rest[n].iov_len = parts[i].iov_len - done;
    done = 0;
    ++n;
  }
  return n;
}

size_t total_size(const iovec *parts, int count) {
  size_t total = 0;
  for (int i = 0; i < count; ++i)
    total += parts[i].iov_len;
  return total;
}

} // namespace

bool TraceFile::write_stream(const iovec *parts, int count) {
  // No allocation here: this also runs in a dying process (a signal
  // handler, _exit), where the heap may be in any state.
  size_t total = total_size(parts, count), done = 0;
  auto stop = [&](const char *why) {
    stalled_ = true;
    report("the trace reader of '" + path_ + "' " + why +
           "; nothing more is written");
    return false;
  };
  while (done < total) {
    iovec rest[4];
    int n = remaining_parts(parts, count, done, rest);
    ssize_t w = without_sigpipe([&] { return ::writev(fd_, rest, n); });
    if (w > 0) {
      done += size_t(w);
      continue;
    }
    if (w < 0 && errno == EINTR)
      continue;
    if (w < 0 && errno == EPIPE)
      return stop("went away");
    if (w < 0 && errno == EAGAIN) {
      if (done == 0) {
        // Before a block starts, a slow reader costs the block. The waits
        // for room add up to at most wait_budget_ms over the whole run; then
        // what does not fit at once is dropped (and counted lost).
        int left = wait_budget_ms - int(waited_ns_ / 1'000'000);
        if (left <= 0)
          return false;
        uint64_t since = monotonic_ns();
        Room room = wait_writable(fd_, std::min(block_wait_ms, left));
        waited_ns_ += monotonic_ns() - since;
        if (room == Room::Gone)
          return stop("went away");
        if (room == Room::Timeout)
          return false;
        continue;
      }
      // Once a block has started it must be finished, or the stream is
      // broken: one wait of stall_ms, then nothing more is written.
      Room room = wait_writable(fd_, stall_ms);
      if (room == Room::Ready)
        continue;
      if (room == Room::Gone)
        return stop("went away");
      return stop("stopped reading for 1 s");
    }
    stalled_ = true;
    report("cannot write the trace to '" + path_ + "': " +
           std::strerror(errno));
    return false;
  }
  return true;
}

bs_block_header TraceFile::header(uint16_t type, uint32_t thread,
                                  uint64_t sequence, size_t size) {
  bs_block_header h{};
  h.magic = BS_BLOCK_MAGIC;
  h.type = type;
  h.size = uint32_t(size);
  h.thread = thread;
  h.sequence = sequence;
  h.tsc = h.end_tsc = cycle_counter();
  h.ns = monotonic_ns();
  return h;
}

bool TraceFile::append(const bs_block_header &h, const void *payload,
                       size_t size, const void *payload2, size_t size2) {
  if (fd_ < 0 || stalled_)
    return false;
  iovec parts[3] = {{const_cast<bs_block_header *>(&h), sizeof h},
                    {const_cast<void *>(payload), size},
                    {const_cast<void *>(payload2), size2}};
  int count = size2 ? 3 : 2;
  // A pipe: one block per write where the pipe allows; a block once started
  // is finished (write_stream).
  if (!regular_)
    return write_stream(parts, count);
  size_t total = total_size(parts, count), done = 0;
  while (done < total) {
    iovec rest[3];
    int n = remaining_parts(parts, count, done, rest);
    ssize_t w = ::pwritev(fd_, rest, n, off_t(end_ + done));
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0) {
      // A partial block at the end is ignored by readers: the file stays
      // readable up to the last complete one. Nothing more is appended.
      fail("cannot write the trace to '" + path_ + "'");
      return false;
    }
    done += size_t(w);
  }
  end_ += total;
  return true;
}

bool TraceFile::map_window(Window &w, uint32_t capacity) {
  // Windows start on a page: pad up to the next boundary (a PAD block needs
  // room for its header, else it takes the page after).
  size_t page = page_size();
  uint64_t start = (end_ + page - 1) / page * page;
  if (start != end_ && start - end_ < sizeof(bs_block_header))
    start += page;
  if (start != end_) {
    bs_block_header pad = header(BS_BLOCK_PAD, 0, 0,
                                 start - end_ - sizeof(bs_block_header));
    if (::pwrite(fd_, &pad, sizeof pad, off_t(end_)) != ssize_t(sizeof pad))
      return false;
  }
  size_t bytes = window_bytes(capacity);
  size_t mapped = (bytes + page - 1) / page * page;
  if (::ftruncate(fd_, off_t(start + bytes)) != 0)
    return false;
  void *p = ::mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_SHARED, fd_,
                   off_t(start));
  if (p == MAP_FAILED)
    return false;
  // Fault the pages in now, in one call, rather than one by one in the
  // program's stores (a page fault costs microseconds in a VM).
  ::madvise(p, mapped, MADV_POPULATE_WRITE);
  w.header = static_cast<bs_block_header *>(p);
  *w.header = header(BS_BLOCK_WINDOW, 0, 0, bytes - sizeof(bs_block_header));
  w.offset = start;
  w.mapped = mapped;
  w.in_file = true;
  end_ = start + bytes;
  return true;
}

bool TraceFile::anonymous_window(Window &w, uint32_t capacity) {
  // mmap, not malloc: the program being traced may be a memory allocator.
  size_t bytes = window_bytes(capacity);
  void *p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED)
    return false;
  w.header = static_cast<bs_block_header *>(p);
  *w.header = header(BS_BLOCK_WINDOW, 0, 0, bytes - sizeof(bs_block_header));
  w.mapped = bytes;
  w.in_file = false;
  return true;
}

Window *TraceFile::window(uint32_t capacity) {
  for (auto it = spare_.begin(); it != spare_.end(); ++it)
    if ((*it)->capacity == capacity) {
      Window *w = *it;
      spare_.erase(it);
      return w;
    }
  auto *w = new Window;
  bool ok = (fd_ >= 0 && regular_ && !stalled_ && map_window(*w, capacity)) ||
            anonymous_window(*w, capacity);
  if (!ok) {
    delete w;
    return nullptr;
  }
  w->record = reinterpret_cast<bs_window_record *>(w->header + 1);
  w->records = reinterpret_cast<bs_event *>(reinterpret_cast<char *>(w->header) +
                                            window_records_offset);
  w->capacity = capacity;
  windows_.push_back(w);
  return w;
}

bool TraceFile::write_events(const Window &w, uint32_t thread,
                             uint64_t sequence, uint32_t first,
                             uint32_t count) {
  uint32_t n = count;
  if (n == 0)
    return true;
  bs_block_header h = header(BS_BLOCK_EVENTS, thread, sequence,
                             size_t(n) * sizeof(bs_event));
  // Its records came after the window's start, and before now. A later
  // part of a window (written while its thread went on) has no start.
  h.tsc = first == 0 ? w.header->tsc : 0;
  if (append(h, w.records + first, size_t(n) * sizeof(bs_event))) {
    written_ += n;
    return true;
  }
  count_lost(thread, n);
  return false;
}

void TraceFile::retire(Window *w) {
  w->record->active = 0;
  __atomic_store_n(&w->record->cur, w->record->base, __ATOMIC_RELEASE);
  spare_.push_back(w);
}

bool TraceFile::write_module(const std::string &payload) {
  return append(header(BS_BLOCK_MODULE, 0, 0, payload.size()), payload.data(),
                payload.size());
}

bool TraceFile::write_thread(uint32_t thread, uint64_t os_tid,
                             const std::string &name, uint64_t records,
                             bool exited) {
  bs_thread_record r{};
  r.os_tid = os_tid;
  r.records = records;
  r.exited = exited;
  r.name_size = uint32_t(name.size());
  return append(header(BS_BLOCK_THREAD, thread, 0, sizeof r + name.size()), &r,
                sizeof r, name.data(), name.size());
}

bool TraceFile::write_end(uint32_t reason, int32_t status, uint64_t records,
                          uint64_t lost) {
  bs_end_record r{reason, status, records, lost};
  return append(header(BS_BLOCK_END, 0, 0, sizeof r), &r, sizeof r);
}

void TraceFile::count_lost(uint32_t thread, uint64_t records) {
  lost_ += records;
  bs_lost_record r{records};
  append(header(BS_BLOCK_LOST, thread, 0, sizeof r), &r, sizeof r);
}

bool TraceFile::same_file(const std::string &path) const {
  struct stat ours, theirs;
  return fd_ >= 0 && ::fstat(fd_, &ours) == 0 &&
         ::stat(path.c_str(), &theirs) == 0 && ours.st_dev == theirs.st_dev &&
         ours.st_ino == theirs.st_ino;
}

void TraceFile::release_windows() {
  if (fd_ < 0 || !regular_)
    return;
  for (Window *w : windows_)
    if (w->in_file) {
      // The header stays (inactive): a reader skips the zeros after it.
      uint64_t start = w->offset + window_records_offset;
      uint64_t page = page_size();
      uint64_t from = (start + page - 1) / page * page;
      // Whole pages of the window only: the blocks after it may share its
      // last page.
      uint64_t to = (w->offset + window_bytes(w->capacity)) / page * page;
      if (to > from)
        ::fallocate(fd_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
                    off_t(from), off_t(to - from));
    }
}

void TraceFile::close() {
  if (fd_ >= 0)
    ::close(fd_);
  fd_ = -1;
}

void TraceFile::abandon() {
  // Unmapping in a forked child leaves the parent's mappings alone.
  for (Window *w : windows_) {
    ::munmap(w->header, w->mapped);
    delete w;
  }
  windows_.clear();
  spare_.clear();
  close();
}

} // namespace borrowscope
