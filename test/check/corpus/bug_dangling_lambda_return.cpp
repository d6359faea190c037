// bug_dangling_lambda_return.cpp
// What: a factory returns a predicate lambda that captures the factory's
//   local threshold by reference; the predicate is called afterwards.
// Written from: "a lambda capturing a local by reference is returned from
//   the function".
// Shape: CWE-562 through a closure (C++ Core Guidelines F.53: avoid
//   capturing by reference in lambdas that will be used non-locally); Rust
//   E0373 (closure may outlive the current function).
// Seeded bug: one dangling_borrow, at the return statement.
#include <cstdio>
#include <initializer_list>

static volatile int sink;

static auto make_filter(int base) {
  int threshold = base * 10;
  return [&threshold](int v) { return v < threshold; }; // EXPECT: dangling_borrow
}

int main() {
  auto below = make_filter(3);
  int kept = 0;
  for (int v : {5, 25, 45})
    kept += below(v) ? 1 : 0; // USE: dangling_borrow
  sink = kept;
  std::printf("filtered 3 values\n");
  return 0;
}
