// ok_scoped_timer.cpp
// What: RAII guards (ScopedTimer t(stats); a lock-count guard) hold a
//   reference to a local Stats object declared before them in the same
//   scope, so each guard dies before what it refers to.
// Written from: "RAII guard storing a reference to a local"
//   (ScopedTimer t(stats), std::lock_guard over a local mutex).
// Shape: everyday C++ (profilers, lock guards, transaction scopes).
// Correct: the referent always outlives the guard, and nothing else
//   touches it while the guard lives; no EXPECT lines.
#include <cstdio>
#include <mutex>

struct Stats {
  int timers_started = 0;
  int timers_stopped = 0;
};

class ScopedTimer {
public:
  explicit ScopedTimer(Stats &s) : stats_(s) { ++stats_.timers_started; }
  ~ScopedTimer() { ++stats_.timers_stopped; }
  ScopedTimer(const ScopedTimer &) = delete;
  ScopedTimer &operator=(const ScopedTimer &) = delete;

private:
  Stats &stats_;
};

static int work(Stats &stats, int n) {
  ScopedTimer t(stats); // only the guard touches stats while it lives
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += i;
  return sum;
}

int main() {
  Stats stats;
  std::mutex m;
  int total = 0;
  for (int i = 1; i <= 3; ++i) {
    std::lock_guard<std::mutex> lock(m);
    total += work(stats, i * 10);
  }
  {
    ScopedTimer outer(stats);
    total += 1;
  }
  std::printf("total %d, timers %d/%d\n", total, stats.timers_started, stats.timers_stopped);
  return 0;
}
