// bug_conflict_split_overlap.rs
// What: a hand-written split_at_mut builds its two &mut [i32] halves with
//   slice::from_raw_parts_mut, but the left half is one element too long,
//   so both halves cover element `mid`; both halves are written.
// Written from: "an unsafe reimplementation of split_at_mut with an
//   off-by-one: two &mut slices that overlap" (the std docs' motivating
//   example for split_at_mut).
// Shape: Miri (Stacked Borrows) "attempting a write access using <tag> ...
//   but that tag does not exist in the borrow stack"; E0499 in safe Rust.
// Seeded bug: one borrow_conflict, at the creation of the right half.
use std::hint::black_box;
use std::slice;

fn my_split(v: &mut [i32], mid: usize) -> (&mut [i32], &mut [i32]) {
    let len = v.len();
    let p = v.as_mut_ptr();
    unsafe {
        let left = slice::from_raw_parts_mut(p, mid + 1);
        let right = slice::from_raw_parts_mut(p.add(mid), len - mid); // EXPECT: borrow_conflict
        (left, right)
    }
}

fn main() {
    let mut data = vec![1, 2, 3, 4, 5, 6];
    let (l, r) = my_split(&mut data, 3);
    r[0] = 40;
    l[3] += 1; // USE: borrow_conflict
    r[1] = 50;
    black_box(&data);
    println!("{} elements", data.len());
}
