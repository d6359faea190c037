// The aggregated HTML report's columns (HtmlAggregator.h): declarations,
// density bins, borrow sites, instances (the page's own and each chunk's),
// and the chunk files beside the page.
#include "HtmlAggregator.h"
#include "HtmlText.h"

#include <cstdio>
#include <filesystem>

namespace borrowscope::html {

void Aggregator::write_decls(std::string &s) {
  const auto &d = decls_;
  Columns c(s);
  auto num = [&](uint64_t x) { append_number(s, x); };
  c.column("th", d.size(), [&](size_t i) { num(d[i].key.thread); });
  c.column("fn", d.size(), [&](size_t i) { num(d[i].key.function); });
  c.column("name", d.size(), [&](size_t i) { num(d[i].key.name); });
  c.column("loc", d.size(), [&](size_t i) { num(d[i].key.location); });
  c.column("type", d.size(), [&](size_t i) { num(d[i].type); });
  c.column("n", d.size(), [&](size_t i) { num(d[i].count); });
  c.column("first", d.size(), [&](size_t i) { num(d[i].first); });
  c.column("sfirst", d.size(), [&](size_t i) { num(d[i].first_step); });
  c.column("min", d.size(), [&](size_t i) { num(d[i].life.min); });
  c.column("med", d.size(), [&](size_t i) { num(d[i].life.median); });
  c.column("p90", d.size(), [&](size_t i) { num(d[i].life.p90); });
  c.column("max", d.size(), [&](size_t i) { num(d[i].life.max); });
  c.column("fd", d.size(), [&](size_t i) { num(d[i].finding ? 1 : 0); });
}

void Aggregator::write_heat(std::string &s) {
  for (const auto *heat : {&heat_real_, &heat_steps_}) {
    s += heat == &heat_real_ ? "\"real\":[" : "],\"steps\":[";
    for (size_t d = 0; d < heat->size(); ++d) {
      s += d ? ",[" : "[";
      for (size_t k = 0; k < bins_; ++k) {
        if (k)
          s += ',';
        append_number(s, (*heat)[d][k]);
      }
      s += ']';
    }
  }
  s += ']';
}

void Aggregator::write_sites(std::string &s) {
  const auto &x = sites_;
  Columns c(s);
  auto num = [&](uint64_t v) { append_number(s, v); };
  auto index = [&](uint32_t i) { append_signed(s, i == no_index ? -1 : int64_t(i)); };
  c.column("owner", x.size(), [&](size_t i) { index(x[i].key.owner); });
  c.column("by", x.size(), [&](size_t i) { index(x[i].key.borrower); });
  c.column("bname", x.size(), [&](size_t i) { num(x[i].key.borrower_name); });
  c.column("kind", x.size(), [&](size_t i) { num(x[i].key.kind); });
  c.column("mut", x.size(), [&](size_t i) { num(x[i].key.mutability); });
  c.column("loc", x.size(), [&](size_t i) { num(x[i].key.location); });
  c.column("n", x.size(), [&](size_t i) { num(x[i].count); });
  c.column("first", x.size(), [&](size_t i) { num(x[i].first); });
  c.column("sfirst", x.size(), [&](size_t i) { num(x[i].first_step); });
  c.column("min", x.size(), [&](size_t i) { num(x[i].duration.min); });
  c.column("med", x.size(), [&](size_t i) { num(x[i].duration.median); });
  c.column("p90", x.size(), [&](size_t i) { num(x[i].duration.p90); });
  c.column("max", x.size(), [&](size_t i) { num(x[i].duration.max); });
}

// Compact: what a declaration or a borrow site says is left out (the page
// has them), and sequences go as differences from the previous value
// (report-aggregate.js, decodePart).
void Aggregator::write_instances(std::string &s, const std::vector<uint32_t> &vl,
                                 const std::vector<uint32_t> &bl,
                                 const std::vector<uint32_t> &ml) {
  auto num = [&](uint64_t x) { append_number(s, x); };
  auto index = [&](uint32_t i) { append_signed(s, i == no_index ? -1 : int64_t(i)); };
  // A column of differences from the previous value (null: none).
  auto deltas = [&](Columns &c, const char *name, size_t n, auto value,
                    bool nullable = false) {
    uint64_t last = 0;
    c.column(name, n, [&](size_t i) {
      uint64_t x = value(i);
      if (nullable && x == uint64_t(no_index)) {
        s += "null";
        return;
      }
      append_signed(s, int64_t(x - last));
      last = x;
    });
  };
  s += "{\"vars\":{";
  {
    const auto &v = m_.variables;
    auto n = vl.size();
    constexpr uint64_t max_exact = (uint64_t(1) << 53) - 1;
    bool small_ids = std::all_of(vl.begin(), vl.end(),
                                 [&](uint32_t i) { return v[i].id <= max_exact; });
    Columns c(s);
    deltas(c, "g", n, [&](size_t i) { return uint64_t(vl[i]); });
    if (small_ids)
      deltas(c, "id", n, [&](size_t i) { return uint64_t(v[vl[i]].id); });
    else
      c.column("ids", n, [&](size_t i) { append_id(s, v[vl[i]].id); });
    c.column("dloc", n, [&](size_t i) { num(v[vl[i]].drop_location); });
    deltas(c, "t0", n, [&](size_t i) { return uint64_t(rel(v[vl[i]].created)); });
    c.column("d", n, [&](size_t i) { num(m_.lifetime(v[vl[i]])); });
    deltas(c, "s0", n, [&](size_t i) { return uint64_t(vs0_[vl[i]]); });
    c.column("sd", n, [&](size_t i) { num(vs1_[vl[i]] - vs0_[vl[i]]); });
    c.column("fl", n, [&](size_t i) { num(v[vl[i]].flags); });
    c.column("dc", n, [&](size_t i) { num(decl_of_[vl[i]]); });
  }
  s += "},\"borrows\":{";
  {
    const auto &b = m_.borrows;
    auto n = bl.size();
    Columns c(s);
    deltas(c, "g", n, [&](size_t i) { return uint64_t(bl[i]); });
    deltas(c, "owner", n, [&](size_t i) { return uint64_t(b[bl[i]].owner); }, true);
    deltas(c, "by", n, [&](size_t i) { return uint64_t(b[bl[i]].borrower); }, true);
    c.column("site", n, [&](size_t i) { num(site_of_[bl[i]]); });
    deltas(c, "t0", n, [&](size_t i) { return uint64_t(rel(b[bl[i]].start)); });
    c.column("d", n, [&](size_t i) { num(m_.duration(b[bl[i]])); });
    deltas(c, "s0", n, [&](size_t i) { return uint64_t(bs0_[bl[i]]); });
    c.column("sd", n, [&](size_t i) { num(bs1_[bl[i]] - bs0_[bl[i]]); });
    c.column("end", n, [&](size_t i) { num(unsigned(b[bl[i]].end_rule)); });
  }
  s += "},\"moves\":{";
  {
    const auto &mv = m_.moves;
    auto n = ml.size();
    Columns c(s);
    c.column("g", n, [&](size_t i) { num(ml[i]); });
    c.column("from", n, [&](size_t i) { index(mv[ml[i]].from); });
    c.column("to", n, [&](size_t i) { index(mv[ml[i]].to); });
    c.column("toname", n, [&](size_t i) { num(mv[ml[i]].to_name); });
    c.column("t", n, [&](size_t i) { num(rel(mv[ml[i]].time)); });
    c.column("s", n, [&](size_t i) { num(ms_[ml[i]]); });
    c.column("loc", n, [&](size_t i) { num(mv[ml[i]].location); });
    c.column("th", n, [&](size_t i) { num(mv[ml[i]].thread_index); });
  }
  s += "}}";
}

// OUT.d/cNNNNN.js: "borrowscopeChunk(TOKEN, N, {vars, borrows, moves});".
void Aggregator::write_chunks() {
  namespace fs = std::filesystem;
  const fs::path dir(options_.chunk_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    throw OutputError("cannot create " + dir.string() + ": " + ec.message());
  // Chunks of an earlier export go (only files named as chunks).
  for (const auto &entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() == 9 && name[0] == 'c' && name.ends_with(".js") &&
        std::all_of(name.begin() + 1, name.begin() + 6,
                    [](char c) { return c >= '0' && c <= '9'; }))
      fs::remove(entry.path(), ec);
  }
  std::string s;
  for (size_t c = 0; c < chunks_; ++c) {
    char name[16];
    std::snprintf(name, sizeof name, "c%05zu.js", c);
    s = "borrowscopeChunk(\"" + token_ + "\",";
    append_number(s, c);
    s += ',';
    write_instances(s, chunk_vars_[c], chunk_borrows_[c], chunk_moves_[c]);
    s += ");\n";
    Output out((dir / name).string());
    out.write(s);
    out.close();
  }
}

} // namespace borrowscope::html
