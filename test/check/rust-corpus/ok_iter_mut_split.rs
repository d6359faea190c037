// ok_iter_mut_split.rs
// What: in-place updates of a grid with iter_mut, chunks_mut, zip of a
//   shared and a mutable iterator over different Vecs, split_at_mut to
//   update one half from the other, and swap of two elements by index.
// Written from: "iterators and iter_mut; split_at_mut to get two disjoint
//   &mut halves of one slice".
// Shape: everyday safe Rust (the disjointness std guarantees).
// Correct: the &mut halves never overlap; the iterators end before the Vec
//   is used again. No EXPECT lines.
fn main() {
    let mut grid: Vec<i64> = (0..12).collect();
    for x in grid.iter_mut() {
        *x *= 3;
    }
    for row in grid.chunks_mut(4) {
        let first = row[0];
        for cell in row.iter_mut().skip(1) {
            *cell -= first;
        }
    }
    let weights: Vec<i64> = (1..=12).rev().collect();
    let mut weighted = vec![0i64; 12];
    for ((w, g), out) in weights.iter().zip(grid.iter()).zip(weighted.iter_mut()) {
        *out = w * g;
    }
    let (left, right) = weighted.split_at_mut(6);
    for (l, r) in left.iter_mut().zip(right.iter()) {
        *l += *r;
    }
    right[0] = left[5];
    weighted.swap(0, 11);
    let total: i64 = weighted.iter().sum();
    let max = weighted.iter().copied().max().unwrap();
    println!("{:?} total {} max {}", weighted, total, max);
}
