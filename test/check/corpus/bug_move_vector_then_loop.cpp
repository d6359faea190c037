// bug_move_vector_then_loop.cpp
// What: a flush routine moves the pending list into a local batch and then
//   loops over pending.size() to "acknowledge" every item.
// Written from: "a container moved away and then iterated / sized".
// Shape: use after move (clang-tidy bugprone-use-after-move; Rust E0382).
// Seeded bug: one use_after_move, at the loop over the moved-from vector.
#include <cstdio>
#include <vector>

static int g_flushed;

static void flush(std::vector<int> items) { g_flushed += static_cast<int>(items.size()); }

int main() {
  std::vector<int> pending{4, 8, 15, 16, 23, 42};
  std::vector<int> batch = std::move(pending);
  int acked = 0;
  for (std::size_t i = 0; i < pending.size(); ++i) // EXPECT: use_after_move
    ++acked;
  flush(std::move(batch));
  std::printf("flushed %d, acked %d\n", g_flushed, acked);
  return 0;
}
