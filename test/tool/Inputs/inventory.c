/* The example behind docs/tool.md and the tool's tests: a small inventory
   with shared and mutable borrows by variables and by calls, a loop that
   creates a variable per iteration, and several functions. */
#include <stdio.h>

struct item {
  const char *name;
  int count;
};

__attribute__((noinline)) static int total(const struct item *items, int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += items[i].count;
  return sum;
}

__attribute__((noinline)) static void restock(struct item *it, int amount) {
  int before = it->count;
  it->count = before + amount;
}

__attribute__((noinline)) static void show(const struct item *it) {
  printf("%s: %d\n", it->name, it->count);
}

int main(void) {
  struct item stock[3] = {{"bolts", 4}, {"nuts", 12}, {"gears", 2}};
  int threshold = 5;
  const int *limit = &threshold;
  for (int i = 0; i < 3; ++i) {
    struct item *slot = &stock[i];
    if (slot->count < *limit)
      restock(slot, 10);
  }
  struct item best = stock[1];
  show(&best);
  int sum = total(stock, 3);
  printf("total %d\n", sum);
  return 0;
}
