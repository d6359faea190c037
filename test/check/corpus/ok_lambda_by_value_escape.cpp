// ok_lambda_by_value_escape.cpp
// What: factories return lambdas that capture their locals *by value* (or
//   by init-capture move), and a global std::function stores a by-value
//   capture; all are called after the factories returned.
// Written from: "a lambda that outlives its creator captures by copy" (the
//   fix for returning [&] lambdas).
// Shape: everyday C++.
// Correct: the closures own copies of what they use. No EXPECT lines.
#include <cstdio>
#include <functional>
#include <string>
#include <utility>

static std::function<int()> g_hook;

static auto make_filter(int base) {
  int threshold = base * 10;
  return [threshold](int v) { return v < threshold; };
}

static auto make_greeter(std::string name) {
  return [n = std::move(name)] { return n.size(); };
}

static void install(int code) {
  g_hook = [code] { return code * 2; };
}

int main() {
  auto below = make_filter(3);
  auto greet = make_greeter("a name that is long enough for the heap");
  install(21);
  std::printf("%d %d %zu %d\n", below(5), below(45), greet(), g_hook());
  return 0;
}
