// Chrome Trace Event format (the JSON that Perfetto and chrome://tracing
// open). Layout per thread track:
//  - each variable instance is a complete ("X") slice from New to Drop;
//  - each borrow is a slice on the borrower's thread ("p = &mut x",
//    "show(&x)"), so that it nests in the borrowing variable's slice;
//  - slices that overlap without nesting become async slices ("b"/"e"),
//    because a thread track must be a proper stack;
//  - a flow arrow goes from each borrow slice to a zero-length slice named
//    after the owner on the owner's thread (Perfetto binds a flow to exactly
//    one slice, so the owner side gets one small slice per borrow);
//  - each time the runtime held a thread up (writing the trace) is a slice
//    "BorrowScope runtime" of category "runtime" on that thread's track;
//  - each finding of the checks is an instant event ("i", thread scope) on
//    the track of the thread where it happened, named by the check, with
//    the message, location, variables and borrows in its args.
// Events are written sorted by time, so every track's timestamps increase.
#include "Exporters.h"
#include "JsonText.h"
#include "Names.h"
#include "TimeFormat.h"

#include <algorithm>
#include <climits>

namespace borrowscope {

namespace {

enum class Kind : uint8_t { Variable, Borrow, OwnerMark, Finding, Runtime };

// One slice to place: its interval and what it shows.
struct Slice {
  uint64_t start, end;
  Kind kind;
  uint32_t index; // into variables or borrows
  bool async = false;
};

// One line of output: a slice, or the begin or end of an async slice.
struct Item {
  uint64_t ts;
  uint64_t dur;
  char phase; // 'X', 'b', 'e', 'i'
  Kind kind;
  uint32_t index;
  uint64_t seq;
};

// Perfetto reads a number of microseconds as double * 1000, truncated to
// integer ns: "57.739" can come back as 57738. Half a nanosecond more
// ("57.7395") always truncates to the intended value, in both ts and dur,
// so that slices which end together still nest.
std::string micros(uint64_t ns) { return format_microseconds(ns) + "5"; }

class ChromeWriter {
public:
  ChromeWriter(const OwnershipModel &m, const CheckResults &checks,
               Output &out)
      : m_(m), checks_(checks), out_(out) {
    pid_ = m.header.pid && *m.header.pid <= INT32_MAX ? *m.header.pid : 1;
  }

  void write() {
    std::vector<Item> items = layout();
    out_ << "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"generator\":"
            "\"borrowscope\",\"program\":";
    std::string s;
    append_json_string(s, m_.header.program);
    out_ << s << "},\"traceEvents\":[\n";
    first_ = true;
    metadata();
    for (const Item &item : items)
      emit(item);
    out_ << "\n]}\n";
  }

private:
  uint64_t rel(uint64_t t) const { return t - m_.first_time; }

  uint64_t tid(uint32_t thread_index) const {
    uint64_t id = m_.threads[thread_index].id;
    return id > 0 && id <= INT32_MAX ? id : thread_index + 1;
  }

  std::vector<Item> layout() {
    std::vector<std::vector<Slice>> per_thread(m_.threads.size());
    for (uint32_t i = 0; i < m_.variables.size(); ++i) {
      const Variable &v = m_.variables[i];
      per_thread[v.thread_index].push_back(
          {v.created, m_.lifetime_end(v), Kind::Variable, i});
    }
    for (uint32_t i = 0; i < m_.borrows.size(); ++i) {
      const Borrow &b = m_.borrows[i];
      per_thread[b.thread_index].push_back({b.start, b.end, Kind::Borrow, i});
      uint32_t owner_thread = m_.variables[b.owner].thread_index;
      per_thread[owner_thread].push_back(
          {b.start, b.start, Kind::OwnerMark, i});
    }
    for (uint32_t t = 0; t < m_.threads.size(); ++t)
      for (const RuntimeSpans::Span &span : m_.runtime.of(m_.threads[t].id)) {
        per_thread[t].push_back(
            {span.start, span.end, Kind::Runtime, uint32_t(runtime_.size())});
        runtime_.push_back(t);
      }
    std::vector<Item> items;
    uint64_t seq = 0;
    for (uint32_t i = 0; i < checks_.findings.size(); ++i)
      if (finding_thread(checks_.findings[i]) != no_index)
        items.push_back({std::max(checks_.findings[i].time, m_.first_time), 0,
                         'i', Kind::Finding, i, seq++});
    for (std::vector<Slice> &slices : per_thread) {
      nest(slices);
      for (const Slice &s : slices) {
        if (s.async) {
          items.push_back({s.start, 0, 'b', s.kind, s.index, seq++});
          items.push_back({s.end, 0, 'e', s.kind, s.index, seq++});
        } else {
          items.push_back({s.start, s.end - s.start, 'X', s.kind, s.index, seq++});
        }
      }
    }
    // Time order; at one time, ends first, then longer slices (parents)
    // first, as Perfetto itself orders them; then the order of `nest`.
    std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
      bool a_end = a.phase == 'e', b_end = b.phase == 'e';
      if (a.ts != b.ts)
        return a.ts < b.ts;
      if (a_end != b_end)
        return a_end;
      if (a.dur != b.dur)
        return a.dur > b.dur;
      // A flow's borrow end must come before its owner end (different
      // threads can tie).
      if (a.kind != b.kind)
        return a.kind < b.kind;
      return a.seq < b.seq;
    });
    return items;
  }

  // Marks the slices that do not nest in the stack of a thread track.
  static void nest(std::vector<Slice> &slices) {
    std::sort(slices.begin(), slices.end(), [](const Slice &a, const Slice &b) {
      if (a.start != b.start)
        return a.start < b.start;
      if (a.end != b.end)
        return a.end > b.end;
      if (a.kind != b.kind)
        return a.kind < b.kind;
      return a.index < b.index;
    });
    std::vector<uint64_t> open_ends;
    for (Slice &s : slices) {
      // A slice that ends where the next one starts is closed by then
      // (Perfetto closes a slice when time reaches its end).
      while (!open_ends.empty() && open_ends.back() <= s.start)
        open_ends.pop_back();
      if (!open_ends.empty() && s.end > open_ends.back()) {
        s.async = true;
        continue;
      }
      open_ends.push_back(s.end);
    }
  }

  // The thread a finding happened on: its own, else its owner's.
  uint32_t finding_thread(const Finding &f) const {
    if (f.thread < m_.threads.size())
      return f.thread;
    if (!f.variables.empty() && f.variables[0] < m_.variables.size())
      return m_.variables[f.variables[0]].thread_index;
    return no_index;
  }

  void begin_event() {
    out_ << (first_ ? "" : ",\n");
    first_ = false;
  }

  void metadata() {
    std::string s;
    begin_event();
    s = "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":";
    append_number(s, pid_);
    s += ",\"tid\":0,\"args\":{\"name\":";
    append_json_string(s, m_.header.program.empty() ? "program"
                                                    : m_.header.program);
    s += "}}";
    out_ << s;
    for (uint32_t i = 0; i < m_.threads.size(); ++i) {
      const Thread &t = m_.threads[i];
      s = "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":";
      append_number(s, pid_);
      s += ",\"tid\":";
      append_number(s, tid(i));
      s += ",\"args\":{\"name\":";
      append_json_string(s, t.name + " (thread " + std::to_string(t.id) + ")");
      s += "}},\n{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":";
      append_number(s, pid_);
      s += ",\"tid\":";
      append_number(s, tid(i));
      s += ",\"args\":{\"sort_index\":";
      append_number(s, i);
      s += "}}";
      begin_event();
      out_ << s;
    }
  }

  void common(std::string &s, const Item &item, uint32_t thread_index) {
    s += "{\"ph\":\"";
    s += item.phase;
    s += "\",\"pid\":";
    append_number(s, pid_);
    s += ",\"tid\":";
    append_number(s, tid(thread_index));
    s += ",\"ts\":";
    s += micros(rel(item.ts));
    if (item.phase == 'X') {
      s += ",\"dur\":";
      s += item.dur ? micros(item.dur) : "0";
    }
  }

  // Async slices pair by category and id; ids are per kind.
  void async_id(std::string &s, const Item &item) {
    if (item.phase == 'X')
      return;
    s += ",\"id\":";
    append_number(s, item.index);
  }

  void field(std::string &s, std::string_view key, std::string_view value) {
    s += ",\"";
    s += key;
    s += "\":";
    append_json_string(s, value);
  }

  void emit(const Item &item) {
    std::string s;
    switch (item.kind) {
    case Kind::Variable:
      variable(s, item);
      break;
    case Kind::Borrow:
      borrow(s, item);
      break;
    case Kind::OwnerMark:
      owner_mark(s, item);
      break;
    case Kind::Finding:
      finding(s, item);
      break;
    case Kind::Runtime:
      common(s, item, runtime_[item.index]);
      s += ",\"cat\":\"runtime\"";
      async_id(s, item);
      s += ",\"name\":\"BorrowScope runtime\"";
      if (item.phase != 'e')
        s += ",\"cname\":\"grey\",\"args\":{\"what\":\"writing the trace\"}";
      s += "}";
      break;
    }
    begin_event();
    out_ << s;
  }

  void variable(std::string &s, const Item &item) {
    const Variable &v = m_.variables[item.index];
    common(s, item, v.thread_index);
    s += ",\"cat\":\"variable\"";
    async_id(s, item);
    field(s, "name", m_.str(v.name));
    if (item.phase == 'e') {
      s += "}";
      return;
    }
    s += ",\"args\":{\"id\":";
    append_number(s, v.id);
    s += ",\"type\":";
    append_json_string(s, m_.str(v.type));
    field(s, "function", m_.str(v.function));
    field(s, "declared_at", m_.str(v.location));
    if (v.has(Variable::Dropped)) {
      field(s, "dropped_at", m_.str(v.drop_location));
      if (v.has(Variable::Unwound))
        s += ",\"unwind\":true";
      if (v.has(Variable::Abandoned))
        s += ",\"abandoned\":true";
    } else {
      s += ",\"dropped_at\":null";
    }
    if (v.has(Variable::MovedOut))
      s += ",\"moved_out\":true";
    s += "}}";
  }

  std::string borrow_title(const Borrow &b) const {
    std::string ref = b.mutability == Mutability::Mutable   ? "&mut "
                      : b.mutability == Mutability::Shared ? "&"
                      : b.mutability == Mutability::Move   ? "&&"
                                                            : "&? ";
    ref += m_.str(b.owner_name);
    const std::string &by = m_.str(b.borrower_name);
    switch (b.kind) {
    case BorrowerKind::Call: {
      // "show(&x)"; C++ callees keep their short name: "push_back(…)(&x)"
      // would be odd, so those read "&x → std::vector<…>::push_back(…)".
      std::string callee = short_name(by);
      if (callee.find('(') != std::string::npos)
        return ref + " → " + callee;
      return callee + "(" + ref + ")";
    }
    case BorrowerKind::Return:
      return "return " + ref;
    default:
      return by + " = " + ref;
    }
  }

  static std::string_view category(const Borrow &b) {
    return b.mutability == Mutability::Mutable   ? "borrow.mut"
           : b.mutability == Mutability::Shared ? "borrow.shared"
           : b.mutability == Mutability::Move   ? "borrow.move"
                                                 : "borrow.unknown";
  }

  void borrow(std::string &s, const Item &item) {
    const Borrow &b = m_.borrows[item.index];
    common(s, item, b.thread_index);
    field(s, "cat", category(b));
    async_id(s, item);
    field(s, "name", borrow_title(b));
    if (item.phase == 'e') {
      s += "}";
      return;
    }
    // Legacy chrome://tracing colours by these reserved names; Perfetto
    // ignores them and tells the kinds apart by name and category.
    field(s, "cname", b.mutability == Mutability::Mutable   ? "terrible"
                      : b.mutability == Mutability::Shared ? "rail_load"
                      : b.mutability == Mutability::Move   ? "bad"
                                                            : "yellow");
    s += ",\"bind_id\":";
    append_number(s, uint64_t(item.index) + 1);
    s += ",\"flow_out\":true,\"args\":{";
    s += "\"owner\":";
    append_json_string(s, m_.str(b.owner_name));
    s += ",\"owner_id\":";
    append_number(s, b.owner_id);
    field(s, "borrower", m_.str(b.borrower_name));
    if (b.has_borrower_id) {
      s += ",\"borrower_id\":";
      append_number(s, b.borrower_id);
    }
    field(s, "borrower_kind", borrower_kind_name(b.kind));
    field(s, "mutability", mutability_name(b.mutability));
    field(s, "location", m_.str(b.location));
    field(s, "function", m_.str(b.function));
    field(s, "ends", borrow_end_name(b.end_rule));
    if (b.reborrow)
      s += ",\"reborrow\":true";
    s += "}}";
  }

  void owner_mark(std::string &s, const Item &item) {
    const Borrow &b = m_.borrows[item.index];
    const Variable &owner = m_.variables[b.owner];
    common(s, item, owner.thread_index);
    field(s, "cat", "owner");
    field(s, "name", m_.str(b.owner_name));
    s += ",\"bind_id\":";
    append_number(s, uint64_t(item.index) + 1);
    s += ",\"flow_in\":true,\"args\":{\"owner_id\":";
    append_number(s, b.owner_id);
    field(s, "borrowed_by", m_.str(b.borrower_name));
    field(s, "mutability", mutability_name(b.mutability));
    s += "}}";
  }

  void finding(std::string &s, const Item &item) {
    const Finding &f = checks_.findings[item.index];
    common(s, item, finding_thread(f));
    s += ",\"s\":\"t\",\"cat\":\"finding\"";
    field(s, "name", f.check);
    s += ",\"args\":{";
    s += "\"severity\":";
    append_json_string(s, severity_name(f.severity));
    field(s, "message", f.message);
    field(s, "location", f.location);
    std::string names, ids, roles;
    for (size_t k = 0; k < f.variables.size(); ++k) {
      const char *sep = k ? "," : "";
      const Variable &v = m_.variables[f.variables[k]];
      names += sep;
      append_json_string(names, m_.str(v.name));
      ids += sep;
      append_number(ids, v.id);
      roles += sep;
      append_json_string(roles, f.role_name(k));
    }
    s += ",\"variables\":[" + names + "],\"variable_ids\":[" + ids +
         "],\"roles\":[" + roles + "],\"borrow_ids\":[";
    for (size_t k = 0; k < f.borrows.size(); ++k) {
      if (k)
        s += ',';
      append_number(s, m_.borrows[f.borrows[k]].id);
    }
    s += "]";
    if (f.since >= m_.first_time && f.since) {
      s += ",\"since_us\":";
      s += micros(rel(f.since));
    }
    if (f.count > 1) {
      s += ",\"count\":";
      append_number(s, f.count);
    }
    s += "}}";
  }

  const OwnershipModel &m_;
  const CheckResults &checks_;
  Output &out_;
  uint64_t pid_ = 1;
  bool first_ = true;
  std::vector<uint32_t> runtime_; ///< thread index of each runtime span
};

} // namespace

void export_chrome(const OwnershipModel &model, Output &out,
                   const CheckResults &checks) {
  ChromeWriter(model, checks, out).write();
}

} // namespace borrowscope
