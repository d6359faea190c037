// Bug: a reference into a vector is kept while the vector grows (it may
// reallocate; the reference would dangle).
#include <cstdio>
#include <vector>

int main() {
  std::vector<int> v{1, 2, 3};
  v.reserve(16); // keeps this run well-defined; the borrow is still wrong
  const int &first = v.front();
  v.push_back(4); // EXPECT: borrow_conflict
  std::printf("%d\n", first);
  return 0;
}
