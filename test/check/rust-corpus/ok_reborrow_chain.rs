// ok_reborrow_chain.rs
// What: a &mut Stats is passed down three levels of functions (implicit
//   reborrows at each call), used again by the caller after each call, and a
//   recursive tree walk threads a &mut accumulator through its recursion.
// Written from: "&mut reborrows passed down through functions; recursion
//   with a &mut accumulator".
// Shape: everyday safe Rust (implicit reborrow `&mut *r` at a call site).
// Correct: each reborrow ends when the callee returns, before the caller
//   uses its own &mut again. No EXPECT lines.
#[derive(Default, Debug)]
struct Stats {
    count: u64,
    sum: u64,
    max: u64,
}

fn record(stats: &mut Stats, x: u64) {
    stats.count += 1;
    stats.sum += x;
    if x > stats.max {
        stats.max = x;
    }
}

fn record_all(stats: &mut Stats, xs: &[u64]) {
    for &x in xs {
        record(stats, x);
    }
}

fn record_twice(stats: &mut Stats, xs: &[u64]) {
    record_all(stats, xs);
    stats.sum += 0;
    record_all(&mut *stats, xs);
}

enum Tree {
    Leaf(u64),
    Node(Box<Tree>, Box<Tree>),
}

fn walk(t: &Tree, depth: u32, acc: &mut Vec<(u64, u32)>) {
    match t {
        Tree::Leaf(v) => acc.push((*v, depth)),
        Tree::Node(l, r) => {
            walk(l, depth + 1, acc);
            walk(r, depth + 1, acc);
        }
    }
}

fn build(lo: u64, hi: u64) -> Tree {
    if lo == hi {
        Tree::Leaf(lo)
    } else {
        let mid = (lo + hi) / 2;
        Tree::Node(Box::new(build(lo, mid)), Box::new(build(mid + 1, hi)))
    }
}

fn main() {
    let mut stats = Stats::default();
    let r = &mut stats;
    record_twice(r, &[3, 9, 4]);
    r.count += 100;
    record(r, 12);
    println!("{:?}", stats);
    let tree = build(1, 6);
    let mut acc = Vec::new();
    walk(&tree, 0, &mut acc);
    let depth_sum: u32 = acc.iter().map(|&(_, d)| d).sum();
    println!("{} leaves, depth sum {}", acc.len(), depth_sum);
}
