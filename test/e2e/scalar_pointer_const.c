// Scalars, pointers, const pointers and call arguments in C, at -O0 and -O2:
// exact events, ids paired across events, drops in reverse order.
//
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.json %t0 > %t0.out 2> %t0.err
// RUN: count 0 < %t0.err
// RUN: %borrowscope export %t0.json --format json -o - | FileCheck %s
// RUN: env BORROWSCOPE_VARIABLES=all %bsclang -O2 %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.json %t2 > %t2.out 2> %t2.err
// RUN: count 0 < %t2.err
// RUN: %borrowscope export %t2.json --format json -o - | FileCheck %s
// The same program gives the same events at -O0 and -O2.
// RUN: %trace-summary %t0.json > %t0.sum
// RUN: %trace-summary %t2.json > %t2.sum
// RUN: diff %t0.sum %t2.sum
// RUN: %trace-summary --check %t2.json | FileCheck %s --check-prefix=VALID
// VALID: ok: 16 events, 0 never dropped

#include <stdio.h>

__attribute__((noinline)) static void show(const int *v) { printf("%d\n", *v); }
__attribute__((noinline)) static void bump(int *v) { ++*v; }

int main(void) {
  int x = 1;
  int *p = &x;
  const int *cp = &x;
  bump(&x);
  show(cp);
  *p += 1;
  return *cp - 3;
}

// The trace is binary; `borrowscope export --format json` writes it as JSON.
// CHECK: "events":[
// x's address is taken: its New records where it lives, so that pointers to
// it can be recognized wherever they go.
// CHECK-NEXT: {"type":"New","timestamp":{{[0-9]+}},"thread":1,"var_id":[[X:[0-9]+]],"address":"[[XADDR:0x[0-9a-f]+]]","size":4,"site":{{[0-9]+}},"location":"{{.*}}scalar_pointer_const.c:25:7","function":"main","var_name":"x","type_name":"int"},
// CHECK-NEXT: {"type":"New","timestamp":{{[0-9]+}},"thread":1,"var_id":[[P:[0-9]+]],"size":8,{{.*}}"location":"{{.*}}scalar_pointer_const.c:26:8","function":"main","var_name":"p","type_name":"int *"},
// A borrow records the address borrowed, and how much of it: the owner is the
// variable that holds that address.
// CHECK-NEXT: {"type":"Borrow","timestamp":{{[0-9]+}},"thread":1,"borrow_id":1,"owner_id":[[X]],"borrower_id":[[P]],"address":"[[XADDR]]","size":4,{{.*}}"location":"{{.*}}scalar_pointer_const.c:26:8","function":"main","borrower_name":"p","borrower_kind":"variable","owner_name":"x","kind":"mutable","mutable":true},
// CHECK-NEXT: {"type":"New","timestamp":{{[0-9]+}},"thread":1,"var_id":[[CP:[0-9]+]],{{.*}}"location":"{{.*}}scalar_pointer_const.c:27:14","function":"main","var_name":"cp","type_name":"const int *"},
// CHECK-NEXT: {"type":"Borrow","timestamp":{{[0-9]+}},"thread":1,"borrow_id":2,"owner_id":[[X]],"borrower_id":[[CP]],"address":"[[XADDR]]",{{.*}}"location":"{{.*}}scalar_pointer_const.c:27:14","function":"main","borrower_name":"cp","borrower_kind":"variable","owner_name":"x","kind":"shared","mutable":false},
// CHECK-NEXT: {"type":"Borrow","timestamp":{{[0-9]+}},"thread":1,"borrow_id":3,"owner_id":[[X]],"borrower_id":null,"address":"[[XADDR]]","size":4,"call":{{[0-9]+}},{{.*}}"location":"{{.*}}scalar_pointer_const.c:28:3","function":"main","borrower_name":"bump","borrower_kind":"call","owner_name":"x","kind":"mutable","mutable":true},
// The callee's parameter is a variable of its own, and holds x's address: a
// reborrow, whose owner is found from the address.
// CHECK-NEXT: {"type":"New",{{.*}}"var_id":[[V1:[0-9]+]],{{.*}}"location":"{{.*}}scalar_pointer_const.c:22:49","function":"bump","var_name":"v","type_name":"int *"},
// CHECK-NEXT: {"type":"Borrow",{{.*}}"borrow_id":4,"owner_id":[[X]],"borrower_id":[[V1]],"address":"[[XADDR]]",{{.*}}"location":"{{.*}}scalar_pointer_const.c:22:49","function":"bump","borrower_name":"v","borrower_kind":"variable","owner_name":"x","kind":"mutable","mutable":true,"reborrow":true},
// CHECK-NEXT: {"type":"Drop",{{.*}}"var_id":[[V1]],{{.*}}"location":"{{.*}}scalar_pointer_const.c:22:60","function":"bump","var_name":"v","type_name":"int *"},
// Passing cp passes its borrow on: no borrow at the call, a shared reborrow in
// the callee, which ends at the callee's last use of it, before the printf.
// CHECK-NEXT: {"type":"New",{{.*}}"var_id":[[V2:[0-9]+]],{{.*}}"location":"{{.*}}scalar_pointer_const.c:21:55","function":"show","var_name":"v","type_name":"const int *"},
// CHECK-NEXT: {"type":"Borrow",{{.*}}"borrower_id":[[V2]],"address":"[[XADDR]]",{{.*}}"kind":"shared","mutable":false,"reborrow":true},
// CHECK-NEXT: {"type":"Release",{{.*}}"var_id":[[V2]],{{.*}}"location":"{{.*}}scalar_pointer_const.c:21:76","function":"show","var_name":"v"}
// CHECK-NEXT: {"type":"Drop",{{.*}}"var_id":[[V2]],{{.*}}"function":"show","var_name":"v"
// p's and cp's last uses are right before their drops: no Release is needed.
// CHECK-NEXT: {"type":"Drop",{{.*}}"var_id":[[CP]],{{.*}}"location":"{{.*}}scalar_pointer_const.c:32:1","function":"main","var_name":"cp","type_name":"const int *"},
// CHECK-NEXT: {"type":"Drop",{{.*}}"var_id":[[P]],{{.*}}"location":"{{.*}}scalar_pointer_const.c:32:1","function":"main","var_name":"p","type_name":"int *"},
// CHECK-NEXT: {"type":"Drop",{{.*}}"var_id":[[X]],{{.*}}"location":"{{.*}}scalar_pointer_const.c:32:1","function":"main","var_name":"x","type_name":"int"}
// CHECK-NEXT: ],"threads":[
// CHECK-NEXT: {"id":1,"os_tid":{{[0-9]+}},"name":"{{.*}}","events":16}],"event_count":16,"lost_events":0,"complete":true,
