// At opt-level 0 rustc emits no lifetime markers; the pass makes them from
// the debug scopes (pass/RustScopes.h): a `let` inside a loop body is one
// instance per iteration, dropped at the closing brace of the body, and a
// block's local lives from its `let` to the end of the block, not for the
// whole call. The formatting macros' `args` live where the macro is used.
// REQUIRES: rustc
// RUN: %bsrustc -Copt-level=0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.trace %t0 | FileCheck %s --check-prefix=OUT
// RUN: %borrowscope report %t0.trace | FileCheck %s
// RUN: %borrowscope check %t0.trace | count 0
// OUT: outer 7
// OUT-NEXT: 6
//
// CHECK:      scopes::main  {{.*}}scopes.rs
// CHECK-NEXT:   variables
// CHECK-NEXT:     outer  String           47:9   {{[^×]*$}}
// CHECK-NEXT:     inner  u32              49:13  {{[^×]*$}}
// CHECK-NEXT:     args   (&String, &u32)  50:9   ×2
// CHECK-NEXT:     t      usize            52:9   {{[^×]*$}}
// CHECK:          core::ptr::drop_in_place::<…>() → outer  mut      call      54:1
// CHECK:      scopes::lengths  {{.*}}scopes.rs
// CHECK-NEXT:   variables
// CHECK-NEXT:     iter  Range<usize>  38:14  {{[^×]*$}}
// CHECK-NEXT:     i     usize         38:9   ×3
// CHECK-NEXT:     args  (&usize)      39:20  ×6
// CHECK-NEXT:     word  String        39:13  ×3
// CHECK:          <…>::len() → word                       shared   call      40:24  ×3
// CHECK-NEXT:     core::ptr::drop_in_place::<…>() → word  mut      call      42:5   ×3
// CHECK: Totals: 20 variable instances
//
//
//
use std::hint::black_box;

#[inline(never)]
fn lengths(n: usize) -> usize {
    let mut total = 0;
    for i in 0..n {
        let word = format!("w{}", i);
        let len = word.len();
        total += black_box(len);
    }
    total
}

fn main() {
    let outer = String::from("outer");
    {
        let inner = black_box(7u32);
        println!("{} {}", outer, inner);
    }
    let t = lengths(black_box(3));
    println!("{}", t);
}
