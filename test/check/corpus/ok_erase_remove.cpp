// ok_erase_remove.cpp
// What: the correct ways to delete while iterating: the erase-remove idiom,
//   std::erase_if, and an iterator loop that continues from erase()'s
//   return value.
// Written from: "erase in a loop done right (`it = v.erase(it)`)".
// Shape: everyday C++.
// Correct: no iterator is used after the erase that invalidated it.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

int main() {
  std::vector<int> a{1, 2, 3, 4, 5, 6};
  a.erase(std::remove_if(a.begin(), a.end(), [](int x) { return x % 2 == 0; }), a.end());
  std::vector<int> b{1, 2, 3, 4, 5, 6};
  for (auto it = b.begin(); it != b.end();) {
    if (*it % 3 == 0)
      it = b.erase(it);
    else
      ++it;
  }
  std::string s = "a-b-c";
  std::erase(s, '-');
  std::printf("%zu %zu %s\n", a.size(), b.size(), s.c_str());
  return 0;
}
