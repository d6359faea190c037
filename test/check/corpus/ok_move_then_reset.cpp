// ok_move_then_reset.cpp
// What: a std::unique_ptr to the current buffer is moved into a list of
//   full buffers and reset() with a new allocation before it is used again.
// Written from: "moved-from objects re-initialised with reset() before
//   reuse".
// Shape: everyday C++ (buffer pools, log rotation).
// Correct: the moved-from pointer is reset before its next use.
#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

struct Buffer {
  int used = 0;
};

int main() {
  std::vector<std::unique_ptr<Buffer>> full;
  auto cur = std::make_unique<Buffer>();
  for (int i = 0; i < 7; ++i) {
    if (cur->used == 2) {
      full.push_back(std::move(cur));
      cur.reset(new Buffer);
    }
    cur->used++;
  }
  std::printf("%zu full, current %d\n", full.size(), cur->used);
  return 0;
}
