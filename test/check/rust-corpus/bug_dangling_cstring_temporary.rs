// bug_dangling_cstring_temporary.rs
// What: `CString::new(name).unwrap().as_ptr()` keeps a pointer into a
//   temporary CString that is dropped at the end of the statement; the
//   pointer is then handed to a C-style strlen loop.
// Written from: "the as_ptr of a temporary CString" (the classic FFI bug
//   that clippy's temporary_cstring_as_ptr and rustc's
//   dangling_pointers_from_temporaries lints describe).
// Shape: Miri "pointer to alloc was dereferenced after this allocation got
//   freed"; CWE-416.
// Seeded bug: one dangling_borrow, at the as_ptr() of the temporary.
#![allow(dangling_pointers_from_temporaries)]
use std::ffi::{c_char, CString};
use std::hint::black_box;
use std::ptr;

fn c_strlen(s: *const c_char, max: usize) -> usize {
    let mut n = 0;
    while n < max && unsafe { ptr::read_volatile(s.add(n)) } != 0 {
        n += 1;
    }
    n
}

fn main() {
    let name = String::from("borrowscope-session-name");
    let p: *const c_char = CString::new(name.clone()).unwrap().as_ptr(); // EXPECT: dangling_borrow
    let n = c_strlen(p, 4); // USE: dangling_borrow
    black_box(n);
    println!("name has {} bytes", name.len());
}
