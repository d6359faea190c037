// ok_array_params.c
// What: local arrays passed to functions as pointer + length (fill, prefix
//   sums from one array into another, in-place reverse), with pointer
//   arithmetic that stays in bounds.
// Written from: "passing local arrays to functions".
// Shape: everyday C.
// Correct: all pointers are used during the calls only; source and
//   destination are distinct where both are written/read.
#include <stdio.h>

static void fill(int *a, int n, int start) {
  for (int *p = a; p < a + n; ++p)
    *p = start++;
}

static void prefix(int *dst, const int *src, int n) {
  int s = 0;
  for (int i = 0; i < n; ++i)
    dst[i] = s += src[i];
}

static void reverse(int *a, int n) {
  for (int *l = a, *r = a + n - 1; l < r; ++l, --r) {
    int t = *l;
    *l = *r;
    *r = t;
  }
}

int main(void) {
  int a[6], sums[6];
  fill(a, 6, 1);
  prefix(sums, a, 6);
  reverse(a, 6);
  printf("%d %d %d\n", a[0], sums[5], sums[2]);
  return 0;
}
