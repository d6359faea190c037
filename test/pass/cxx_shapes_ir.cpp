// The pass on C++ shapes: reference locals (const and not), const and
// non-const member functions, a loop body (markers inside the loop: a New per
// iteration), recursion, and the default of not instrumenting system headers.
//
// RUN: %clangxx -g -O0 -Xclang -fsanitize-address-use-after-scope -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t.ll
// RUN: env BORROWSCOPE_VARIABLES=all %borrowscope-opt %t.ll -o %t.out.ll 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --check-prefix=IR < %t.out.ll
// With system headers included, std::vector's own functions get variables too.
// RUN: env BORROWSCOPE_VARIABLES=all BORROWSCOPE_SYSTEM_HEADERS=1 %borrowscope-opt %t.ll -o /dev/null 2>&1 | FileCheck %s --check-prefix=SYSTEM
// RUN: %opt -load-pass-plugin=%plugin -passes=borrowscope -borrowscope-variables=all -borrowscope-system-headers -pass-remarks=borrowscope -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=SYSTEM

#include <vector>

struct Meter {
  int value = 0;
  int read() const { return value; }
  void reset() { value = 0; }
};

int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }

int shapes(std::vector<int> &items) {
  Meter m;
  int &ref = m.value;
  const int &cref = m.value;
  m.reset();
  int total = m.read() + ref + cref;
  for (int i = 0; i < 3; ++i) {
    int each = i;
    items.push_back(each);
  }
  return total + fact(3);
}

// REMARK: remark: {{.*}}cxx_shapes_ir.cpp:20:14: New 'n' (int)
// REMARK: remark: {{.*}}cxx_shapes_ir.cpp:22:30: New 'items' (std::vector<int, std::allocator<int> > &)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:23:9: New 'm' (Meter) at its address
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:24:8: New 'ref' (int &)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:25:14: New 'cref' (const int &)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:27:7: New 'total' (int)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:28:12: New 'i' (int)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:29:9: New 'each' (int) at its address
// Where the holders are read for the last time (planned before the borrows,
// found scanning each block backwards): the references after the sum, items
// when the loop exits (not inside it, where the next iteration reads it).
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:27:32: Release of what 'cref' holds (last use)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:27:26: Release of what 'ref' holds (last use)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:28:3: Release of what 'items' holds (last use)
// The reference parameter holds the caller's address: a reborrow.
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:22:30: Reborrow by 'items' (variable, mutable)
// The implicit constructor, references into a member, non-const and const
// member functions, a const& parameter of a library call.
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:23:9: Borrow of 'm' by 'Meter::Meter()' (call, mutable)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:24:8: Borrow of 'm' by 'ref' (variable, mutable)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:25:14: Borrow of 'm' by 'cref' (variable, shared)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:26:5: Borrow of 'm' by 'Meter::reset()' (call, mutable)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:27:17: Borrow of 'm' by 'Meter::read() const' (call, shared)
// REMARK-NEXT: remark: {{.*}}cxx_shapes_ir.cpp:30:11: Borrow of 'each' by 'std::vector<int, std::allocator<int>>::push_back(int const&)' (call, shared)
// No instrumented function from <vector>.
// REMARK-NOT: in 'std::

// Recursion needs nothing special: each call makes its own instance.
// IR-LABEL: define {{.*}}@_Z4facti(
// IR: call ptr @__borrowscope_hot_new(
// The loop body's variable is created after its lifetime.start, inside the
// loop: one instance per iteration. (LLVM 22's lifetime markers take only the
// pointer; 19's also the size.)
// IR-LABEL: define {{.*}}@_Z6shapesRSt6vectorIiSaIiEE(
// IR: [[BODY:[0-9]+]]:
// IR: call void @llvm.lifetime.start.p0({{(i64 4, )?}}ptr %[[EACH:[0-9]+]])
// IR: call ptr @__borrowscope_hot_new(ptr %{{.*}}, i32 %{{.*}}, i32 %{{.*}}, ptr %[[EACH]])
// IR-NEXT: store i32 %{{.*}}, ptr %each.bsid
// IR: call ptr @__borrowscope_hot_drop(
// IR-NEXT: store i32 0, ptr %each.bsid
// IR-NEXT: call void @__borrowscope_hot_commit(
// IR-NEXT: call void @llvm.lifetime.end.p0({{(i64 4, )?}}ptr %[[EACH]])
// IR: br label

// SYSTEM: remark: {{.*}}/usr/{{.*}}: New '{{.*}}'
