// bug_conflict_erase_in_loop.cpp
// What: odd-number filter that calls v.erase(it) inside an iterator loop
//   and then keeps using `it` (++it) instead of taking erase's result.
// Written from: "erasing from a std::vector while iterating with an
//   iterator, without `it = v.erase(it)`" (the data avoids running off the
//   end, so the run is harmless: it only skips the element after each erase).
// Shape: iterator invalidation ([vector.modifiers]: erase invalidates
//   iterators at or after the point of erase); Rust E0499/E0502.
// Seeded bug: one borrow_conflict, at the erase.
#include <cstdio>
#include <vector>

int main() {
  std::vector<int> v{1, 2, 4, 5, 7, 8, 9};
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (*it % 2 == 0)
      v.erase(it); // EXPECT: borrow_conflict
  }
  for (int x : v)
    std::printf("%d ", x);
  std::printf("\n");
  return 0;
}
