// bug_move_emplace_map.cpp
// What: a header table emplaces (name, std::move(value)) into a std::map and
//   then prints the value "that was just stored" from the moved-from local.
// Written from: "emplace/insert with std::move(value) followed by a use of
//   value" (a variant of the push_back case of bugprone-use-after-move).
// Shape: use after move (Rust E0382).
// Seeded bug: one use_after_move, at the use of value.
#include <cstdio>
#include <map>
#include <string>

int main() {
  std::map<std::string, std::string> headers;
  std::string name = "Content-Type";
  std::string value = "application/json; charset=utf-8; profile=extended";
  headers.emplace(name, std::move(value));
  std::printf("%s has %zu chars (%zu headers)\n", name.c_str(), value.length(), // EXPECT: use_after_move
              headers.size());
  return 0;
}
