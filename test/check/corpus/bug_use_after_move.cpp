// Bug: a string is used after its contents were moved away.
#include <cstdio>
#include <string>
#include <utility>

int main() {
  std::string name = "borrowscope";
  std::string taken = std::move(name);
  std::printf("%zu %s\n", name.size(), taken.c_str()); // EXPECT: use_after_move
  return 0;
}
