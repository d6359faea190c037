// ok_move_then_assign.cpp
// What: a line accumulator moves the current line into the output and
//   immediately re-assigns it with `=` before appending to it again.
// Written from: "moved-from objects re-assigned (=) before reuse"
//   (clang-tidy bugprone-use-after-move: assignment reinitialises).
// Shape: everyday C++.
// Correct: every use of `line` after a move follows a re-assignment.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

int main() {
  const char *text = "one two three";
  std::vector<std::string> words;
  std::string word;
  for (const char *p = text;; ++p) {
    if (*p == ' ' || *p == '\0') {
      words.push_back(std::move(word));
      word = std::string();
      if (*p == '\0')
        break;
    } else {
      word += *p;
    }
  }
  std::string name = "first";
  std::string other = std::move(name);
  name = "second";
  std::printf("%zu words, %s %s\n", words.size(), name.c_str(), other.c_str());
  return 0;
}
