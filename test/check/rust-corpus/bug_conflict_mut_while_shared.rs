// bug_conflict_mut_while_shared.rs
// What: a Config is read through a shared `&u32` (`limit`) while a `&mut
//   u32` to the same field, made from a raw pointer kept since setup, writes
//   it; the shared reference is used after the write.
// Written from: "a &mut created from a raw pointer while a shared & from
//   elsewhere is still used".
// Shape: Miri (Stacked Borrows) "attempting a read access using <tag> ...
//   but that tag does not exist in the borrow stack"; the safe-Rust form is
//   E0502 (cannot borrow as mutable because it is also borrowed as
//   immutable).
// Seeded bug: one borrow_conflict, at the creation of the &mut.
use std::hint::black_box;

struct Config {
    limit: u32,
    name: &'static str,
}

fn main() {
    let mut cfg = Config { limit: 10, name: "svc" };
    let raw_limit: *mut u32 = &mut cfg.limit;
    let limit: &u32 = &cfg.limit;
    let before = *limit;
    let writer: &mut u32 = unsafe { &mut *raw_limit }; // EXPECT: borrow_conflict
    *writer = 99;
    let after = *limit; // USE: borrow_conflict
    black_box((before, after));
    println!("{} configured", cfg.name);
}
