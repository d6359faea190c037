// C++ the pass has work to do on: exceptions (unwind drops), virtual calls,
// lambdas capturing by reference, templates, std::vector, move.
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

struct Shape {
  virtual ~Shape() = default;
  virtual int area() const = 0;
};
struct Rect : Shape {
  int w, h;
  Rect(int w, int h) : w(w), h(h) {}
  int area() const override { return w * h; }
};

template <class T> T checked_sum(const std::vector<T> &v) {
  T total{};
  for (const T &x : v) {
    if (x < 0)
      throw std::invalid_argument("negative");
    total += x;
  }
  return total;
}

int features(int n) {
  std::vector<std::unique_ptr<Shape>> shapes;
  for (int i = 0; i < n; ++i)
    shapes.push_back(std::make_unique<Rect>(i, i + 1));
  std::vector<int> areas;
  int seen = 0;
  auto record = [&](const Shape &s) { areas.push_back(s.area()); ++seen; };
  for (const auto &s : shapes)
    record(*s);
  std::vector<int> moved = std::move(areas);
  try {
    return checked_sum(moved) + seen;
  } catch (const std::exception &e) {
    return -1;
  }
}
