// ok_shared_borrows.rs
// What: a word-statistics pass that holds several shared borrows of the same
//   Vec<String> and of its elements at once (a &Vec, &String, &str slices of
//   the Strings, an iterator), compares them, then mutates the Vec after the
//   last use of every borrow.
// Written from: "any number of shared references may coexist; &str slices
//   of Strings; a borrow ends at its last use (NLL)".
// Shape: everyday safe Rust (the rule E0502 enforces, followed).
// Correct: only shared borrows overlap; the push comes after their last use.
//   No EXPECT lines.
use std::hint::black_box;

fn longest<'a>(words: &'a [String]) -> &'a str {
    let mut best: &str = "";
    for w in words {
        if w.len() > best.len() {
            best = w.as_str();
        }
    }
    best
}

fn count_prefix(words: &[String], prefix: &str) -> usize {
    words.iter().filter(|w| w.starts_with(prefix)).count()
}

fn main() {
    let mut words: Vec<String> = "borrow scope records ownership borrows and moves"
        .split(' ')
        .map(String::from)
        .collect();
    let all = &words;
    let first = &words[0];
    let head: &str = &first[..3];
    let tail: &str = &words[words.len() - 1][1..];
    let long = longest(all);
    let n = count_prefix(all, head);
    let same = std::ptr::eq(first, &all[0]);
    println!("{} {} {} {} {}", head, tail, long, n, same);
    black_box((head, tail, long));
    words.push(String::from("checks"));
    let total: usize = words.iter().map(|w| w.len()).sum();
    println!("{} words, {} bytes", words.len(), total);
}
