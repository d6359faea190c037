// bug_move_shared_ptr.cpp
// What: a shared_ptr to a session is moved into a worker's queue, then the
//   original is used to print the session id (guarded, so no crash).
// Written from: "use of a std::shared_ptr after std::move-ing it".
// Shape: use after move (clang-tidy bugprone-use-after-move on the
//   dereference; Rust E0382).
// Seeded bug: one use_after_move, at the dereference after the move.
#include <cstdio>
#include <deque>
#include <memory>

struct Session {
  int id;
};

int main() {
  std::deque<std::shared_ptr<Session>> queue;
  auto session = std::make_shared<Session>(Session{81});
  queue.push_back(std::move(session));
  int id = session ? session->id : -1; // EXPECT: use_after_move
  std::printf("queued %zu, id %d\n", queue.size(), id);
  return 0;
}
