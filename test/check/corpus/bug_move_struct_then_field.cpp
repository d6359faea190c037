// bug_move_struct_then_field.cpp
// What: an HTTP request struct is moved as a whole into a dispatcher, and
//   the caller then reads req.url to build a log line.
// Written from: "a member of a moved-from object accessed after the whole
//   object was moved".
// Shape: use after move (Rust E0382: borrow of moved value `req`).
// Seeded bug: one use_after_move, at the access to req.url.
#include <cstdio>
#include <string>
#include <vector>

struct Request {
  std::string url;
  std::vector<std::string> headers;
};

static std::vector<Request> g_dispatched;

static void dispatch(Request r) { g_dispatched.push_back(std::move(r)); }

int main() {
  Request req{"https://example.org/api/v2/orders/recent", {"Accept: */*"}};
  dispatch(std::move(req));
  std::printf("dispatched %zu, url length %zu\n", g_dispatched.size(), req.url.size()); // EXPECT: use_after_move
  return 0;
}
