// bug_conflict_string_append_in_range_for.cpp
// What: an escaper walks a std::string with range-for and appends to the
//   same string whenever it sees a comma (capacity reserved, so the buffer
//   does not move in this run).
// Written from: "modifying a container while iterating it with range-for"
//   (here a std::string, whose iterators append may invalidate).
// Shape: iterator invalidation ([string.require]); Rust E0502.
// Seeded bug: one borrow_conflict, at the append inside the loop.
#include <cstdio>
#include <string>

int main() {
  std::string csv = "a,b,c";
  csv.reserve(64);
  int commas = 0;
  for (char c : csv) {
    if (c == ',') {
      csv += ';'; // EXPECT: borrow_conflict
      ++commas;
    }
  }
  std::printf("%d commas, %s\n", commas, csv.c_str());
  return 0;
}
