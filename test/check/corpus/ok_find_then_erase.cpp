// ok_find_then_erase.cpp
// What: an iterator from std::find is passed to erase() and never used
//   again; an index found first is used to insert; a position in a list is
//   found again after the list changed instead of being kept.
// Written from: "find then erase with the found iterator as the last use".
// Shape: everyday C++.
// Correct: each iterator's last use is the call that invalidates it.
#include <algorithm>
#include <cstdio>
#include <list>
#include <vector>

int main() {
  std::vector<int> v{10, 20, 30, 40};
  auto it = std::find(v.begin(), v.end(), 20);
  if (it != v.end())
    v.erase(it);
  std::size_t pos = static_cast<std::size_t>(std::find(v.begin(), v.end(), 40) - v.begin());
  v.insert(v.begin() + static_cast<long>(pos), 35);
  std::list<int> l{1, 2, 3};
  int victim = *std::next(l.begin());
  l.remove(victim);
  l.push_front(0);
  auto keep = std::find(l.begin(), l.end(), 3);
  std::printf("%zu %d %d %zu\n", v.size(), v[2], *keep, l.size());
  return 0;
}
