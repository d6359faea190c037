// bug_conflict_iterator_insert.cpp
// What: a scheduler remembers an iterator to the current task, inserts an
//   urgent task at the front, and then reads "the current task" through
//   the old iterator (it now names a different element).
// Written from: "an iterator into a std::vector used after insert() before
//   it"; capacity is reserved, so no memory error, only the wrong element.
// Shape: iterator invalidation ([vector.modifiers]: insert invalidates
//   iterators at or after the insertion point); Rust E0502.
// Seeded bug: one borrow_conflict, at the insert.
#include <cstdio>
#include <vector>

int main() {
  std::vector<int> tasks{10, 20, 30, 40};
  tasks.reserve(16);
  auto current = tasks.begin() + 2; // task 30
  tasks.insert(tasks.begin(), 5); // EXPECT: borrow_conflict
  std::printf("current task %d of %zu\n", *current, tasks.size()); // USE: borrow_conflict
  return 0;
}
