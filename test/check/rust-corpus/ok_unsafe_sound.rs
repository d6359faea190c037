// ok_unsafe_sound.rs
// What: unsafe code that follows the rules: Vec::with_capacity filled
//   through as_mut_ptr().add(i).write() then set_len; ptr::swap of two
//   distinct elements; ptr::read out of a slot followed at once by
//   ptr::write of a replacement (a manual mem::replace); Box::into_raw and
//   Box::from_raw round trip; a &mut made from a raw pointer used while no
//   other reference is used; copy_nonoverlapping between two buffers.
// Written from: "the unsafe idioms the std docs show as correct (Vec
//   set_len, ptr::read/write pairs, into_raw/from_raw)".
// Shape: sound unsafe Rust (Miri reports nothing).
// Correct: every raw pointer is used only while its target is alive and
//   unaliased by a used reference. No EXPECT lines.
use std::ptr;

fn fill(n: usize) -> Vec<u64> {
    let mut v: Vec<u64> = Vec::with_capacity(n);
    let p = v.as_mut_ptr();
    for i in 0..n {
        unsafe { p.add(i).write((i * i) as u64) };
    }
    unsafe { v.set_len(n) };
    v
}

fn replace_at(v: &mut [String], i: usize, with: String) -> String {
    unsafe {
        let slot = v.as_mut_ptr().add(i);
        let old = ptr::read(slot);
        ptr::write(slot, with);
        old
    }
}

fn main() {
    let mut v = fill(8);
    unsafe {
        let p = v.as_mut_ptr();
        ptr::swap(p.add(1), p.add(6));
    }
    let mut names = vec![String::from("a"), String::from("b"), String::from("c")];
    let old = replace_at(&mut names, 1, String::from("B"));
    let raw = Box::into_raw(Box::new(41u32));
    unsafe { *raw += 1 };
    let back = unsafe { Box::from_raw(raw) };
    let mut x = 5i32;
    let px = &mut x as *mut i32;
    let rx = unsafe { &mut *px };
    *rx += 1;
    let mut dst = [0u64; 4];
    unsafe { ptr::copy_nonoverlapping(v.as_ptr().add(2), dst.as_mut_ptr(), 4) };
    println!("{:?} {:?} {} {} {} {:?}", v, names, old, back, x, dst);
}
