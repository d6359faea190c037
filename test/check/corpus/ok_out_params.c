// ok_out_params.c
// What: functions return results through out-parameters pointing at the
//   caller's locals (divmod, min/max, a parse function with an error slot).
// Written from: "out-parameters" (the C idiom for several results).
// Shape: everyday C (POSIX-style APIs: int f(args, T *out)).
// Correct: the out-pointers refer to locals of the caller, which outlive
//   the calls; nothing keeps them. No EXPECT lines.
#include <stdio.h>

static void divmod(int a, int b, int *q, int *r) {
  *q = a / b;
  *r = a % b;
}

static void min_max(const int *v, int n, int *lo, int *hi) {
  *lo = *hi = v[0];
  for (int i = 1; i < n; ++i) {
    if (v[i] < *lo)
      *lo = v[i];
    if (v[i] > *hi)
      *hi = v[i];
  }
}

static int parse_digit(char c, int *value) {
  if (c < '0' || c > '9')
    return -1;
  *value = c - '0';
  return 0;
}

int main(void) {
  int q, r, lo, hi, d = -1;
  int data[] = {7, -2, 9, 4};
  divmod(17, 5, &q, &r);
  min_max(data, 4, &lo, &hi);
  int err = parse_digit('x', &d) + parse_digit('8', &d);
  printf("%d %d %d %d %d %d\n", q, r, lo, hi, d, err);
  return 0;
}
