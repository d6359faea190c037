// Bug: a container grows while a range-for iterates over it.
#include <cstdio>
#include <vector>

int main() {
  std::vector<int> v{1, 2, 3};
  v.reserve(16);
  for (int x : v)
    if (x == 2)
      v.push_back(x * 10); // EXPECT: borrow_conflict
  std::printf("%zu\n", v.size());
  return 0;
}
