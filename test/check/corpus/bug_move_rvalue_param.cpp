// bug_move_rvalue_param.cpp
// What: Cache::put(std::string&&) takes ownership of the key (it moves from
//   it inside); the caller passes std::move(key) and then uses key again
//   for a lookup.
// Written from: clang-tidy bugprone-use-after-move docs: "use after
//   std::move into a T&& parameter (that is moved from)".
// Shape: use after move (Rust E0382).
// Seeded bug: one use_after_move, at the lookup using the moved key.
#include <cstdio>
#include <map>
#include <string>

class Cache {
public:
  void put(std::string &&key, int value) { entries_.emplace(std::move(key), value); }
  int get(const std::string &key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? -1 : it->second;
  }

private:
  std::map<std::string, int> entries_;
};

int main() {
  Cache cache;
  std::string key = "session-token-0123456789abcdef";
  cache.put(std::move(key), 7);
  std::printf("lookup: %d\n", cache.get(key)); // EXPECT: use_after_move
  return 0;
}
