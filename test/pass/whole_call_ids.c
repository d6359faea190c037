// Variables without lifetime markers live for the whole call: all of them at
// -O0, and at -O2 every one in a function with computed goto (clang gives no
// markers where a jump may bypass a declaration). They take consecutive ids
// from one frame base at entry, and each group reads the base back with a
// volatile load: no id stays live across the function. Before, an
// interpreter loop of this shape (Lua's luaV_execute) kept every variable's
// id in a register or a spill slot through the whole loop, and its frame
// grew from 152 B to 5 016 B at -O2 (Lua's test suite then overflowed its
// own 1.1 MB stack limit).
//
// In the module: one next_ids call for all the variables, no id slot per
// variable, the base read back in the blocks that use an id.
// RUN: %clang -g -O0 -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t.ll
// RUN: %borrowscope-opt %t.ll -o - 2>/dev/null | FileCheck %s --check-prefix=IR
// IR-LABEL: define {{.*}}@run(
// IR-NOT: .bsid
// IR: %bs.frame = alloca i32
// IR-NOT: .bsid
// IR: %[[BASE:.*]] = call i32 @__borrowscope_hot_next_ids(i32 {{[0-9]+}})
// IR-NEXT: store i32 %[[BASE]], ptr %bs.frame
// IR: load volatile i32, ptr %bs.frame
// IR-NOT: __borrowscope_hot_next_id()
// IR-LABEL: define {{.*}}@main(
//
// The frame at -O2 grows by less than 10 bytes per variable over the plain
// one (-fstack-usage): before, each kept its id and the id shifted into
// its records in two 8-byte spill slots (LLVM 19: 424 -> 1 272 B; now 456).
// RUN: rm -rf %t.d && mkdir -p %t.d && cd %t.d
// RUN: %clang -O2 -g -fstack-usage -c %s -o plain.o
// RUN: %bsclang -O2 -g -fstack-usage -c %s -o traced.o
// RUN: %python -c "import sys; f=lambda p: int([l.split()[1] for l in open(p) if ':run' in l.split()[0]][0]); a=f('plain.su'); b=f('traced.su'); print('plain', a, 'traced', b); sys.exit(b > a + 10 * 50)"
//
// The events pair up: each variable's New and Drop carry the same id, and the
// ids of one call are consecutive.
// RUN: %bsclang -O2 -g %s -o %t.exe
// RUN: env BORROWSCOPE_OUTPUT=%t.trace %t.exe
// RUN: borrowscope export --format json %t.trace -o %t.json
// RUN: %trace-summary %t.json | FileCheck %s --check-prefix=TRACE
// RUN: %trace-summary %t.json | grep -c "^New p" | FileCheck %s --check-prefix=COUNT
// RUN: %trace-summary %t.json | grep -c "^Drop p" | FileCheck %s --check-prefix=COUNT
// COUNT: 50
// TRACE: New sum #3 line 82 in run at-address
// TRACE-NEXT: New p10 #4 line 85 in run
// TRACE-NEXT: New p11 #5 line 85 in run
// TRACE: New p59 #53 line 85 in run
// TRACE-NEXT: Reborrow mem #1 by p10 #4 (variable, mutable) line 85
// TRACE-NEXT: Release p10 #4 line 85
// TRACE-NEXT: Borrow sum #3 by add - (call, mutable) line 85
// TRACE-NEXT: Reborrow mem #1 by p11 #5 (variable, mutable) line 85
// TRACE-NEXT: Release p11 #5 line 85
// TRACE-NEXT: Borrow sum #3 by add - (call, mutable) line 85
// TRACE-NEXT: Reborrow mem #1 by p59 #53 (variable, mutable) line 85
// TRACE-NEXT: Release p59 #53 line 85
// TRACE-NEXT: Borrow sum #3 by add - (call, mutable) line 85
// TRACE-NEXT: Drop p59 #53 line 87 in run
// TRACE: Drop p11 #5 line 87 in run
// TRACE-NEXT: Drop p10 #4 line 87 in run
// TRACE-NEXT: Drop sum #3 line 87 in run

static int *cell(int *mem, int k) { return mem + k; }
// sum's address is taken: the frame has an owner, so what the p's hold counts.
__attribute__((noinline)) static void add(int *sum, int v) { *sum += v; }

#define OP(n)                                                                  \
  op##n : {                                                                    \
    int *p##n = cell(mem, n);                                                  \
    *p##n += n;                                                                \
    add(&sum, *p##n);                                                          \
    goto *labels[code[pc++]];                                                  \
  }
#define OPS10(m)                                                               \
  OP(m##0) OP(m##1) OP(m##2) OP(m##3) OP(m##4) OP(m##5) OP(m##6) OP(m##7)      \
      OP(m##8) OP(m##9)
#define L(n) &&op##n,
#define LABELS10(m)                                                            \
  L(m##0) L(m##1) L(m##2) L(m##3) L(m##4) L(m##5) L(m##6) L(m##7) L(m##8)      \
      L(m##9)

__attribute__((noinline)) int run(int *mem, const unsigned char *code) {
  static void *const labels[] = {&&done, LABELS10(1) LABELS10(2) LABELS10(3)
                                             LABELS10(4) LABELS10(5)};
  int sum = 0;
  int pc = 0;
  goto *labels[code[pc++]];
  OPS10(1) OPS10(2) OPS10(3) OPS10(4) OPS10(5)
done:
  return sum;
}

int main(void) {
  int mem[64] = {0};
  const unsigned char code[] = {1, 2, 50, 0}; // op10, op11, op59
  return run(mem, code) == 10 + 11 + 59 ? 0 : 1;
}
