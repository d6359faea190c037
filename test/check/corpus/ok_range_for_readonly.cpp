// ok_range_for_readonly.cpp
// What: range-for loops that only read the container they iterate and push
//   into a *different* container; then the original is modified after the
//   loop ended.
// Written from: "iterate one container, build another; modify only after
//   the loop" (the fix for modifying-while-iterating).
// Shape: everyday C++.
// Correct: the iterated container is never modified during iteration.
#include <cstdio>
#include <string>
#include <vector>

int main() {
  std::vector<std::string> names{"ada", "grace", "barbara", "frances"};
  std::vector<std::string> long_names;
  for (const std::string &n : names)
    if (n.size() > 4)
      long_names.push_back(n);
  std::size_t total = 0;
  for (const std::string &n : long_names)
    total += n.size();
  names.push_back("radia");
  for (std::string &n : names)
    n[0] = static_cast<char>(n[0] - 32);
  std::printf("%zu long, %zu chars, first %s\n", long_names.size(), total, names[0].c_str());
  return 0;
}
