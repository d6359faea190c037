// The pass on C locals: which allocas become variables, the borrow kinds, and
// the IR it emits (the hot path linked in, one clock read per group of events).
//
// RUN: %ir-O0 %s -o %t.ll
// RUN: %borrowscope-opt %t.ll -o %t.out.ll 2>&1 | FileCheck %s --check-prefix=REMARK
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

// One id slot per variable, among the entry block's static allocas.
// IR-LABEL: define {{.*}}@locals(
// IR: %n.bsid = alloca i32
// IR: %arr.bsid = alloca i32
// The parameter (no lifetime markers) is created after the alloca prefix.
// IR: %[[CLK:.*]] = call i32 @__borrowscope_hot_begin(i32 [[N:[0-9]+]])
// IR: %[[ID:.*]] = call i32 @__borrowscope_hot_new(i32 %[[CLK]],
// IR-NEXT: store i32 %[[ID]], ptr %n.bsid
// A variable with markers is created after its lifetime.start; no call since
// the last clock read, so the events share it.
// Its address is taken, so its New records the address and size. (LLVM 22's
// lifetime markers take only the pointer; 19's also the size.)
// IR: call void @llvm.lifetime.start.p0({{(i64 4, )?}}ptr %[[SCALAR:[0-9]+]])
// IR-NOT: call i32 @__borrowscope_hot_begin(
// IR: call i32 @__borrowscope_hot_new_at(i32 %[[CLK]], i32 %{{.*}}, ptr %[[SCALAR]], i64 4)
// The borrow of scalar by ptr loads both ids just before the store.
// IR: %bs.borrower = load i32, ptr %ptr.bsid
// IR-NEXT: %bs.owner = load i32, ptr %scalar.bsid
// IR-NEXT: call void @__borrowscope_hot_borrow(i32 %{{.*}}, i32 %{{.*}}, i32 %bs.owner, i32 %bs.borrower)
// IR-NEXT: store ptr %[[SCALAR]], ptr
// A call to another file may block: the clock is marked stale right after
// it, and the next group opens with a new begin.
// IR: call void @take(
// IR-NEXT: call void @__borrowscope_hot_stale()
// IR: %[[CLK3:.*]] = call i32 @__borrowscope_hot_begin(i32 1)
// IR: call void @__borrowscope_hot_borrow(i32 %[[CLK3]],
// IR-NEXT: call void @take(
// Drops before lifetime.end clear the slot.
// IR: call void @__borrowscope_hot_drop(
// IR-NEXT: store i32 0, ptr %arr.bsid
// IR-NEXT: call void @llvm.lifetime.end.p0({{(i64 16, )?}}ptr %
// The hot path is linked in, internal and always inlined; the table registers.
// IR: define internal {{.*}}i32 @__borrowscope_hot_new_at(i32 {{.*}}, i32 {{.*}}, ptr {{.*}}, i64 {{.*}}) #[[HOT:[0-9]+]]
// IR: @__borrowscope_register_module_v1(ptr @__borrowscope_sites, i32 17, ptr @__borrowscope_site_base)
// IR: attributes #[[HOT]] = { alwaysinline
