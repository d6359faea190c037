// ok_map_lookup.cpp
// What: a word counter finds entries with find(), uses the iterator before
//   the next insertion, and re-finds after inserting; operator[] references
//   are used immediately.
// Written from: "map iterators used within scope, re-looked-up after
//   insert".
// Shape: everyday C++.
// Correct: no iterator or reference is held across a modification.
#include <cstdio>
#include <map>
#include <string>

int main() {
  std::map<std::string, int> counts;
  const char *words[] = {"a", "b", "a", "c", "a", "b"};
  for (const char *w : words) {
    auto it = counts.find(w);
    if (it != counts.end()) {
      it->second++;
      continue;
    }
    counts.emplace(w, 1);
  }
  counts["d"] += 4;
  auto top = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it)
    if (it->second > top->second)
      top = it;
  std::printf("%zu words, top %s=%d\n", counts.size(), top->first.c_str(), top->second);
  return 0;
}
