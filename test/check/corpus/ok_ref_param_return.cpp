// ok_ref_param_return.cpp
// What: functions that return a reference to one of their reference
//   parameters (pick the larger of two, the first non-empty string, the
//   accumulator itself for chaining), used while the arguments are alive.
// Written from: "returning a reference to a parameter, not to a local"
//   (Rust's elided lifetimes tie it to the argument).
// Shape: everyday C++ (min/max-style helpers, fluent interfaces).
// Correct: the returned references refer to the caller's named locals.
#include <cstdio>
#include <string>

static const std::string &first_non_empty(const std::string &a, const std::string &b) {
  return a.empty() ? b : a;
}

static int &larger(int &a, int &b) { return a >= b ? a : b; }

struct Acc {
  long sum = 0;
  Acc &add(long v) {
    sum += v;
    return *this;
  }
};

int main() {
  std::string empty, fallback = "fallback";
  const std::string &chosen = first_non_empty(empty, fallback);
  int x = 3, y = 9;
  larger(x, y) = 0;
  Acc acc;
  acc.add(1).add(2).add(3);
  std::printf("%s %d %d %ld\n", chosen.c_str(), x, y, acc.sum);
  return 0;
}
