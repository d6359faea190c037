// C++ constructs that stress the pass (coroutines, lambdas, templates, virtual
// calls, exceptions in destructors, structured bindings, musttail): verifier
// clean at every level, and the instrumented program behaves the same.
//
// RUN: %clangxx -std=c++20 -g -O0 -Xclang -fsanitize-address-use-after-scope -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t.ll
// RUN: %opt -load-pass-plugin=%plugin -passes=borrowscope,verify -disable-output %t.ll
// RUN: env BORROWSCOPE_VARIABLES=all %opt -load-pass-plugin=%plugin -passes=borrowscope,verify -disable-output %t.ll
// RUN: %clangxx -std=c++20 -g -O2 -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='borrowscope,default<O3>,verify' -disable-output %t2.ll
// RUN: env BORROWSCOPE_VARIABLES=all %opt -load-pass-plugin=%plugin -passes='borrowscope,default<O3>,verify' -disable-output %t2.ll
// RUN: %bsclangxx -std=c++20 -O0 %s -o %t0 && env BORROWSCOPE_OUTPUT=%t0.json %t0 | FileCheck %s
// RUN: %bsclangxx -std=c++20 -O1 %s -o %t1 && env BORROWSCOPE_OUTPUT=%t1.json %t1 | FileCheck %s
// RUN: %bsclangxx -std=c++20 -O2 %s -o %t2 && env BORROWSCOPE_OUTPUT=%t2.json %t2 | FileCheck %s
// RUN: %bsclangxx -std=c++20 -Os -flto=thin %s -o %t3 && env BORROWSCOPE_OUTPUT=%t3.json %t3 | FileCheck %s
// RUN: %trace-summary --check %t0.json
// RUN: %trace-summary --check %t2.json

#include <coroutine>
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct Generator {
  struct promise_type {
    int current = 0;
    Generator get_return_object() {
      return Generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) {
      current = v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() { throw; }
  };
  explicit Generator(std::coroutine_handle<promise_type> h) : handle(h) {}
  Generator(Generator &&other) noexcept : handle(other.handle) { other.handle = {}; }
  ~Generator() {
    if (handle)
      handle.destroy();
  }
  bool next() {
    handle.resume();
    return !handle.done();
  }
  int value() const { return handle.promise().current; }
  std::coroutine_handle<promise_type> handle;
};

Generator count_to(int n) {
  for (int i = 1; i <= n; ++i) {
    int squared = i * i;
    co_yield squared;
  }
}

struct Shape {
  virtual ~Shape() = default;
  virtual int area() const = 0;
};
struct Square : Shape {
  int side;
  explicit Square(int s) : side(s) {}
  int area() const override { return side * side; }
};

struct Noisy {
  int id;
  ~Noisy() noexcept(false) {
    if (id == 42 && !std::uncaught_exceptions())
      throw std::runtime_error("from destructor");
  }
};

template <typename T> T accumulate(const std::vector<T> &items) {
  T total{};
  for (const T &item : items)
    total += item;
  return total;
}

int tail_target(int n) { return n + 1; }
int tail_caller(int n) {
  int local = n * 2;
  [[clang::musttail]] return tail_target(local);
}

int main() {
  int sum = 0;
  Generator gen = count_to(4);
  while (gen.next())
    sum += gen.value();

  std::vector<std::unique_ptr<Shape>> shapes;
  shapes.push_back(std::make_unique<Square>(3));
  int areas = 0;
  for (const auto &s : shapes)
    areas += s->area();

  int captured = 10;
  auto by_ref = [&captured](int x) { captured += x; };
  auto by_val = [captured](int x) { return captured + x; };
  by_ref(5);

  std::map<std::string, int> table{{"a", 1}, {"b", 2}};
  int mapped = 0;
  for (const auto &[key, value] : table)
    mapped += value * (int)key.size();

  int thrown = 0;
  try {
    Noisy n{42};
  } catch (const std::runtime_error &) {
    thrown = 1;
  }

  std::printf("%d %d %d %d %d %d %d %d\n", sum, areas, captured, by_val(1), mapped,
              accumulate(std::vector<int>{1, 2, 3}), thrown, tail_caller(3));
  return 0;
}

// CHECK: 30 9 15 11 3 6 1 7
