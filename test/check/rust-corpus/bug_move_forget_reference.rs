// bug_move_forget_reference.rs
// What: a Vec<u8> is handed to a second owner rebuilt from its raw parts
//   (Vec::from_raw_parts), the usual ownership transfer; but the code calls
//   mem::forget(&buf) (forgetting a reference, a no-op) instead of
//   mem::forget(buf). The second owner is dropped (the buffer is freed), and
//   buf is then used; the program exits with process::exit before buf's own
//   drop would free the buffer a second time.
// Written from: "mem::forget misuse: forgetting the wrong thing after a
//   transfer of ownership through raw parts".
// Shape: use after move (the ownership moved through from_raw_parts; E0382
//   in safe Rust); Miri reports the read of the freed buffer; clippy's
//   forget_non_drop / rustc's forgetting_references lint warn on the
//   forget(&buf).
// Seeded bug: one use_after_move, at the use of buf after the transfer.
#![allow(forgetting_references)]
use std::hint::black_box;
use std::mem;
use std::ptr;

fn main() {
    let mut buf: Vec<u8> = b"payload bytes for the second owner".to_vec();
    let (p, len, cap) = (buf.as_mut_ptr(), buf.len(), buf.capacity());
    mem::forget(&buf);
    let second = unsafe { Vec::from_raw_parts(p, len, cap) };
    let sum: u32 = second.iter().map(|&b| b as u32).sum();
    drop(second);
    let first = unsafe { ptr::read_volatile(buf.as_ptr()) }; // EXPECT: use_after_move
    black_box(first);
    println!("sum {}", sum);
    std::process::exit(0);
}
