// C++ references, const and non-const member functions, member and element
// addresses, loops and recursion: exact events at -O0 and -O2, identical.
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclangxx -O0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0
// RUN: %trace-summary %t0.json | FileCheck %s
// RUN: env BORROWSCOPE_VARIABLES=all %bsclangxx -O2 %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2
// RUN: %trace-summary %t2.json > %t2.sum
// RUN: %trace-summary %t0.json | diff - %t2.sum
// RUN: %trace-summary --check %t2.json

struct Counter {
  int hits[3] = {0, 0, 0};
  int total = 0;
  __attribute__((noinline)) int get() const { return total; }
  __attribute__((noinline)) void add(int n) { total += n; }
};

__attribute__((noinline)) static void bump(int &r) { ++r; }
__attribute__((noinline)) static int peek(const int &r) { return r; }

__attribute__((noinline)) static int depth(int n) {
  if (n == 0)
    return 0;
  return 1 + depth(n - 1);
}

int main() {
  Counter c;
  int &total = c.total;
  const int &first = c.hits[0];
  bump(c.hits[1]);
  c.add(peek(first));
  for (int i = 0; i < 2; ++i)
    c.add(i);
  int d = depth(2);
  return c.get() + total + d - 4;
}

// Constructors and non-const members borrow mutably, const members shared.
// c's address is taken: its New records its address.
// CHECK:      New c #1 line 30 in main at-address
// CHECK-NEXT: Borrow c #1 by Counter::Counter() - (call, mutable) line 30
// CHECK:      New total #[[T:[0-9]+]] line 31 in main
// A reference to a member is a borrow of the enclosing variable.
// CHECK-NEXT: Borrow c #1 by total #[[T]] (variable, mutable) line 31
// CHECK-NEXT: New first #[[F:[0-9]+]] line 32 in main
// CHECK-NEXT: Borrow c #1 by first #[[F]] (variable, shared) line 32
// CHECK-NEXT: Borrow c #1 by bump(int&) - (call, mutable) line 33
// The callee's reference parameter reborrows c (found by the address of the
// member it refers to).
// CHECK-NEXT: New r #[[R1:[0-9]+]] line 20 in bump(int&)
// CHECK-NEXT: Reborrow c #1 by r #[[R1]] (variable, mutable) line 20
// CHECK-NEXT: Drop r #[[R1]] line 20 in bump(int&)
// first is read for the last time as peek's argument: its borrow of c ends
// there (non-lexical lifetimes), though first lives on, and the call's
// borrow takes over.
// CHECK-NEXT: Release first #[[F]] line 34
// Passing a reference passes on what it refers to: a shared borrow of c by
// the call, and a shared reborrow in the callee.
// CHECK-NEXT: Borrow c #1 by peek(int const&) - (call, shared) line 34
// CHECK-NEXT: New r #[[R2:[0-9]+]] line 21 in peek(int const&)
// CHECK-NEXT: Reborrow c #1 by r #[[R2]] (variable, shared) line 21
// CHECK-NEXT: Drop r #[[R2]] line 21 in peek(int const&)
// CHECK-NEXT: Borrow c #1 by Counter::add(int) - (call, mutable) line 34
// `this` is the compiler's; the parameter n is a variable.
// CHECK-NEXT: New n #[[A:[0-9]+]] line 17 in Counter::add(int)
// CHECK-NEXT: Drop n #[[A]] line 17 in Counter::add(int)
// Each loop iteration is a new instance of the body's variables; i is one.
// CHECK:      New i #[[I:[0-9]+]] line 35 in main
// CHECK-NEXT: Borrow c #1 by Counter::add(int) - (call, mutable) line 36
// CHECK:      Borrow c #1 by Counter::add(int) - (call, mutable) line 36
// CHECK:      Drop i #[[I]] line 35 in main
// Recursion: one instance of n per depth, dropped innermost first.
// CHECK-NEXT: New d #[[D:[0-9]+]] line 37 in main
// CHECK-NEXT: New n #[[N0:[0-9]+]] line 23 in depth(int)
// CHECK-NEXT: New n #[[N1:[0-9]+]] line 23 in depth(int)
// CHECK-NEXT: New n #[[N2:[0-9]+]] line 23 in depth(int)
// CHECK-NEXT: Drop n #[[N2]] line 27 in depth(int)
// CHECK-NEXT: Drop n #[[N1]] line 27 in depth(int)
// CHECK-NEXT: Drop n #[[N0]] line 27 in depth(int)
// CHECK-NEXT: Borrow c #1 by Counter::get() const - (call, shared) line 38
// CHECK:      Drop d #[[D]] line 39 in main
// CHECK-NEXT: Drop first #[[F]] line 39 in main
// CHECK-NEXT: Drop total #[[T]] line 39 in main
// CHECK-NEXT: Drop c #1 line 39 in main
