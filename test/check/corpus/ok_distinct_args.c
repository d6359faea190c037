// ok_distinct_args.c
// What: functions that write through two pointer parameters are called with
//   two distinct objects: f(&a, &b), swap of two structs, a transfer between
//   two accounts.
// Written from: "`f(&a, &b)` with distinct objects".
// Shape: everyday C.
// Correct: the two arguments never alias. No EXPECT lines.
#include <stdio.h>

struct account {
  long balance;
};

static void transfer(struct account *from, struct account *to, long amount) {
  from->balance -= amount;
  to->balance += amount;
}

static void swap_ints(int *x, int *y) {
  int t = *x;
  *x = *y;
  *y = t;
}

int main(void) {
  struct account a = {100}, b = {20};
  transfer(&a, &b, 30);
  transfer(&b, &a, 5);
  int x = 1, y = 2;
  swap_ints(&x, &y);
  int arr[3] = {7, 8, 9};
  swap_ints(&arr[0], &arr[2]);
  printf("%ld %ld %d %d %d %d\n", a.balance, b.balance, x, y, arr[0], arr[2]);
  return 0;
}
