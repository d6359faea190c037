// bug_move_ptr_read.rs
// What: a String is moved out bitwise with ptr::read into `taken`, which is
//   consumed (and freed) by a function; the original variable is then used
//   (its first byte read), and finally forgotten so it is not freed twice.
// Written from: "ptr::read of a value (a bitwise move) and then using the
//   original".
// Shape: use after move (E0382 in safe Rust); Miri reports the read of the
//   freed buffer: "pointer to alloc was dereferenced after this allocation
//   got freed".
// Seeded bug: one use_after_move, at the use of `name` after the read.
use std::hint::black_box;
use std::mem;
use std::ptr;

#[inline(never)]
fn consume(s: String) -> usize {
    black_box(s.len())
}

fn main() {
    let name = String::from("a-name-long-enough-for-the-heap");
    let taken: String = unsafe { ptr::read(&name) };
    let n = consume(taken);
    let first = unsafe { ptr::read_volatile(name.as_ptr()) }; // EXPECT: use_after_move
    black_box(first);
    mem::forget(name);
    println!("consumed {} bytes", n);
}
