// ok_swap_shrink.cpp
// What: the swap-with-temporary idiom to release a vector's memory
//   (std::vector<T>().swap(v)), swap of two member vectors through a
//   member function, and a copy-and-swap assignment operator.
// Written from: "swap idioms: shrink-to-fit by swap, copy-and-swap".
// Shape: everyday (pre-C++11 and current) C++.
// Correct: each swap exchanges two distinct objects. No EXPECT lines.
#include <cstdio>
#include <utility>
#include <vector>

class Bag {
public:
  explicit Bag(std::vector<int> v) : items_(std::move(v)) {}
  Bag(const Bag &) = default;
  Bag &operator=(Bag other) {
    items_.swap(other.items_);
    return *this;
  }
  std::size_t size() const { return items_.size(); }

private:
  std::vector<int> items_;
};

int main() {
  std::vector<int> big(1000, 7);
  big.resize(3);
  std::vector<int>(big).swap(big);
  std::vector<int> scratch(500, 1);
  std::vector<int>().swap(scratch);
  Bag a(std::vector<int>{1, 2, 3}), b(std::vector<int>{4});
  a = b;
  std::printf("%zu %zu %zu %zu\n", big.size(), scratch.capacity(), a.size(), b.size());
  return 0;
}
