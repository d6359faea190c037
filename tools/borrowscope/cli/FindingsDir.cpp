// Merging check mode's per-process findings (FindingsDir.h).
#include "FindingsDir.h"

#include <algorithm>
#include <dirent.h>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

namespace borrowscope {

namespace {

std::vector<std::string> split_tabs(const std::string &line) {
  std::vector<std::string> fields;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos)
      return fields;
    start = tab + 1;
  }
}

uint64_t number(const std::string &s) {
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9')
      return 0;
    n = n * 10 + uint64_t(c - '0');
  }
  return n;
}

/// The writer escapes what it writes; what is read is made safe for a
/// terminal again (a file someone else put there).
std::string printable(const std::string &s) {
  std::string out;
  for (unsigned char c : s)
    out += (c < 0x20 || c == 0x7f) ? '?' : char(c);
  return out;
}

std::vector<std::string> findings_files(const std::string &dir) {
  std::vector<std::string> files;
  if (DIR *d = ::opendir(dir.c_str())) {
    while (dirent *e = ::readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 9 && name.compare(name.size() - 9, 9, ".findings") == 0)
        files.push_back(dir + "/" + name);
    }
    ::closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string plural(uint64_t n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string processes(uint64_t n) {
  return std::to_string(n) + (n == 1 ? " process" : " processes");
}

} // namespace

MergedFindings merge_findings(const std::string &dir) {
  MergedFindings m;
  std::map<std::pair<std::string, std::string>, MergedFindings::Entry> by_key;
  for (const std::string &path : findings_files(dir)) {
    std::ifstream in(path);
    std::string line;
    if (!std::getline(in, line) || line != "borrowscope-findings 1") {
      ++m.unreadable;
      continue;
    }
    ++m.processes;
    bool any = false;
    while (std::getline(in, line)) {
      std::vector<std::string> f = split_tabs(line);
      if (f.size() >= 2 && f[0] == "program") {
        for (size_t i = 0; i + 1 < f.size(); i += 2) {
          if (f[i] == "events")
            m.events += number(f[i + 1]);
          else if (f[i] == "suppressed")
            m.suppressed += number(f[i + 1]);
          else if (f[i] == "lost")
            m.lost += number(f[i + 1]);
          else if (f[i] == "halted")
            m.halted += number(f[i + 1]);
        }
        continue;
      }
      if (f.size() != 4)
        continue;
      auto &e = by_key[{f[2], f[1]}];
      if (e.line.empty()) {
        e.kind = printable(f[1]);
        e.location = printable(f[2]);
        e.line = printable(f[3]);
      }
      e.count += number(f[0]);
      ++e.processes;
      any = true;
    }
    m.with_findings += any;
  }
  for (auto &[key, e] : by_key)
    m.entries.push_back(std::move(e));
  return m;
}

std::string render_merged(const MergedFindings &m, const std::string &command) {
  std::string text;
  std::map<std::string, uint64_t> by_kind;
  uint64_t cases = 0;
  for (const MergedFindings::Entry &e : m.entries) {
    text += e.line;
    if (e.count > 1 || e.processes > 1) {
      text += " (" + plural(e.count, "time");
      if (m.processes > 1)
        text += ", in " + processes(e.processes);
      text += ")";
    }
    text += "\n";
    ++by_kind[e.kind];
    cases += e.count;
  }
  std::string line = "borrowscope: ";
  if (m.processes == 0)
    return line + "no process of '" + printable(command) +
           "' was checked; were its programs built with borrowscope-clang?\n";
  if (m.entries.empty()) {
    line += "no findings";
  } else {
    line += plural(m.entries.size(), "finding") + " (";
    bool first = true;
    for (const auto &[kind, n] : by_kind) {
      line += (first ? "" : ", ") + std::to_string(n) + " " + kind;
      first = false;
    }
    line += "; " + plural(cases, "case") + ")";
  }
  line += " in " + std::to_string(m.with_findings) + " of " +
          processes(m.processes) + " checked (" +
          plural(m.events, "event") + ")";
  if (m.suppressed)
    line += ", " + std::to_string(m.suppressed) + " suppressed";
  if (m.lost)
    line += ", " + plural(m.lost, "record") + " not checked";
  if (m.halted)
    line += ", " + std::to_string(m.halted) + " stopped at a finding";
  return text + line + "\n";
}

void remove_findings_dir(const std::string &dir) {
  for (const std::string &path : findings_files(dir))
    ::unlink(path.c_str());
  ::rmdir(dir.c_str());
}

} // namespace borrowscope
