// bug_move_lambda_init_capture.cpp
// What: a task is built with an init-capture `[payload = std::move(payload)]`
//   and the code then logs payload.size() from the moved-from original.
// Written from: "moving into a lambda's init-capture, then using the
//   original variable".
// Shape: use after move (clang-tidy bugprone-use-after-move; Rust E0382:
//   value moved into closure).
// Seeded bug: one use_after_move, at the size() call.
#include <cstdio>
#include <functional>
#include <string>

int main() {
  std::string payload = "a request body that is long enough to live on the heap";
  std::function<std::size_t()> task = [payload = std::move(payload)] { return payload.size(); };
  std::printf("queued %zu bytes, task sees %zu\n", payload.size(), task()); // EXPECT: use_after_move
  return 0;
}
