// Turns event records into the JSON trace (docs/trace-format.md).
#include "trace_writer.h"
#include "options.h"

#include <boost/json.hpp>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace json = boost::json;

namespace borrowscope {

namespace {

constexpr size_t flush_threshold = 1 << 20;

void append_number(std::string &out, uint64_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  (void)ec;
  out.append(buf, end);
}

/// Writes everything, or fails with errno set. A pipe whose reader went
/// away must not kill the program with SIGPIPE: the signal is blocked for
/// the write and a SIGPIPE it raised is taken back.
bool write_all(int fd, const char *data, size_t size) {
  sigset_t pipe_only, old;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_only, &old);
  sigset_t pending;
  sigpending(&pending);
  bool was_pending = sigismember(&pending, SIGPIPE);
  bool ok = true;
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    data += n;
    size -= size_t(n);
  }
  if (!ok && errno == EPIPE && !was_pending) {
    int saved = errno;
    timespec zero{0, 0};
    sigtimedwait(&pipe_only, nullptr, &zero);
    errno = saved;
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return ok;
}

json::value mutability_value(uint8_t m) {
  if (m == BS_MUT_SHARED)
    return false;
  if (m == BS_MUT_MUTABLE || m == BS_MUT_MOVE)
    return true;
  return nullptr;
}

void append_address(std::string &out, const char *key, uint64_t address) {
  static const char digits[] = "0123456789abcdef";
  char buf[16];
  int n = 0;
  do {
    buf[n++] = digits[address & 15];
    address >>= 4;
  } while (address);
  out += key;
  out += "\"0x";
  while (n)
    out += buf[--n];
  out += '"';
}

/// "file:line:col" as the issue and compilers spell it.
std::string location(const bs_site &s) {
  return valid_utf8(s.file ? s.file : "?") + ":" + std::to_string(s.line) +
         ":" + std::to_string(s.column);
}

std::string utf8_or_empty(const char *s) { return s ? valid_utf8(s) : ""; }

} // namespace

std::string valid_utf8(const char *s) {
  std::string out;
  const auto *p = reinterpret_cast<const unsigned char *>(s);
  while (*p) {
    unsigned char c = *p;
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3
                           : (c >> 3) == 0x1e ? 4 : 0;
    bool ok = len > 0;
    for (int i = 1; ok && i < len; ++i)
      ok = (p[i] & 0xc0) == 0x80;
    if (ok) {
      out.append(reinterpret_cast<const char *>(p), len);
      p += len;
    } else {
      out += "\xef\xbf\xbd";
      ++p;
    }
  }
  return out;
}

uint64_t instance_id(ThreadTrace &thread, uint32_t local, bool created) {
  if (created) {
    if (local < thread.last_created &&
        thread.last_created - local > 0x80000000u)
      ++thread.id_epoch; // the counter wrapped
    thread.last_created = local;
    return global_id(thread.index, thread.id_epoch, local);
  }
  uint32_t epoch = thread.id_epoch;
  if (local > thread.last_created && epoch > 0)
    --epoch;
  return global_id(thread.index, epoch, local);
}

TraceWriter::~TraceWriter() {
  if (fd_ >= 0)
    ::close(fd_);
}

void TraceWriter::fail(const std::string &what) {
  report(what + " (" + std::strerror(errno) + "); the trace is incomplete");
  ::close(fd_);
  fd_ = -1;
}

bool TraceWriter::open(const std::string &path, const std::string &program,
                       long pid) {
  path_ = path;
  if (fd_ >= 0)
    ::close(fd_);
  // Read-write for snapshots (they copy the file written so far), except for
  // what cannot be read back: a pipe opened read-write never sees its reader
  // go away, and a write would then block forever.
  struct stat st;
  bool special = ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
  int mode = special ? O_WRONLY : O_RDWR | O_CREAT | O_TRUNC;
  fd_ = ::open(path.c_str(), mode | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    report("cannot write the trace to '" + path + "': " +
           std::strerror(errno));
    return false;
  }
  json::object header;
  header["version"] = 1;
  header["program"] = valid_utf8(program.c_str());
  header["pid"] = pid;
  header["timestamp_unit"] = "ns";
  std::string h = json::serialize(header);
  h.pop_back(); // reopen the object for the events
  out_ = h + ",\"events\":[";
  bytes_ = 0;
  written_ = 0;
  return true;
}

const std::string *TraceWriter::fragment(uint32_t site, const bs_site &s) {
  if (site >= fragments_.size())
    fragments_.resize(sites_.end());
  std::string &cached = fragments_[site];
  if (!cached.empty())
    return &cached;
  json::object o;
  o["location"] = location(s);
  o["function"] = utf8_or_empty(s.function);
  switch (s.kind) {
  case BS_SITE_NEW:
  case BS_SITE_DROP:
    o["var_name"] = utf8_or_empty(s.name);
    o["type_name"] = utf8_or_empty(s.type_name);
    if (s.flags & BS_SITE_FLAG_UNWIND)
      o["unwind"] = true;
    break;
  case BS_SITE_BORROW:
    o["borrower_name"] = utf8_or_empty(s.name);
    o["borrower_kind"] = bs_borrower_kind_name(s.borrower_kind);
    if (s.flags & BS_SITE_FLAG_REBORROW)
      o["owner_name"] = nullptr;
    else
      o["owner_name"] = utf8_or_empty(s.owner);
    o["kind"] = bs_mutability_name(s.mutability);
    o["mutable"] = mutability_value(s.mutability);
    if (s.flags & BS_SITE_FLAG_REBORROW)
      o["reborrow"] = true;
    if (s.through)
      o["through"] = valid_utf8(s.through);
    break;
  case BS_SITE_MOVE:
    o["from_name"] = utf8_or_empty(s.owner);
    o["to_name"] = utf8_or_empty(s.name);
    break;
  default:
    return nullptr;
  }
  std::string text = json::serialize(o);
  cached = text.substr(1, text.size() - 2); // without the braces
  return &cached;
}

bool TraceWriter::format_event(std::string &out, ThreadTrace &thread,
                               const bs_event &e, const bs_event_ext *ext) {
  if (e.site == BS_SITE_CLOCK_HIGH) {
    thread.clock_high = e.a;
    return false;
  }
  const bs_site *s = sites_.find(e.site);
  const std::string *frag = s ? fragment(e.site, *s) : nullptr;
  if (!frag || ((s->flags & BS_SITE_FLAG_WIDE) && !ext)) {
    ++lost_;
    return false;
  }
  uint64_t cycles = (uint64_t(thread.clock_high) << 32) | e.clock;
  auto id = [&](const char *key, uint32_t local, bool created = false) {
    out += key;
    if (local)
      append_number(out, instance_id(thread, local, created));
    else
      out += "null";
  };
  static const char *const type_names[] = {"", "New", "Borrow", "Move", "Drop"};
  out += "{\"type\":\"";
  out += type_names[s->kind];
  out += "\",\"timestamp\":";
  append_number(out, clock_.to_nanoseconds(cycles));
  out += ",\"thread\":";
  append_number(out, thread.index);
  switch (s->kind) {
  case BS_SITE_NEW:
  case BS_SITE_DROP:
    id(",\"var_id\":", e.a, s->kind == BS_SITE_NEW);
    if (ext) {
      append_address(out, ",\"address\":", ext->p0);
      out += ",\"size\":";
      append_number(out, ext->p1);
    }
    break;
  case BS_SITE_BORROW:
    out += ",\"borrow_id\":";
    append_number(out, ++borrows_);
    id(",\"owner_id\":", e.a);
    id(",\"borrower_id\":", e.b);
    if (ext && (s->flags & BS_SITE_FLAG_REBORROW))
      append_address(out, ",\"address\":", ext->p0);
    if (ext && ext->p1)
      append_address(out, ",\"destination\":", ext->p1);
    break;
  case BS_SITE_MOVE:
    id(",\"from_id\":", e.a);
    id(",\"to_id\":", e.b);
    break;
  }
  out += ',';
  out += *frag;
  out += '}';
  return true;
}

void TraceWriter::append(ThreadTrace &thread, const bs_event *begin,
                         const bs_event *end) {
  if (fd_ < 0) {
    for (const bs_event *e = begin; e != end; ++e) {
      if (e->site == BS_SITE_CLOCK_HIGH)
        continue;
      ++lost_;
      const bs_site *s = sites_.find(e->site);
      if (s && (s->flags & BS_SITE_FLAG_WIDE) && e + 1 != end)
        ++e; // its extension
    }
    return;
  }
  for (const bs_event *e = begin; e != end; ++e) {
    const bs_event_ext *ext = nullptr;
    if (const bs_site *s = e->site != BS_SITE_CLOCK_HIGH ? sites_.find(e->site)
                                                         : nullptr;
        s && (s->flags & BS_SITE_FLAG_WIDE) && e + 1 != end) {
      ext = reinterpret_cast<const bs_event_ext *>(e + 1);
      ++e;
    }
    size_t mark = out_.size();
    out_ += written_ ? ",\n" : "\n";
    if (!format_event(out_, thread, e[ext ? -1 : 0], ext)) {
      out_.resize(mark);
      continue;
    }
    ++written_;
    ++thread.events;
    if (out_.size() >= flush_threshold && !flush_buffer())
      return;
  }
  flush_buffer();
}

bool TraceWriter::flush_buffer() {
  if (fd_ < 0)
    return false;
  if (!write_all(fd_, out_.data(), out_.size())) {
    fail("cannot write the trace to '" + path_ + "'");
    return false;
  }
  bytes_ += out_.size();
  out_.clear();
  return true;
}

std::string TraceWriter::trailer(const std::vector<ThreadTrace> &threads) const {
  json::array list;
  for (const ThreadTrace &t : threads) {
    json::object o;
    o["id"] = t.index;
    o["os_tid"] = t.os_tid;
    o["name"] = valid_utf8(t.name.c_str());
    o["events"] = t.events;
    list.push_back(std::move(o));
  }
  std::string text = "\n],\"threads\":" + json::serialize(list);
  text += ",\"event_count\":" + std::to_string(written_);
  text += ",\"lost_events\":" + std::to_string(lost_) + "}\n";
  return text;
}

bool TraceWriter::finish(const std::vector<ThreadTrace> &threads) {
  if (fd_ < 0)
    return false;
  out_ += trailer(threads);
  if (!flush_buffer())
    return false;
  ::close(fd_);
  fd_ = -1;
  return true;
}

bool TraceWriter::snapshot(const std::string &path,
                           const std::vector<ThreadTrace> &threads) {
  if (fd_ < 0 || !flush_buffer()) {
    report("cannot export to '" + path + "': the trace output '" + path_ +
           "' is not writable");
    return false;
  }
  struct stat ours, theirs;
  if (::fstat(fd_, &ours) == 0 && ::stat(path.c_str(), &theirs) == 0 &&
      ours.st_dev == theirs.st_dev && ours.st_ino == theirs.st_ino) {
    report("cannot export to '" + path + "': it is the trace being written");
    return false;
  }
  int copy = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                    0644);
  if (copy < 0) {
    report("cannot export to '" + path + "': " + std::strerror(errno));
    return false;
  }
  std::vector<char> chunk(1 << 20);
  bool ok = true;
  for (uint64_t offset = 0; ok && offset < bytes_;) {
    size_t want = size_t(std::min<uint64_t>(chunk.size(), bytes_ - offset));
    ssize_t n = ::pread(fd_, chunk.data(), want, off_t(offset));
    ok = n > 0 && write_all(copy, chunk.data(), size_t(n));
    offset += n > 0 ? uint64_t(n) : 0;
  }
  std::string tail = trailer(threads);
  ok = ok && write_all(copy, tail.data(), tail.size());
  if (!ok)
    report("cannot export to '" + path + "': " + std::strerror(errno));
  ::close(copy);
  return ok;
}

void TraceWriter::abandon() {
  if (fd_ >= 0)
    ::close(fd_);
  fd_ = -1;
  out_.clear();
  fragments_.clear();
}

} // namespace borrowscope
