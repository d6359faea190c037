// bug_dangling_return_local.rs
// What: a function builds a small [u32; 4] table in a local and returns a
//   *const u32 to its first element; the caller reads the table through it.
// Written from: "returning a pointer to a local from a function"
//   (CWE-562 in Rust clothing).
// Shape: Miri "pointer to alloc was dereferenced after this allocation got
//   freed"; the safe-Rust form is E0515 (cannot return reference to local
//   variable); rustc lints nothing for the raw-pointer form.
// Seeded bug: one dangling_borrow, at the return of the local's address.
use std::hint::black_box;
use std::ptr;

#[inline(never)]
fn make_table(seed: u32) -> *const u32 {
    let table = [seed, seed * 2, seed * 3, seed * 4];
    black_box(&table);
    table.as_ptr() // EXPECT: dangling_borrow
}

fn main() {
    let p = make_table(black_box(5));
    let first = unsafe { ptr::read_volatile(p) }; // USE: dangling_borrow
    black_box(first);
    println!("table made");
}
