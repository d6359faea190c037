// C the pass has work to do on: structs by value and by pointer, a VLA in a
// loop, a switch, goto, a static function, const pointers, a function pointer.
#include <string.h>

struct point { int x, y; };

static int dot(const struct point *a, const struct point *b) {
  return a->x * b->x + a->y * b->y;
}

int apply(int (*f)(int), int v) { return f(v); }

int features(int n, const char *text) {
  struct point p = {n, 2 * n}, q = {3, 4};
  int sum = dot(&p, &q);
  for (int i = 1; i <= n; ++i) {
    int vla[i];
    memset(vla, 0, sizeof vla);
    vla[i - 1] = (int)strlen(text);
    sum += vla[i - 1];
  }
  switch (sum % 3) {
  case 0:
    goto done;
  case 1: {
    int *alias = &sum;
    *alias += 1;
    break;
  }
  default:
    sum -= 1;
  }
done:
  return sum;
}
