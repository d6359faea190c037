// bug_move_in_loop.cpp
// What: a batcher declared outside the loop is moved into the output on
//   every iteration; from the second iteration on, the moved-from batch is
//   moved again.
// Written from: clang-tidy bugprone-use-after-move docs: "moves in a loop"
//   (the check says "the moved-from object is moved again in the next
//   iteration").
// Shape: use after move (Rust E0382: value moved here, in previous
//   iteration of loop).
// Seeded bug: one use_after_move, at the move inside the loop.
#include <cstdio>
#include <string>
#include <vector>

int main() {
  std::vector<std::vector<std::string>> batches;
  std::vector<std::string> batch{"first", "second"};
  for (int round = 0; round < 3; ++round)
    batches.push_back(std::move(batch)); // EXPECT: use_after_move
  std::printf("%zu batches, first has %zu\n", batches.size(), batches[0].size());
  return 0;
}
