// bug_move_conditional.cpp
// What: a retry loop moves the request into send() only when `urgent` is
//   set, and afterwards always reads the request's size; in this run urgent
//   is true, so the read is on a moved-from string.
// Written from: clang-tidy bugprone-use-after-move docs: "the move may
//   happen on some paths" (the check says the object "may be used after it
//   was moved").
// Shape: use after a conditional move (Rust E0382: value moved here, in
//   one branch).
// Seeded bug: one use_after_move, at the size() call after the if.
#include <cstdio>
#include <string>

static std::size_t g_sent;

static void send(std::string req) { g_sent += req.size(); }

int main(int argc, char **) {
  bool urgent = argc > 0;
  std::string request = "GET /inventory/items?page=2&per_page=100 HTTP/1.1";
  if (urgent)
    send(std::move(request));
  std::printf("request size %zu, sent %zu\n", request.size(), g_sent); // EXPECT: use_after_move
  return 0;
}
