// Scoped threads: two threads share a vector, a third bumps a counter
// through &mut, and the scope's closure holds both by reference: its
// captures are one holder of the two borrows. Safe Rust: no finding.
// REQUIRES: rustc
// RUN: %bsrustc -Copt-level=0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.trace %t0 | FileCheck %s --check-prefix=OUT
// RUN: %borrowscope report %t0.trace | FileCheck %s
// RUN: %borrowscope check %t0.trace | count 0
// RUN: %bsrustc -Copt-level=2 %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.trace %t2 | FileCheck %s --check-prefix=OUT
// RUN: %borrowscope report %t2.trace | FileCheck %s
// RUN: %borrowscope check %t2.trace | count 0
// OUT: 1275 3775 5057
//
// CHECK:      threads::main {{.*}}threads.rs
// CHECK:        values Vec<u64> 39:9
// CHECK:        std::thread::scoped::scope::<…>() → values {{shared|unknown}} call 41:18
// CHECK-NEXT:   std::thread::scoped::scope::<…>() → counter {{shared|unknown}} call 41:18
// CHECK:      threads::main::{closure#0} {{.*}}threads.rs
// CHECK-NEXT:   variables
// CHECK-NEXT:     [values, counter] closure captures 40:13
// CHECK:        borrows
// CHECK-NEXT:     [values, counter] → values (threads::main) unknown variable
// CHECK-NEXT:     [values, counter] → counter (threads::main) unknown variable
// CHECK:      Checks: no findings
use std::thread;

#[inline(never)]
fn total(values: &[u64]) -> u64 {
    values.iter().sum()
}

#[inline(never)]
fn bump(counter: &mut u64, by: u64) {
    *counter += by;
}

fn main() {
    let values: Vec<u64> = (1..=100).collect();
    let mut counter: u64 = 0;
    let (a, b) = thread::scope(|s| {
        let left = s.spawn(|| total(&values[..50]));
        let right = s.spawn(|| total(&values[50..]));
        s.spawn(|| bump(&mut counter, 7));
        (left.join().unwrap(), right.join().unwrap())
    });
    counter += a + b;
    println!("{} {} {}", a, b, counter);
}
