// Bug: a unique_ptr is moved out of twice; the second owner gets nothing.
#include <cstdio>
#include <memory>
#include <utility>

int main() {
  std::unique_ptr<int> p = std::make_unique<int>(1);
  std::unique_ptr<int> a = std::move(p);
  std::unique_ptr<int> b = std::move(p); // EXPECT: use_after_move
  std::printf("%d %d\n", a ? *a : -1, b ? *b : -1);
  return 0;
}
