// ok_move_then_assign_method.cpp
// What: a std::string is moved into a message queue and then refilled with
//   assign() before being read; a vector is moved and then re-filled with
//   assign() too.
// Written from: "moved-from objects re-initialised with assign() before
//   reuse".
// Shape: everyday C++.
// Correct: assign() re-initialises the moved-from objects before use.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

int main() {
  std::vector<std::string> queue;
  std::string msg = "hello, this is the first message on the queue";
  queue.push_back(std::move(msg));
  msg.assign("second");
  queue.push_back(msg);
  std::vector<int> ids{1, 2, 3};
  std::vector<int> taken = std::move(ids);
  ids.assign(5, 0);
  std::printf("%zu %s %zu %zu\n", queue.size(), msg.c_str(), taken.size(), ids.size());
  return 0;
}
