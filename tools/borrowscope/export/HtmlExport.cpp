// The HTML report: the page (html/report.html with report.css and the five
// parts of the script, report-*.js, embedded at build time) plus the model as JSON in a
// <script type="application/json"> element. The data is columnar (one array
// per field) and names are indices into a string table, which keeps 100 000
// events at a few MB. Every string is escaped for HTML on the way in, and the
// page only ever puts names into the DOM as text.
#include "Exporters.h"
#include "HtmlAggregate.h"
#include "HtmlText.h"
#include "JsonText.h"

#include "ReportCss.inc"
#include "ReportHtml.inc"
#include "ReportJsAggregate.inc"
#include "ReportJsData.inc"
#include "ReportJsFindings.inc"
#include "ReportJsPanels.inc"
#include "ReportJsSelftest.inc"
#include "ReportJsTimeline.inc"

#include <functional>
#include <string_view>

namespace borrowscope {

namespace {

std::string_view embedded(const unsigned char *data, size_t size) {
  return std::string_view(reinterpret_cast<const char *>(data), size);
}

using html::append_id;
using html::append_signed;
using html::Columns;

} // namespace

void append_page_head(std::string &s, const OwnershipModel &m,
                      const CheckResults &checks, const HtmlOptions &options) {
  auto str = [&](std::string_view v) { append_json_string(s, v, true); };
  auto rel = [&](uint64_t t) { return t - m.first_time; };

  auto [shared, mut, move, unknown] = m.borrow_counts();

  s += "{\"format\":1,\"program\":";
  str(m.header.program);
  s += ",\"pid\":";
  if (m.header.pid)
    append_id(s, *m.header.pid);
  else
    s += "null";
  s += ",\"trace\":";
  str(options.trace_name);
  s += ",\"complete\":";
  s += m.complete ? "true" : "false";
  s += ",\"duration\":";
  append_number(s, m.last_time - m.first_time);
  s += ",\"counts\":{\"events\":";
  append_number(s, m.events);
  s += ",\"variables\":";
  append_number(s, m.variables.size());
  s += ",\"borrows\":";
  append_number(s, m.borrows.size());
  s += ",\"shared\":";
  append_number(s, shared);
  s += ",\"mut\":";
  append_number(s, mut);
  s += ",\"unknown\":";
  append_number(s, unknown);
  s += ",\"move\":";
  append_number(s, move);
  s += ",\"moves\":";
  append_number(s, m.moves.size());
  s += ",\"threads\":";
  append_number(s, m.threads.size());
  s += ",\"lost\":";
  append_number(s, m.lost_events.value_or(0));
  s += ",\"anomalies\":";
  append_number(s, m.anomalies.total());
  s += "},\"checks_available\":";
  s += checks.available ? "true" : "false";

  s += ",\n\"strings\":[";
  for (size_t i = 0; i < m.strings.size(); ++i) {
    if (i)
      s += ',';
    str(m.strings[StrId(i)]);
  }
  s += "],\n\"threads\":[";
  for (size_t i = 0; i < m.threads.size(); ++i) {
    const Thread &t = m.threads[i];
    s += i ? ",{\"id\":" : "{\"id\":";
    append_id(s, t.id);
    s += ",\"name\":";
    str(t.name);
    s += ",\"os_tid\":";
    append_id(s, t.os_tid);
    s += ",\"events\":";
    append_number(s, t.events);
    s += ",\"end\":";
    append_number(s, rel(t.last));
    s += '}';
  }
  // The runtime's stalls (writing the trace), flat [thread index, start,
  // end, ...]: a few per million events, so never aggregated.
  s += "],\n\"runtime\":{\"count\":";
  append_number(s, m.runtime.count());
  s += ",\"total\":";
  append_number(s, m.runtime.total());
  s += ",\"counted\":";
  s += m.count_runtime ? "true" : "false";
  s += ",\"spans\":[";
  bool first = true;
  for (size_t i = 0; i < m.threads.size(); ++i)
    for (const RuntimeSpans::Span &span : m.runtime.of(m.threads[i].id)) {
      s += first ? "" : ",";
      first = false;
      append_number(s, i);
      s += ',';
      append_number(s, rel(std::max(span.start, m.first_time)));
      s += ',';
      append_number(s, rel(std::max(span.end, m.first_time)));
    }
  s += "]}";
}

void append_findings(std::string &s, const OwnershipModel &m,
                     const CheckResults &checks,
                     const std::function<uint64_t(uint64_t)> &step_of) {
  auto str = [&](std::string_view v) { append_json_string(s, v, true); };
  auto rel = [&](uint64_t t) { return t - m.first_time; };
  s += ",\n\"findings\":[";
  for (size_t i = 0; i < checks.findings.size(); ++i) {
    const Finding &f = checks.findings[i];
    s += i ? ",{" : "{";
    s += "\"severity\":";
    str(severity_name(f.severity));
    s += ",\"check\":";
    str(f.check);
    s += ",\"message\":";
    str(f.message);
    s += ",\"location\":";
    str(f.location);
    s += ",\"t\":";
    append_number(s, f.time >= m.first_time ? rel(f.time) : 0);
    s += ",\"since\":";
    append_number(s, f.since >= m.first_time ? rel(f.since) : 0);
    s += ",\"th\":";
    append_signed(s, f.thread < m.threads.size() ? int64_t(f.thread) : -1);
    s += ",\"count\":";
    append_number(s, f.count);
    s += ",\"vars\":[";
    for (size_t k = 0; k < f.variables.size(); ++k) {
      if (k)
        s += ',';
      append_number(s, f.variables[k]);
    }
    s += "],\"roles\":[";
    for (size_t k = 0; k < f.variables.size(); ++k) {
      if (k)
        s += ',';
      str(f.role_name(k));
    }
    s += "],\"borrows\":[";
    for (size_t k = 0; k < f.borrows.size(); ++k) {
      if (k)
        s += ',';
      append_number(s, f.borrows[k]);
    }
    s += ']';
    if (step_of) {
      s += ",\"st\":";
      append_number(s, step_of(f.time >= m.first_time ? rel(f.time) : 0));
      s += ",\"ss\":";
      append_number(s, step_of(f.since >= m.first_time ? rel(f.since) : 0));
    }
    s += '}';
  }
  s += ']';
}

namespace {

std::string data_json(const OwnershipModel &m, const CheckResults &checks,
                      const HtmlOptions &options) {
  std::string s;
  auto rel = [&](uint64_t t) { return t - m.first_time; };
  append_page_head(s, m, checks, options);
  s += ",\n\"vars\":{";
  {
    const auto &v = m.variables;
    Columns c(s);
    c.column("id", v.size(), [&](size_t i) { append_id(s, v[i].id); });
    c.column("name", v.size(), [&](size_t i) { append_number(s, v[i].name); });
    c.column("type", v.size(), [&](size_t i) { append_number(s, v[i].type); });
    c.column("fn", v.size(), [&](size_t i) { append_number(s, v[i].function); });
    c.column("loc", v.size(), [&](size_t i) { append_number(s, v[i].location); });
    c.column("dloc", v.size(),
             [&](size_t i) { append_number(s, v[i].drop_location); });
    c.column("th", v.size(),
             [&](size_t i) { append_number(s, v[i].thread_index); });
    c.column("t0", v.size(), [&](size_t i) { append_number(s, rel(v[i].created)); });
    c.column("t1", v.size(),
             [&](size_t i) { append_number(s, rel(m.lifetime_end(v[i]))); });
    c.column("fl", v.size(), [&](size_t i) { append_number(s, v[i].flags); });
  }
  s += "},\n\"borrows\":{";
  {
    const auto &b = m.borrows;
    auto index = [&](uint32_t i) {
      append_signed(s, i == no_index ? -1 : int64_t(i));
    };
    Columns c(s);
    c.column("owner", b.size(), [&](size_t i) { index(b[i].owner); });
    c.column("by", b.size(), [&](size_t i) { index(b[i].borrower); });
    c.column("bname", b.size(),
             [&](size_t i) { append_number(s, b[i].borrower_name); });
    c.column("kind", b.size(),
             [&](size_t i) { append_number(s, unsigned(b[i].kind)); });
    c.column("mut", b.size(),
             [&](size_t i) { append_number(s, unsigned(b[i].mutability)); });
    c.column("t0", b.size(), [&](size_t i) { append_number(s, rel(b[i].start)); });
    c.column("t1", b.size(), [&](size_t i) { append_number(s, rel(b[i].end)); });
    c.column("end", b.size(),
             [&](size_t i) { append_number(s, unsigned(b[i].end_rule)); });
    c.column("loc", b.size(), [&](size_t i) { append_number(s, b[i].location); });
    c.column("fn", b.size(), [&](size_t i) { append_number(s, b[i].function); });
    c.column("th", b.size(),
             [&](size_t i) { append_number(s, b[i].thread_index); });
  }
  s += "},\n\"moves\":{";
  {
    const auto &mv = m.moves;
    auto index = [&](uint32_t i) {
      append_signed(s, i == no_index ? -1 : int64_t(i));
    };
    Columns c(s);
    c.column("from", mv.size(), [&](size_t i) { index(mv[i].from); });
    c.column("to", mv.size(), [&](size_t i) { index(mv[i].to); });
    c.column("toname", mv.size(),
             [&](size_t i) { append_number(s, mv[i].to_name); });
    c.column("t", mv.size(), [&](size_t i) { append_number(s, rel(mv[i].time)); });
    c.column("loc", mv.size(), [&](size_t i) { append_number(s, mv[i].location); });
    c.column("th", mv.size(),
             [&](size_t i) { append_number(s, mv[i].thread_index); });
  }
  s += '}';
  append_findings(s, m, checks, {});
  s += '}';
  return s;
}

// The script: its parts in one strict function, so that they share a scope
// and leave nothing global.
std::string script() {
  std::string js = "'use strict';\n(function () {\n";
  for (std::string_view part :
       {embedded(ReportJsData, sizeof ReportJsData),
        embedded(ReportJsAggregate, sizeof ReportJsAggregate),
        embedded(ReportJsTimeline, sizeof ReportJsTimeline),
        embedded(ReportJsPanels, sizeof ReportJsPanels),
        embedded(ReportJsFindings, sizeof ReportJsFindings),
        embedded(ReportJsSelftest, sizeof ReportJsSelftest)}) {
    js += part;
    if (!js.ends_with('\n'))
      js += '\n';
  }
  return js + "})();\n";
}

// Text for HTML element content (the <title>).
std::string html_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    case '"': out += "&quot;"; break;
    default: out += c;
    }
  }
  return out;
}

} // namespace

void export_html(const OwnershipModel &model, const CheckResults &checks,
                 const HtmlOptions &options, Output &out) {
  std::string_view page = embedded(ReportHtml, sizeof ReportHtml);
  std::string title = "BorrowScope: " + (model.header.program.empty()
                                             ? options.trace_name
                                             : model.header.program);
  // The markers are found in the template only, never in what replaces
  // them: a program or variable could be named "@DATA@".
  struct Part {
    std::string_view marker;
    std::string text;
  };
  bool aggregated = html_aggregates(model, options);
  // Aggregated pages load their instance chunks as <script src> from the
  // directory beside them (fetch does not work from file://).
  Part parts[] = {{"@SCRIPT_SRC@", aggregated && !options.chunk_dir.empty() ? " 'self'" : ""},
                  {"@TITLE@", html_text(title)},
                  {"/*@CSS@*/", std::string(embedded(ReportCss, sizeof ReportCss))},
                  {"@DATA@", aggregated ? aggregate_data_json(model, checks, options)
                                        : data_json(model, checks, options)},
                  {"/*@JS@*/", script()}};
  size_t from = 0;
  for (const Part &part : parts) {
    size_t at = page.find(part.marker, from);
    if (at == std::string_view::npos)
      continue;
    out.write(page.substr(from, at - from));
    out.write(part.text);
    from = at + part.marker.size();
  }
  out.write(page.substr(from));
}

} // namespace borrowscope
