// A panic unwinds through a function with no landing pad of its own (relay:
// nothing in it to drop, so rustc gives it no personality) and through one
// with one (with_label drops a String); catch_unwind stops it. Each instance
// is dropped exactly once, the unwound ones where the unwinding leaves their
// function (line 0: no statement), at opt-level 0 and 2.
// REQUIRES: rustc
// RUN: env BORROWSCOPE_VARIABLES=all %bsrustc -Copt-level=0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.trace %t0 | FileCheck %s --check-prefix=OUT
// RUN: %trace-summary --check %t0.trace | FileCheck %s --check-prefix=PAIRED
// RUN: %trace-summary %t0.trace | FileCheck %s
// RUN: %borrowscope report %t0.trace | FileCheck %s --check-prefix=REPORT
// RUN: env BORROWSCOPE_VARIABLES=all %bsrustc -Copt-level=2 %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.trace %t2 | FileCheck %s --check-prefix=OUT
// RUN: %trace-summary --check %t2.trace | FileCheck %s --check-prefix=PAIRED
// RUN: %trace-summary %t2.trace | FileCheck %s
// RUN: %borrowscope report %t2.trace | FileCheck %s --check-prefix=REPORT
// OUT: Ok(10) true
// PAIRED: ok: {{[0-9]+}} events, 0 never dropped
//
// The call that returns: relay's variables end at its return (line 47);
// the parameter begins at the entry, `copy` at its `let`: in either order.
// CHECK-DAG:  New copy #[[C1:[0-9]+]] line 45 in panics::relay
// CHECK-DAG:  New limit #[[L1:[0-9]+]] line 44 in panics::relay
// CHECK:      New value #{{[0-9]+}} line 35 in panics::check
// CHECK-DAG:  Drop limit #[[L1]] line 47 in panics::relay
// CHECK-DAG:  Drop copy #[[C1]] line 47 in panics::relay
// CHECK:      New got
// The call that panics in check: at the end of this file (so that the
// lines of the code below stay where they were).
//
// REPORT:     label String 51:9 ×2 {{.*}} 1 unwound
use std::panic;

#[inline(never)]
fn check(limit: &i32, value: i32) -> i32 {
    let doubled = value * 2;
    if doubled > *limit {
        panic!("too big: {}", doubled);
    }
    doubled
}

#[inline(never)]
fn relay(limit: &i32, value: i32) -> i32 {
    let copy = value;
    check(limit, copy) + 1
}

#[inline(never)]
fn with_label(limit: &i32, value: i32) -> usize {
    let label = String::from("label");
    let got = relay(limit, value);
    label.len() + got as usize
}

fn main() {
    panic::set_hook(Box::new(|_| {}));
    let limit = 10;
    let small = panic::catch_unwind(|| with_label(&limit, 2));
    let big = panic::catch_unwind(|| with_label(&limit, 50));
    println!("{:?} {}", small, big.is_err());
}

// The call that panics in check: relay's end where the panic leaves it.
// CHECK-DAG:  New copy #[[C2:[0-9]+]] line 45 in panics::relay
// CHECK-DAG:  New limit #[[L2:[0-9]+]] line 44 in panics::relay
// CHECK:      New value #{{[0-9]+}} line 35 in panics::check
// CHECK:      Drop limit #[[L2]] line 0 in panics::relay unwind
// CHECK-NEXT: Drop copy #[[C2]] line 0 in panics::relay unwind
// CHECK:      Drop label #{{[0-9]+}} line 50 in panics::with_label unwind
