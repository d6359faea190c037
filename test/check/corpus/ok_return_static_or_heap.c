// ok_return_static_or_heap.c
// What: functions that return pointers to static storage (a static local
//   counter, a static buffer, a string literal) and to heap memory the
//   caller frees.
// Written from: "returning an address that is not on the stack: static,
//   literal, malloc" (looks like CWE-562 but is not).
// Shape: everyday C (strerror-like tables, getters for singletons).
// Correct: no address of an automatic variable escapes. No EXPECT lines.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int *counter(void) {
  static int calls;
  ++calls;
  return &calls;
}

static const char *level_name(int level) {
  static const char *const names[] = {"debug", "info", "warn"};
  return level >= 0 && level < 3 ? names[level] : "unknown";
}

static const char *hex(unsigned v) {
  static char buf[12];
  snprintf(buf, sizeof buf, "0x%x", v);
  return buf;
}

static char *dup_upper(const char *s) {
  size_t n = strlen(s);
  char *out = malloc(n + 1);
  if (!out)
    return NULL;
  for (size_t i = 0; i <= n; ++i)
    out[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
  return out;
}

int main(void) {
  counter();
  int *c = counter();
  char *up = dup_upper("borrow");
  printf("%d %s %s %s\n", *c, level_name(1), hex(255), up ? up : "?");
  free(up);
  return 0;
}
