// False positive (correct code): the pointer a by-value view holds
// (std::string_view::data()) is stored into an object; it points at the viewed
// characters, not into the view, and outlives the view correctly.
//
// From fmt (github:fmtlib/fmt 60ccad5), include/fmt/base.h:2211-2212, the
// constructor of a formatting argument:
//   `value(basic_string_view<char_type> sv) { string.data = sv.data(); ... }`
// reported as "'sv' (declared at base.h:2211:10) is dropped at base.h:2214:3
// while '<memory>' still holds the address stored here"; the same in
// test/scan.h:151 (`scan_buffer(s.begin(), s.end(), true)` with a
// string_view `s`). An accessor's result is taken to point into the object it
// was called on. Issue #9 lists it ("`sv.data()` of a `string_view` points at
// the viewed characters, not into `sv`"). The same happens with
// std::reference_wrapper::get().
//
// Fixed: what a member loads through `this` counts as the object's only
// when a destructor ends it with the object (pass/DerivedPointers.cpp,
// mayReturn); a view has none.
// RUN: %bsclangxx -std=c++17 -O0 -w %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > /dev/null
// RUN: %corpus-check %s %t0.json
// RUN: %bsclangxx -std=c++17 -O2 -w %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > /dev/null
// RUN: %corpus-check %s %t2.json
#include <cstddef>
#include <cstdio>
#include <string_view>
struct value {
  const char *data;
  std::size_t size;
  __attribute__((noinline)) explicit value(std::string_view sv) {
    data = sv.data(); // points at the viewed characters, not into sv
    size = sv.size();
  }
};
int main() {
  static const char text[] = "hello";
  value *v = new value(std::string_view(text, 5));
  std::printf("%.*s\n", int(v->size), v->data);
  int ok = v->data[0] == 'h';
  delete v;
  return ok ? 0 : 1;
}
