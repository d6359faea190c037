// JSON export: the trace (header, every event, threads, counts) followed by
// the ownership graph in the shape of the original Rust BorrowScope's
// ExportData: nodes, edges {from, to, relationship, start, end} and metadata
// counts. docs/tool.md describes every field.
#include "Exporters.h"
#include "JsonText.h"

namespace borrowscope {

void append_event_json(std::string &s, const Event &e) {
  auto id = [&](const char *key, std::optional<uint64_t> v) {
    s += key;
    if (v)
      append_number(s, *v);
    else
      s += "null";
  };
  auto number = [&](const char *key, uint64_t v) {
    s += key;
    append_number(s, v);
  };
  auto text = [&](const char *key, std::string_view v) {
    s += key;
    append_json_string(s, v);
  };
  auto flag = [&](const char *key, bool v) {
    if (v) {
      s += key;
      s += "true";
    }
  };
  auto address = [&](const char *key, uint64_t v) {
    static const char digits[] = "0123456789abcdef";
    char buf[16];
    int n = 0;
    do {
      buf[n++] = digits[v & 15];
      v >>= 4;
    } while (v);
    s += key;
    s += "\"0x";
    while (n)
      s += buf[--n];
    s += '"';
  };
  s += "{\"type\":\"";
  s += event_type_name(e.type);
  s += "\",\"timestamp\":";
  append_number(s, e.timestamp);
  number(",\"thread\":", e.thread);
  switch (e.type) {
  case EventType::New:
  case EventType::Drop:
  case EventType::Release:
    number(",\"var_id\":", e.var_id);
    if (e.address)
      address(",\"address\":", *e.address);
    if (e.size && e.type == EventType::New)
      number(",\"size\":", *e.size);
    break;
  case EventType::Borrow:
    if (e.borrow_id)
      number(",\"borrow_id\":", e.borrow_id);
    id(",\"owner_id\":", e.owner_id);
    id(",\"borrower_id\":", e.borrower_id);
    if (e.address)
      address(",\"address\":", *e.address);
    if (e.address && e.address_bits != 64)
      number(",\"address_bits\":", e.address_bits);
    if (e.size)
      number(",\"size\":", *e.size);
    if (e.destination)
      address(",\"destination\":", *e.destination);
    if (e.call)
      number(",\"call\":", e.call);
    break;
  case EventType::Move:
    number(",\"from_id\":", e.from_id);
    id(",\"to_id\":", e.to_id);
    break;
  case EventType::Free:
    address(",\"address\":", e.address.value_or(0));
    number(",\"size\":", e.size.value_or(0));
    break;
  case EventType::Flush:
    number(",\"duration\":", e.size.value_or(0));
    break;
  }
  if (e.site)
    number(",\"site\":", e.site);
  text(",\"location\":", e.location);
  text(",\"function\":", e.function);
  switch (e.type) {
  case EventType::New:
  case EventType::Drop:
    text(",\"var_name\":", e.var_name);
    text(",\"type_name\":", e.type_name);
    flag(",\"unwind\":", e.unwind);
    flag(",\"abandoned\":", e.abandoned);
    break;
  case EventType::Release:
    text(",\"var_name\":", e.var_name);
    break;
  case EventType::Borrow:
    text(",\"borrower_name\":", e.borrower_name);
    s += ",\"borrower_kind\":\"";
    s += borrower_kind_name(e.borrower_kind);
    s += '"';
    if (e.owner_id)
      text(",\"owner_name\":", e.owner_name);
    else
      s += ",\"owner_name\":null";
    s += ",\"kind\":\"";
    s += borrow_kind_name(e.mutability);
    s += "\",\"mutable\":";
    s += e.mutability == Mutability::Shared    ? "false"
         : e.mutability == Mutability::Unknown ? "null"
                                               : "true";
    flag(",\"reborrow\":", e.reborrow);
    if (!e.through.empty())
      text(",\"through\":", e.through);
    flag(",\"dead\":", e.dead);
    flag(",\"lexical\":", e.lexical);
    flag(",\"kept\":", e.kept);
    flag(",\"contents\":", e.contents);
    break;
  case EventType::Move:
    text(",\"from_name\":", e.from_name);
    text(",\"to_name\":", e.to_name);
    flag(",\"into_call\":", e.into_call);
    break;
  case EventType::Free:
  case EventType::Flush:
    break;
  }
  s += '}';
}

void JsonExporter::on_header(const TraceHeader &h) {
  std::string s = "{\"version\":1,\"program\":";
  append_json_string(s, h.program);
  s += ",\"pid\":";
  if (h.pid)
    append_number(s, *h.pid);
  else
    s += "null";
  s += ",\"timestamp_unit\":\"ns\",\"events\":[";
  out_ << s;
  header_written_ = true;
}

void JsonExporter::on_event(const Event &e) {
  line_.clear();
  line_ += events_++ ? ",\n" : "\n";
  append_event_json(line_, e);
  out_ << line_;
}

void JsonExporter::on_trailer(const TraceTrailer &) {}

// "findings": each with the variable instances (id, name, role) and the
// borrows (id, owner and holder ids) involved, in trace time (ns).
void JsonExporter::write_findings(const OwnershipModel &m,
                                  const CheckResults &checks) {
  std::string s = ",\n\"findings\":[";
  for (size_t i = 0; i < checks.findings.size(); ++i) {
    const Finding &f = checks.findings[i];
    s += i ? ",\n{" : "\n{";
    s += "\"check\":";
    append_json_string(s, f.check);
    s += ",\"severity\":";
    append_json_string(s, severity_name(f.severity));
    s += ",\"message\":";
    append_json_string(s, f.message);
    s += ",\"location\":";
    append_json_string(s, f.location);
    s += ",\"time\":";
    append_number(s, f.time);
    s += ",\"since\":";
    if (f.since)
      append_number(s, f.since);
    else
      s += "null";
    s += ",\"thread\":";
    if (f.thread < m.threads.size())
      append_number(s, m.threads[f.thread].id);
    else
      s += "null";
    s += ",\"count\":";
    append_number(s, f.count);
    s += ",\"variables\":[";
    for (size_t k = 0; k < f.variables.size(); ++k) {
      const Variable &v = m.variables[f.variables[k]];
      s += k ? ",{\"id\":" : "{\"id\":";
      append_number(s, v.id);
      s += ",\"name\":";
      append_json_string(s, m.str(v.name));
      s += ",\"role\":";
      append_json_string(s, f.role_name(k));
      s += '}';
    }
    s += "],\"borrows\":[";
    for (size_t k = 0; k < f.borrows.size(); ++k) {
      const Borrow &b = m.borrows[f.borrows[k]];
      s += k ? ",{\"id\":" : "{\"id\":";
      append_number(s, b.id);
      s += ",\"owner\":";
      append_number(s, b.owner_id);
      s += ",\"holder\":";
      if (b.has_borrower_id)
        append_number(s, b.borrower_id);
      else
        s += "null";
      s += ",\"holder_name\":";
      append_json_string(s, m.str(b.borrower_name));
      s += ",\"start\":";
      append_number(s, b.start);
      s += '}';
    }
    s += "]}";
    out_ << s;
    s.clear();
  }
  out_ << s << "\n]";
}

void JsonExporter::finish(const OwnershipModel &m, const CheckResults *checks) {
  if (!header_written_)
    on_header(m.header);
  std::string s = "\n],\"threads\":[";
  for (size_t i = 0; i < m.threads.size(); ++i) {
    const Thread &t = m.threads[i];
    s += i ? ",\n" : "\n";
    s += "{\"id\":";
    append_number(s, t.id);
    s += ",\"os_tid\":";
    append_number(s, t.os_tid);
    s += ",\"name\":";
    append_json_string(s, t.name);
    s += ",\"events\":";
    append_number(s, t.listed ? t.listed_events : t.events);
    s += '}';
  }
  s += "],\"event_count\":"; // as written: Flush events too
  append_number(s, events_);
  s += ",\"lost_events\":";
  append_number(s, m.lost_events.value_or(0));
  s += ",\"complete\":";
  s += m.complete ? "true" : "false";
  out_ << s;

  // nodes: one per variable instance.
  out_ << ",\n\"nodes\":[";
  for (size_t i = 0; i < m.variables.size(); ++i) {
    const Variable &v = m.variables[i];
    s.clear();
    s += i ? ",\n" : "\n";
    s += "{\"id\":";
    append_number(s, v.id);
    s += ",\"name\":";
    append_json_string(s, m.str(v.name));
    s += ",\"type_name\":";
    append_json_string(s, m.str(v.type));
    s += ",\"created_at\":";
    if (v.has(Variable::Created))
      append_number(s, v.created);
    else
      s += "null";
    s += ",\"dropped_at\":";
    if (v.has(Variable::Dropped))
      append_number(s, v.dropped);
    else
      s += "null";
    s += ",\"thread\":";
    append_number(s, v.thread);
    s += ",\"function\":";
    append_json_string(s, m.str(v.function));
    s += ",\"location\":";
    append_json_string(s, m.str(v.location));
    if (v.has(Variable::Unwound))
      s += ",\"unwind\":true";
    if (v.has(Variable::Abandoned))
      s += ",\"abandoned\":true";
    s += '}';
    out_ << s;
  }

  // edges: borrower -> owner for borrows, from -> to for moves.
  out_ << "\n],\n\"edges\":[";
  size_t n = 0;
  for (const Borrow &b : m.borrows) {
    s.clear();
    s += n++ ? ",\n" : "\n";
    s += "{\"from\":";
    if (b.has_borrower_id)
      append_number(s, b.borrower_id);
    else
      s += "null";
    s += ",\"to\":";
    append_number(s, b.owner_id);
    s += ",\"relationship\":\"";
    switch (b.mutability) {
    case Mutability::Shared:
      s += "borrows_immut";
      break;
    case Mutability::Mutable:
      s += "borrows_mut";
      break;
    case Mutability::Move: // bound to T&&: a mutable borrow, as in `mutable`
      s += "borrows_mut";
      break;
    case Mutability::Unknown:
      s += "borrows";
      break;
    }
    s += "\",\"kind\":\"";
    s += borrow_kind_name(b.mutability);
    s += "\",\"start\":";
    append_number(s, b.start);
    s += ",\"end\":";
    if (b.end_rule == BorrowEnd::Open)
      s += "null";
    else
      append_number(s, b.end);
    // The lexical view: how long the holder held it (after its last use,
    // until it dropped or took another value).
    if (b.held_until != b.end) {
      s += ",\"held_until\":";
      append_number(s, b.held_until);
    }
    s += ",\"borrower_kind\":\"";
    s += borrower_kind_name(b.kind);
    s += "\",\"borrower_name\":";
    append_json_string(s, m.str(b.borrower_name));
    s += ",\"end_rule\":\"";
    s += borrow_end_name(b.end_rule);
    s += "\",\"location\":";
    append_json_string(s, m.str(b.location));
    if (b.reborrow)
      s += ",\"reborrow\":true";
    s += '}';
    out_ << s;
  }
  for (const Move &mv : m.moves) {
    s.clear();
    s += n++ ? ",\n" : "\n";
    s += "{\"from\":";
    append_number(s, mv.from_id);
    s += ",\"to\":";
    if (mv.has_to_id)
      append_number(s, mv.to_id);
    else
      s += "null";
    s += ",\"relationship\":\"moves\",\"start\":";
    append_number(s, mv.time);
    s += ",\"end\":";
    append_number(s, mv.time);
    s += ",\"location\":";
    append_json_string(s, m.str(mv.location));
    s += '}';
    out_ << s;
  }

  out_ << "\n]";
  if (checks && checks->available)
    write_findings(m, *checks);

  auto [shared, mut, move, unknown] = m.borrow_counts();
  s = ",\n\"metadata\":{\"total_variables\":";
  append_number(s, m.variables.size());
  s += ",\"total_relationships\":";
  append_number(s, m.borrows.size() + m.moves.size());
  s += ",\"immutable_borrows\":";
  append_number(s, shared);
  s += ",\"mutable_borrows\":";
  append_number(s, mut + move);
  s += ",\"move_borrows\":";
  append_number(s, move);
  s += ",\"unknown_mutability_borrows\":";
  append_number(s, unknown);
  s += ",\"moves\":";
  append_number(s, m.moves.size());
  s += ",\"total_events\":";
  append_number(s, m.events);
  s += ",\"threads\":";
  append_number(s, m.threads.size());
  s += ",\"lost_events\":";
  append_number(s, m.lost_events.value_or(0));
  if (checks && checks->available) {
    s += ",\"findings\":";
    append_number(s, checks->findings.size());
  }
  s += "}}\n";
  out_ << s;
}

} // namespace borrowscope
