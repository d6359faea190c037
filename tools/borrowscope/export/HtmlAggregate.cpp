// The aggregated HTML report of a large trace (HtmlAggregate.h). The data
// object has the fields of the full page's (report-data.js) except the
// instance columns, plus "agg":
//   decls   a row per declaration (thread, function, name, declaration
//           location): its type, instance count, lifetime distribution
//           (min, median, p90, max in ns) and when its first instance began;
//   heat    per declaration, instances alive in each of `bins` bins over the
//           trace, in real time and in event order;
//   sites   borrows per site (owner declaration, borrower declaration or
//           callee, kind, mutability, location): count, duration
//           distribution, first start;
//   steps, knots  the event-order axis (its length, and real times at
//           evenly spaced positions on it);
//   chunks  the time windows of the instance chunks (their bounds on both
//           axes, the directory, a token that ties them to this page);
//   base    instances always in the page: those findings name, and those
//           longer than a few windows (they would be in every chunk).
// Instance columns (base and chunks, HtmlChunks.cpp) use indices into the
// whole model ("g" for the instance itself, owner/by/from/to for the others)
// and carry each time's position in event order too (s0, s).
#include "HtmlAggregate.h"
#include "HtmlAggregator.h"
#include "HtmlText.h"

#include <cstdio>
#include <random>

namespace borrowscope::html {

void Aggregator::axis() {
  const auto &v = m_.variables;
  const auto &b = m_.borrows;
  times_.reserve(2 * v.size() + 2 * b.size() + m_.moves.size() + 1);
  times_.push_back(0);
  for (const Variable &x : v) {
    times_.push_back(rel(x.created));
    times_.push_back(rel(m_.lifetime_end(x)));
  }
  for (const Borrow &x : b) {
    times_.push_back(rel(x.start));
    times_.push_back(rel(x.end));
  }
  for (const Move &x : m_.moves)
    times_.push_back(rel(x.time));
  std::sort(times_.begin(), times_.end());
  times_.erase(std::unique(times_.begin(), times_.end()), times_.end());
  times_.shrink_to_fit();
  steps_ = times_.size();
  vs0_.resize(v.size());
  vs1_.resize(v.size());
  uint64_t h0 = 0, h1 = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    vs0_[i] = uint32_t(step_near(rel(v[i].created), h0));
    vs1_[i] = uint32_t(step_near(rel(m_.lifetime_end(v[i])), h1));
  }
  bs0_.resize(b.size());
  bs1_.resize(b.size());
  h0 = h1 = 0;
  for (size_t i = 0; i < b.size(); ++i) {
    bs0_[i] = uint32_t(step_near(rel(b[i].start), h0));
    bs1_[i] = uint32_t(step_near(rel(b[i].end), h1));
  }
  ms_.resize(m_.moves.size());
  h0 = 0;
  for (size_t i = 0; i < m_.moves.size(); ++i)
    ms_[i] = uint32_t(step_near(rel(m_.moves[i].time), h0));
  size_t items = v.size() + b.size() + m_.moves.size();
  chunks_ = std::clamp<size_t>((items + chunk_target - 1) / chunk_target, 1,
                               std::min<size_t>(max_chunks, steps_));
}

void Aggregator::declarations() {
  const auto &v = m_.variables;
  std::unordered_map<DeclKey, uint32_t, KeyHash> index;
  decl_of_.resize(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    DeclKey k{v[i].thread_index, v[i].function, v[i].name, v[i].location};
    auto [it, fresh] = index.try_emplace(k, uint32_t(decls_.size()));
    if (fresh) {
      Decl d;
      d.key = k;
      d.type = v[i].type;
      d.first = rel(v[i].created);
      d.first_step = vs0_[i];
      decls_.push_back(d);
    }
    decl_of_[i] = it->second;
    Decl &d = decls_[it->second];
    d.count++;
    if (vs0_[i] < d.first_step) {
      d.first_step = vs0_[i];
      d.first = rel(v[i].created);
    }
  }
  for (const Finding &f : checks_.findings)
    for (uint32_t x : f.variables)
      if (x < v.size())
        decls_[decl_of_[x]].finding = true;
  // Lifetimes, one declaration at a time (declarations in order of their
  // instances: a bucket sort).
  std::vector<uint32_t> start(decls_.size() + 1, 0);
  for (uint32_t d : decl_of_)
    start[d + 1]++;
  for (size_t d = 0; d < decls_.size(); ++d)
    start[d + 1] += start[d];
  std::vector<uint64_t> life(v.size());
  {
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (size_t i = 0; i < v.size(); ++i)
      life[fill[decl_of_[i]]++] = m_.lifetime(v[i]);
  }
  for (size_t d = 0; d < decls_.size(); ++d) {
    std::vector<uint64_t> one(life.begin() + start[d], life.begin() + start[d + 1]);
    decls_[d].life = distribution(one);
  }
  // Heat: instances alive per bin (a difference array per declaration).
  bins_ = std::clamp<size_t>(400000 / std::max<size_t>(1, 2 * decls_.size()), 16, 512);
  double real_span = double(std::max<uint64_t>(m_.last_time - m_.first_time, 1));
  double step_span = double(std::max<uint64_t>(steps_ - 1, 1));
  auto bin = [&](double x, double span) {
    return std::min(bins_ - 1, size_t(std::max(0.0, x / span * double(bins_))));
  };
  std::vector<std::vector<int64_t>> dr(decls_.size(), std::vector<int64_t>(bins_ + 1)),
      ds(decls_.size(), std::vector<int64_t>(bins_ + 1));
  for (size_t i = 0; i < v.size(); ++i) {
    uint32_t d = decl_of_[i];
    dr[d][bin(double(rel(v[i].created)), real_span)]++;
    dr[d][bin(double(rel(m_.lifetime_end(v[i]))), real_span) + 1]--;
    ds[d][bin(double(vs0_[i]), step_span)]++;
    ds[d][bin(double(vs1_[i]), step_span) + 1]--;
  }
  auto prefix = [&](std::vector<int64_t> &diff) {
    std::vector<uint32_t> out(bins_);
    int64_t n = 0;
    for (size_t k = 0; k < bins_; ++k)
      out[k] = uint32_t(n += diff[k]);
    return out;
  };
  for (size_t d = 0; d < decls_.size(); ++d) {
    heat_real_.push_back(prefix(dr[d]));
    heat_steps_.push_back(prefix(ds[d]));
  }
}

void Aggregator::sites() {
  const auto &b = m_.borrows;
  std::unordered_map<SiteKey, uint32_t, KeyHash> index;
  std::vector<uint32_t> &site_of = site_of_;
  site_of.resize(b.size());
  for (size_t i = 0; i < b.size(); ++i) {
    SiteKey k{b[i].owner == no_index ? no_index : decl_of_[b[i].owner],
              b[i].borrower == no_index ? no_index : decl_of_[b[i].borrower],
              b[i].borrower == no_index ? b[i].borrower_name : 0,
              b[i].location, uint8_t(b[i].kind), uint8_t(b[i].mutability)};
    auto [it, fresh] = index.try_emplace(k, uint32_t(sites_.size()));
    if (fresh) {
      Site s;
      s.key = k;
      s.first = rel(b[i].start);
      s.first_step = bs0_[i];
      sites_.push_back(s);
    }
    site_of[i] = it->second;
    sites_[it->second].count++;
  }
  std::vector<uint32_t> start(sites_.size() + 1, 0);
  for (uint32_t s : site_of)
    start[s + 1]++;
  for (size_t s = 0; s < sites_.size(); ++s)
    start[s + 1] += start[s];
  std::vector<uint64_t> dur(b.size());
  {
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (size_t i = 0; i < b.size(); ++i)
      dur[fill[site_of[i]]++] = m_.duration(b[i]);
  }
  for (size_t s = 0; s < sites_.size(); ++s) {
    std::vector<uint64_t> one(dur.begin() + start[s], dur.begin() + start[s + 1]);
    sites_[s].duration = distribution(one);
  }
  // The most frequent first, then in order of appearance.
  std::vector<uint32_t> order(sites_.size()), rank(sites_.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = uint32_t(i);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t c) {
    const Site &x = sites_[a], &y = sites_[c];
    return x.count != y.count ? x.count > y.count : x.first_step < y.first_step;
  });
  std::vector<Site> sorted;
  sorted.reserve(sites_.size());
  for (size_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = uint32_t(i);
    sorted.push_back(sites_[order[i]]);
  }
  sites_ = std::move(sorted);
  for (uint32_t &x : site_of_)
    x = rank[x];
}

// Which instances go into which chunk, and which into the page.
void Aggregator::membership() {
  const auto &v = m_.variables;
  const auto &b = m_.borrows;
  std::vector<uint8_t> in_base_var(v.size()), in_base_borrow(b.size());
  for (const Finding &f : checks_.findings) {
    for (uint32_t x : f.variables)
      if (x < v.size())
        in_base_var[x] = 1;
    for (uint32_t x : f.borrows)
      if (x < b.size()) {
        in_base_borrow[x] = 1;
        if (b[x].owner != no_index)
          in_base_var[b[x].owner] = 1;
        if (b[x].borrower != no_index)
          in_base_var[b[x].borrower] = 1;
      }
  }
  for (size_t i = 0; i < v.size(); ++i)
    if (chunk_of(vs1_[i]) - chunk_of(vs0_[i]) >= max_spread)
      in_base_var[i] = 1;
  for (size_t i = 0; i < b.size(); ++i)
    if (chunk_of(bs1_[i]) - chunk_of(bs0_[i]) >= max_spread) {
      in_base_borrow[i] = 1;
      if (b[i].owner != no_index)
        in_base_var[b[i].owner] = 1;
      if (b[i].borrower != no_index)
        in_base_var[b[i].borrower] = 1;
    }
  chunk_vars_.assign(chunks_, {});
  chunk_borrows_.assign(chunks_, {});
  chunk_moves_.assign(chunks_, {});
  for (size_t i = 0; i < v.size(); ++i) {
    if (in_base_var[i]) {
      base_vars_.push_back(uint32_t(i));
      continue;
    }
    for (size_t c = chunk_of(vs0_[i]), e = chunk_of(vs1_[i]); c <= e; ++c)
      chunk_vars_[c].push_back(uint32_t(i));
  }
  auto with = [&](size_t c, uint32_t var) {
    if (var != no_index && !in_base_var[var])
      chunk_vars_[c].push_back(var);
  };
  for (size_t i = 0; i < b.size(); ++i) {
    if (in_base_borrow[i]) {
      base_borrows_.push_back(uint32_t(i));
      continue;
    }
    for (size_t c = chunk_of(bs0_[i]), e = chunk_of(bs1_[i]); c <= e; ++c) {
      chunk_borrows_[c].push_back(uint32_t(i));
      with(c, b[i].owner);
      with(c, b[i].borrower);
    }
  }
  for (size_t i = 0; i < m_.moves.size(); ++i) {
    size_t c = chunk_of(ms_[i]);
    chunk_moves_[c].push_back(uint32_t(i));
    with(c, m_.moves[i].from);
    with(c, m_.moves[i].to);
  }
  for (auto &list : chunk_vars_) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
}

std::string Aggregator::run() {
  axis();
  declarations();
  sites();
  membership();
  std::random_device random;
  char token[24];
  std::snprintf(token, sizeof token, "%08x%08x", unsigned(random()),
                unsigned(m_.events & 0xffffffffu));
  token_ = token;

  std::string s;
  append_page_head(s, m_, checks_, options_);
  append_findings(s, m_, checks_, [&](uint64_t t) { return step(t); });
  s += ",\n\"agg\":{\"bins\":";
  append_number(s, bins_);
  s += ",\"steps\":";
  append_number(s, std::max<uint64_t>(steps_ - 1, 1));
  s += ",\"knots\":{";
  {
    size_t k = std::min<size_t>(steps_, 4096);
    std::vector<uint64_t> at(k);
    for (size_t i = 0; i < k; ++i)
      at[i] = k < 2 ? 0 : uint64_t(double(i) * double(steps_ - 1) / double(k - 1) + 0.5);
    Columns c(s);
    c.column("s", k, [&](size_t i) { append_number(s, at[i]); });
    c.column("t", k, [&](size_t i) { append_number(s, times_[at[i]]); });
  }
  s += "},\n\"chunks\":{\"n\":";
  append_number(s, chunks_);
  s += ",\"href\":";
  append_json_string(s, options_.chunk_dir.empty() ? "" : options_.chunk_href, true);
  s += ",\"token\":";
  append_json_string(s, token_, true);
  {
    // Window c holds the steps from s[c] up to s[c + 1]; t: their real times.
    std::vector<uint64_t> bound(chunks_ + 1);
    for (size_t c = 0; c <= chunks_; ++c)
      bound[c] = (uint64_t(c) * steps_ + chunks_ - 1) / chunks_;
    s += ',';
    Columns c(s);
    c.column("s", bound.size(), [&](size_t i) { append_number(s, bound[i]); });
    c.column("t", bound.size(), [&](size_t i) {
      append_number(s, bound[i] < steps_ ? times_[bound[i]] : times_.back() + 1);
    });
  }
  s += "},\n\"decls\":{";
  write_decls(s);
  s += "},\n\"heat\":{";
  write_heat(s);
  s += "},\n\"sites\":{";
  write_sites(s);
  s += "},\n\"base\":";
  write_instances(s, base_vars_, base_borrows_, base_moves_);
  s += "}}";
  if (!options_.chunk_dir.empty())
    write_chunks();
  return s;
}

} // namespace borrowscope::html

namespace borrowscope {

bool html_aggregates(const OwnershipModel &model, const HtmlOptions &options) {
  switch (options.detail) {
  case HtmlOptions::Detail::Instances:
    return false;
  case HtmlOptions::Detail::Aggregate:
    return true;
  case HtmlOptions::Detail::Auto:
    break;
  }
  return model.variables.size() > options.aggregate_above;
}

std::string aggregate_data_json(const OwnershipModel &model,
                                const CheckResults &checks,
                                const HtmlOptions &options) {
  return html::Aggregator(model, checks, options).run();
}

} // namespace borrowscope
