// Without -g the pass uses the names clang kept (-fno-discard-value-names)
// and skips its temporaries; types come from the IR. Without names at all,
// nothing is tracked and the module is left as it was.
//
// RUN: %clang -O0 -fno-discard-value-names -Xclang -fsanitize-address-use-after-scope -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t.ll
// RUN: env BORROWSCOPE_VARIABLES=all %borrowscope-opt %t.ll -o %t.out.ll 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --check-prefix=IR < %t.out.ll
// RUN: %clang -O0 -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t.unnamed.ll
// RUN: env BORROWSCOPE_VARIABLES=all %borrowscope-opt %t.unnamed.ll -o %t.unnamed.out.ll 2>&1 | count 0
// RUN: FileCheck %s --check-prefix=UNNAMED < %t.unnamed.out.ll

struct pair { int a, b; };
struct pair make(int a);
void use(int *p);

int f(int count) {
  struct pair pr = make(count);
  int local = pr.a;
  use(&local);
  return local;
}

// No locations without debug info.
// REMARK: remark: <unknown>:0:0: New 'count' (i32)
// REMARK-NEXT: remark: <unknown>:0:0: New 'pr' (struct pair)
// REMARK-NEXT: remark: <unknown>:0:0: New 'local' (i32) at its address
// REMARK-NEXT: remark: <unknown>:0:0: Borrow of 'local' by 'use' (call, unknown)
// REMARK-NOT: retval
// REMARK-NOT: coerce
// IR: call ptr @__borrowscope_hot_new(
// UNNAMED-NOT: __borrowscope
