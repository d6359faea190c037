// bug_conflict_two_mut.rs
// What: two `&mut Counter` are made from the same *mut Counter and both
//   are used, interleaved (a, then b, then a again).
// Written from: "two &mut to the same value created through raw pointers
//   and both used" (Stacked Borrows' canonical example).
// Shape: Miri "Undefined Behavior: attempting a write access using <tag>
//   ... but that tag does not exist in the borrow stack"; the safe-Rust
//   form is E0499 (cannot borrow as mutable more than once at a time).
// Seeded bug: one borrow_conflict, at the creation of the second &mut.
use std::hint::black_box;

struct Counter {
    n: u64,
}

fn main() {
    let mut c = Counter { n: 0 };
    let raw: *mut Counter = &mut c;
    let a: &mut Counter = unsafe { &mut *raw };
    let b: &mut Counter = unsafe { &mut *raw }; // EXPECT: borrow_conflict
    a.n += 1;
    b.n += 10;
    a.n += 100; // USE: borrow_conflict
    black_box(&c);
    println!("counter {}", c.n);
}
