// bug_dangling_scope_ptr.rs
// What: a *const i32 to a local declared in an inner block is kept in an
//   outer variable and read with read_volatile after the block ends.
// Written from: "a raw pointer to a local kept past the local's scope, then
//   read" (Miri: use of a dead local).
// Shape: Miri "Undefined Behavior: pointer to alloc was dereferenced after
//   this allocation got freed" (stack slot dead); the safe-Rust form is
//   E0597 (`x` does not live long enough).
// Seeded bug: one dangling_borrow, at the taking of &x.
use std::hint::black_box;
use std::ptr;

fn main() {
    let p: *const i32;
    {
        let x = black_box(42);
        p = &x as *const i32; // EXPECT: dangling_borrow
        black_box(unsafe { ptr::read_volatile(p) });
    }
    let later = black_box(7);
    let stale = unsafe { ptr::read_volatile(p) }; // USE: dangling_borrow
    black_box(stale);
    println!("read {}", later);
}
