// bug_dangling_std_function_global.cpp
// What: setup() installs an exit hook in a global std::function; the hook
//   is a [&] lambda reading setup()'s local exit code; main runs the hook
//   at the end, long after setup() returned.
// Written from: "a [&x] lambda stored into a global std::function and called
//   after x died".
// Shape: CWE-416-like use through a stored closure; Rust E0373/E0597 (the
//   boxed closure would need 'static).
// Seeded bug: one dangling_borrow, at the assignment of the hook.
#include <cstdio>
#include <functional>

static std::function<int()> g_on_exit;
static volatile int sink;

static void setup(int verbosity) {
  int exit_code = verbosity > 2 ? 1 : 0;
  g_on_exit = [&exit_code] { return exit_code; }; // EXPECT: dangling_borrow
}

int main() {
  setup(1);
  std::printf("working\n");
  if (g_on_exit)
    sink = g_on_exit(); // USE: dangling_borrow
  return 0;
}
