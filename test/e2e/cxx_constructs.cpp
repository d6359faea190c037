// The C++ constructs of the borrow semantics, each with its exact events, the
// same at -O0 and -O2: range-for by reference, lambdas capturing by reference
// and by value, structured bindings, std::string / std::vector /
// std::unique_ptr locals and their methods, std::move, a temporary bound to a
// const reference, references passed on.
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclangxx -O0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0
// RUN: %trace-summary %t0.json | FileCheck %s
// RUN: env BORROWSCOPE_VARIABLES=all %bsclangxx -O2 %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2
// RUN: %trace-summary %t2.json > %t2.sum
// RUN: %trace-summary %t0.json | diff - %t2.sum
// RUN: %trace-summary --check %t2.json

#include <memory>
#include <string>
#include <utility>
#include <vector>

__attribute__((noinline)) static void touch(int &r) { ++r; }

__attribute__((noinline)) int range_for() {
  int arr[2] = {1, 2};
  int sum = 0;
  for (int &e : arr)
    sum += e;
  return sum;
}
// The loop's hidden reference borrows the array for the whole loop; each
// element reference is a new instance, reborrowing the array by address.

__attribute__((noinline)) int lambdas() {
  int counter = 0;
  int step = 2;
  auto by_ref = [&counter]() { ++counter; };
  auto by_val = [step]() { return step * 2; };
  by_ref();
  return counter + by_val();
}
// By reference: the closure's member holds a mutable borrow of counter. By
// value: step is copied, nothing is borrowed.

struct Pair {
  int first;
  int second;
};

__attribute__((noinline)) int bindings() {
  Pair p{1, 2};
  auto &[a, b] = p;
  const auto &[c, d] = p;
  return a + b + c + d;
}
// A structured binding is one variable named after its bindings.

__attribute__((noinline)) size_t strings() {
  std::string s = "hello";
  s.append(" world");
  std::string t = std::move(s);
  return t.size();
}
// std::move is a cast; the move constructor is a Move into t.

__attribute__((noinline)) int vectors() {
  std::vector<int> v{1, 2};
  v.push_back(3);
  const int &first = v.front();
  int x = 4;
  int &rx = x;
  touch(rx);
  return first + (int)v.size() + x;
}
// A reference kept from an accessor borrows the vector (as Rust's elision
// would have it), shared as its type says. Passing a reference passes on
// what it refers to.

__attribute__((noinline)) int uniques() {
  std::unique_ptr<int> up = std::make_unique<int>(5);
  std::unique_ptr<int> other = std::move(up);
  return *other + (up ? 1 : 0);
}
// The moved-from pointer is used afterwards: a borrow of up after its move.

__attribute__((noinline)) int temporaries() {
  const std::string &ref = std::string("temp");
  return (int)ref.size();
}
// A temporary is no variable: the reference bound to it holds no variable.

int main() {
  int total = range_for() + lambdas() + bindings() + (int)strings() + vectors() +
              uniques() + temporaries();
  return total > 0 ? 0 : 1;
}
// CHECK: New total #[[V1:[0-9]+]] line 92 in main
// range-for: the loop's hidden reference borrows the array for the whole
// loop (of unknown kind: the types do not say whether the loop writes); each
// element reference is a new instance, reborrowing the array.
// CHECK-NEXT: New arr #[[V2:[0-9]+]] line 24 in range_for() at-address
// CHECK-NEXT: New sum #[[V3:[0-9]+]] line 25 in range_for()
// CHECK-NEXT: New __range1 #[[V4:[0-9]+]] line 26 in range_for()
// CHECK-NEXT: Borrow arr #[[V2]] by __range1 #[[V4]] (variable, unknown lexical) line 26
// CHECK-NEXT: New e #[[V5:[0-9]+]] line 26 in range_for()
// CHECK-NEXT: Borrow arr #[[V2]] by e #[[V5]] (variable, mutable) line 26
// CHECK-NEXT: Drop e #[[V5]] line 27 in range_for()
// CHECK-NEXT: New e #[[V6:[0-9]+]] line 26 in range_for()
// CHECK-NEXT: Borrow arr #[[V2]] by e #[[V6]] (variable, mutable) line 26
// CHECK-NEXT: Drop e #[[V6]] line 27 in range_for()
// CHECK-NEXT: Drop __range1 #[[V4]] line 26 in range_for()
// CHECK-NEXT: Drop sum #[[V3]] line 29 in range_for()
// CHECK-NEXT: Drop arr #[[V2]] line 29 in range_for()
// Lambdas: by reference, the closure's member holds a mutable borrow of
// counter; by value, step is copied and nothing is borrowed.
// CHECK-NEXT: New counter #[[V7:[0-9]+]] line 34 in lambdas() at-address
// CHECK-NEXT: New step #[[V8:[0-9]+]] line 35 in lambdas()
// CHECK-NEXT: New by_ref #[[V9:[0-9]+]] line 36 in lambdas() at-address
// CHECK-NEXT: Borrow counter #[[V7]] by by_ref.counter #[[V9]] (variable, mutable in-memory) line 36
// CHECK-NEXT: New by_val #[[V10:[0-9]+]] line 37 in lambdas() at-address
// CHECK-NEXT: Borrow by_ref #[[V9]] by lambdas()::$_0::operator()() const - (call, shared) line 38
// by_ref is not used after its call: what it holds is let go there.
// CHECK-NEXT: Release by_ref #[[V9]] line 38
// CHECK-NEXT: Borrow by_val #[[V10]] by lambdas()::$_1::operator()() const - (call, shared) line 39
// CHECK-NEXT: Drop by_val #[[V10]] line 40 in lambdas()
// CHECK-NEXT: Drop by_ref #[[V9]] line 40 in lambdas()
// CHECK-NEXT: Drop step #[[V8]] line 40 in lambdas()
// CHECK-NEXT: Drop counter #[[V7]] line 40 in lambdas()
// A structured binding is one variable, named after its bindings.
// CHECK-NEXT: New p #[[V11:[0-9]+]] line 50 in bindings() at-address
// CHECK-NEXT: New [a, b] #[[V12:[0-9]+]] line 51 in bindings()
// CHECK-NEXT: Borrow p #[[V11]] by [a, b] #[[V12]] (variable, mutable) line 51
// CHECK-NEXT: New [c, d] #[[V13:[0-9]+]] line 52 in bindings()
// CHECK-NEXT: Borrow p #[[V11]] by [c, d] #[[V13]] (variable, shared) line 52
// CHECK-NEXT: Drop [c, d] #[[V13]] line 54 in bindings()
// CHECK-NEXT: Drop [a, b] #[[V12]] line 54 in bindings()
// CHECK-NEXT: Drop p #[[V11]] line 54 in bindings()
// std::string: std::move is a cast; the move constructor is a Move into t.
// CHECK-NEXT: New s #[[V14:[0-9]+]] line 58 in strings() at-address
// CHECK-NEXT: Borrow s #[[V14]] by std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>::basic_string<std::allocator<char>>(char const*, std::allocator<char> const&) - (call, mutable) line 58
// CHECK-NEXT: Borrow s #[[V14]] by std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>::append(char const*) - (call, shared) line 59
// CHECK-NEXT: New t #[[V15:[0-9]+]] line 60 in strings() at-address
// CHECK-NEXT: Borrow t #[[V15]] by std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>::basic_string(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>&&) - (call, mutable) line 60
// CHECK-NEXT: Move s #[[V14]] to t #[[V15]] line 60
// CHECK-NEXT: Borrow t #[[V15]] by std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>::size() const - (call, shared) line 61
// CHECK-NEXT: Borrow t #[[V15]] by std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>::~basic_string() - (call, mutable) line 62
// CHECK-NEXT: Drop t #[[V15]] line 62 in strings()
// CHECK-NEXT: Borrow s #[[V14]] by std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>::~basic_string() - (call, mutable) line 62
// CHECK-NEXT: Drop s #[[V14]] line 62 in strings()
// std::vector: a reference kept from an accessor borrows the vector, shared
// as its type says; passing a reference passes on what it refers to.
// CHECK-NEXT: New v #[[V16:[0-9]+]] line 66 in vectors() at-address
// CHECK-NEXT: Borrow v #[[V16]] by std::vector<int, std::allocator<int>>::vector(std::initializer_list<int>, std::allocator<int> const&) - (call, mutable) line 66
// CHECK-NEXT: Borrow v #[[V16]] by std::vector<int, std::allocator<int>>::push_back(int&&) - (call, mutable) line 67
// CHECK-NEXT: New first #[[V17:[0-9]+]] line 68 in vectors()
// CHECK-NEXT: Borrow v #[[V16]] by first #[[V17]] (variable, shared) line 68
// CHECK-NEXT: New x #[[V18:[0-9]+]] line 69 in vectors() at-address
// CHECK-NEXT: New rx #[[V19:[0-9]+]] line 70 in vectors()
// CHECK-NEXT: Borrow x #[[V18]] by rx #[[V19]] (variable, mutable) line 70
// Non-lexical lifetimes: rx's borrow ends where its value is last read, as
// touch's argument (the call's borrow takes over); first's likewise for the
// size() call. Both variables live on to line 73.
// CHECK-NEXT: Release rx #[[V19]] line 71
// CHECK-NEXT: Borrow x #[[V18]] by touch(int&) - (call, mutable) line 71
// CHECK-NEXT: New r #[[V20:[0-9]+]] line 21 in touch(int&)
// CHECK-NEXT: Reborrow x #[[V18]] by r #[[V20]] (variable, mutable) line 21
// CHECK-NEXT: Drop r #[[V20]] line 21 in touch(int&)
// CHECK-NEXT: Release first #[[V17]] line 72
// CHECK-NEXT: Borrow v #[[V16]] by std::vector<int, std::allocator<int>>::size() const - (call, shared) line 72
// CHECK-NEXT: Drop rx #[[V19]] line 73 in vectors()
// CHECK-NEXT: Drop x #[[V18]] line 73 in vectors()
// CHECK-NEXT: Drop first #[[V17]] line 73 in vectors()
// CHECK-NEXT: Borrow v #[[V16]] by std::vector<int, std::allocator<int>>::~vector() - (call, mutable) line 73
// CHECK-NEXT: Drop v #[[V16]] line 73 in vectors()
// std::unique_ptr: moved, then used again (operator bool on up).
// CHECK-NEXT: New up #[[V21:[0-9]+]] line 79 in uniques() at-address
// CHECK-NEXT: New other #[[V22:[0-9]+]] line 80 in uniques() at-address
// CHECK-NEXT: Borrow other #[[V22]] by std::unique_ptr<int, std::default_delete<int>>::unique_ptr(std::unique_ptr<int, std::default_delete<int>>&&) - (call, mutable) line 80
// CHECK-NEXT: Move up #[[V21]] to other #[[V22]] line 80
// CHECK-NEXT: Borrow other #[[V22]] by std::unique_ptr<int, std::default_delete<int>>::operator*() const - (call, shared) line 81
// CHECK-NEXT: Borrow up #[[V21]] by std::unique_ptr<int, std::default_delete<int>>::operator bool() const - (call, shared) line 81
// CHECK-NEXT: Borrow other #[[V22]] by std::unique_ptr<int, std::default_delete<int>>::~unique_ptr() - (call, mutable) line 82
// CHECK-NEXT: Drop other #[[V22]] line 82 in uniques()
// CHECK-NEXT: Borrow up #[[V21]] by std::unique_ptr<int, std::default_delete<int>>::~unique_ptr() - (call, mutable) line 82
// CHECK-NEXT: Drop up #[[V21]] line 82 in uniques()
// A temporary is no variable: the reference bound to it holds none.
// CHECK-NEXT: New ref #[[V23:[0-9]+]] line 86 in temporaries()
// CHECK-NEXT: Reborrow <nothing> - by ref #[[V23]] (variable, shared) line 86
// CHECK-NEXT: Release ref #[[V23]] line 87
// CHECK-NEXT: Drop ref #[[V23]] line 88 in temporaries()
// CHECK-NEXT: Drop total #[[V1]] line 95 in main
