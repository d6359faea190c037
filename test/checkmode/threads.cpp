// Threads in check mode: each thread's records reach the checker in
// batches cut at one moment for all threads and merged by time, as the
// trace reader merges a trace; BORROWSCOPE_MODE=both gives the trace of the
// same run, and `borrowscope check` on it prints the same lines. Small
// windows make many batches.
//
// RUN: rm -rf %t.dir && mkdir %t.dir && cd %t.dir
// RUN: %bsclangxx -O1 -pthread %s -o prog
// RUN: env BORROWSCOPE_MODE=both BORROWSCOPE_BUFFER_EVENTS=128 BORROWSCOPE_OUTPUT=%t.dir/t.trace ./prog 2> err
// RUN: not %borrowscope check t.trace > check
// RUN: grep -v "^borrowscope: " err > lines
// RUN: diff lines check
// RUN: FileCheck %s < err

#include <string>
#include <thread>
#include <utility>
#include <vector>

static const int *seen[4];

__attribute__((noinline)) static void remember(int slot) {
  int local = slot;
  seen[slot] = &local; // dangles at the return, in every thread
}

__attribute__((noinline)) static size_t work(int slot) {
  size_t total = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string s(20, char('a' + slot));
    std::string moved = std::move(s);
    total += moved.size();
  }
  remember(slot);
  return total;
}

int main() {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t] { work(t); });
  for (std::thread &t : threads)
    t.join();
  return 0;
}

// CHECK: threads.cpp:24:14: dangling_borrow: 'local' {{.*}} (4 times)
// CHECK-NEXT: borrowscope: 1 finding (1 dangling_borrow; 4 cases) in ./prog (pid {{[0-9]+}}), {{[0-9]+}} events checked
