// ok_move_then_emplace.cpp
// What: a std::optional<std::string> "pending" slot is moved into the
//   output, then re-engaged with emplace() (or reset()) before the next use.
// Written from: "moved-from objects re-initialised with emplace() before
//   reuse".
// Shape: everyday C++ (a one-slot mailbox).
// Correct: emplace/reset re-initialise the optional before it is read.
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

int main() {
  std::vector<std::string> out;
  std::optional<std::string> pending;
  for (int i = 0; i < 4; ++i) {
    pending.emplace("message number " + std::to_string(i));
    if (i % 2 == 0) {
      out.push_back(std::move(*pending));
      pending.reset();
    } else {
      std::optional<std::string> taken = std::move(pending);
      pending.emplace("replacement");
      out.push_back(*taken + "/" + *pending);
    }
  }
  std::printf("%zu messages, last '%s'\n", out.size(), out.back().c_str());
  return 0;
}
