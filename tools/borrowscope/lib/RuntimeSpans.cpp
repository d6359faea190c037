// Runtime spans per thread, with running totals (RuntimeSpans.h).
#include "RuntimeSpans.h"

#include <algorithm>

namespace borrowscope {

void RuntimeSpans::add(uint64_t thread, uint64_t start, uint64_t duration) {
  Thread &t = threads_[thread];
  uint64_t before = t.before.empty()
                        ? 0
                        : t.before.back() + (t.spans.back().end -
                                             t.spans.back().start);
  // Spans of one thread do not overlap: one that would (a reader's
  // rounding) starts where the last ended.
  if (!t.spans.empty())
    start = std::max(start, t.spans.back().end);
  t.spans.push_back({start, start + duration});
  t.before.push_back(before);
  ++count_;
  total_ += duration;
}

uint64_t RuntimeSpans::up_to(const Thread &t, uint64_t at) {
  // The first span that ends after `at`: all before it count whole.
  auto it = std::upper_bound(
      t.spans.begin(), t.spans.end(), at,
      [](uint64_t a, const Span &s) { return a < s.end; });
  size_t i = size_t(it - t.spans.begin());
  if (i == t.spans.size())
    return t.spans.empty() ? 0
                           : t.before.back() +
                                 (t.spans.back().end - t.spans.back().start);
  uint64_t n = t.before[i];
  if (at > it->start)
    n += at - it->start; // inside that span
  return n;
}

uint64_t RuntimeSpans::within(uint64_t thread, uint64_t from,
                              uint64_t to) const {
  auto it = threads_.find(thread);
  if (it == threads_.end() || to <= from)
    return 0;
  return up_to(it->second, to) - up_to(it->second, from);
}

const std::vector<RuntimeSpans::Span> &RuntimeSpans::of(uint64_t thread) const {
  static const std::vector<Span> none;
  auto it = threads_.find(thread);
  return it == threads_.end() ? none : it->second.spans;
}

} // namespace borrowscope
