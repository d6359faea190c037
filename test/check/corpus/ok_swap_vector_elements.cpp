// ok_swap_vector_elements.cpp
// What: std::swap(v[0], v[4]), std::iter_swap of two iterators, and a
//   selection sort that swaps v[i] with v[min] only when they differ.
// Written from: "`std::swap(v[0], v[4])`".
// Shape: everyday C++.
// Correct: two references into one vector, to different elements, used
//   only for the duration of the swap; nothing resizes the vector meanwhile.
#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

int main() {
  std::vector<int> v{50, 10, 40, 20, 30};
  std::swap(v[0], v[4]);
  std::iter_swap(v.begin() + 1, v.begin() + 3);
  for (std::size_t i = 0; i < v.size(); ++i) {
    std::size_t m = i;
    for (std::size_t j = i + 1; j < v.size(); ++j)
      if (v[j] < v[m])
        m = j;
    if (m != i)
      std::swap(v[i], v[m]);
  }
  for (int x : v)
    std::printf("%d ", x);
  std::printf("\n");
  return 0;
}
