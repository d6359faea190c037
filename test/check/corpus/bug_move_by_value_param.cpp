// bug_move_by_value_param.cpp
// What: a logger hands its message to a by-value sink with std::move and
//   then prints the message's length.
// Written from: clang-tidy bugprone-use-after-move docs: "use after
//   std::move into a by-value parameter".
// Shape: use after move (clang-tidy bugprone-use-after-move; Rust E0382
//   borrow of moved value).
// Seeded bug: one use_after_move, at the size() call after the move.
#include <cstdio>
#include <string>
#include <vector>

static std::vector<std::string> g_log;

static void store(std::string line) { g_log.push_back(std::move(line)); }

int main() {
  std::string message = "connection established to the primary replica";
  store(std::move(message));
  std::printf("stored %zu chars\n", message.size()); // EXPECT: use_after_move
  return 0;
}
