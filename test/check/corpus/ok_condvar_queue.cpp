// ok_condvar_queue.cpp
// What: a producer and a consumer thread share a local queue, mutex and
//   condition variable by reference; both are joined before the locals are
//   destroyed.
// Written from: "threads borrowing locals, joined before they die"
//   (producer/consumer with std::condition_variable).
// Shape: everyday C++ concurrency.
// Correct: every access is under the mutex and the threads end first.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <queue>
#include <thread>

int main() {
  std::queue<int> q;
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  long consumed = 0;
  std::thread producer([&] {
    for (int i = 1; i <= 100; ++i) {
      std::lock_guard<std::mutex> lock(m);
      q.push(i);
      cv.notify_one();
    }
    std::lock_guard<std::mutex> lock(m);
    done = true;
    cv.notify_one();
  });
  std::thread consumer([&] {
    std::unique_lock<std::mutex> lock(m);
    for (;;) {
      cv.wait(lock, [&] { return !q.empty() || done; });
      while (!q.empty()) {
        consumed += q.front();
        q.pop();
      }
      if (done)
        return;
    }
  });
  producer.join();
  consumer.join();
  std::printf("consumed %ld\n", consumed);
  return 0;
}
