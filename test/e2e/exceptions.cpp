// Exceptions thrown through scopes drop every live variable exactly once, on
// the unwind path, including frames with no cleanup of their own and frames
// whose catch clauses do not match.
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclangxx -O0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 | FileCheck %s --check-prefix=OUT
// RUN: %trace-summary %t0.json | FileCheck %s
// RUN: %trace-summary --check %t0.json | FileCheck %s --check-prefix=VALID
// RUN: env BORROWSCOPE_VARIABLES=all %bsclangxx -O2 %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 | FileCheck %s --check-prefix=OUT
// RUN: %trace-summary %t2.json > %t2.sum
// RUN: %trace-summary %t0.json | diff - %t2.sum

#include <cstdio>
#include <stdexcept>

__attribute__((noinline)) static void fail(int code) {
  int reason = code; // no cleanup in this frame: dropped by the unwind pad
  if (reason > 0)
    throw std::runtime_error("fail");
}

__attribute__((noinline)) static void middle(int code) {
  int kept = 1;
  {
    int inner = 2;
    try {
      fail(code);
    } catch (const std::logic_error &) { // does not match: passes through
      std::puts("wrong handler");
    }
    kept += inner;
  }
}

int main() {
  int outer = 0;
  try {
    middle(1);
  } catch (const std::runtime_error &e) {
    std::puts(e.what());
  }
  middle(0);
  return outer;
}

// OUT: fail
// OUT-NOT: wrong handler

// CHECK:      New outer #1 line 37 in main
// CHECK-NEXT: New code #2 line 23 in middle(int)
// CHECK-NEXT: New kept #3 line 24 in middle(int)
// CHECK-NEXT: New inner #4 line 26 in middle(int)
// CHECK-NEXT: New code #5 line 17 in fail(int)
// CHECK-NEXT: New reason #6 line 18 in fail(int)
// The throw leaves fail(): both its variables end on the unwind path.
// CHECK-NEXT: Drop reason #6 line 0 in fail(int) unwind
// CHECK-NEXT: Drop code #5 line 0 in fail(int) unwind
// middle()'s handler does not match; its scopes end, each variable once.
// CHECK-NEXT: Drop inner #4 line {{[0-9]+}} in middle(int)
// CHECK-NEXT: Drop kept #3 line {{[0-9]+}} in middle(int)
// CHECK-NEXT: Drop code #2 line {{[0-9]+}} in middle(int) unwind
// Caught in main: the catch parameter is a variable, referring to the
// exception object, which is no variable (on the heap: nothing recorded);
// its last use ends whatever it might hold.
// CHECK-NEXT: New e #7 line 40 in main
// CHECK-NEXT: Release e #7 line 41
// CHECK-NEXT: Drop e #7 line 42 in main
// The normal path afterwards.
// CHECK-NEXT: New code #8 line 23 in middle(int)
// CHECK:      Drop outer #1 line 45 in main
// VALID: ok: {{[0-9]+}} events, 0 never dropped
