// unsafe Rust: ptr::read moves a String's bits out into another variable
// without ending the original, which is then used: a use after move (Miri:
// a use after free, once the copy has been dropped). At opt-level 0 the
// read is a call of core::ptr::read: a Move of the whole variable into the
// variable it returns into.
// REQUIRES: rustc
// RUN: %bsrustc -Copt-level=0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.trace %t0 | FileCheck %s --check-prefix=OUT
// RUN: %borrowscope report %t0.trace | FileCheck %s --check-prefix=REPORT
// RUN: not %borrowscope check %t0.trace | FileCheck %s
// OUT: 5 6
// REPORT:      moves
// REPORT-NEXT:   name ⇒ copy 29:33
// mem::forget takes it by value: a second move, reported with the first.
// REPORT-NEXT:   name ⇒ core::mem::forget::<…>() 33:17
// CHECK: {{.*}}ptr_read.rs:31:22: use_after_move: 'name' is used by '<alloc::string::String>::len' after it was moved at {{.*}}ptr_read.rs:29:33
// CHECK-NOT: use_after_move
use std::hint::black_box;
use std::mem;
use std::ptr;

#[inline(never)]
fn measure(s: &String) -> usize {
    s.len()
}

fn main() {
    let name = String::from("hello");
    let copy: String = unsafe { ptr::read(&name) };
    let n = measure(&copy);
    let again = name.len() + 1;
    black_box(&copy);
    mem::forget(name);
    println!("{} {}", n, again);
}
