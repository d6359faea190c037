// An instrumented shared library, linked or loaded with dlopen.
__attribute__((noinline)) static void add(int *total, int n) { *total += n; }

int lib_sum(int n) {
  int total = 0;
  for (int i = 1; i <= n; ++i)
    add(&total, i);
  return total;
}
