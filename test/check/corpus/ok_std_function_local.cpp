// ok_std_function_local.cpp
// What: a local std::function holds a lambda capturing locals by reference;
//   it is called within the scope and then dies with them; a callback
//   parameter of type std::function is called inside the callee only.
// Written from: "std::function over locals used only within scope".
// Shape: everyday C++ (callbacks, visitors).
// Correct: the std::function never outlives what it refers to.
#include <cstdio>
#include <functional>
#include <vector>

static void visit(const std::vector<int> &v, const std::function<void(int)> &cb) {
  for (int x : v)
    cb(x);
}

int main() {
  std::vector<int> values{1, 2, 3, 4};
  int evens = 0, odds = 0;
  std::function<void(int)> classify = [&](int x) { (x % 2 ? odds : evens)++; };
  visit(values, classify);
  int scale = 10;
  long total = 0;
  visit(values, [&total, &scale](int x) { total += x * scale; });
  std::printf("evens %d odds %d total %ld\n", evens, odds, total);
  return 0;
}
