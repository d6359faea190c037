// ok_two_phase_nll.rs
// What: two-phase borrows (`v.push(v.len())`, `v.insert(0, v[1])`,
//   `s.push_str(&s.clone())`), a shared borrow whose last use precedes a
//   mutation in the same block (NLL), and a loop that takes a fresh &mut of
//   the last element on every iteration.
// Written from: "two-phase borrows (RFC 2025) and non-lexical lifetimes
//   (RFC 2094): code the borrow checker accepts since Rust 2018".
// Shape: everyday safe Rust.
// Correct: the mutable borrow of a two-phase call is activated only after
//   its arguments are evaluated; every other borrow ends before the next
//   mutation. No EXPECT lines.
use std::hint::black_box;

fn main() {
    let mut v: Vec<usize> = Vec::new();
    for _ in 0..5 {
        v.push(v.len());
    }
    v.insert(0, v[1]);
    let n = v.len();
    v[n - 1] += v[0];

    let first = &v[0];
    let doubled = *first * 2;
    v.push(doubled);

    let mut s = String::from("ab");
    s.push_str(&s.clone());
    let view: &str = &s;
    let upper = view.to_uppercase();
    s.push_str(&upper);

    for i in 0..4 {
        let last = v.last_mut().unwrap();
        *last += i;
        v.push(i);
    }
    black_box(&v);
    println!("{:?} {}", v, s);
}
