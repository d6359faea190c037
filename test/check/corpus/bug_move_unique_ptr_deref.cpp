// bug_move_unique_ptr_deref.cpp
// What: a connection handle (std::unique_ptr) is moved into a pool slot and
//   the original is dereferenced afterwards; a null check keeps the run
//   from crashing, but the code still uses the moved-from pointer.
// Written from: clang-tidy bugprone-use-after-move docs: "std::unique_ptr
//   moved then dereferenced" (the check warns on smart pointers only when
//   they are dereferenced).
// Shape: use after move (Rust E0382).
// Seeded bug: one use_after_move, at the dereference after the move.
#include <cstdio>
#include <memory>
#include <utility>

struct Conn {
  int fd;
};

int main() {
  auto conn = std::make_unique<Conn>(Conn{5});
  std::unique_ptr<Conn> slot = std::move(conn);
  std::printf("fd %d, slot %d\n", conn ? conn->fd : -1, slot->fd); // EXPECT: use_after_move
  return 0;
}
