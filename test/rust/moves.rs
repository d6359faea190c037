// Moves of non-Copy values as rustc's IR shows them at opt-level 0: into a
// function by value, into another variable, into a Vec (push), into a Box;
// a move on one branch only (a drop flag drops it on the other). A Copy
// struct copied and used again is no move. At opt-level 2 the copies that
// carry the moves are mostly gone: what is left is checked to be no
// finding and every instance paired.
// REQUIRES: rustc
// RUN: %bsrustc -Copt-level=0 %s -o %t0
// RUN: env BORROWSCOPE_OUTPUT=%t0.trace %t0 | FileCheck %s --check-prefix=OUT
// RUN: %borrowscope report %t0.trace | FileCheck %s
// RUN: %borrowscope check %t0.trace | count 0
// RUN: %trace-summary --check %t0.trace | FileCheck %s --check-prefix=PAIRED
// RUN: %bsrustc -Copt-level=2 %s -o %t2
// RUN: env BORROWSCOPE_OUTPUT=%t2.trace %t2 | FileCheck %s --check-prefix=OUT
// RUN: %borrowscope check %t2.trace | count 0
// RUN: %trace-summary --check %t2.trace | FileCheck %s --check-prefix=PAIRED
// OUT: 3 3 1 3 7 2
// PAIRED: ok: {{[0-9]+}} events, 0 never dropped
//
// CHECK:      moves::main {{.*}}moves.rs
// CHECK:        variables
// CHECK-DAG:      maybe String 61:9 {{.*}} moved out
// CHECK-DAG:      w String 56:9 {{.*}} moved out
// CHECK-DAG:      u String 54:9 {{.*}} moved out
// CHECK-DAG:      t String 52:9 {{.*}} moved out
// CHECK-DAG:      s String 51:9 {{.*}} moved out
// CHECK-DAG:      v Vec<i64> 49:9 {{.*}} moved out
// CHECK:        moves
// CHECK-NEXT:     v ⇒ moves::consume() 50:13
// CHECK-NEXT:     s ⇒ t 52:13
// CHECK-NEXT:     u ⇒ <…>::push() 55:5
// CHECK-NEXT:     w ⇒ <…>::new() 57:13
// CHECK-NEXT:     t ⇒ moves::take_name() 58:23
// CHECK-NEXT:     maybe ⇒ moves::take_name() 64:27
// CHECK-EMPTY:
// The Copy struct was copied, then used: it is not among the moves.
// CHECK-NOT:      pair ⇒
use std::hint::black_box;

#[inline(never)]
fn consume(v: Vec<i64>) -> usize { v.len() }
#[inline(never)]
fn take_name(s: String) -> usize { s.len() }

#[derive(Clone, Copy)] #[allow(dead_code)]
struct Pair { a: u64, b: u64, c: u64, d: u64 }

fn main() {
    let v = vec![1, 2, 3];
    let n = consume(v);
    let s = String::from("abc");
    let t = s;
    let mut names: Vec<String> = Vec::new();
    let u = String::from("def");
    names.push(u);
    let w = String::from("ghi");
    let b = Box::new(w);
    let m = take_name(t);
    let pair = Pair { a: 1, b: 2, c: 3, d: 1 };
    let copy = black_box(pair);
    let maybe = String::from("conditional");
    let mut extra = 0;
    if black_box(n) > 2 {
        extra = take_name(maybe) - 4;
    }
    println!("{} {} {} {} {} {}", n, m, names.len(), b.len(), extra, copy.a + pair.d);
}
