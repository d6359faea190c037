// bug_dangling_reference_wrapper.cpp
// What: add_defaults() appends std::cref() of its local default Setting to
//   a caller's vector of reference_wrappers; the caller reads it later.
// Written from: "std::reference_wrapper (std::ref/std::cref) of a local
//   stored into a container that outlives it".
// Shape: CWE-416-like use of stack memory through a stored reference; Rust
//   E0597.
// Seeded bug: one dangling_borrow, at the push_back of the cref.
#include <cstdio>
#include <functional>
#include <vector>

struct Setting {
  int key;
  int value;
};

static volatile int sink;

static void add_defaults(std::vector<std::reference_wrapper<const Setting>> &out) {
  Setting timeout{1, 30};
  out.push_back(std::cref(timeout)); // EXPECT: dangling_borrow
}

int main() {
  Setting retries{2, 5};
  std::vector<std::reference_wrapper<const Setting>> settings;
  settings.push_back(std::cref(retries));
  add_defaults(settings);
  for (const Setting &s : settings)
    sink = s.value; // USE: dangling_borrow
  std::printf("%zu settings\n", settings.size());
  return 0;
}
