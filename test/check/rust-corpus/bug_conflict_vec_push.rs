// bug_conflict_vec_push.rs
// What: a *const Item into a Vec's buffer (from as_ptr) is kept across a
//   push that grows the Vec past its capacity (it reallocates), then the
//   first item's count is read through the old pointer.
// Written from: "a raw pointer into a Vec kept across a push that
//   reallocates" (the Rust twin of std::vector reference invalidation).
// Shape: Miri "pointer to alloc was dereferenced after this allocation got
//   freed"; the safe-Rust form (`let first = &v[0]; v.push(..)`) is E0502.
// Seeded bug: one borrow_conflict, at the push while the pointer is live.
use std::hint::black_box;
use std::ptr;

struct Item {
    count: u32,
    weight: u32,
}

fn main() {
    let mut items: Vec<Item> = Vec::with_capacity(1);
    items.push(Item { count: 40, weight: 2 });
    let first: *const Item = items.as_ptr();
    items.push(Item { count: 25, weight: 3 }); // EXPECT: borrow_conflict
    let count = unsafe { ptr::read_volatile(&(*first).count) }; // USE: borrow_conflict
    black_box(count);
    let w: u32 = items.iter().map(|i| i.weight).sum();
    println!("{} items, weight {}", items.len(), w);
}
