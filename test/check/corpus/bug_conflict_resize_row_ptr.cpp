// bug_conflict_resize_row_ptr.cpp
// What: an image grid keeps `double *row = grid.data() + width` (row 1),
//   then grows the grid with resize() (which reallocates), then reads a
//   pixel through the old row pointer.
// Written from: "a raw pointer from .data() kept across resize()".
// Shape: invalidation ([vector.capacity]: reallocation invalidates all
//   pointers), CWE-416 on the old buffer; Rust E0502.
// Seeded bug: one borrow_conflict, at the resize.
#include <cstdio>
#include <vector>

static volatile double sink;

int main() {
  const int width = 4;
  std::vector<double> grid(2 * width, 0.5);
  double *row = grid.data() + width;
  row[1] = 2.0;
  grid.resize(8 * width, 0.0); // EXPECT: borrow_conflict
  sink = row[1]; // USE: borrow_conflict
  std::printf("grid has %zu cells\n", grid.size());
  return 0;
}
