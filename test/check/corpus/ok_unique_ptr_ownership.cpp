// ok_unique_ptr_ownership.cpp
// What: std::unique_ptrs are moved into a container and into a sink
//   function; afterwards only the container's elements are used, and the
//   moved-from locals are simply destroyed (or tested for null only after
//   being reassigned).
// Written from: "transfer of unique ownership; the moved-from pointer is
//   never used again".
// Shape: everyday C++ (factories, owning containers).
// Correct: no moved-from object is used. No EXPECT lines.
#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

struct Shape {
  int sides;
};

static int g_consumed;

static void consume(std::unique_ptr<Shape> s) { g_consumed += s->sides; }

int main() {
  std::vector<std::unique_ptr<Shape>> shapes;
  for (int i = 3; i <= 5; ++i) {
    auto s = std::make_unique<Shape>(Shape{i});
    shapes.push_back(std::move(s));
  }
  auto tri = std::make_unique<Shape>(Shape{3});
  consume(std::move(tri));
  tri = std::make_unique<Shape>(Shape{30});
  int sides = 0;
  for (const auto &s : shapes)
    sides += s->sides;
  std::printf("sides %d consumed %d tri %d\n", sides, g_consumed, tri->sides);
  return 0;
}
