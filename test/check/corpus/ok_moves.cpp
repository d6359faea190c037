// Correct: moved-from values are assigned anew before use, or only
// destroyed.
#include <cstdio>
#include <memory>
#include <string>
#include <utility>

int main() {
  std::string a = "first";
  std::string b = std::move(a);
  a = "second"; // assigned anew: usable again
  std::unique_ptr<int> p = std::make_unique<int>(3);
  std::unique_ptr<int> q = std::move(p); // p is only destroyed afterwards
  std::printf("%s %s %d\n", a.c_str(), b.c_str(), *q);
  return 0;
}
