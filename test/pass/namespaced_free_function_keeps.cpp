// A free function in a namespace that keeps its reference argument, whose
// first argument is not a pointer. Its mangled name (_ZN...) looks like a
// member function's, and the pass took the first argument (a long double, a
// double) for the object that keeps the borrow: a call to the hot path with
// an x86_fp80 where a pointer belongs. clang (no verifier in release builds)
// then died in instruction selection ("Cannot select: ... store ... trunc to
// i32") on fmt's src/format.cc (fmt/format.h:3525,
// `format_hexfloat(convert_float(value), specs, buffer)`) at -O0.
//
// RUN: %clangxx -g -O0 -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t.ll
// RUN: %opt -load-pass-plugin=%plugin -passes=borrowscope,verify -disable-output %t.ll
// RUN: env BORROWSCOPE_VARIABLES=all %opt -load-pass-plugin=%plugin -passes=borrowscope,verify -disable-output %t.ll
// RUN: %clangxx -g -O2 -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='borrowscope,default<O2>,verify' -disable-output %t2.ll
// RUN: %bsclangxx -O0 -g %s -o %t0 && env BORROWSCOPE_OUTPUT=%t0.trace %t0
// RUN: %bsclangxx -O2 -g %s -o %t2 && env BORROWSCOPE_OUTPUT=%t2.trace %t2
namespace ns {
struct buf { char data[8]; };
buf *last;
__attribute__((noinline)) void keep(long double v, buf &b) {
  last = &b;
  b.data[0] = char(v);
}
__attribute__((noinline)) void keep2(double v, int n, buf &b) {
  last = &b;
  b.data[1] = char(v) + char(n);
}
} // namespace ns

int main() {
  ns::buf b{};
  ns::keep(1.0L, b);
  ns::keep2(2.0, 3, b);
  return ns::last == &b && b.data[0] == 1 && b.data[1] == 5 ? 0 : 1;
}
