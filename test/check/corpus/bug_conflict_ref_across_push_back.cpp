// bug_conflict_ref_across_push_back.cpp
// What: an inventory keeps `Item &first = items[0]`, then push_back()s a new
//   item (the vector reallocates), then reads the first item's count
//   through the old reference.
// Written from: "a reference into a std::vector kept across push_back".
// Shape: iterator/reference invalidation ([vector.modifiers]: reallocation
//   invalidates all references), CWE-416 on the old buffer; Rust E0502
//   (cannot borrow as mutable because it is also borrowed as immutable).
// Seeded bug: one borrow_conflict, at the push_back.
#include <cstdio>
#include <string>
#include <vector>

struct Item {
  std::string name;
  int count;
};

static volatile int sink;

int main() {
  std::vector<Item> items;
  items.push_back({"bolts", 40});
  Item &first = items[0];
  items.push_back({"nuts", 25}); // EXPECT: borrow_conflict
  sink = first.count; // USE: borrow_conflict
  std::printf("%zu items\n", items.size());
  return 0;
}
