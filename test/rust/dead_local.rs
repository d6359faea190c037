// unsafe Rust: a raw pointer to a block's local is read after the block
// (Miri: a pointer to a dead allocation is dereferenced). rustc's MIR
// optimizations replace the pointer with the local's own address, so the
// late read is an access of the local's storage after its lifetime.end
// (pass/AccessesAfterEnd.h): the borrow the pointer variable received is
// then held until that variable ends, and the local drops while it is held.
// The same shape inside a loop, read within the iteration, is sound: no
// finding. At opt-level 0 the markers come from the debug scopes
// (pass/RustScopes.h): a local without drop glue ends where the next
// statement begins (46:17), not at the closing brace rustc names (45:5).
// REQUIRES: rustc
// RUN: %bsrustc -Copt-level=2 %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.trace %t2 | FileCheck %s --check-prefix=OUT
// RUN: not %borrowscope check %t2.trace | FileCheck %s -DDROP=45:5
// RUN: %bsrustc -Copt-level=1 %s -o %t1
// RUN: env BORROWSCOPE_OUTPUT=%t1.trace %t1 | FileCheck %s --check-prefix=OUT
// RUN: not %borrowscope check %t1.trace | FileCheck %s -DDROP=45:5
// RUN: %bsrustc -Copt-level=0 %s -o %t0 && env BORROWSCOPE_OUTPUT=%t0.trace %t0
// RUN: not %borrowscope check %t0.trace | FileCheck %s -DDROP=46:17
// OUT: 18 9
// CHECK: {{.*}}dead_local.rs:43:16: dangling_borrow: 'reading' (declared at {{.*}}dead_local.rs:42:13) is dropped at {{.*}}dead_local.rs:[[DROP]] while 'kept' still holds the borrow taken here
// CHECK-NOT: dangling_borrow
//
use std::hint::black_box;
use std::ptr;

#[inline(never)]
fn sum_of_triples(n: u64) -> u64 {
    let mut sum = 0;
    for i in 0..n {
        let v = black_box(i * 3);
        let p = &v as *const u64;
        sum += unsafe { ptr::read_volatile(p) };
    }
    sum
}

fn main() {
    let total = sum_of_triples(black_box(4));
    let kept: *const u64;
    {
        let reading = black_box(total + 1);
        kept = &reading as *const u64;
        black_box(unsafe { ptr::read_volatile(kept) });
    }
    let other = black_box(9u64);
    black_box(unsafe { ptr::read_volatile(kept) });
    println!("{} {}", total, other);
}
