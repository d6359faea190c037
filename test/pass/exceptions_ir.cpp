// Unwinding: calls that may throw become invokes of one cleanup pad that drops
// the live variables and resumes; catch-only landing pads get the cleanup
// clause; noexcept functions are left alone.
//
// RUN: %clangxx -g -O0 -Xclang -fsanitize-address-use-after-scope -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t.ll
// RUN: env BORROWSCOPE_VARIABLES=all %borrowscope-opt %t.ll -o %t.out.ll 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s < %t.out.ll

void may_throw(int *p);
void never_throws(int *p) noexcept;

int plain(int n) {
  int x = n;
  may_throw(&x);
  return x;
}

int quiet(int n) noexcept {
  int y = n;
  never_throws(&y);
  return y;
}

int catching(int n) {
  int z = n;
  try {
    may_throw(&z);
  } catch (int) {
    return -1;
  }
  return z;
}

// REMARK: Drop 'x' on unwind
// REMARK: Drop 'n' on unwind

// CHECK-LABEL: define {{.*}}@_Z5plaini(
// CHECK-SAME: personality ptr @__gxx_personality_v0
// CHECK: invoke void @_Z9may_throwPi(ptr {{.*}})
// CHECK-NEXT: to label %{{.*}} unwind label %borrowscope.unwind
// CHECK: borrowscope.unwind:
// CHECK-NEXT: %borrowscope.exn = landingpad { ptr, i32 }
// CHECK-NEXT: cleanup
// CHECK: call ptr @__borrowscope_hot_drop(
// CHECK: call ptr @__borrowscope_hot_drop(
// CHECK: resume { ptr, i32 } %borrowscope.exn

// A noexcept function cannot be left by an exception: no invoke, no pad.
// CHECK-LABEL: define {{.*}}@_Z5quieti(
// CHECK-NOT: invoke
// CHECK-NOT: landingpad
// CHECK: ret i32

// clang's catch-only pad now also stops for exceptions it does not catch.
// CHECK-LABEL: define {{.*}}@_Z8catchingi(
// CHECK: landingpad { ptr, i32 }
// CHECK-NEXT: cleanup
// CHECK-NEXT: catch ptr @_ZTIi
