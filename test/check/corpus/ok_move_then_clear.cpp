// ok_move_then_clear.cpp
// What: a batch vector is moved into the list of finished batches and then
//   clear()ed, which re-initialises it, before it is filled again.
// Written from: "moved-from objects re-initialised with clear() before reuse"
//   (clear() is one of the reinitialising calls clang-tidy accepts).
// Shape: everyday C++ (batching, double buffers).
// Correct: no use of a moved-from object before clear(). No EXPECT lines.
#include <cstdio>
#include <utility>
#include <vector>

int main() {
  std::vector<std::vector<int>> done;
  std::vector<int> batch;
  for (int i = 0; i < 10; ++i) {
    batch.push_back(i);
    if (batch.size() == 3) {
      done.push_back(std::move(batch));
      batch.clear();
    }
  }
  if (!batch.empty())
    done.push_back(std::move(batch));
  std::printf("%zu batches, last has %zu\n", done.size(), done.back().size());
  return 0;
}
