// bug_dangling_return_ref.cpp
// What: a label builder returns `const std::string&` to the local string it
//   built; the caller keeps the reference and asks for its size.
// Written from: "a function returning a const reference to a local
//   (should return by value)".
// Shape: CWE-562 (reference flavour); Rust E0515 (cannot return reference to
//   local variable).
// Seeded bug: one dangling_borrow, at the return statement.
#include <cstdio>
#include <string>

static volatile std::size_t sink;

static const std::string &label_for(int id) {
  std::string label = "item-";
  label += std::to_string(id);
  return label; // EXPECT: dangling_borrow
}

int main() {
  const std::string &l = label_for(42);
  sink = l.size(); // USE: dangling_borrow
  std::printf("labelled\n");
  return 0;
}
