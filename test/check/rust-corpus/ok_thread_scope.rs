// ok_thread_scope.rs
// What: std::thread::scope with two threads reading the same &Vec and a
//   shared &str at once, and two more threads each given its own &mut half
//   of an output buffer (split_at_mut), joined at the scope's end; an
//   AtomicUsize shared by reference.
// Written from: "std::thread::scope (Rust 1.63): scoped threads may borrow
//   non-'static data; shared borrows across threads".
// Shape: everyday safe Rust (Send/Sync rules followed).
// Correct: the shared borrows are only read; the &mut halves are disjoint;
//   all threads end before the scope returns. No EXPECT lines.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

fn main() {
    let input: Vec<u64> = (1..=1000).collect();
    let label = String::from("sum");
    let calls = AtomicUsize::new(0);
    let mut out = vec![0u64; 8];
    let (lo, hi) = thread::scope(|s| {
        let a = s.spawn(|| {
            calls.fetch_add(1, Ordering::Relaxed);
            input[..500].iter().sum::<u64>()
        });
        let b = s.spawn(|| {
            calls.fetch_add(1, Ordering::Relaxed);
            let _name: &str = &label;
            input[500..].iter().sum::<u64>()
        });
        (a.join().unwrap(), b.join().unwrap())
    });
    let (left, right) = out.split_at_mut(4);
    thread::scope(|s| {
        s.spawn(|| {
            for (i, x) in left.iter_mut().enumerate() {
                *x = input[i] * 2;
            }
        });
        s.spawn(|| {
            for (i, x) in right.iter_mut().enumerate() {
                *x = input[i] * 3;
            }
        });
    });
    println!("{} {} {} {:?} {}", label, lo, hi, out, calls.load(Ordering::Relaxed));
}
