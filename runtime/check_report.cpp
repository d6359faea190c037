// Check mode's report (check_report.h).
#include "check_report.h"
#include "output_path.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fnmatch.h>
#include <fstream>
#include <map>
#include <unistd.h>

namespace borrowscope {

namespace {

const char *const kinds[] = {"dangling_borrow", "borrow_conflict",
                             "use_after_move"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                        s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty())
    return false;
  for (char c : s)
    if (c < '0' || c > '9')
      return false;
  return true;
}

/// "file:line:col" split; line 0 when the location has no numbers.
void split_location(std::string_view location, std::string_view &file,
                    uint32_t &line) {
  file = location;
  line = 0;
  size_t col = location.rfind(':');
  if (col == std::string_view::npos || !all_digits(location.substr(col + 1)))
    return;
  size_t at = location.rfind(':', col - 1);
  if (at == std::string_view::npos || col == 0 ||
      !all_digits(location.substr(at + 1, col - at - 1)))
    return;
  file = location.substr(0, at);
  line = uint32_t(std::stoul(std::string(location.substr(at + 1, col - at - 1))));
}

bool file_matches(const std::string &pattern, std::string_view file) {
  std::string f(file);
  if (f == pattern || fnmatch(pattern.c_str(), f.c_str(), 0) == 0)
    return true;
  return f.size() > pattern.size() &&
         f.compare(f.size() - pattern.size(), pattern.size(), pattern) == 0 &&
         f[f.size() - pattern.size() - 1] == '/';
}

/// Writes all of \p text to \p fd (best effort).
void write_all(int fd, const std::string &text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return;
    done += size_t(n);
  }
}

std::string plural(uint64_t n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

/// The findings file of this process in \p dir: "<pid>-<n>.findings", a
/// new one per process image (an exec keeps the pid).
void write_findings_file(const std::string &dir, const CheckSummary &s) {
  std::string text = "borrowscope-findings 1\n";
  text += "program\t" + escape_text(s.program) + "\tpid\t" +
          std::to_string(s.pid) + "\tevents\t" + std::to_string(s.events) +
          "\tsuppressed\t" + std::to_string(s.suppressed) + "\tlost\t" +
          std::to_string(s.lost) + "\thalted\t" + (s.halted ? "1" : "0") +
          "\n";
  for (const Violation *v : s.shown)
    text += std::to_string(v->count) + "\t" + escape_text(v->kind) + "\t" +
            escape_text(v->location) + "\t" +
            escape_text(v->location + ": " + v->kind + ": " + v->message) +
            "\n";
  for (int n = 1; n < 10000; ++n) {
    std::string path = dir + "/" + std::to_string(s.pid) + "-" +
                       std::to_string(n) + ".findings";
    std::string temp = path + ".part";
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                    0644);
    if (fd < 0 && errno == EEXIST)
      continue;
    if (fd < 0) {
      report("cannot write the findings to '" + dir + "': " +
             std::strerror(errno));
      return;
    }
    write_all(fd, text);
    ::close(fd);
    return;
  }
}

} // namespace

void Suppressions::load(const std::string &path) {
  std::ifstream in(path);
  if (!in) {
    report("cannot read the suppressions in '" + path + "': " +
           std::strerror(errno));
    return;
  }
  std::string text;
  for (int number = 1; std::getline(in, text); ++number) {
    std::string_view line = trim(text);
    if (line.empty() || line.front() == '#')
      continue;
    size_t colon = line.find(':');
    std::string_view kind = line.substr(0, colon);
    std::string_view rest =
        colon == std::string_view::npos ? "" : trim(line.substr(colon + 1));
    Rule rule;
    if (kind == "fun" && !rest.empty()) {
      rule.function = std::string(rest);
      rules_.push_back(std::move(rule));
      continue;
    }
    bool known = kind == "*";
    for (const char *k : kinds)
      known = known || kind == k;
    if (!known || rest.empty()) {
      report("ignoring line " + std::to_string(number) + " of '" + path +
             "': '" + escape_text(line) +
             "' (accepted: KIND:FILE[:LINE] with KIND dangling_borrow, "
             "borrow_conflict, use_after_move or *; fun:NAME)");
      continue;
    }
    rule.kind = std::string(kind);
    size_t last = rest.rfind(':');
    if (last != std::string_view::npos && all_digits(rest.substr(last + 1))) {
      rule.line = uint32_t(std::stoul(std::string(rest.substr(last + 1))));
      rest = rest.substr(0, last);
    }
    rule.file = std::string(rest);
    rules_.push_back(std::move(rule));
  }
}

bool Suppressions::matches(const Violation &v, std::string_view function) const {
  std::string_view file;
  uint32_t line = 0;
  split_location(v.location, file, line);
  for (const Rule &r : rules_) {
    if (!r.function.empty()) {
      std::string f(function);
      if (!f.empty() && fnmatch(r.function.c_str(), f.c_str(), 0) == 0)
        return true;
      continue;
    }
    if ((r.kind == "*" || r.kind == v.kind) && (!r.line || r.line == line) &&
        file_matches(r.file, file))
      return true;
  }
  return false;
}

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c < 0x20 || c == 0x7f) {
      static const char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else
      out += char(c);
  }
  return out;
}

std::string render_report(const CheckSummary &s, bool verbose) {
  if (s.shown.empty() && !verbose && !s.halted)
    return "";
  std::string text;
  std::map<std::string, uint64_t> by_kind;
  uint64_t cases = 0;
  for (const Violation *v : s.shown) {
    text += escape_text(format_violation(*v)) + "\n";
    ++by_kind[v->kind];
    cases += v->count;
  }
  std::string line = "borrowscope: ";
  if (s.shown.empty()) {
    line += "no findings";
  } else {
    line += plural(s.shown.size(), "finding") + " (";
    bool first = true;
    for (const auto &[kind, n] : by_kind) {
      line += (first ? "" : ", ") + std::to_string(n) + " " + kind;
      first = false;
    }
    line += "; " + plural(cases, "case") + ")";
  }
  line += " in " + escape_text(s.program) + " (pid " + std::to_string(s.pid) +
          ")";
  if (s.suppressed)
    line += ", " + std::to_string(s.suppressed) + " suppressed";
  line += ", " + plural(s.events, "event") + " checked";
  if (s.lost)
    line += ", " + plural(s.lost, "record") + " not checked";
  if (s.halted)
    line += "; stopped at the first finding (BORROWSCOPE_HALT_ON_ERROR)";
  else if (s.incomplete)
    line += "; the process died, the check has the events up to then";
  return text + line + "\n";
}

void write_report(const Options &options, const CheckSummary &s) {
  std::string text = render_report(s, options.verbose);
  if (!text.empty()) {
    int fd = STDERR_FILENO;
    if (!options.log.empty()) {
      std::string path = expand_output_path(options.log, pid_t(s.pid));
      fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
                  0644);
      if (fd < 0) {
        report("cannot write the report to '" + path + "': " +
               std::strerror(errno) + "; it follows here");
        fd = STDERR_FILENO;
      }
    }
    write_all(fd, text);
    if (fd != STDERR_FILENO)
      ::close(fd);
  }
  if (!options.findings_dir.empty())
    write_findings_file(options.findings_dir, s);
}

} // namespace borrowscope
