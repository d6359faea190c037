// False positive (correct code): a free function in a namespace is given the
// address of a local as its second argument; its first argument (a format
// string) is taken for the `this` of a member function that keeps the local's
// address.
//
// From fmt (github:fmtlib/fmt 60ccad5), its test suite at -O0 and -O2: 321 of
// the ~440 finding locations, every `fmt::format("{}", x)` (and
// EXPECT_THROW_MSG(fmt::format(..), ..)) with a local x, e.g.
//   test/std-test.cc:70   `EXPECT_EQ(fmt::format("{}", o), "optional(...)")`
//   test/chrono-test.cc:95 `EXPECT_EQ(fmt::format("{:%Y}", tm), ...)`
//   test/args-test.cc:100 reported as "'str' ... is dropped ... while '.str.30'
//                         still holds the address stored here": the holder is
//                         the format string literal.
// fmt::format keeps &x (in its argument pack, down the calls), so the call is
// a borrow kept by its object. The object is found as "the first argument
// that is not sret" of a "mutating member", and a member is recognised by a
// mangled name starting with _ZN and not _ZNK: every function in a namespace.
// The borrow is then held by the memory of the format string and never ends.
// (When the first argument was no pointer, a long double, this made invalid
// IR: fmt's src/format.cc crashed clang; see
// test/pass/namespaced_free_function_keeps.cpp.)
//
// (Fixed: a member call is told by its dereferenceable `this`.)
// RUN: %bsclangxx -O0 -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclangxx -O2 -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <cstdio>

namespace lib {
const int *current; // what is being formatted, for nested calls
__attribute__((noinline)) int format(const char *f, const int &x) {
  current = &x;
  int r = std::printf(f, *current);
  current = nullptr; // let go before returning
  return r;
}
} // namespace lib

int main() {
  int v = 1;
  int r = lib::format("%d\n", v);
  return r == 2 ? 0 : 1;
}
