// ok_thread_join.cpp
// What: worker std::threads get references to local partial sums (one each)
//   and a shared const input; all are joined before the locals go away.
// Written from: "threads joined before their borrowed locals die".
// Shape: everyday C++ (fork/join parallel sum; what Rust's thread::scope
//   allows).
// Correct: each thread writes only its own slot and is joined before the
//   slots and the input are destroyed. No EXPECT lines.
#include <cstdio>
#include <functional>
#include <thread>
#include <vector>

static void partial(const std::vector<int> &data, std::size_t begin, std::size_t end, long &out) {
  long s = 0;
  for (std::size_t i = begin; i < end; ++i)
    s += data[i];
  out = s;
}

int main() {
  std::vector<int> data(1000);
  for (std::size_t i = 0; i < data.size(); ++i)
    data[i] = static_cast<int>(i);
  long parts[4] = {0, 0, 0, 0};
  {
    std::vector<std::thread> pool;
    for (int t = 0; t < 4; ++t)
      pool.emplace_back(partial, std::cref(data), t * 250u, (t + 1) * 250u, std::ref(parts[t]));
    for (std::thread &t : pool)
      t.join();
  }
  std::printf("sum %ld\n", parts[0] + parts[1] + parts[2] + parts[3]);
  return 0;
}
