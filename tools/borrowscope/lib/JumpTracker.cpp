// What a longjmp abandons (JumpTracker.h).
#include "JumpTracker.h"

#include <algorithm>

namespace borrowscope {

namespace {
/// setjmp marks kept per thread: a program that calls setjmp in a loop
/// without ever jumping (a protected call per iteration) leaves stale ones.
constexpr size_t max_marks = 1 << 16;
} // namespace

void JumpTracker::created(uint64_t id, uint32_t new_site) {
  if (!active_)
    return;
  if (size_t *at = where_.find(id)) { // an id seen again (a wrap, a
    live_[*at].id = 0;                  // corrupt trace): the newer
    *at = live_.size();
  } else {
    where_[id] = live_.size();
  }
  live_.push_back({id, new_site});
}

void JumpTracker::dropped(uint64_t id) {
  if (!active_)
    return;
  size_t *at = where_.find(id);
  if (!at)
    return;
  live_[*at].id = 0;
  where_.erase(id);
  trim();
}

void JumpTracker::trim() {
  while (!live_.empty() && live_.back().id == 0)
    live_.pop_back();
  // A mark deeper than what is live: the frame that saved it has returned
  // (its earlier instances are gone), so no jump can come back to it.
  while (!marks_.empty() && marks_.back().depth > live_.size())
    marks_.pop_back();
}

void JumpTracker::saved(uint64_t buffer) {
  active_ = true;
  trim();
  if (!marks_.empty() && marks_.back().buffer == buffer &&
      marks_.back().depth == live_.size())
    return; // the same setjmp again, in a loop
  if (marks_.size() == max_marks)
    marks_.erase(marks_.begin(), marks_.begin() + max_marks / 2);
  marks_.push_back({buffer, live_.size()});
}

std::vector<JumpTracker::Instance> JumpTracker::jumped(uint64_t buffer) {
  std::vector<Instance> abandoned;
  size_t k = marks_.size();
  while (k > 0 && marks_[k - 1].buffer != buffer)
    --k;
  if (k == 0)
    return abandoned;
  size_t depth = marks_[k - 1].depth;
  for (size_t i = live_.size(); i > depth; --i)
    if (const Instance &v = live_[i - 1]; v.id != 0) {
      abandoned.push_back(v);
      where_.erase(v.id);
    }
  live_.resize(std::min(depth, live_.size()));
  // The marks of skipped frames go with them; the target's stays: the same
  // jmp_buf may be jumped to again.
  marks_.resize(k);
  trim();
  return abandoned;
}

} // namespace borrowscope
