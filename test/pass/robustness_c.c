// Constructs that stress the pass; every output must pass the IR verifier at
// every level, and the programs must still run correctly when instrumented.
//
// RUN: %ir-O0 %s -o %t.ll
// RUN: %opt -load-pass-plugin=%plugin -passes=borrowscope,verify -disable-output %t.ll
// RUN: env BORROWSCOPE_VARIABLES=all %opt -load-pass-plugin=%plugin -passes=borrowscope,verify -disable-output %t.ll
// RUN: %clang -g -O2 -Xclang -disable-llvm-passes -S -emit-llvm %s -o %t2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes=borrowscope,verify -disable-output %t2.ll
// RUN: env BORROWSCOPE_VARIABLES=all %opt -load-pass-plugin=%plugin -passes=borrowscope,verify -disable-output %t2.ll
// RUN: %opt -load-pass-plugin=%plugin -passes='borrowscope,default<O3>,verify' -disable-output %t2.ll
// RUN: env BORROWSCOPE_VARIABLES=all %opt -load-pass-plugin=%plugin -passes='borrowscope,default<O3>,verify' -disable-output %t2.ll
// RUN: %bsclang -O0 -c %s -o %t-O0.o 2>&1 | count 0
// RUN: %bsclang -O1 -c %s -o %t-O1.o 2>&1 | count 0
// RUN: %bsclang -O2 -c %s -o %t-O2.o 2>&1 | count 0
// RUN: %bsclang -O3 -c %s -o %t-O3.o 2>&1 | count 0
// RUN: %bsclang -Os -c %s -o %t-Os.o 2>&1 | count 0
// RUN: %bsclang -Oz -c %s -o %t-Oz.o 2>&1 | count 0
// RUN: %bsclang -O2 -flto -c %s -o %t-lto.o 2>&1 | count 0
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O0 %s -o %t.run && env BORROWSCOPE_OUTPUT=%t.json %t.run | FileCheck %s --check-prefix=OUT
// RUN: %bsclang -O2 %s -o %t.run2 && env BORROWSCOPE_OUTPUT=%t2.json %t.run2 | FileCheck %s --check-prefix=OUT
// RUN: %trace-summary %t.json | FileCheck %s --check-prefix=VLA

#include <alloca.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static jmp_buf env;

static int vla_sum(int n) {
  int total = 0;
  for (int round = 0; round < 2; ++round) {
    int values[n]; // a dynamic alloca, executed once per iteration
    for (int i = 0; i < n; ++i)
      values[i] = i + round;
    for (int i = 0; i < n; ++i)
      total += values[i];
  }
  return total;
}

static int gotos(int n) {
  int result = 0;
  if (n > 1)
    goto inside; // jumps into a scope past its start
  {
    int scoped = 5;
  inside:
    scoped = n;
    result += scoped;
    if (result > 100)
      goto out; // leaves the scope
  }
out:
  return result;
}

static int with_switch(int n) {
  switch (n) {
  case 0: {
    int zero = 0;
    return zero;
  }
  case 1:;
    int one = 1;
    return one;
  default:
    return -1;
  }
}

static int sum_varargs(int count, ...) {
  va_list ap;
  va_start(ap, count);
  int total = 0;
  for (int i = 0; i < count; ++i)
    total += va_arg(ap, int);
  va_end(ap);
  return total;
}

static void jumper(int depth) {
  int frame = depth;
  if (frame == 3)
    longjmp(env, frame);
  jumper(depth + 1);
}

static int computed_goto(int n) {
  static void *labels[] = {&&a, &&b};
  int hops = 0;
  goto *labels[n & 1];
a:
  hops += 1;
b:
  hops += 2;
  return hops;
}

static int asm_and_alloca(int n) {
  int in = n, out = 0;
  __asm__("mov %1, %0" : "=r"(out) : "r"(in));
  char *buf = alloca(16);
  memset(buf, 0, 16);
  return out + buf[3];
}

__attribute__((noinline)) static int tail(int n) { return n ? tail(n - 1) : 7; }
static int musttail_caller(int n) {
  int unused = n;
  (void)unused;
  __attribute__((musttail)) return tail(n);
}

int main(void) {
  int caught = setjmp(env);
  if (!caught)
    jumper(0);
  printf("%d %d %d %d %d %d %d %d\n", vla_sum(3), gotos(2), gotos(0), with_switch(1),
         sum_varargs(3, 1, 2, 3), caught, computed_goto(0), asm_and_alloca(4));
  printf("%d\n", musttail_caller(3));
  return 0;
}

// OUT: 9 2 0 1 6 3 3 4
// OUT-NEXT: 7
// One VLA instance per loop iteration, each dropped before the next.
// VLA: New values #[[V1:[0-9]+]] line [[L:[0-9]+]] in vla_sum
// VLA: Drop values #[[V1]]
// VLA-NEXT: New values #[[V2:[0-9]+]] line [[L]] in vla_sum
// VLA: Drop values #[[V2]]
