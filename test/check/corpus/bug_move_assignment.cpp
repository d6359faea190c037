// bug_move_assignment.cpp
// What: a double-buffered renderer move-assigns the back buffer into the
//   front buffer and then reads the back buffer's size to clear it.
// Written from: clang-tidy bugprone-use-after-move docs: "use after a
//   move-assignment".
// Shape: use after move (Rust E0382).
// Seeded bug: one use_after_move, at the size() of the moved-from buffer.
#include <cstdio>
#include <vector>

int main() {
  std::vector<int> front(4, 0);
  std::vector<int> back{1, 2, 3, 4, 5, 6};
  front = std::move(back);
  std::size_t pending = back.size(); // EXPECT: use_after_move
  std::printf("front %zu, pending %zu\n", front.size(), pending);
  return 0;
}
