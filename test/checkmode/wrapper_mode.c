// borrowscope-clang -fborrowscope=MODE links a program that runs in MODE
// unless BORROWSCOPE_MODE says otherwise; the flag is the wrapper's own
// (the compiler never sees it), and an unknown mode is an error.
//
// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
// RUN: %bsclang -fborrowscope=check -O1 %s -o checking
// RUN: ./checking 2> err
// RUN: FileCheck %s --check-prefix=CHECK-MODE < err
// RUN: env BORROWSCOPE_MODE=trace BORROWSCOPE_OUTPUT=%t.dir/t.trace ./checking 2> err
// RUN: count 0 < err
// RUN: not %borrowscope check t.trace | FileCheck %s --check-prefix=FINDING
// Compiling and linking apart: the link step decides.
// RUN: %bsclang -O1 -c %s -o obj.o
// RUN: %bsclang -fborrowscope=Both obj.o -o both
// RUN: env BORROWSCOPE_OUTPUT=%t.dir/b.trace ./both 2> err
// RUN: FileCheck %s --check-prefix=CHECK-MODE < err
// RUN: not %borrowscope check b.trace | FileCheck %s --check-prefix=FINDING
// RUN: not %bsclang -fborrowscope=sanitize -c %s -o bad.o 2> err
// RUN: FileCheck %s --check-prefix=BAD < err
// With BORROWSCOPE=off the plain compiler builds it, flag dropped.
// RUN: env BORROWSCOPE=off %bsclang -fborrowscope=check -O1 %s -o plain
// RUN: ./plain 2> err
// RUN: count 0 < err

static int *held;

__attribute__((noinline)) void hold(void) {
  int n = 3;
  held = &n;
}

int main(void) {
  hold();
  return 0;
}

// CHECK-MODE: wrapper_mode.c:29:8: dangling_borrow: 'n'
// CHECK-MODE-NEXT: borrowscope: 1 finding (1 dangling_borrow; 1 case)
// FINDING: wrapper_mode.c:29:8: dangling_borrow: 'n'
// BAD: borrowscope-clang: error: unknown -fborrowscope=sanitize (accepted: -fborrowscope=trace, -fborrowscope=check, -fborrowscope=both)
