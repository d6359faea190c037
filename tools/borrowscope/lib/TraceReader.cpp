// What every trace reader shares: the names of event fields' values, and
// reading a trace from a file, a pipe or memory, whichever its format.
#include "TraceReader.h"
#include "AddressResolver.h"
#include "BinaryTraceReader.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace borrowscope {

std::string_view event_type_name(EventType t) {
  switch (t) {
  case EventType::Release:
    return "Release";
  case EventType::Free:
    return "Free";
  case EventType::Flush:
    return "Flush";
  case EventType::New:
    return "New";
  case EventType::Borrow:
    return "Borrow";
  case EventType::Move:
    return "Move";
  case EventType::Drop:
    return "Drop";
  }
  return "?";
}

std::string_view borrower_kind_name(BorrowerKind k) {
  switch (k) {
  case BorrowerKind::Variable:
    return "variable";
  case BorrowerKind::Call:
    return "call";
  case BorrowerKind::Return:
    return "return";
  case BorrowerKind::Escape:
    return "escape";
  case BorrowerKind::Unknown:
    return "unknown";
  }
  return "?";
}

std::string_view mutability_name(Mutability m) {
  switch (m) {
  case Mutability::Shared:
    return "shared";
  case Mutability::Mutable:
    return "mut";
  case Mutability::Move:
    return "move";
  case Mutability::Unknown:
    return "unknown";
  }
  return "?";
}

std::string_view borrow_kind_name(Mutability m) {
  return m == Mutability::Mutable ? "mutable" : mutability_name(m);
}

namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0)
      ::close(fd);
  }
};

[[noreturn]] void io_error(const std::string &what) {
  throw TraceError(TraceError::Kind::Io, what);
}

/// A FIFO opened for reading blocks until someone opens it for writing:
/// wait for a writer (and its first bytes) for at most fifo_wait_ms.
int open_fifo(const std::string &path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    io_error(std::strerror(errno));
  pollfd p{fd, POLLIN, 0};
  int waited = 0;
  for (;;) {
    int r = ::poll(&p, 1, 100);
    if (r > 0 && (p.revents & POLLIN))
      break;
    if (r < 0 && errno != EINTR) {
      ::close(fd);
      io_error(std::strerror(errno));
    }
    waited += 100;
    if (waited >= fifo_wait_ms) {
      ::close(fd);
      io_error("no program wrote to this FIFO within " +
               std::to_string(fifo_wait_ms / 1000) + " s");
    }
    if (r > 0 && (p.revents & POLLHUP))
      ::usleep(100'000); // no writer yet: Linux reports a hangup
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

/// Up to \p n bytes (less only at the end of the input).
std::string read_some(int fd, size_t n) {
  std::string out;
  while (out.size() < n) {
    char buf[4096];
    ssize_t r = ::read(fd, buf, std::min(sizeof buf, n - out.size()));
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0)
      io_error(std::string("read error: ") + std::strerror(errno));
    if (r == 0)
      break;
    out.append(buf, size_t(r));
  }
  return out;
}

void read_json_stream(int fd, std::string head, TraceSink &sink,
                      ReadOptions options) {
  ResolvingSink resolved(sink);
  TraceReader reader(resolved, options);
  reader.feed(head);
  std::vector<char> chunk(1 << 18);
  for (;;) {
    ssize_t n = ::read(fd, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      io_error(std::string("read error: ") + std::strerror(errno));
    if (n == 0)
      break;
    reader.feed(std::string_view(chunk.data(), size_t(n)));
  }
  reader.finish();
}

} // namespace

void read_trace_buffer(std::string_view text, TraceSink &sink,
                       ReadOptions options) {
  if (is_binary_trace(text)) {
    read_binary_trace(text, sink);
    return;
  }
  ResolvingSink resolved(sink);
  TraceReader reader(resolved, options);
  reader.feed(text);
  reader.finish();
}

void read_trace_file(const std::string &path, TraceSink &sink,
                     ReadOptions options) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    io_error(std::strerror(errno));
  if (S_ISDIR(st.st_mode))
    io_error("a directory, not a trace");
  Fd file;
  file.fd = S_ISFIFO(st.st_mode) ? open_fifo(path)
                                 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (file.fd < 0)
    io_error(std::strerror(errno));
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    // A file is mapped: the binary reader indexes it before it reads it.
    size_t size = size_t(st.st_size);
    void *p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.fd, 0);
    if (p == MAP_FAILED)
      io_error(std::string("cannot map it: ") + std::strerror(errno));
    struct Unmap {
      void *p;
      size_t n;
      ~Unmap() { ::munmap(p, n); }
    } unmap{p, size};
    std::string_view bytes(static_cast<const char *>(p), size);
    if (is_binary_trace(bytes)) {
      read_binary_trace(bytes, sink);
      return;
    }
    ResolvingSink resolved(sink);
    TraceReader reader(resolved, options);
    for (size_t at = 0; at < size; at += 1 << 20)
      reader.feed(bytes.substr(at, 1 << 20));
    reader.finish();
    return;
  }
  std::string head = read_some(file.fd, 8);
  if (is_binary_trace(head))
    read_binary_trace_stream(file.fd, head, sink);
  else
    read_json_stream(file.fd, std::move(head), sink, options);
}

} // namespace borrowscope
