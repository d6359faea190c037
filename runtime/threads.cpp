// The threads that record events, with their windows.
#include "threads.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace borrowscope {

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

// Where the main thread's stack began when the program started: above it
// lie argv, the environment and the auxiliary vector, which are no
// variable's (and whose size depends on the environment).
extern "C" void *__libc_stack_end;

bool current_stack(uint64_t &lo, uint64_t &hi) {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0)
    return false;
  void *addr = nullptr;
  size_t size = 0;
  bool ok = pthread_attr_getstack(&attr, &addr, &size) == 0 && size > 0;
  pthread_attr_destroy(&attr);
  if (!ok)
    return false;
  lo = reinterpret_cast<uint64_t>(addr);
  hi = lo + size;
  uint64_t start = reinterpret_cast<uint64_t>(__libc_stack_end);
  if (current_os_tid() == uint64_t(getpid()) && start > lo && start < hi)
    hi = start;
  return true;
}

ThreadRecord *ThreadRegistry::attach() {
  auto record = std::make_unique<ThreadRecord>();
  record->index = uint32_t(records_.size() + 1);
  record->os_tid = current_os_tid();
  record->name = thread_name(record->os_tid);
  records_.push_back(std::move(record));
  return records_.back().get();
}

void ThreadRegistry::keep_only(ThreadRecord *survivor) {
  std::erase_if(records_, [&](const std::unique_ptr<ThreadRecord> &r) {
    return r.get() != survivor;
  });
  // The survivor keeps its number: its ids continue the parent's numbering,
  // so that instances created before the fork have the same id in both.
  if (survivor) {
    survivor->os_tid = current_os_tid();
    survivor->window = nullptr;
    survivor->handler_stream = nullptr; // erased above: made again
    survivor->sequence = 0;
    survivor->flushed = 0;
  }
}

} // namespace borrowscope
