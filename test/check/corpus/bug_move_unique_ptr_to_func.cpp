// bug_move_unique_ptr_to_func.cpp
// What: a parser node (std::unique_ptr) is handed to adopt(), which takes it
//   by value, and then the caller reads node.get() to link a sibling.
// Written from: "a std::unique_ptr moved into a function and then used".
// Shape: use after move (Rust E0382; clang-tidy's bugprone-use-after-move
//   ignores get() on a moved-from smart pointer, which is well defined).
// Seeded bug: one use_after_move, at the get() call after the move.
#include <cstdio>
#include <memory>
#include <vector>

struct Node {
  int kind;
};

static std::vector<std::unique_ptr<Node>> g_tree;

static void adopt(std::unique_ptr<Node> n) { g_tree.push_back(std::move(n)); }

int main() {
  auto node = std::make_unique<Node>(Node{3});
  adopt(std::move(node));
  const Node *sibling_of = node.get(); // EXPECT: use_after_move
  std::printf("tree %zu, linked %d\n", g_tree.size(), sibling_of != nullptr);
  return 0;
}
