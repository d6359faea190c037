// bug_move_forward_twice.cpp
// What: a generic "store and index" helper forwards its argument twice;
//   called with an rvalue, the first std::forward moves the string into the
//   store and the second forwards the moved-from string into the index.
// Written from: clang-tidy bugprone-use-after-move docs: std::forward counts
//   as a move ("use after std::forward").
// Shape: use after move (Rust E0382).
// Seeded bug: one use_after_move, at the second std::forward.
#include <cstdio>
#include <set>
#include <string>
#include <utility>
#include <vector>

static std::vector<std::string> g_store;
static std::set<std::string> g_index;

template <typename T> static void store_and_index(T &&value) {
  g_store.push_back(std::forward<T>(value));
  g_index.insert(std::forward<T>(value)); // EXPECT: use_after_move
}

int main() {
  std::string doc = "document text that is long enough to need the heap";
  store_and_index(std::move(doc));
  std::printf("store %zu, index %zu\n", g_store.size(), g_index.size());
  return 0;
}
