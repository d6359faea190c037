// ok_emplace_back_ref.cpp
// What: `auto &e = v.emplace_back(...)` (C++17 returns a reference) is
//   configured right away; the next emplace_back happens only after the
//   last use of e, and each iteration takes a new reference.
// Written from: "reference returned by emplace_back used before the next
//   growth".
// Shape: everyday C++.
// Correct: no reference survives the following emplace_back.
#include <cstdio>
#include <string>
#include <vector>

struct Column {
  std::string name;
  int width = 0;
  bool visible = true;
};

int main() {
  std::vector<Column> cols;
  const char *names[] = {"id", "title", "author", "year"};
  for (const char *n : names) {
    Column &c = cols.emplace_back();
    c.name = n;
    c.width = static_cast<int>(c.name.size()) + 2;
    c.visible = c.name != "year";
  }
  int width = 0;
  for (const Column &c : cols)
    width += c.visible ? c.width : 0;
  std::printf("%zu columns, width %d\n", cols.size(), width);
  return 0;
}
