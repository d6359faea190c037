// ok_catch_unwind.rs
// What: a parser step that panics on bad input is run under
//   std::panic::catch_unwind while the caller's Vec and String are borrowed
//   by the closure (AssertUnwindSafe); the panic unwinds through frames
//   holding a &mut and a RefCell guard; afterwards the caller uses its
//   data again.
// Written from: "catch_unwind of a panic with borrows live; unwinding runs
//   the destructors of the frames it leaves".
// Shape: everyday safe Rust (panic = unwind, the default).
// Correct: the borrows end when catch_unwind returns; the guard is dropped
//   during unwinding. No EXPECT lines.
use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};

fn parse_digit(c: char, out: &mut Vec<u32>, log: &RefCell<String>) {
    let mut guard = log.borrow_mut();
    guard.push(c);
    match c.to_digit(10) {
        Some(d) => out.push(d),
        None => panic!("not a digit: {}", c),
    }
}

fn main() {
    panic::set_hook(Box::new(|_| {}));
    let mut digits: Vec<u32> = Vec::new();
    let log = RefCell::new(String::new());
    let input = String::from("12x4");
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        for c in input.chars() {
            parse_digit(c, &mut digits, &log);
        }
    }));
    let failed = result.is_err();
    digits.push(9);
    log.borrow_mut().push('!');
    let _ = panic::take_hook();
    println!("{} {:?} {} {}", failed, digits, log.borrow(), input.len());
}
