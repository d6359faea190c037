// bug_move_optional.cpp
// What: a cached std::optional<std::string> is moved into the result, and
//   the cache is then tested and read (a moved-from optional still holds a
//   value -- the moved-from string).
// Written from: "std::optional moved and then used (has_value / ->)".
// Shape: use after move (clang-tidy bugprone-use-after-move; Rust E0382).
// Seeded bug: one use_after_move, at the use of the moved-from optional.
#include <cstdio>
#include <optional>
#include <string>

int main() {
  std::optional<std::string> cached = std::string("rendered page body, large enough for the heap");
  std::optional<std::string> result = std::move(cached);
  std::size_t cached_len = cached.has_value() ? cached->size() : 0; // EXPECT: use_after_move
  std::printf("result %zu, cache %zu\n", result ? result->size() : 0, cached_len);
  return 0;
}
