// The pass on C locals (all of them: BORROWSCOPE_VARIABLES=all): variables,
// borrow kinds, and the IR (the hot path linked in, a room check per group).
//
// RUN: %ir-O0 %s -o %t.ll
// RUN: env BORROWSCOPE_VARIABLES=all %borrowscope-opt %t.ll -o %t.out.ll 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --check-prefix=IR < %t.out.ll

struct point { int x; int y; };
void take(int *p);
void look(const struct point *p);

int locals(int n) {
  int scalar = n;
  int *ptr = &scalar;
  const int *cptr = &scalar;
  struct point pt = {1, 2};
  int arr[4] = {0};
  take(&pt.y);
  take(&arr[2]);
  look(&pt);
  return *ptr + *cptr + arr[2];
}

// Declarations in order, with the declared type as written; variables whose
// address is taken record it.
// REMARK: remark: {{.*}}locals_and_borrows.c:12:16: New 'n' (int)
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:13:7: New 'scalar' (int) at its address
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:14:8: New 'ptr' (int *)
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:15:14: New 'cptr' (const int *)
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:16:16: New 'pt' (struct point) at its address
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:17:7: New 'arr' (int[4]) at its address
// Where ptr's and cptr's values are used for the last time (non-lexical
// lifetimes, planned before the borrows): their borrows of scalar end there.
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:21:18: Release of what 'cptr' holds (last use)
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:21:11: Release of what 'ptr' holds (last use)
// Borrows in source order: by variables (mutability from their declared
// type), by calls (unknown: a C declaration has no debug info), of a field
// and of an element (the owner is the enclosing variable).
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:14:8: Borrow of 'scalar' by 'ptr' (variable, mutable)
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:15:14: Borrow of 'scalar' by 'cptr' (variable, shared)
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:18:3: Borrow of 'pt' by 'take' (call, unknown)
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:19:3: Borrow of 'arr' by 'take' (call, unknown)
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:20:3: Borrow of 'pt' by 'look' (call, unknown)
// Lifetime ends (remarks in declaration order; the drops run in clang's
// reverse order), and the parameter at the return.
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:22:1: Drop 'scalar'
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:22:1: Drop 'ptr'
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:22:1: Drop 'cptr'
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:22:1: Drop 'pt'
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:22:1: Drop 'arr'
// REMARK-NEXT: remark: {{.*}}locals_and_borrows.c:21:3: Drop 'n'
// REMARK-NOT: remark

// One id slot per variable with a scope, among the entry block's static
// allocas; the parameter lives for the whole call: it takes the frame's ids.
// IR-LABEL: define {{.*}}@locals(
// IR-NOT: %n.bsid
// IR: %arr.bsid = alloca i32
// IR: %bs.frame = alloca i32
// A group opens with one room check for all its records and hands out where
// to write; each event writes its record there and returns the next place.
// The parameter (no lifetime markers) is created after the alloca prefix; its
// address is never taken: no address in its New.
// IR: %[[W:.*]] = call ptr @__borrowscope_hot_begin(i32 [[N:[0-9]+]])
// IR: %[[ID:.*]] = call i32 @__borrowscope_hot_next_ids(i32 1)
// IR-NEXT: store i32 %[[ID]], ptr %bs.frame
// IR-NEXT: %[[W1:.*]] = call ptr @__borrowscope_hot_new(ptr %[[W]], i32 %{{.*}}, i32 %[[ID]], ptr null)
// A variable with markers is created after its lifetime.start, in the same
// group (no call since); its address is taken, so its New records it.
// IR: call void @llvm.lifetime.start.p0({{(i64 4, )?}}ptr %[[SCALAR:[0-9]+]])
// IR-NOT: call ptr @__borrowscope_hot_begin(
// IR: call ptr @__borrowscope_hot_new(ptr %[[W1]], i32 %{{.*}}, i32 %{{.*}}, ptr %[[SCALAR]])
// The borrow of scalar by ptr: ptr's id and the address borrowed, just
// before the store (the owner is found from the address).
// IR: %bs.holder = load i32, ptr %ptr.bsid
// IR-NEXT: call ptr @__borrowscope_hot_borrow(ptr %{{.*}}, i32 %{{.*}}, i32 %bs.holder, ptr %[[SCALAR]])
// IR-NEXT: store ptr %[[SCALAR]], ptr
// A call ends the group: its records are committed before it, and the next
// group begins anew.
// IR: %[[WT:.*]] = call ptr @__borrowscope_hot_borrow(ptr %{{.*}}, i32 %{{.*}}, i32 0, ptr %{{.*}})
// IR-NEXT: call void @__borrowscope_hot_commit(ptr %[[WT]])
// IR-NEXT: call void @take(
// IR: call ptr @__borrowscope_hot_begin(i32 1)
// IR: call void @take(
// Releases (the same record as a Drop) leave the slot alone; drops before
// lifetime.end clear it.
// IR: call ptr @__borrowscope_hot_drop(
// IR-NOT: store i32 0, ptr %ptr.bsid
// IR: %[[ARRID:.*]] = load i32, ptr %arr.bsid
// IR-NEXT: call ptr @__borrowscope_hot_drop(ptr %{{.*}}, i32 %{{.*}}, i32 %[[ARRID]])
// IR-NEXT: store i32 0, ptr %arr.bsid
// IR-NEXT: call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr
// The hot path is linked in, internal and always inlined; the module's
// descriptor (its site table) registers.
// IR: define internal {{.*}}ptr @__borrowscope_hot_new(ptr {{.*}}, i32 {{.*}}, i32 {{.*}}, ptr {{.*}}) #[[HOT:[0-9]+]]
// IR: call void @__borrowscope_register_module_v2(ptr @__borrowscope_module)
// IR: attributes #[[HOT]] = { alwaysinline
