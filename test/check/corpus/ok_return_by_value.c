// ok_return_by_value.c
// What: helpers return structs by value (a point, a fixed-size string in a
//   struct) and a caller-provided buffer is filled and returned; nothing
//   returns the address of a local.
// Written from: "return a struct by value instead of a pointer to a local;
//   return the caller's buffer" (the fixed versions of CWE-562).
// Shape: everyday C.
// Correct: only values and caller-owned addresses leave the functions.
#include <stdio.h>

struct point {
  int x, y;
};

struct name {
  char text[24];
};

static struct point midpoint(struct point a, struct point b) {
  struct point m = {(a.x + b.x) / 2, (a.y + b.y) / 2};
  return m;
}

static struct name make_name(int id) {
  struct name n;
  snprintf(n.text, sizeof n.text, "user%03d", id);
  return n;
}

static char *format_into(char *buf, size_t cap, int v) {
  snprintf(buf, cap, "<%d>", v);
  return buf;
}

int main(void) {
  struct point m = midpoint((struct point){0, 0}, (struct point){10, 4});
  struct name n = make_name(7);
  char buf[16];
  const char *s = format_into(buf, sizeof buf, 42);
  printf("%d %d %s %s\n", m.x, m.y, n.text, s);
  return 0;
}
