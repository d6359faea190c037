// ok_swap_locals.cpp
// What: std::swap of two local strings, of two elements of an array, of two
//   vectors, and a swap-based in-place reverse.
// Written from: "std::swap of elements/two locals".
// Shape: everyday C++.
// Correct: swap takes two references to distinct objects, used only within
//   the call. No EXPECT lines.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

int main() {
  std::string a = "left", b = "right";
  std::swap(a, b);
  int arr[5] = {1, 2, 3, 4, 5};
  for (int i = 0, j = 4; i < j; ++i, --j)
    std::swap(arr[i], arr[j]);
  std::vector<int> x{1, 2}, y{3, 4, 5};
  std::swap(x, y);
  x.swap(y);
  std::printf("%s %s %d%d%d%d%d %zu %zu\n", a.c_str(), b.c_str(), arr[0], arr[1], arr[2], arr[3],
              arr[4], x.size(), y.size());
  return 0;
}
