// bug_move_thread.cpp
// What: a std::thread is moved into a worker list and the original handle
//   is then asked joinable() to decide whether to join it.
// Written from: "a std::thread used after being moved into a container".
// Shape: use after move (the moved-from thread is valid but empty; Rust
//   E0382).
// Seeded bug: one use_after_move, at the joinable() call.
#include <cstdio>
#include <thread>
#include <vector>

static void work(int *out) { *out = 42; }

int main() {
  int result = 0;
  std::vector<std::thread> workers;
  std::thread t(work, &result);
  workers.push_back(std::move(t));
  bool own = t.joinable(); // EXPECT: use_after_move
  for (std::thread &w : workers)
    w.join();
  std::printf("result %d, own handle joinable %d\n", result, own);
  return 0;
}
