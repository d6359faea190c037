// Per-thread event buffers, and the list of threads for the trace.
#include "threads.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace borrowscope {

namespace {

// mmap, not malloc: the program being traced may be a memory allocator.
bs_event *map_buffer(uint32_t capacity) {
  void *p = mmap(nullptr, size_t(capacity) * sizeof(bs_event),
                 PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : static_cast<bs_event *>(p);
}

void unmap_buffer(ThreadRecord &r) {
  if (r.buffer)
    munmap(r.buffer, size_t(r.capacity) * sizeof(bs_event));
  r.buffer = r.flushed = nullptr;
}

} // namespace

uint64_t current_os_tid() { return uint64_t(syscall(SYS_gettid)); }

std::string thread_name(uint64_t os_tid) {
  std::string path = "/proc/self/task/" + std::to_string(os_tid) + "/comm";
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return "";
  char buf[64];
  ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  if (n <= 0)
    return "";
  std::string name(buf, size_t(n));
  while (!name.empty() && name.back() == '\n')
    name.pop_back();
  return name;
}

ThreadRegistry::~ThreadRegistry() {
  for (auto &r : records_)
    unmap_buffer(*r);
}

ThreadRecord *ThreadRegistry::attach(uint32_t capacity) {
  auto record = std::make_unique<ThreadRecord>();
  record->capacity = capacity;
  record->trace.index = uint32_t(records_.size() + 1);
  record->trace.os_tid = current_os_tid();
  record->trace.name = thread_name(record->trace.os_tid);
  if (!reattach(*record))
    return nullptr;
  records_.push_back(std::move(record));
  return records_.back().get();
}

bool ThreadRegistry::reattach(ThreadRecord &r) {
  r.buffer = map_buffer(r.capacity);
  r.flushed = r.buffer;
  r.state = &__borrowscope_thread;
  return r.buffer != nullptr;
}

void ThreadRegistry::detach(ThreadRecord &r) {
  std::string name = thread_name(r.trace.os_tid);
  if (!name.empty())
    r.trace.name = name;
  unmap_buffer(r);
  r.state = nullptr;
}

void ThreadRegistry::keep_only(ThreadRecord *survivor) {
  for (auto &r : records_)
    if (r.get() != survivor)
      r->state = nullptr; // the thread does not exist in this process
  std::erase_if(records_, [&](const std::unique_ptr<ThreadRecord> &r) {
    return r.get() != survivor;
  });
  // The survivor keeps its index: its ids continue the parent's numbering, so
  // that instances created before the fork have the same id in both traces.
  if (survivor) {
    survivor->trace.os_tid = current_os_tid();
    survivor->trace.events = 0;
  }
}

std::vector<ThreadRecord *> ThreadRegistry::live() const {
  std::vector<ThreadRecord *> result;
  for (const auto &r : records_)
    if (r->state && r->buffer)
      result.push_back(r.get());
  return result;
}

std::vector<ThreadTrace> ThreadRegistry::traces() const {
  std::vector<ThreadTrace> result;
  for (const auto &r : records_) {
    result.push_back(r->trace);
    if (r->state) { // still running: the kernel has its current name
      std::string name = thread_name(r->trace.os_tid);
      if (!name.empty())
        result.back().name = name;
    }
  }
  return result;
}

} // namespace borrowscope
