// The aggregated HTML report's data (HtmlAggregate.h): the Aggregator that
// computes it, shared by HtmlAggregate.cpp (the axis, declarations, borrow
// sites, which instance goes where, the data object) and HtmlChunks.cpp
// (writing the summaries' columns, the instances and the chunk files).
// Internal to the exporter.
#ifndef BORROWSCOPE_TOOL_HTML_AGGREGATOR_H
#define BORROWSCOPE_TOOL_HTML_AGGREGATOR_H

#include "Exporters.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace borrowscope::html {


/// Instance chunks hold about this many instances (window by window).
constexpr size_t chunk_target = 3000;
constexpr size_t max_chunks = 8192;
/// Instances spanning more windows than this go into the page instead.
constexpr size_t max_spread = 6;

struct Distribution {
  uint64_t min = 0, median = 0, p90 = 0, max = 0;
};

inline Distribution distribution(std::vector<uint64_t> &v) {
  Distribution d;
  if (v.empty())
    return d;
  auto at = [&](double q) {
    size_t k = std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5));
    std::nth_element(v.begin(), v.begin() + long(k), v.end());
    return v[k];
  };
  d.median = at(0.5);
  d.p90 = at(0.9);
  auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  d.min = *lo;
  d.max = *hi;
  return d;
}

struct DeclKey {
  uint32_t thread, function, name, location;
  bool operator==(const DeclKey &) const = default;
};
struct SiteKey {
  uint32_t owner, borrower, borrower_name, location;
  uint8_t kind, mutability;
  bool operator==(const SiteKey &) const = default;
};
struct KeyHash {
  static uint64_t mix(uint64_t h, uint64_t v) {
    return (h ^ v) * 0x100000001b3ULL + (h >> 29);
  }
  size_t operator()(const DeclKey &k) const {
    return mix(mix(mix(mix(14695981039346656037ULL, k.thread), k.function),
                   k.name),
               k.location);
  }
  size_t operator()(const SiteKey &k) const {
    return mix(mix(mix(mix(mix(14695981039346656037ULL, k.owner), k.borrower),
                       k.borrower_name),
                   k.location),
               uint64_t(k.kind) << 8 | k.mutability);
  }
};

class Aggregator {
public:
  Aggregator(const OwnershipModel &m, const CheckResults &checks,
             const HtmlOptions &options)
      : m_(m), checks_(checks), options_(options) {}
  std::string run();

private:
  uint64_t rel(uint64_t t) const { return t - m_.first_time; }
  uint64_t step(uint64_t rel_time) const { // the last step at or before it
    auto it = std::upper_bound(times_.begin(), times_.end(), rel_time);
    return it == times_.begin() ? 0 : uint64_t(it - times_.begin() - 1);
  }
  /// The same, searching from \p hint, the previous answer (consecutive
  /// instances have close times: the search is short); updates it.
  uint64_t step_near(uint64_t rel_time, uint64_t &hint) const {
    const uint64_t n = times_.size();
    uint64_t lo, hi; // times_[lo] <= rel_time < times_[hi] (hi may be n)
    if (times_[hint] <= rel_time) {
      lo = hint;
      uint64_t d = 1;
      while (lo + d < n && times_[lo + d] <= rel_time) {
        lo += d;
        d *= 2;
      }
      hi = std::min(lo + d, n);
    } else {
      hi = hint;
      uint64_t d = 1;
      while (hi >= d && times_[hi - d] > rel_time) {
        hi -= d;
        d *= 2;
      }
      if (hi < d)
        return hint = step(rel_time);
      lo = hi - d;
    }
    while (hi - lo > 1) {
      uint64_t mid = lo + (hi - lo) / 2;
      (times_[mid] <= rel_time ? lo : hi) = mid;
    }
    return hint = lo;
  }
  size_t chunk_of(uint64_t s) const {
    return std::min(chunks_ - 1, size_t(s * chunks_ / steps_));
  }
  void axis();
  void declarations();
  void sites();
  void membership();
  void write_decls(std::string &s);
  void write_heat(std::string &s);
  void write_sites(std::string &s);
  void write_instances(std::string &s, const std::vector<uint32_t> &vars,
                       const std::vector<uint32_t> &borrows,
                       const std::vector<uint32_t> &moves);
  void write_chunks();

  const OwnershipModel &m_;
  const CheckResults &checks_;
  const HtmlOptions &options_;
  std::vector<uint64_t> times_; ///< distinct relative times, ascending
  uint64_t steps_ = 1;          ///< how many
  std::vector<uint32_t> vs0_, vs1_, bs0_, bs1_, ms_; ///< positions in event order
  size_t chunks_ = 1, bins_ = 512;

  struct Decl {
    DeclKey key;
    StrId type = 0;
    uint64_t count = 0, first = 0, first_step = 0;
    bool finding = false;
    Distribution life;
  };
  std::vector<Decl> decls_;
  std::vector<uint32_t> decl_of_;
  struct Site {
    SiteKey key;
    uint64_t count = 0, first = 0, first_step = 0;
    Distribution duration;
  };
  std::vector<Site> sites_;
  std::vector<uint32_t> site_of_; ///< per borrow
  std::vector<std::vector<uint32_t>> heat_real_, heat_steps_;
  std::vector<uint32_t> base_vars_, base_borrows_, base_moves_;
  std::vector<std::vector<uint32_t>> chunk_vars_, chunk_borrows_, chunk_moves_;
  std::string token_;
};

} // namespace borrowscope::html

#endif
