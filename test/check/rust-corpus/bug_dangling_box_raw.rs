// bug_dangling_box_raw.rs
// What: a Box<Session> is turned into a raw pointer with Box::into_raw and
//   registered; a cleanup path rebuilds the Box with Box::from_raw and drops
//   it; the registered pointer is then read.
// Written from: "a Box turned into a raw pointer, dropped, then read"
//   (use after free through a pointer from Box::into_raw).
// Shape: Miri "pointer to alloc was dereferenced after this allocation got
//   freed"; CWE-416; the safe-Rust form is E0505 (move out of `b` while
//   borrowed).
// Seeded bug: one dangling_borrow, at the Box::into_raw whose pointer
//   outlives the box.
use std::hint::black_box;
use std::ptr;

struct Session {
    id: u64,
    hits: u64,
}

fn main() {
    let b = Box::new(Session { id: black_box(77), hits: 0 });
    let registered: *mut Session = Box::into_raw(b); // EXPECT: dangling_borrow
    unsafe { (*registered).hits += 1 };
    let owner = unsafe { Box::from_raw(registered) };
    let id = owner.id;
    drop(owner);
    let hits = unsafe { ptr::read_volatile(&(*registered).hits) }; // USE: dangling_borrow
    black_box(hits);
    println!("session {} closed", id);
}
