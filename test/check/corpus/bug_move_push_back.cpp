// bug_move_push_back.cpp
// What: records are moved into a vector with push_back(std::move(rec)),
//   then the code prints rec.name "for the log".
// Written from: clang-tidy bugprone-use-after-move docs:
//   "`push_back(std::move(x))` then using x".
// Shape: use after move (Rust E0382).
// Seeded bug: one use_after_move, at the use of rec after push_back.
#include <cstdio>
#include <string>
#include <vector>

struct Record {
  std::string name;
  int age;
};

int main() {
  std::vector<Record> people;
  Record rec{"Margaret Hamilton-Whitfield", 33};
  people.push_back(std::move(rec));
  std::printf("added '%s' (%zu people)\n", rec.name.c_str(), people.size()); // EXPECT: use_after_move
  return 0;
}
