// Renders the model as aligned text tables. Instances of one declaration
// (a loop body, a recursive function) are folded into one row with a count
// and lifetime statistics, so the report stays readable for big traces.
#include "Report.h"
#include "Names.h"
#include "TextTable.h"
#include "TimeFormat.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace borrowscope {

std::string_view location_file(std::string_view loc) {
  size_t last = loc.rfind(':');
  if (last == std::string_view::npos || last == 0)
    return {};
  size_t line = loc.rfind(':', last - 1);
  if (line == std::string_view::npos)
    return {};
  return loc.substr(0, line);
}

std::string_view location_line(std::string_view loc) {
  std::string_view file = location_file(loc);
  return file.empty() ? loc : loc.substr(file.size() + 1);
}

namespace {

/// Instances of one declaration in one function.
struct Declaration {
  StrId name = 0, type = 0, location = 0;
  uint64_t instances = 0, dropped = 0, unwound = 0, abandoned = 0, moved_out = 0;
  uint64_t first_created = 0, last_end = 0;
  uint64_t min_life = UINT64_MAX, max_life = 0, total_life = 0;
};

/// Borrows that share borrower, owner, kind, mutability and site.
struct BorrowGroup {
  const Borrow *first = nullptr;
  uint64_t count = 0;
  uint64_t min_dur = UINT64_MAX, max_dur = 0, total_dur = 0;
  uint32_t end_rules = 0; // bit per BorrowEnd
};

struct MoveGroup {
  const Move *first = nullptr;
  uint64_t count = 0;
};

/// Everything of one function on one thread.
struct FunctionGroup {
  uint32_t thread = 0;
  StrId function = 0;
  std::vector<Declaration> declarations;
  std::map<std::pair<StrId, StrId>, size_t> declaration_index;
  std::vector<BorrowGroup> borrows;
  std::map<std::tuple<StrId, StrId, StrId, int, int, StrId>, size_t> borrow_index;
  std::vector<MoveGroup> moves;
  std::map<std::tuple<StrId, StrId, StrId>, size_t> move_index;
};

class Grouping {
public:
  explicit Grouping(const OwnershipModel &m) : m_(m) {
    for (const Variable &v : m.variables)
      add(v);
    for (const Borrow &b : m.borrows)
      add(b);
    for (const Move &mv : m.moves)
      add(mv);
  }
  std::vector<FunctionGroup> groups;

private:
  FunctionGroup &group(uint32_t thread, StrId function) {
    auto [it, inserted] = index_.try_emplace({thread, function}, groups.size());
    if (inserted) {
      groups.emplace_back();
      groups.back().thread = thread;
      groups.back().function = function;
    }
    return groups[it->second];
  }

  void add(const Variable &v) {
    FunctionGroup &g = group(v.thread_index, v.function);
    auto [it, inserted] =
        g.declaration_index.try_emplace({v.name, v.location}, g.declarations.size());
    if (inserted) {
      Declaration d;
      d.name = v.name;
      d.type = v.type;
      d.location = v.location;
      d.first_created = v.created;
      g.declarations.push_back(d);
    }
    Declaration &d = g.declarations[it->second];
    ++d.instances;
    d.first_created = std::min(d.first_created, v.created);
    d.last_end = std::max(d.last_end, m_.lifetime_end(v));
    if (v.has(Variable::Dropped)) {
      ++d.dropped;
      uint64_t life = m_.lifetime(v);
      d.min_life = std::min(d.min_life, life);
      d.max_life = std::max(d.max_life, life);
      d.total_life += life;
    }
    d.unwound += v.has(Variable::Unwound);
    d.abandoned += v.has(Variable::Abandoned);
    d.moved_out += v.has(Variable::MovedOut);
  }

  void add(const Borrow &b) {
    FunctionGroup &g = group(b.thread_index, b.function);
    auto key = std::make_tuple(b.borrower_name, b.owner_name,
                               m_.variables[b.owner].function, int(b.kind),
                               int(b.mutability), b.location);
    auto [it, inserted] = g.borrow_index.try_emplace(key, g.borrows.size());
    if (inserted) {
      g.borrows.emplace_back();
      g.borrows.back().first = &b;
    }
    BorrowGroup &bg = g.borrows[it->second];
    ++bg.count;
    uint64_t dur = m_.duration(b);
    bg.min_dur = std::min(bg.min_dur, dur);
    bg.max_dur = std::max(bg.max_dur, dur);
    bg.total_dur += dur;
    bg.end_rules |= 1u << unsigned(b.end_rule);
  }

  void add(const Move &mv) {
    FunctionGroup &g = group(mv.thread_index, mv.function);
    auto key = std::make_tuple(mv.from_name, mv.to_name, mv.location);
    auto [it, inserted] = g.move_index.try_emplace(key, g.moves.size());
    if (inserted) {
      g.moves.emplace_back();
      g.moves.back().first = &mv;
    }
    ++g.moves[it->second].count;
  }

  const OwnershipModel &m_;
  std::map<std::pair<uint32_t, StrId>, size_t> index_;
};

class ReportWriter {
public:
  ReportWriter(const OwnershipModel &m, const ReportOptions &o)
      : m_(m), o_(o), st_(o.color) {}

  /// A string of the trace as it may be printed (see visible()).
  std::string txt(StrId id) const { return visible(m_.str(id)); }

  std::string header() const {
    std::string s = st_.bold("BorrowScope report") + ": " +
                    st_.bold(m_.header.program.empty() ? "(unnamed program)"
                                                       : visible(m_.header.program));
    if (m_.header.pid)
      s += st_.dim(" (pid " + std::to_string(*m_.header.pid) + ")");
    s += "\n";
    s += "trace " + visible(o_.trace_name) + ": " + plural(m_.events, "event", "events") +
         " on " + plural(m_.threads.size(), "thread", "threads") + " over " +
         format_duration(m_.last_time - m_.first_time) + ", " +
         std::to_string(m_.lost_events.value_or(0)) + " lost\n";
    if (uint64_t n = m_.runtime.count())
      s += st_.dim("the runtime held threads up " + plural(n, "time", "times") +
                   " for " + format_duration(m_.runtime.total()) +
                   " (writing the trace): " +
                   (m_.count_runtime ? "counted in the durations below"
                                     : "not counted in the durations below "
                                       "(--count-runtime counts it)")) +
           "\n";
    if (std::string end = ending(); !end.empty())
      s += end + "\n";
    if (!m_.complete)
      s += st_.yellow("warning: " + (m_.missing.empty()
                                         ? std::string("the trace is incomplete")
                                         : visible(m_.missing))) +
           "\n";
    if (m_.lost_events.value_or(0))
      s += st_.yellow("warning: " +
                      plural(*m_.lost_events, "record", "records") +
                      " could not be written") +
           "\n";
    if (uint64_t left_out = m_.header.variables_untraced)
      s += st_.dim(plural(left_out, "variable", "variables") + " of " +
                   std::to_string(m_.header.variables_total) +
                   (left_out == 1 ? " takes no part in ownership and is not traced "
                                  : " take no part in ownership and are not traced ") +
                   "(BORROWSCOPE_VARIABLES=all when compiling traces them)") +
           "\n";
    return s;
  }

  /// How the process ended, when the trace says and it was not a plain
  /// exit with 0.
  std::string ending() const {
    switch (m_.end) {
    case ProcessEnd::Exit:
      return m_.end_status == 0
                 ? ""
                 : "the process exited with " + std::to_string(m_.end_status);
    case ProcessEnd::Signal:
      return st_.yellow("the process was killed by signal " +
                        std::to_string(m_.end_status) + " (" +
                        signal_name(int(m_.end_status)) + ")");
    case ProcessEnd::Exec:
      return "the process replaced itself (exec)";
    case ProcessEnd::Abort:
      return "the process ended by _exit, _Exit or quick_exit with " +
             std::to_string(m_.end_status);
    case ProcessEnd::Unknown:
      return "";
    }
    return "";
  }

  std::string totals() const {
    auto [shared, mut, move, unknown] = m_.borrow_counts();
    uint64_t never_dropped = 0;
    for (const Variable &v : m_.variables)
      never_dropped += !v.has(Variable::Dropped);
    std::string s = st_.bold("Totals") + ": " +
                    plural(m_.variables.size(), "variable instance",
                           "variable instances") +
                    ", " + plural(m_.borrows.size(), "borrow", "borrows") +
                    " (" + st_.blue(std::to_string(shared) + " shared") + ", " +
                    st_.red(std::to_string(mut) + " mut");
    if (move)
      s += ", " + st_.yellow(std::to_string(move) + " move");
    if (unknown)
      s += ", " + st_.magenta(std::to_string(unknown) + " unknown");
    s += "), " + plural(m_.moves.size(), "move", "moves") + ", " +
         std::to_string(never_dropped) + " never dropped\n";
    return s;
  }

  std::string anomalies() const {
    const Anomalies &a = m_.anomalies;
    std::string s;
    if (a.reborrows_of_no_variable)
      s += st_.dim(plural(a.reborrows_of_no_variable, "pointer", "pointers") +
                   " stored from elsewhere held no variable's address (heap "
                   "memory, literals, null): not borrows") +
           "\n";
    if (!a.total())
      return s;
    s += st_.yellow("note: " + plural(a.total(), "event contradicts",
                                                 "events contradict") +
                               " the trace format; shown as best understood:") +
                    "\n";
    for (const std::string &e : a.examples)
      s += "  " + visible(e) + "\n";
    if (a.total() > a.examples.size())
      s += "  ...\n";
    return s;
  }

  std::string function_heading(const FunctionGroup &g) const {
    std::string s = st_.heading(txt(g.function).empty() ? "(unknown function)"
                                                           : txt(g.function));
    std::string_view file = common_file(g);
    if (!file.empty())
      s += "  " + st_.dim(visible(file));
    return s + "\n";
  }

  std::string_view common_file(const FunctionGroup &g) const {
    std::string_view file;
    bool first = true;
    auto visit = [&](StrId loc) {
      std::string_view f = location_file(m_.str(loc));
      if (f.empty() || f == "?") // compiler-made variables have no file
        return true;
      if (first) {
        file = f;
        first = false;
      } else if (f != file) {
        file = {};
        return false;
      }
      return true;
    };
    for (const Declaration &d : g.declarations)
      if (!visit(d.location))
        return {};
    for (const BorrowGroup &b : g.borrows)
      if (!visit(b.first->location))
        return {};
    return file;
  }

  std::string where(const FunctionGroup &g, StrId loc) const {
    const std::string &text = m_.str(loc);
    return visible(common_file(g).empty() ? std::string_view(text)
                                          : location_line(text));
  }

  std::string variables(const FunctionGroup &g) const {
    Table t;
    for (const Declaration &d : g.declarations) {
      std::string life;
      if (d.instances == 1) {
        life = d.dropped ? format_duration(d.total_life) + "  " +
                               st_.dim(format_duration(d.first_created - m_.first_time) +
                                       " → " + format_duration(d.last_end - m_.first_time))
                         : st_.yellow("never dropped") + "  " +
                               st_.dim("from " + format_duration(d.first_created -
                                                                 m_.first_time));
      } else {
        life = "×" + std::to_string(d.instances);
        if (d.dropped)
          life += "  avg " + format_duration(d.total_life / d.dropped) +
                  st_.dim(" (" + format_duration(d.min_life) + " … " +
                          format_duration(d.max_life) + ")");
        if (d.dropped < d.instances)
          life += "  " + st_.yellow(std::to_string(d.instances - d.dropped) +
                                    " never dropped");
      }
      if (d.unwound)
        life += "  " + st_.yellow(std::to_string(d.unwound) + " unwound");
      if (d.abandoned)
        life += "  " + st_.yellow(std::to_string(d.abandoned) + " abandoned by longjmp");
      if (d.moved_out)
        life += "  " + st_.yellow("moved out");
      std::string name = fit(txt(d.name));
      std::string type = fit(txt(d.type));
      std::string loc = where(g, d.location);
      t.row({cell(st_.bold(name), name), cell(st_.dim(type), type),
             cell(st_.dim(loc), loc), cell(life, strip(life))});
    }
    return t.empty() ? "" : "  variables\n" + t.render("    ");
  }

  std::string end_phrase(const BorrowGroup &bg) const {
    const Borrow &b = *bg.first;
    if (bg.end_rules & (bg.end_rules - 1))
      return "ends vary";
    switch (b.end_rule) {
    case BorrowEnd::BorrowerDropped:
      return "until " + txt(b.borrower_name) + " dropped";
    case BorrowEnd::Replaced:
      return "until " + txt(b.borrower_name) + " was reassigned";
    case BorrowEnd::CallReturned:
      return "while " + callee_label(txt(b.borrower_name)) + " ran";
    case BorrowEnd::Instant:
      return "instant";
    case BorrowEnd::OwnerDropped:
      return "until " + txt(b.owner_name) + " dropped";
    case BorrowEnd::Open:
      return "still active at the end";
    case BorrowEnd::LastUse:
      return "until the last use of " + txt(b.borrower_name);
    case BorrowEnd::Freed:
      return "until its memory was freed";
    case BorrowEnd::Dead:
      return "never used";
    }
    return "";
  }

  std::string borrows(const FunctionGroup &g) const {
    Table t;
    for (const BorrowGroup &bg : g.borrows) {
      const Borrow &b = *bg.first;
      std::string by = b.kind == BorrowerKind::Call
                           ? callee_label(txt(b.borrower_name))
                           : txt(b.borrower_name);
      // An owner in another function (a parameter's reborrow of the
      // caller's variable) says where it lives: "shelf → shelf (main)".
      std::string owner = txt(b.owner_name);
      const Variable &ov = m_.variables[b.owner];
      if (ov.function != b.function)
        owner += " (" + short_name(txt(ov.function)) +
                 (ov.thread_index != b.thread_index
                      ? ", thread " + std::to_string(m_.threads[ov.thread_index].id)
                      : "") +
                 ")";
      std::string arrow = elide(by + " → " + owner, max_arrow_width);
      std::string mut(mutability_name(b.mutability));
      std::string mut_styled = b.mutability == Mutability::Mutable ? st_.red(mut)
                               : b.mutability == Mutability::Shared
                                   ? st_.blue(mut)
                               : b.mutability == Mutability::Move
                                   ? st_.yellow(mut)
                                   : st_.magenta(mut);
      std::string kind(borrower_kind_name(b.kind));
      std::string loc = where(g, b.location);
      std::string dur = bg.count == 1
                            ? format_duration(bg.total_dur)
                            : "×" + std::to_string(bg.count) + "  avg " +
                                  format_duration(bg.total_dur / bg.count);
      std::string ends = end_phrase(bg);
      t.row({cell(st_.bold(arrow), arrow), cell(mut_styled, mut), cell(kind),
             cell(st_.dim(loc), loc), cell(dur), cell(st_.dim(ends), ends)});
    }
    return t.empty() ? "" : "  borrows\n" + t.render("    ");
  }

  /// A variable, a callee (moved into its parameter), or where else the
  /// value went: "<return>", "<memory>", "<temporary>".
  std::string move_target(const Move &mv) const {
    std::string to = txt(mv.to_name);
    if (mv.has_to_id)
      return fit(to);
    if (to.empty())
      return "(unnamed)";
    if (to == "<return>" || to == "<memory>" || to == "<temporary>")
      return to;
    return fit(callee_label(to));
  }

  std::string moves(const FunctionGroup &g) const {
    Table t;
    for (const MoveGroup &mg : g.moves) {
      const Move &mv = *mg.first;
      std::string text = fit(txt(mv.from_name)) + " ⇒ " + move_target(mv);
      std::string loc = where(g, mv.location);
      std::string count = mg.count > 1 ? "×" + std::to_string(mg.count) : "";
      t.row({cell(st_.yellow(text), text), cell(st_.dim(loc), loc), cell(count)});
    }
    return t.empty() ? "" : "  moves\n" + t.render("    ");
  }

  std::string findings(const CheckResults &checks) const {
    if (!checks.available)
      return st_.bold("Checks") +
             ": not available in this build (no check library installed); "
             "no findings are reported\n";
    if (checks.findings.empty())
      return st_.bold("Checks") + ": " + st_.green("no findings") + "\n";
    std::string s = st_.bold("Findings") + " (" +
                    std::to_string(checks.findings.size()) + ")\n";
    for (const Finding &f : checks.findings) {
      std::string sev(severity_name(f.severity));
      s += "  " + (f.severity == Finding::Severity::Error ? st_.red(sev)
                                                          : st_.yellow(sev)) +
           " " + visible(f.message) + "  " + st_.dim(visible(f.location)) + "  " +
           st_.dim("[" + f.check + "]") + "\n";
      s += "    " + st_.dim(finding_parties(f)) + "\n";
    }
    return s;
  }

  /// "at 9.82 µs on thread 1: owner x, holder p (borrow since 3.27 µs)":
  /// when, where and who, as the HTML and the exports name them.
  std::string finding_parties(const Finding &f) const {
    auto at = [&](uint64_t t) {
      return format_duration(t >= m_.first_time ? t - m_.first_time : 0);
    };
    std::string s = "at " + at(f.time);
    if (f.thread < m_.threads.size())
      s += " on thread " + std::to_string(m_.threads[f.thread].id);
    std::string who;
    for (size_t k = 0; k < f.variables.size(); ++k) {
      std::string role(f.role_name(k));
      if (role == "moved_to")
        role = "moved to";
      who += (k ? ", " : "") + role + " " +
             fit(txt(m_.variables[f.variables[k]].name));
    }
    if (!who.empty())
      s += ": " + who;
    if (f.since && f.since <= f.time)
      s += std::string(f.check == "use_after_move" ? " (moved at "
                                                    : " (borrowed at ") +
           at(f.since) + ")";
    return s;
  }

  // The plain text of a styled string (for widths).
  static std::string strip(const std::string &s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\x1b') {
        while (i < s.size() && s[i] != 'm')
          ++i;
        continue;
      }
      out += s[i];
    }
    return out;
  }

  const OwnershipModel &m_;
  const ReportOptions &o_;
  Style st_;
};

bool matches(const OwnershipModel &m, const FunctionGroup &g,
             const std::string &filter) {
  return filter.empty() || m.str(g.function).find(filter) != std::string::npos;
}

} // namespace

std::string render_report(const OwnershipModel &m, const CheckResults &checks,
                          const ReportOptions &o) {
  ReportWriter w(m, o);
  Style st(o.color);
  Grouping grouping(m);
  std::string s = w.header() + "\n";
  uint32_t thread = UINT32_MAX;
  // Threads in order, functions in order of appearance within each thread.
  std::vector<const FunctionGroup *> ordered;
  for (const FunctionGroup &g : grouping.groups)
    ordered.push_back(&g);
  // Groups are in order of appearance: keep it within a thread.
  std::sort(ordered.begin(), ordered.end(),
            [](const FunctionGroup *a, const FunctionGroup *b) {
              return a->thread != b->thread ? a->thread < b->thread : a < b;
            });
  size_t shown = 0;
  for (const FunctionGroup *g : ordered) {
    if (!matches(m, *g, o.function_filter))
      continue;
    ++shown;
    if (g->thread != thread) {
      thread = g->thread;
      const Thread &t = m.threads[thread];
      s += st.bold("Thread " + std::to_string(t.id) + " \"" + visible(t.name) + "\"") +
           st.dim("  " + plural(t.events, "event", "events") +
                  (t.os_tid ? ", os tid " + std::to_string(t.os_tid) : "")) +
           "\n\n";
    }
    s += w.function_heading(*g) + w.variables(*g) + w.borrows(*g) +
         w.moves(*g) + "\n";
  }
  if (!o.function_filter.empty() && !shown)
    s += "no function matches \"" + visible(o.function_filter) + "\"\n\n";
  s += w.totals() + w.anomalies() + w.findings(checks);
  return s;
}

} // namespace borrowscope
