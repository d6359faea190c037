// ok_move_loop_fresh.cpp
// What: objects moved inside a loop body are declared inside the body, so
//   every iteration moves a fresh object; a reused outer variable is
//   re-assigned at the top of each iteration before any use.
// Written from: "moves in a loop done right" (the contrast case of
//   clang-tidy's moved-in-a-loop warning).
// Shape: everyday C++.
// Correct: no iteration uses an object moved by a previous one.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

int main() {
  std::vector<std::string> out;
  for (int i = 0; i < 3; ++i) {
    std::string s = "fresh string number " + std::to_string(i) + " for the heap";
    out.push_back(std::move(s));
  }
  std::string line;
  for (int i = 0; i < 3; ++i) {
    line = "reused line " + std::to_string(i);
    line += " (re-assigned before use)";
    out.push_back(std::move(line));
  }
  std::printf("%zu lines, last %s\n", out.size(), out.back().c_str());
  return 0;
}
