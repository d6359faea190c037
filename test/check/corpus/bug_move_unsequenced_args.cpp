// bug_move_unsequenced_args.cpp
// What: a call passes std::move(name) by value and name.size() as two
//   arguments of the same call; clang constructs the by-value parameter
//   first, so name.size() sees the moved-from string.
// Written from: clang-tidy bugprone-use-after-move docs: "the use and the
//   move are unsequenced" (arguments of one call).
// Shape: use after move (Rust E0382; in Rust the move comes first).
// Seeded bug: one use_after_move, at the call with both arguments.
#include <cstdio>
#include <string>

static std::size_t g_total;

static void record(std::string label, std::size_t expected_len) {
  g_total += label.size() == expected_len ? 1 : 100;
}

int main() {
  std::string name = "a label long enough to be allocated on the heap";
  record(std::move(name), name.size()); // EXPECT: use_after_move
  std::printf("recorded %d\n", g_total > 0);
  return 0;
}
