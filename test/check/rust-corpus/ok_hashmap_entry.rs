// ok_hashmap_entry.rs
// What: a word counter over the lines of a String: HashMap<&str, usize>
//   keyed by slices of the text, entry().or_insert() returning a &mut used
//   at once, get_mut() then insert() after the &mut's last use, iteration
//   over a shared borrow of the map, and a sort of (&str, usize) pairs by a
//   closure.
// Written from: "HashMap entry API; keys borrowed from a String that
//   outlives the map; a &mut from get_mut ends before the next insert".
// Shape: everyday safe Rust.
// Correct: the map never outlives `text`; no &mut into the map is live
//   across an insert. No EXPECT lines.
use std::collections::HashMap;

fn main() {
    let text = String::from("a rose is a rose\nis a rose\nborrow a rose");
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in text.lines() {
        for word in line.split_whitespace() {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    if let Some(c) = counts.get_mut("rose") {
        *c *= 10;
    }
    counts.insert("extra", 1);
    let mut pairs: Vec<(&str, usize)> = counts.iter().map(|(k, v)| (*k, *v)).collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let total: usize = counts.values().sum();
    println!("{:?} {}", pairs, total);
}
