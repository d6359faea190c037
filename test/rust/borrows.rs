// Rust's borrows as the trace shows them: shared and mutable references, a
// reborrow handed down through two functions, a string slice and a byte
// slice, a Box and a raw pointer; types spelled as in Rust.
// REQUIRES: rustc
// RUN: %bsrustc -Copt-level=0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.trace %t0 | FileCheck %s --check-prefix=OUT
// RUN: %borrowscope report %t0.trace | FileCheck %s --check-prefixes=COMMON,O0
// RUN: %borrowscope check %t0.trace | count 0
// RUN: %bsrustc -Copt-level=2 %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.trace %t2 | FileCheck %s --check-prefix=OUT
// RUN: %borrowscope report %t2.trace | FileCheck %s --check-prefixes=COMMON,O2
// RUN: %borrowscope check %t2.trace | count 0
// OUT: 7 1 10 borrow 98 1
// (check prints nothing and exits 0: no findings on safe Rust.)
//
// Variables with Rust's spelling of their types (at -O0 in the order their
// debug scopes begin them). The standard library's own variables
// (String::from's, the slice indexing's) are not among them.
// COMMON:    borrows::main {{.*}}borrows.rs
// COMMON:    variables
// O0:          view &Point 81:9
// O0:          edit &mut Point 83:9
// O0-NEXT:     name String 85:9
// O0-NEXT:     word &str 86:9
// O0-NEXT:     bytes &[u8] 87:9
// O0:          boxed Box<Point> 89:9
// O0-NEXT:     raw *const Point 90:9
// At -O2 view and edit live in registers; rustc gives `&[u8]` and
// `*const [u8]` one debug type, named after whichever it met first.
// O2:          raw *const Point 90:9
// O2-NEXT:     bytes *const [u8] 87:9
// O2-NEXT:     word &str 86:9
// O2:          origin Point 78:9
// O2-NEXT:     name String 85:9
// O2-NEXT:     boxed Box<Point> 89:9
// COMMON-NOT:  library/
// COMMON:    borrows
// The callees' parameter types give the kinds: &Point shared, &mut Point
// mutable; the reference variables theirs.
// COMMON-NEXT: borrows::length() → origin shared call 79:15 0 ns instant
// COMMON-NEXT: borrows::nudge_twice() → origin mut call 80:5 0 ns instant
// O0-NEXT:     view → origin shared variable 81:24
// O0-NEXT:     edit → origin mut variable 83:28
// O0-NEXT:     <…>::index() → name shared call 86:27
// O0-NEXT:     <…>::as_bytes() → name shared call 87:29
// COMMON:      core::ptr::drop_in_place::<…>() → boxed {{shared|mut}} call 94:1
// COMMON-NEXT: core::ptr::drop_in_place::<…>() → name {{shared|mut}} call 94:1
// COMMON:    0 never dropped
use std::hint::black_box;

struct Point {
    x: i64,
    y: i64,
}

#[inline(never)]
fn length(p: &Point) -> i64 {
    p.x.abs() + p.y.abs()
}

#[inline(never)]
fn nudge(p: &mut Point) {
    p.x += 1;
}

#[inline(never)]
fn nudge_twice(p: &mut Point) {
    nudge(p);
    nudge(p);
}

#[inline(never)]
fn first_byte(bytes: &[u8]) -> u8 {
    bytes[0]
}

fn main() {
    let mut origin = Point { x: 3, y: -4 };
    let len = length(&origin);
    nudge_twice(&mut origin);
    let view: &Point = &origin;
    let sum = view.x + view.y;
    let edit: &mut Point = &mut origin;
    edit.y = 10;
    let name = String::from("borrowscope");
    let word: &str = &name[0..6];
    let bytes: &[u8] = name.as_bytes();
    let b = first_byte(bytes);
    let boxed: Box<Point> = Box::new(Point { x: 1, y: 2 });
    let raw: *const Point = &*boxed;
    let via_raw = unsafe { (*raw).x };
    black_box((len, sum, word.len(), b, via_raw));
    println!("{} {} {} {} {} {}", len, sum, origin.y, word, b, via_raw);
}
