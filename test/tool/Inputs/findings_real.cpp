// For the findings tests (browser/findings_real.test, findings_views.test):
// a real program with three real bugs, one of each check, the dangling
// borrow on a second thread:
//   - a worker's pointer outlives the block whose variable it points to
//     (dangling_borrow: owner `local`, holder `slot`, thread 2);
//   - a string is used after it was moved (use_after_move: owner `name`,
//     moved to `taken`);
//   - a reference into a vector is held across push_back (borrow_conflict:
//     owner `items`, holder `first`).
// The same shapes as test/check/corpus/bug_dangling_scope.c,
// bug_use_after_move.cpp and bug_conflict_ref_across_push_back.cpp.
#include <cstdio>
#include <string>
#include <thread>
#include <utility>
#include <vector>

static volatile int sink;

static void worker() {
  int *slot;
  {
    int local = 42;
    slot = &local;
  }
  std::printf("%d\n", slot != nullptr);
}

int main() {
  std::thread t(worker);
  t.join();

  std::string name = "borrowscope";
  std::string taken = std::move(name);
  std::printf("%zu %s\n", name.size(), taken.c_str());

  std::vector<int> items;
  items.push_back(40);
  int &first = items[0];
  items.push_back(25);
  sink = first;
  return 0;
}
