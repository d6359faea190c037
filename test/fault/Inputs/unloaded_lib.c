// A library that dlclose_threads.c loads, calls and unloads many times.
__attribute__((noinline)) static void bump(int *p) { *p += 2; }

int unloaded_work(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) {
    int step = i;
    bump(&step);
    total += step;
  }
  return total;
}
