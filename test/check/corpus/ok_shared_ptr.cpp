// ok_shared_ptr.cpp
// What: shared ownership with std::shared_ptr copies, a std::weak_ptr cache
//   that lock()s before use, and a shared_ptr moved into a list whose
//   moved-from source is immediately re-assigned.
// Written from: "shared_ptr/weak_ptr done right".
// Shape: everyday C++.
// Correct: no use of moved-from objects; weak_ptr is checked via lock().
#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

struct Texture {
  int id;
};

int main() {
  std::vector<std::shared_ptr<Texture>> scene;
  auto tex = std::make_shared<Texture>(Texture{1});
  std::weak_ptr<Texture> cache = tex;
  scene.push_back(tex);
  scene.push_back(std::move(tex));
  tex = std::make_shared<Texture>(Texture{2});
  int live = 0;
  if (auto locked = cache.lock())
    live = locked->id;
  scene.clear();
  std::printf("live %d, expired %d, tex %d\n", live, cache.expired(), tex->id);
  return 0;
}
