// ok_closures.rs
// What: closures that borrow a local shared (a filter predicate), borrow a
//   counter mutably (FnMut passed by &mut to a helper), and take ownership
//   with `move` (a boxed Fn returned from a function, a closure stored in a
//   Vec<Box<dyn Fn>>); the locals are used again after the borrowing
//   closures' last call.
// Written from: "closures capturing by reference and by move".
// Shape: everyday safe Rust.
// Correct: the &mut capture ends with the closure's last use; the moved
//   captures are owned by the closures. No EXPECT lines.
fn apply_n(n: usize, f: &mut impl FnMut(usize)) {
    for i in 0..n {
        f(i);
    }
}

fn adder(base: String) -> Box<dyn Fn(&str) -> String> {
    Box::new(move |s| format!("{}{}", base, s))
}

fn main() {
    let limit = 10;
    let data: Vec<i32> = (0..20).collect();
    let small: Vec<i32> = data.iter().copied().filter(|&x| x < limit).collect();
    let mut counter = 0usize;
    let mut seen = Vec::new();
    let mut bump = |i: usize| {
        counter += i;
        seen.push(i);
    };
    apply_n(5, &mut bump);
    bump(100);
    counter += 1;
    let prefix = String::from("item-");
    let make = adder(prefix.clone());
    let owned = prefix;
    let fns: Vec<Box<dyn Fn(i32) -> i32>> = vec![
        Box::new(move |x| x + limit),
        Box::new(|x| x * 2),
        Box::new(move |x| x - owned.len() as i32),
    ];
    let results: Vec<i32> = fns.iter().map(|f| f(small.len() as i32)).collect();
    println!("{} {:?} {} {:?}", counter, seen, make("7"), results);
}
