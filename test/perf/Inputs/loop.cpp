// C++: a class with a non-inline destructor, references, a template and a
// std::string; each iteration creates, lends and drops `c`, `r` and `s`.
#include <cstdio>
#include <cstdlib>
#include <string>

struct Counter {
  int value = 0;
  void add(const int &v) { value += v; }
  ~Counter();
};
__attribute__((noinline)) Counter::~Counter() { value = -1; }

template <class T> T twice(const T &x) { return x + x; }

__attribute__((noinline)) long work(int n) {
  long total = 0;
  for (int i = 0; i < n; ++i) {
    Counter c;
    c.add(i);
    const Counter &r = c;
    std::string s(static_cast<size_t>(i % 8), 'x');
    total += twice(r.value) + static_cast<long>(s.size());
  }
  return total;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 1000;
  std::printf("%ld\n", work(n));
  return 0;
}
