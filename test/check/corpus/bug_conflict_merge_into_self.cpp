// bug_conflict_merge_into_self.cpp
// What: merge_into(dst, src) appends every element of src to dst while
//   iterating src; a caller "duplicates" a list with merge_into(v, v), so
//   the loop iterates the vector it is growing (capacity is reserved here,
//   so the run stays in bounds).
// Written from: "passing the same object as input and output to a function
//   that assumes they do not alias".
// Shape: aliasing + invalidation; Rust E0502 (`&mut v` and `&v` at once).
// Seeded bug: one borrow_conflict, at the call with v twice.
#include <cstdio>
#include <vector>

static void merge_into(std::vector<int> &dst, const std::vector<int> &src) {
  for (int x : src)
    dst.push_back(x);
}

int main() {
  std::vector<int> a{1, 2}, b{3};
  merge_into(a, b);
  std::vector<int> v{7, 8, 9};
  v.reserve(32);
  merge_into(v, v); // EXPECT: borrow_conflict
  std::printf("a=%zu v=%zu\n", a.size(), v.size());
  return 0;
}
